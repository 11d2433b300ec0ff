import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/core/apply-changes.js';
import { examples, startHarness, type Harness } from './harness.js';

let h: Harness;
let baseline: number;
let later: number;
let plan: { id: number; version: number; items: { id: number; actionId: string | null; displayTitle: string; indicator: string }[]; projection: { projected: { global: number; pillars: Record<string, number> } } };

async function submitted(answers: Record<string, unknown>): Promise<number> {
  const created = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
  const patched = await h.call('leaderA', 'PATCH', `/assessments/${created.id}`, { version: created.version, answers });
  expect(patched.status).toBe(200);
  expect((await h.call('leaderA', 'POST', `/assessments/${created.id}/submit`, { version: patched.body.version })).status).toBe(200);
  return created.id;
}

/**
 * A plan of three suggested actions and one of the organisation's own: the first done (and its
 * answers really changed in the next assessment), the second in progress, the third dropped.
 */
beforeAll(async () => {
  h = await startHarness();
  // Another organisation's assessments first: A's ids then differ from A's own numbers (its first is n° 1).
  for (let i = 0; i < 3; i++) await h.call('leaderB', 'POST', `/organisations/${h.orgB}/assessments`);
  const doc = examples.get('insertion-esus')!;
  baseline = await submitted(doc.answers);
  const { body: s } = await h.call('leaderA', 'GET', `/assessments/${baseline}/suggestions?limit=3`);
  plan = (await h.call('leaderA', 'POST', `/assessments/${baseline}/plans`, { title: 'Plan 2027', actionIds: s.suggestions.map((x: { actionId: string }) => x.actionId) })).body;
  plan = (await h.call('leaderA', 'POST', `/plans/${plan.id}/items`, { version: plan.version, title: 'Former les encadrants', indicator: 'inclusion' })).body;
  const [first, second, third] = plan.items;
  plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${first!.id}`, { version: plan.version, target: '100 % des sites', successIndicator: 'sites couverts', status: 'done' })).body;
  plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${second!.id}`, { version: plan.version, status: 'in-progress' })).body;
  plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${third!.id}`, { version: plan.version, status: 'dropped' })).body;
  const action = h.ctx.content.actions.find((a) => a.id === first!.actionId)!;
  later = await submitted(applyChanges(h.ctx.scorer.index, { profile: doc.profile, answers: doc.answers }, [action.changes]).answers);
});
afterAll(async () => h.close());

describe('the bilan: intended vs achieved', () => {
  it('when a later assessment follows a plan, then each item shows its target, status, projected gain and what its indicator did', async () => {
    const res = await h.call('leaderA', 'GET', `/assessments/${later}/comparison`);
    expect(res.status).toBe(200);
    // The fields the comparison always had are still there.
    expect(res.body).toMatchObject({ before: { assessmentId: baseline }, after: { assessmentId: later }, sameContent: true, global: expect.any(Object), indicators: expect.any(Array), done: expect.any(Array) });
    expect(res.body.plans).toHaveLength(1);
    const bilan = res.body.plans[0];
    expect(bilan).toMatchObject({ planId: plan.id, title: 'Plan 2027', status: 'draft' });
    expect(bilan.items.map((i: { displayTitle: string; status: string }) => [i.displayTitle, i.status])).toEqual([
      [plan.items[0]!.displayTitle, 'done'], [plan.items[1]!.displayTitle, 'in-progress'], [plan.items[2]!.displayTitle, 'dropped'], ['Former les encadrants', 'todo'],
    ]);
    const [done, , , own] = bilan.items;
    expect(done).toMatchObject({ target: '100 % des sites', successIndicator: 'sites couverts', indicatorTitle: expect.any(String) });
    expect(done.projected.global).toBeGreaterThan(0);
    expect(done.projected.indicator.delta).toBeGreaterThan(0);
    // Done as intended: the indicator moved exactly as projected.
    expect(done.achieved).toEqual(done.projected.indicator);
    expect(own.projected).toBeNull();
    expect(own.achieved).toMatchObject({ delta: 0 });
  });

  it('when the plan’s scores are set beside the achieved ones, then projected is the plan’s projection and achieved the later scores', async () => {
    const res = await h.call('leaderA', 'GET', `/assessments/${later}/comparison`);
    const current = (await h.call('leaderA', 'GET', `/plans/${plan.id}`)).body;
    const [global, ...pillars] = res.body.plans[0].scores;
    expect(global).toMatchObject({ id: 'global', before: res.body.global.before, projected: current.projection.projected.global, achieved: res.body.global.after, achievedDelta: res.body.global.delta });
    expect(pillars.map((p: { id: string }) => p.id)).toEqual(res.body.pillars.map((p: { id: string }) => p.id));
    for (const p of pillars) expect(p.projected).toBe(current.projection.projected.pillars[p.id]);
    // Only the done action's answers changed, while the in-progress one was projected too: less achieved than intended.
    expect(global.achieved).toBeLessThan(global.projected);
  });

  it('when the comparison names the two assessments, then it gives their numbers in the organisation, not their global ids', async () => {
    const res = await h.call('leaderA', 'GET', `/assessments/${later}/comparison`);
    const numbers = await Promise.all([baseline, later].map(async (id) => (await h.call('leaderA', 'GET', `/assessments/${id}`)).body.number));
    expect(numbers).toEqual([1, 2]);
    expect(res.body).toMatchObject({ before: { assessmentId: baseline, number: 1 }, after: { assessmentId: later, number: 2 } });
    expect(baseline).not.toBe(1);
  });

  it('when asked in English, then the items are worded in English', async () => {
    const res = await h.call('leaderA', 'GET', `/assessments/${later}/comparison?lang=en`);
    const fr = await h.call('leaderA', 'GET', `/assessments/${later}/comparison`);
    expect(res.body.plans[0].items[0].indicatorTitle).not.toBe(fr.body.plans[0].items[0].indicatorTitle);
  });
});

/** The PDF as a reader copies its text (pdftotext), with its page count and fonts. */
async function pdf(path: string, who: 'leaderA' | 'expertA' = 'leaderA'): Promise<{ status: number; text: string; info: string; fonts: string; raw: Buffer }> {
  const res = await fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${h.tokens[who]}` } });
  const raw = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) return { status: res.status, text: raw.toString(), info: '', fonts: '', raw };
  const file = join(mkdtempSync(join(tmpdir(), 'impact-bilan-')), 'bilan.pdf');
  writeFileSync(file, raw);
  const run = (cmd: string, ...args: string[]) => execFileSync(cmd, [...args, file, ...(cmd === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  return { status: res.status, text: run('pdftotext', '-layout').replace(/\s+/g, ' '), info: run('pdfinfo'), fonts: run('pdffonts'), raw };
}

describe('GET /assessments/{id}/comparison/pdf, the bilan as a PDF', () => {
  it('when the leader downloads it, then it gives each action intended beside achieved, and the plan’s projected scores beside the achieved ones', async () => {
    const { status, text, info, fonts, raw } = await pdf(`/assessments/${later}/comparison/pdf`);
    expect(status).toBe(200);
    const comparison = (await h.call('leaderA', 'GET', `/assessments/${later}/comparison`)).body;
    const bilan = comparison.plans[0];
    expect(text).toContain('Bilan du plan « Plan 2027 »');
    for (const item of bilan.items) expect(text).toContain(item.displayTitle.slice(0, 40).replace(/\s/g, ' '));
    expect(text).toContain('Objectif : 100 % des sites');
    expect(text).toContain('Indicateur de réussite : sites couverts');
    const fr = (n: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n);
    const [done] = bilan.items;
    expect(text).toContain(`Prévu : ${fr(done.projected.indicator.before)} → ${fr(done.projected.indicator.after)}`);
    expect(text).toContain(`Obtenu : ${fr(done.achieved.before)} → ${fr(done.achieved.after)}`);
    expect(text).toContain('action à vous : pas de gain calculé');
    const global = bilan.scores[0];
    expect(text).toContain(`de ${fr(global.before)} à ${fr(global.projected)}`);
    expect(text).toContain(`le donne à ${fr(global.achieved)}`);
    expect(text).toContain('Tous les indicateurs : avant et après');
    // The assessments by their numbers in the organisation, as the leader knows them.
    expect(text).toContain('Évaluation n° 1 du');
    expect(text).toContain('Avant (n° 1)');
    expect(text).toContain('Obtenu (n° 2)');
    expect(text).not.toContain(`n° ${later}`);
    // Same quality as the plan: tagged, embedded font, page numbers, French language, bookmarks.
    const pages = Number(info.match(/Pages:\s+(\d+)/)![1]);
    expect(text).toContain(`page ${pages} / ${pages}`);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Bilan\s: prévu et obtenu — Org A/);
    expect(fonts).toMatch(/DejaVuSans.*yes/);
    expect(raw.toString('latin1')).toContain('/Lang (fr-FR)');
    expect(raw.toString('latin1')).toContain('/Outlines');
    // A negative change is written with a minus sign, never a hyphen.
    expect(text).not.toMatch(/\(-\d/);
  });

  it('when asked in English, then the bilan is English', async () => {
    const { text } = await pdf(`/assessments/${later}/comparison/pdf?lang=en`);
    expect(text).toContain('Progress report on the plan “Plan 2027”');
    expect(text).toContain('Every indicator: before and after');
    expect(text).not.toContain('Prévu');
  });

  it('when the workshop expert asks while the plan is still a draft, then there is no plan to tell them', async () => {
    const res = await h.call('expertA', 'GET', `/assessments/${later}/comparison/pdf`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('no-plan');
  });

  it('when someone else asks, or there is no plan to tell, then a JSON 404 and not a byte of PDF', async () => {
    const other = await h.call('leaderB', 'GET', `/assessments/${later}/comparison/pdf`);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toMatch(/json/);
    expect((await h.call(null, 'GET', `/assessments/${later}/comparison/pdf`)).status).toBe(401);
    // Compared with the later one itself as "earlier": nothing was drawn from it.
    const third = await submitted(examples.get('insertion-esus')!.answers);
    const none = await h.call('leaderA', 'GET', `/assessments/${third}/comparison/pdf`);
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('no-plan');
  });
});
