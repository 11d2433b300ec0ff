import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { examples, PASSWORD, type Harness } from '../http/harness.js';
import { accessibilityViolations, appUrl, browserSuite, fitsWidth, headingProblems, openPage, plain, visit, type OpenPage } from './browser.js';

/**
 * A whole event in Chromium, as the "done when" tells it: the organiser creates it with
 * intentions and three workshops, two leaders join by the link (one new), submit, are placed,
 * draft their plans in their workshop with the expert's comments, the plans are approved; the
 * clock moves to the follow-up date, one leader re-assesses with two actions done; the organiser
 * reads the bilan on the page and in its PDF, each intention against its figure.
 */
const suite = browserSuite();
let h: Harness;
const EVENT_DAY = '2026-12-03';
const FOLLOW_UP = '2027-06-03';
const opened: OpenPage[] = [];

async function browserAs(who: string | null): Promise<Page> {
  const open = await openPage(suite.browser, h);
  opened.push(open);
  if (who) await logInAs(open.page, who);
  return open.page;
}

/** Logs in with an address of the test (people made here are not in the harness's list). */
async function logInAs(page: Page, email: string): Promise<void> {
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('header nav').waitFor();
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(await headingProblems(page)).toEqual([]);
}

/** Answers an organisation's assessment through the page's own session, as the form's saves do. */
async function answerThroughPage(page: Page, assessmentId: number, example: string): Promise<void> {
  const { profile, answers } = examples.get(example)!;
  const status = await page.evaluate(async ({ id, profile, answers }) => {
    const current = await (await fetch(`/api/v1/assessments/${id}`)).json() as { version: number };
    const r = await fetch(`/api/v1/assessments/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: current.version, profile, answers }) });
    return r.status;
  }, { id: assessmentId, profile, answers });
  expect(status).toBe(200);
}

/** From the event page: start the assessment, answer it, submit it through the form's dialog. */
async function submitBeforeEvent(page: Page, eventId: number, example: string): Promise<number> {
  await visit(page, h, `#/events/${eventId}`);
  await page.getByText('Il manque votre évaluation soumise').waitFor();
  await page.getByRole('button', { name: 'Nouvelle évaluation' }).click();
  await page.waitForURL(/#\/assessments\/\d+\/fill\/profile$/);
  const assessmentId = Number(page.url().match(/assessments\/(\d+)/)![1]);
  await answerThroughPage(page, assessmentId, example);
  await visit(page, h, `#/assessments/${assessmentId}/fill/profile`);
  await page.getByRole('button', { name: 'Soumettre l’évaluation' }).click();
  await page.locator('dialog[open]').getByRole('button', { name: 'Soumettre', exact: true }).click();
  await page.waitForURL(`**/#/assessments/${assessmentId}/result`);
  await visit(page, h, `#/events/${eventId}`);
  await page.locator('[data-ready="true"]').waitFor();
  return assessmentId;
}

/** In the bilan PDF's text, what follows an intention's label: target, figure reached, outcome. */
function pdfRow(text: string, label: string): string | undefined {
  return new RegExp(`${label}[^]*?((?:\\d+|—) (?:\\d+|—) (?:atteint|non atteint|en cours|à apprécier))`).exec(text)?.[1];
}

beforeAll(async () => {
  h = suite.h;
  await h.addUser('orga', 'organiser');
  await h.addUser('expertB', 'expert');
  await h.addUser('expertC', 'expert');
});

describe('an event from its invitation to its bilan, in Chromium', () => {
  let eventId: number;
  let picked: { id: string; title: string; organisation: { name: string }; indicators: string[] };
  let link: string;
  let organiser: Page;

  it('when the organiser creates the event with its intentions and three workshops, then its page shows them', async () => {
    organiser = await browserAs('orga@test.org');
    await organiser.getByRole('heading', { level: 1, name: 'Événements' }).waitFor();
    await organiser.getByRole('link', { name: 'Nouvel événement' }).click();
    await organiser.getByRole('heading', { level: 1, name: 'Nouvel événement' }).waitFor();
    await organiser.getByLabel('Titre', { exact: true }).fill('De l’Impact Score à l’action — Montpellier');
    await organiser.getByLabel('Date', { exact: true }).fill(EVENT_DAY);
    await organiser.getByLabel('Date du suivi').fill(FOLLOW_UP);
    await organiser.getByLabel('Lieu').fill('Montpellier');
    await organiser.getByLabel('Partenaires').fill('Région Occitanie\nMontpellier Méditerranée Métropole');
    // Intentions: the form starts with one; four more.
    const intentions: [string, string, string?][] = [['participants', '2'], ['assessed-before', '2'], ['plans-approved', '2', '8'], ['actions-done', '2'], ['words', 'Que chaque participant reparte avec une première action datée.']];
    for (const [n, [kind, value, weeks]] of intentions.entries()) {
      if (n > 0) await organiser.getByRole('button', { name: 'Ajouter une intention' }).click();
      const box = organiser.locator('fieldset.intention').nth(n);
      await box.getByLabel('Type d’intention').selectOption(kind);
      if (kind === 'words') await box.getByLabel('L’intention', { exact: true }).fill(value);
      else await box.getByLabel('Objectif (nombre)').fill(value);
      if (weeks) await box.getByLabel(/Délai/).fill(weeks);
    }
    const workshops: [string, string, string][] = [['Stratégie et gouvernance', 'Stratégie', 'expertA@test.org'], ['Limiter les externalités', 'Limiter', 'expertB@test.org'], ['Partager la valeur', 'Partager', 'expertC@test.org']];
    for (const [n, [title, pillar, expert]] of workshops.entries()) {
      if (n > 0) await organiser.getByRole('button', { name: 'Ajouter un atelier' }).click();
      const box = organiser.locator('fieldset.workshop-fields').nth(n);
      await box.getByLabel('Titre de l’atelier').fill(title);
      const option = await box.getByLabel('Pilier', { exact: true }).locator('option', { hasText: pillar }).first().getAttribute('value');
      await box.getByLabel('Pilier', { exact: true }).selectOption(option!);
      await box.getByLabel('Experts').fill(expert);
    }
    // A testimony of the content's library picked for the first workshop.
    const first = organiser.locator('fieldset.workshop-fields').nth(0);
    await first.locator('.testimony-choices summary').click();
    // Those of the workshop's pillar come first: the first offered is one an action of the pillar cites.
    const library = (await h.call(null, 'GET', '/testimonies')).body as { testimonies: { id: string; title: string; organisation: { name: string }; indicators: string[] }[] };
    const firstOffered = plain(await first.locator('.testimony-choices label').first().textContent()).trim();
    picked = library.testimonies.find((x) => `${x.organisation.name} — ${x.title}` === firstOffered)!;
    const strategy = new Set(h.ctx.scorer.index.pillars.find((p) => p.id === 'strategy')!.indicators.map((i) => i.id));
    expect(picked.indicators.some((i) => strategy.has(i))).toBe(true);
    expect(library.testimonies[0]!.indicators.some((i) => strategy.has(i))).toBe(false); // Not simply the library's order.
    await first.locator('.testimony-choices input[type=checkbox]').first().check();
    // A testimony told in the second workshop, recorded for the event; its page first given as http://.
    const second = organiser.locator('fieldset.workshop-fields').nth(1);
    await second.getByRole('button', { name: 'Ajouter un témoignage recueilli pour l’événement' }).click();
    const told = second.locator('fieldset.recorded-testimony');
    await told.getByLabel('Organisation qui témoigne').fill('Scop du Lez');
    await told.getByLabel('Secteur d’activité').selectOption('F');
    await told.getByLabel(/^Ville/).fill('Montpellier');
    await told.getByLabel('Titre du témoignage').fill('Un premier bilan carbone');
    await told.getByLabel('Ce qu’elle a fait').fill('Mesuré ses émissions avec un bureau d’études local.');
    await told.getByLabel('Ce que cela a donné').fill('Un plan de réduction sur trois ans.');
    await told.getByLabel('Adresse où le lire').fill('http://exemple.fr/lez');
    await told.getByLabel('Publié par').fill('Le Lez');
    await told.getByLabel('Date de l’action').fill('2025');
    await expectAccessible(organiser);
    await organiser.getByRole('button', { name: 'Créer l’événement' }).click();
    // Refused in words next to the field; nothing typed is lost.
    const urlError = told.locator('.field-error');
    await urlError.waitFor();
    expect(plain(await urlError.textContent())).toContain('https://');
    expect(await organiser.getByLabel('Titre', { exact: true }).inputValue()).toBe('De l’Impact Score à l’action — Montpellier');
    expect(organiser.url()).toMatch(/#\/events\/new$/);
    await told.getByLabel('Adresse où le lire').fill('https://exemple.fr/lez');
    await organiser.getByRole('button', { name: 'Créer l’événement' }).click();
    await organiser.waitForURL(/#\/events\/\d+$/);
    eventId = Number(organiser.url().match(/events\/(\d+)/)![1]);
    await organiser.getByRole('heading', { level: 1, name: 'De l’Impact Score à l’action — Montpellier' }).waitFor();
    expect(plain(await organiser.locator('.intentions-list').textContent())).toContain('2 plans approuvés dans les 8 semaines');
    expect(await organiser.locator('[data-workshop]').count()).toBe(3);
    const created = (await h.call('orga', 'GET', `/events/${eventId}`)).body as { workshops: { title: string; testimonies: string[] }[] };
    expect(created.workshops.find((w) => w.title === 'Stratégie et gouvernance')!.testimonies).toEqual([picked.id]);
    await expectAccessible(organiser);
  });

  it('when they make an invitation link, then it shows once, to copy', async () => {
    await organiser.getByRole('button', { name: 'Créer un lien d’invitation' }).click();
    link = await organiser.getByLabel('Lien d’invitation').inputValue();
    expect(link).toMatch(/#\/join\/[A-Za-z0-9_-]+$/);
    expect(link.startsWith(appUrl(h))).toBe(true);
    await expectAccessible(organiser);
  });

  it('when someone was given the code by hand, then they type it from the login page, any case and spaces aside, and reach the invitation', async () => {
    const code = (await organiser.locator('.invitation-code').getAttribute('data-code'))!;
    const someone = await browserAs(null);
    await someone.getByRole('link', { name: 'J’ai un code d’invitation' }).click();
    await someone.getByLabel('Code d’invitation').fill('wrong/code');
    await someone.getByRole('button', { name: 'Voir l’invitation' }).click();
    await someone.getByText('Un code ne contient que des lettres').waitFor();
    await expectAccessible(someone);
    await someone.getByLabel('Code d’invitation').fill(` ${code.toLowerCase().replace(/-/g, ' ')} `);
    await someone.getByRole('button', { name: 'Voir l’invitation' }).click();
    await someone.getByRole('heading', { level: 1, name: /^Rejoindre/ }).waitFor();
  });

  let leaderA: Page;
  let newcomer: Page;
  it('when a leader with an account and a newcomer open the link, then both join: one logging in, one creating their account and organisation', async () => {
    leaderA = await browserAs(null);
    await leaderA.goto(link);
    await leaderA.getByRole('heading', { level: 1, name: /^Rejoindre/ }).waitFor();
    await expectAccessible(leaderA);
    await leaderA.getByRole('button', { name: 'J’ai déjà un compte' }).click();
    await leaderA.getByLabel('Adresse e-mail').fill('leaderA@test.org');
    await leaderA.getByLabel('Mot de passe').fill(PASSWORD);
    await leaderA.getByRole('button', { name: 'Se connecter' }).click();
    await leaderA.getByLabel('Organisation qui participe').selectOption({ label: 'Org A' });
    await leaderA.getByLabel('Nous acceptons d’être nommés').check();
    await leaderA.getByRole('button', { name: 'Rejoindre l’événement' }).click();
    await leaderA.waitForURL(`**/#/events/${eventId}`);

    newcomer = await browserAs(null);
    await newcomer.goto(link);
    await newcomer.getByRole('heading', { level: 1, name: /^Rejoindre/ }).waitFor();
    await newcomer.getByLabel('Vos prénom et nom').fill('Nadia Nouvelle');
    await newcomer.getByLabel('Adresse e-mail').fill('nadia@nouvelle.test');
    await newcomer.getByLabel('Mot de passe').fill(PASSWORD);
    await newcomer.getByLabel('Nom de votre organisation').fill('Nouvelle Scop');
    await newcomer.getByRole('button', { name: 'Créer mon compte et rejoindre' }).click();
    await newcomer.waitForURL(`**/#/events/${eventId}`);
    await newcomer.locator('header nav').waitFor();

    await visit(organiser, h, `#/events/${eventId}`);
    // The participants load after the page's heading: wait for the second before reading the list.
    await organiser.locator('[data-participant]').nth(1).waitFor();
    expect(await organiser.locator('[data-participant]').allTextContents()).toEqual([expect.stringContaining('Org A'), expect.stringContaining('Nouvelle Scop')]);
  });

  it('when each submits their assessment before the event, then the organiser sees both ready', async () => {
    await submitBeforeEvent(leaderA, eventId, 'insertion-esus');
    await submitBeforeEvent(newcomer, eventId, 'scop-40');
    await visit(organiser, h, `#/events/${eventId}`);
    await organiser.locator('[data-assessed="true"]').nth(1).waitFor();
    expect(await organiser.locator('[data-assessed]').count()).toBe(2);
  });

  const expertOf = new Map([['Stratégie et gouvernance', 'expertA@test.org'], ['Limiter les externalités', 'expertB@test.org'], ['Partager la valeur', 'expertC@test.org']]);
  const workshopOf = new Map<Page, string>();
  it('when the organiser opens the cohort, then each participant has the proposed workshop chosen, and saving places them', async () => {
    await visit(organiser, h, `#/events/${eventId}/cohort`);
    // Two participants: fewer than five, so the group's figures are withheld.
    await organiser.getByText('Les chiffres du groupe apparaissent à partir de 5').first().waitFor();
    const selects = organiser.locator('select.assign-select');
    expect(await selects.count()).toBe(2);
    for (const value of await selects.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value))) expect(value).not.toBe('');
    await expectAccessible(organiser);
    await organiser.getByRole('button', { name: 'Enregistrer la répartition' }).click();
    await organiser.locator('.save-saved').waitFor();
    for (const leader of [leaderA, newcomer]) {
      await visit(leader, h, `#/events/${eventId}`);
      const title = (await leader.locator('section[aria-label="Votre atelier"] p strong').first().textContent())!;
      expect(expertOf.has(title)).toBe(true);
      workshopOf.set(leader, title);
    }
    // Both organisations' weakest pillar is the externalities: the workshop covering it was proposed, and kept.
    expect([...workshopOf.values()]).toEqual(['Limiter les externalités', 'Limiter les externalités']);
  });

  it('when Org A’s expert writes their profile, then the participants of their workshop see it', async () => {
    const expert = await browserAs(expertOf.get(workshopOf.get(leaderA)!)!);
    await visit(expert, h, '#/profile');
    await expert.getByLabel('Votre organisation').fill('Réseau des entrepreneurs engagés');
    await expert.getByLabel('Votre territoire').fill('Hérault');
    await expert.getByLabel('Empreinte carbone mesurée').check();
    await expectAccessible(expert);
    await expert.getByRole('button', { name: 'Enregistrer' }).click();
    await expert.locator('.save-saved').waitFor();
    await visit(leaderA, h, `#/events/${eventId}`);
    const card = leaderA.locator('.expert-card');
    await card.getByText('Hérault', { exact: false }).waitFor();
    expect(plain(await card.textContent())).toContain('Peut vous aider sur : Empreinte carbone mesurée');
  });

  /** A leader drafts in their workshop: the workshop's first two actions, the draft shown to the expert. */
  async function draftInWorkshop(leader: Page): Promise<number> {
    await visit(leader, h, `#/events/${eventId}`);
    await leader.getByRole('link', { name: 'Préparer mon plan dans l’atelier' }).click();
    await leader.getByRole('heading', { level: 1, name: workshopOf.get(leader)! }).waitFor();
    await leader.getByRole('heading', { level: 2, name: 'Les actions de l’atelier pour vous' }).waitFor();
    await leader.locator('.testimony', { hasText: 'Scop du Lez' }).first().waitFor();
    await leader.locator('.suggestions').first().getByRole('button', { name: /^Créer un plan avec cette action/ }).first().click();
    await leader.locator('[data-plan-status="draft"]').waitFor();
    await leader.locator('.suggestions').first().getByRole('button', { name: /^Ajouter au plan/ }).first().click();
    await leader.locator('.suggestions .badge-approved').nth(1).waitFor();
    await leader.getByRole('button', { name: 'Montrer mon brouillon à l’expert' }).click();
    await leader.locator('[data-shared="true"]').waitFor();
    await expectAccessible(leader);
    return Number((await leader.locator('.workshop-plan a').first().getAttribute('href'))!.match(/plans\/(\d+)/)![1]);
  }

  async function expertComments(expertEmail: string, organisation: string, planId: number, comment: string): Promise<Page> {
    const expert = await browserAs(expertEmail);
    await visit(expert, h, `#/events/${eventId}`);
    await expert.locator('[data-workshop] a').first().click();
    const card = expert.locator('.participant-card', { hasText: organisation });
    await card.waitFor();
    expect(await card.locator('.participant-gaps li').count()).toBeGreaterThan(0);
    await expectAccessible(expert);
    await card.locator(`[data-plan="${planId}"] a`).click();
    await expert.waitForURL(`**/#/plans/${planId}`);
    await expert.getByLabel('Commentaire sur le plan').fill(comment);
    await expert.getByRole('button', { name: 'Envoyer le commentaire' }).last().click();
    await expert.getByText(comment).waitFor();
    return expert;
  }

  async function submitPlan(leader: Page, planId: number, comment: string): Promise<void> {
    await visit(leader, h, `#/plans/${planId}`);
    await leader.locator('.comments', { hasText: comment }).waitFor();
    await leader.getByRole('button', { name: 'Soumettre à l’expert' }).click();
    const anyway = leader.getByRole('button', { name: 'Soumettre quand même' });
    await Promise.race([anyway.waitFor().then(() => anyway.click()), leader.locator('[data-plan-status="submitted"]').waitFor()]);
    await leader.locator('[data-plan-status="submitted"]').waitFor();
  }

  async function approve(expert: Page, planId: number): Promise<void> {
    await visit(expert, h, `#/plans/${planId}`);
    await expert.getByRole('button', { name: 'Approuver le plan' }).click();
    await expert.locator('[data-plan-status="approved"]').waitFor();
  }

  let planA: number;
  it('when each leader drafts in their workshop and their expert comments, then they submit and the experts approve', async () => {
    planA = await draftInWorkshop(leaderA);
    const planNew = await draftInWorkshop(newcomer);
    const expertA = await expertComments(expertOf.get(workshopOf.get(leaderA)!)!, 'Org A', planA, 'Datez la première action avant mars.');
    const expertNew = expertOf.get(workshopOf.get(newcomer)!) === expertOf.get(workshopOf.get(leaderA)!) ? expertA
      : await expertComments(expertOf.get(workshopOf.get(newcomer)!)!, 'Nouvelle Scop', planNew, 'Qui porte la deuxième action ?');
    if (expertNew === expertA) {
      await visit(expertA, h, `#/plans/${planNew}`);
      await expertA.getByLabel('Commentaire sur le plan').fill('Qui porte la deuxième action ?');
      await expertA.getByRole('button', { name: 'Envoyer le commentaire' }).last().click();
      await expertA.getByText('Qui porte la deuxième action ?').waitFor();
    }
    await submitPlan(leaderA, planA, 'Datez la première action avant mars.');
    await submitPlan(newcomer, planNew, 'Qui porte la deuxième action ?');
    await approve(expertA, planA);
    await approve(expertNew, planNew);
  });

  it('when the clock reaches the follow-up date, then a leader marks two actions done, re-assesses from their answers and reads their own bilan', async () => {
    h.setNow(`${FOLLOW_UP}T09:00:00Z`);
    // Six months on, the session has long expired: the leader logs in again.
    await visit(leaderA, h, `#/events/${eventId}`);
    if (await leaderA.getByRole('heading', { level: 1, name: 'Connexion' }).isVisible()) {
      await logInAs(leaderA, 'leaderA@test.org');
      await visit(leaderA, h, `#/events/${eventId}`);
    }
    await leaderA.getByRole('heading', { level: 2, name: 'C’est l’heure du suivi' }).waitFor();
    await expectAccessible(leaderA);
    await leaderA.getByRole('link', { name: 'D’abord, marquez dans votre plan les actions faites' }).click();
    await leaderA.waitForURL(`**/#/plans/${planA}`);
    for (const n of [0, 1]) {
      await leaderA.locator('.plan-items > li').nth(n).locator('button[data-status="done"]').click();
      await leaderA.locator('.plan-items > li').nth(n).locator('button[data-status="done"][aria-pressed="true"]').waitFor();
    }
    await visit(leaderA, h, `#/events/${eventId}`);
    await leaderA.getByRole('button', { name: 'Refaire l’évaluation' }).click();
    await leaderA.waitForURL(/#\/assessments\/\d+\/fill\/profile$/);
    // Taken over from the previous answers: nothing is missing, it can be submitted as it is.
    await leaderA.getByRole('button', { name: 'Soumettre l’évaluation' }).click();
    await leaderA.locator('dialog[open]').getByRole('button', { name: 'Soumettre', exact: true }).click();
    await leaderA.waitForURL(/#\/assessments\/\d+\/result$/);
    await visit(leaderA, h, `#/events/${eventId}`);
    expect(plain(await leaderA.locator('[data-own-bilan]').textContent())).toContain('2 actions faites sur 2');
    await leaderA.getByRole('link', { name: 'Voir mon bilan' }).click();
    await leaderA.waitForURL(/#\/assessments\/\d+\/compare$/);
  });

  it('when the organiser reads the bilan, then each intention stands against its figure, on the page and in the PDF', async () => {
    await visit(organiser, h, `#/events/${eventId}/bilan`);
    if (await organiser.getByRole('heading', { level: 1, name: 'Connexion' }).isVisible()) {
      await logInAs(organiser, 'orga@test.org');
      await visit(organiser, h, `#/events/${eventId}/bilan`);
    }
    const row = (kind: string) => organiser.locator(`tr[data-intention="${kind}"]`);
    await row('participants').waitFor();
    const expected: [string, string, string][] = [['participants', '2', 'met'], ['assessed-before', '2', 'met'], ['plans-approved', '2', 'met'], ['actions-done', '2', 'met'], ['words', '', 'in-words']];
    for (const [kind, achieved, outcome] of expected) {
      expect({ kind, achieved: await row(kind).locator('[data-achieved]').getAttribute('data-achieved'), outcome: await row(kind).getAttribute('data-outcome') }).toEqual({ kind, achieved, outcome });
    }
    expect(plain(await organiser.locator('[data-count="items"]').textContent())).toContain('2 actions faites sur 4 prévues');
    await expectAccessible(organiser);
    await organiser.getByLabel('Ce que l’équipe fera autrement').fill('Envoyer le lien trois semaines avant, pas deux.');
    await organiser.getByRole('button', { name: 'Enregistrer' }).click();
    await organiser.locator('.save-saved').waitFor();
    const [download] = await Promise.all([organiser.waitForEvent('download'), organiser.getByRole('link', { name: 'Télécharger le PDF' }).click()]);
    const text = plain(execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' })).replace(/\s+/g, ' ');
    // Each intention's row: its words, then its target, the figure reached and the outcome (a long label wraps around them).
    const rows: [string, string][] = [
      ['Participants le jour J', '2 2 atteint'], ['Évaluations soumises avant le jour J', '2 2 atteint'], ['Plans approuvés dans les 8 semaines', '2 2 atteint'],
      ['Actions réalisées au suivi', '2 2 atteint'], ['Que chaque participant reparte', '— — à apprécier'],
    ];
    for (const [label, figures] of rows) expect({ label, figures: pdfRow(text, label) }).toEqual({ label, figures });
    expect(text).toContain('Envoyer le lien trois semaines avant, pas deux.');
  });

  let nextId: number;
  it('when the organiser starts the next event from this one, then its workshops are taken over, and an edit saves only what changed', async () => {
    await organiser.getByRole('link', { name: 'Préparer l’événement suivant à partir de celui-ci' }).click();
    await organiser.getByRole('heading', { level: 1, name: 'Nouvel événement à partir du précédent' }).waitFor();
    expect(plain(await organiser.locator('.previous-event').textContent())).toContain('Envoyer le lien trois semaines avant, pas deux.');
    await organiser.getByLabel('Titre', { exact: true }).fill('De l’Impact Score à l’action — Montpellier, saison 2');
    await organiser.getByLabel('Date', { exact: true }).fill('2027-10-07');
    await organiser.getByLabel('Date du suivi').fill('2028-04-06');
    // Clicked twice, as an impatient hand does: one event is made.
    await organiser.getByRole('button', { name: 'Créer l’événement' }).dblclick();
    await organiser.waitForURL(/#\/events\/\d+\/edit$/);
    nextId = Number(organiser.url().match(/events\/(\d+)/)![1]);
    const titles = organiser.getByLabel('Titre de l’atelier');
    await titles.first().waitFor();
    expect(await titles.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['Stratégie et gouvernance', 'Limiter les externalités', 'Partager la valeur']);
    // The experts are named by their addresses, as the form takes them.
    expect(await organiser.getByLabel('Experts').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))).toEqual(['expertA@test.org', 'expertB@test.org', 'expertC@test.org']);
    await expectAccessible(organiser);
    await titles.nth(2).fill('Partager le pouvoir et la valeur');
    await organiser.getByRole('button', { name: 'Enregistrer' }).click();
    await organiser.waitForURL(`**/#/events/${nextId}`);
    await organiser.getByRole('heading', { level: 1, name: 'De l’Impact Score à l’action — Montpellier, saison 2' }).waitFor();
    expect(await organiser.locator('[data-workshop] h3').allTextContents()).toEqual(['Stratégie et gouvernance', 'Limiter les externalités', 'Partager le pouvoir et la valeur']);
    // Their experts stayed: unchanged, they were not sent again.
    expect(plain(await organiser.locator('[data-workshop]').nth(1).textContent())).toContain('expertB');
    const seasons = ((await h.call('orga', 'GET', '/events')).body as { title: string }[]).filter((e) => e.title.includes('saison 2'));
    expect(seasons).toHaveLength(1);
    const history = (await h.call('orga', 'GET', `/events/${nextId}/history`)).body as { action: string; entity: string; detail: { fields?: string[] } }[];
    const updates = history.filter((e) => e.action === 'update');
    expect(updates.map((e) => e.entity)).toEqual(['workshop']);
    expect(updates[0]!.detail.fields).not.toContain('experts');
  });

  it('when the organiser saves a workshop’s notes that someone changed meanwhile, then they are told, and saving again keeps theirs', async () => {
    const workshop = ((await h.call('orga', 'GET', `/events/${eventId}`)).body as { workshops: { id: number; version: number }[] }).workshops[0]!;
    await visit(organiser, h, `#/events/${eventId}/workshops/${workshop.id}`);
    const notes = organiser.locator('#workshop-notes');
    await notes.waitFor();
    expect((await h.call('orga', 'PATCH', `/events/${eventId}/workshops/${workshop.id}`, { version: workshop.version, notes: 'Écrit dans un autre onglet.' })).status).toBe(200);
    await notes.fill('Trois actions datées par participant.');
    const form = organiser.locator('form[aria-labelledby="workshop-notes-title"]');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.locator('.error-box, [role="alert"]').first().waitFor();
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.getByRole('status').waitFor();
    const saved = ((await h.call('orga', 'GET', `/events/${eventId}`)).body as { workshops: { id: number; notes: string | null }[] }).workshops.find((w) => w.id === workshop.id)!;
    expect(saved.notes).toBe('Trois actions datées par participant.');
  });

  it('when the event’s pages are phone-sized, then nothing sticks out sideways', async () => {
    const { page: phone } = await openPage(suite.browser, h, { width: 390, height: 844 });
    await logInAs(phone, 'orga@test.org');
    for (const hash of [`#/events`, `#/events/${eventId}`, `#/events/${eventId}/cohort`, `#/events/${eventId}/bilan`, `#/events/${eventId}/edit`]) {
      await visit(phone, h, hash);
      expect({ hash, fits: await fitsWidth(phone) }).toEqual({ hash, fits: true });
    }
    expect(opened.flatMap((o) => o.problems)).toEqual([]);
  });
});
