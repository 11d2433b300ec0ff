import type { ContentIndex } from './content-index.js';
import type { AnswersDocument } from './content-model.js';
import { formatAnswer, formatDecimal } from './format-answer.js';
import { presentReport } from './present.js';
import type { PeerGroup } from './peer-group.js';
import { presentPeers, type PeersView } from './present-peers.js';
import { standingView, type StandingView } from './present-standing.js';
import { presentTestimony } from './present-suggestions.js';
import type { ScoreResult } from './score-result.js';
import { localize, type Lang } from './text.js';
import { colon, quoted, typesetDocument } from './typography.js';
import { applicability } from './applicability.js';
import { compareDue, formatDue, quarterOf } from './due-date.js';
import { signed } from './signed-points.js';

/** What a plan document is made from: plain data, gathered by the caller (database or CLI). */
export interface PlanDocumentInput {
  lang: Lang;
  organisation: string;
  /** `number` is the assessment's number within its organisation (null for answers not stored). */
  assessment: { number: number | null; submittedAt: string | null; doc: AnswersDocument; result: ScoreResult };
  projected: ScoreResult;
  /** Organisations like it on the instance (the reader's own left out); null under five, or with no instance (a draft from a file). */
  peers?: PeerGroup | null;
  plan: {
    title: string;
    status: 'draft' | 'submitted' | 'changes-requested' | 'approved';
    /** The date the document speaks of (last change of the plan): no clock inside. */
    date: string;
    reviewedBy: string | null;
    reviewedAt: string | null;
    /** The expert's last decision, kept when the plan changed since. */
    decision: { decision: 'approve' | 'request-changes'; by: string | null; at: string; comment: string | null } | null;
    items: {
      id: number;
      actionId: string | null;
      indicator: string;
      title: string | null;
      owner: string | null;
      due: string | null;
      status: 'todo' | 'in-progress' | 'done' | 'dropped';
      target: string | null;
      successIndicator: string | null;
      notes: string | null;
      /** Global points this item alone would gain; null for an action of one's own. */
      gain: number | null;
    }[];
    comments: { itemId: number | null; author: string; body: string; createdAt: string; decision: 'approve' | 'request-changes' | null }[];
  };
}

export interface TableRow {
  cells: string[];
}

/** Everything the PDF shows, already worded in one language: the renderer only lays it out. */
export interface PlanDocument {
  kind: 'plan';
  lang: Lang;
  meta: { title: string; author: string; subject: string; keywords: string; date: string };
  labels: typeof WORDS.fr;
  cover: { title: string; organisation: string; lines: string[] };
  summary: { global: { today: number | null; projected: number | null }; pillars: { title: string; today: number | null; projected: number | null; sentence: string }[]; intro: string };
  /** Where today's scores stand among the published Impact Scores; null when the content ships none. */
  standing: StandingView | null;
  /** Organisations like it on this instance; null under five others, or for a draft from a file (no instance). */
  peers: PeersView | null;
  pillars: { title: string; strengths: { title: string; score: string; reasons: string[] }[]; gaps: { title: string; score: string; reasons: string[] }[]; actions: string[] }[];
  table: { headers: string[]; rows: TableRow[] };
  actions: { title: string; meta: string; description: string; target: string | null; firstSteps: string[]; testimony: { who: string; what: string; changed: string; source: string } | null; resources: string[] }[];
  timeline: { period: string; items: string[] }[];
  review: { decision: string; comments: { heading: string; body: string }[] };
  appendix: { title: string; indicators: { title: string; questions: { label: string; answer: string }[]; evidence: string[] }[] }[];
}

const WORDS = {
  fr: {
    documentTitle: 'Plan d’action', summary: 'Synthèse', byPillar: 'Par pilier', plan: 'Le plan', actionsDetail: 'Les actions en détail', timeline: 'Calendrier',
    review: 'Relecture de l’expert', appendix: 'Annexe : questions et réponses', today: 'Aujourd’hui', projected: 'Plan réalisé', global: 'Score global',
    strengths: 'Points forts', gaps: 'À améliorer', planActions: 'Actions du plan pour ce pilier', none: 'Néant', firstSteps: 'Premiers pas', testimony: 'Ils l’ont fait',
    resources: 'Ressources', evidence: 'Preuves et notes', noDue: 'Sans échéance', page: 'page', of: '/', target: 'Objectif', successIndicator: 'Indicateur de réussite',
    headers: ['Action', 'Indicateur', 'Responsable', 'Échéance', 'Avancement', 'Gain'], ownAction: 'action à vous', noReview: 'Pas encore de relecture.',
    onPlan: 'Sur le plan', onItem: 'Sur', decision: 'Décision', decided: 'décision', changedSince: 'le plan a été modifié depuis : il attend d’être soumis à nouveau.',
    decisions: { approve: 'approuvé', 'request-changes': 'modifications demandées' }, chartAlt: 'Graphique en barres : score global et scores des trois piliers, aujourd’hui et une fois le plan réalisé.',
    status: { draft: 'brouillon', submitted: 'soumis pour relecture', 'changes-requested': 'modifications demandées', approved: 'approuvé' },
    item: { todo: 'à faire', 'in-progress': 'en cours', done: 'fait', dropped: 'abandonné' },
    effort: { low: 'effort faible', medium: 'effort moyen', high: 'effort important' },
    cost: { none: 'sans coût', low: 'moins de 5 000 €', medium: '5 000 à 50 000 €', high: 'plus de 50 000 €' },
    months: 'mois', month: 'mois', notApplicable: 'non concerné', profile: 'Profil de l’organisation',
    keywords: 'Impact Score, plan d’action, RSE, impact', content: 'référentiel', statusLine: 'Statut du plan', unsaved: 'Réponses non enregistrées', assessment: 'Évaluation n°', ofDate: 'du',
    peers: { indicator: 'Indicateur', yourScore: 'Votre score', group: 'Le groupe', legend: 'Sur chaque ligne, de 0 à 100 : la boîte va du 1er au 3e quartile du groupe, la barre est sa médiane, le losange votre score.' },
  },
  en: {
    documentTitle: 'Action plan', summary: 'Summary', byPillar: 'By pillar', plan: 'The plan', actionsDetail: 'The actions in detail', timeline: 'Timeline',
    review: 'Expert review', appendix: 'Appendix: questions and answers', today: 'Today', projected: 'Plan completed', global: 'Global score',
    strengths: 'Strengths', gaps: 'To improve', planActions: 'Plan actions for this pillar', none: 'None', firstSteps: 'First steps', testimony: 'They did it',
    resources: 'Resources', evidence: 'Evidence and notes', noDue: 'No due date', page: 'page', of: '/', target: 'Target', successIndicator: 'Success indicator',
    headers: ['Action', 'Indicator', 'Owner', 'Due', 'Progress', 'Gain'], ownAction: 'your own action', noReview: 'Not reviewed yet.',
    onPlan: 'On the plan', onItem: 'On', decision: 'Decision', decided: 'decision', changedSince: 'the plan has changed since: it waits to be submitted again.',
    decisions: { approve: 'approved', 'request-changes': 'changes requested' }, chartAlt: 'Bar chart: global score and the three pillar scores, today and once the plan is done.',
    status: { draft: 'draft', submitted: 'submitted for review', 'changes-requested': 'changes requested', approved: 'approved' },
    item: { todo: 'to do', 'in-progress': 'in progress', done: 'done', dropped: 'dropped' },
    effort: { low: 'low effort', medium: 'medium effort', high: 'high effort' },
    cost: { none: 'no cost', low: 'under €5,000', medium: '€5,000 to €50,000', high: 'over €50,000' },
    months: 'months', month: 'month', notApplicable: 'not applicable', profile: 'Organisation profile',
    keywords: 'Impact Score, action plan, CSR, impact', content: 'content version', statusLine: 'Plan status', unsaved: 'Answers not stored', assessment: 'Assessment no.', ofDate: 'of',
    peers: { indicator: 'Indicator', yourScore: 'Your score', group: 'The group', legend: 'On each line, from 0 to 100: the box runs from the group’s lower to upper quartile, the bar is its median, the diamond your score.' },
  },
};

/** The words of plans, shared with the bilan so both documents say the same. */
export { WORDS as PLAN_WORDS };

// toLocaleDateString makes a formatter on every call; a plan formats dozens of dates.
const DATE_FORMATS = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

export function formatDate(iso: string, lang: Lang): string {
  return DATE_FORMATS[lang].format(new Date(iso));
}

const score = (s: number | null, lang: Lang) => (s === null ? '—' : `${formatDecimal(s, lang)}/100`);

/** Builds the whole plan document from data: pure, so the same plan always gives the same document. */
export function buildPlanDocument(index: ContentIndex, input: PlanDocumentInput): PlanDocument {
  const { lang } = input;
  const w = WORDS[lang];
  const actions = new Map(index.content.actions.map((a) => [a.id, a]));
  const titleOf = (item: PlanDocumentInput['plan']['items'][number]) => item.title ?? (item.actionId && actions.get(item.actionId) ? localize(actions.get(item.actionId)!.title, lang) : item.indicator);
  const indicatorTitle = (id: string) => { const e = index.indicators.get(id); return e ? localize(e.indicator.title, lang) : id; };
  const report = presentReport(index, input.assessment.result, lang, input.organisation);
  const projected = presentReport(index, input.projected, lang, input.organisation);
  const activeItems = input.plan.items.filter((i) => i.status !== 'dropped');
  const statusLine = input.plan.status === 'approved' && input.plan.reviewedBy && input.plan.reviewedAt
    ? `${w.status.approved} (${input.plan.reviewedBy}, ${formatDate(input.plan.reviewedAt, lang)})`
    : w.status[input.plan.status];
  // Written with plain spaces, set in the reader's typography at the end (« », no-break spaces).
  return typesetDocument<PlanDocument>({
    kind: 'plan',
    lang,
    labels: w,
    meta: {
      title: `${w.documentTitle} — ${input.organisation}`,
      author: input.organisation,
      subject: input.plan.title,
      // The full content version (with its hash) for whoever needs to trace the scores: not on the cover.
      keywords: `${w.keywords}, ${w.content} ${input.assessment.result.contentVersion}`,
      date: input.plan.date,
    },
    cover: {
      title: input.plan.title,
      organisation: input.organisation,
      lines: [
        `Date${colon(lang)}${formatDate(input.plan.date, lang)}`,
        assessmentLine(input.assessment.number, input.assessment.submittedAt, input.assessment.result.contentVersion, lang),
        `${w.statusLine}${colon(lang)}${statusLine}`,
      ],
    },
    summary: {
      intro: lang === 'fr'
        ? `Score global ${score(report.global, lang)} aujourd’hui ; ${score(projected.global, lang)} une fois les ${activeItems.length} actions du plan réalisées.`
        : `Global score ${score(report.global, lang)} today; ${score(projected.global, lang)} once the plan's ${activeItems.length} actions are done.`,
      global: { today: report.global, projected: projected.global },
      pillars: report.pillars.map((p, i) => ({ title: p.title, today: p.score, projected: projected.pillars[i]!.score, sentence: pillarSentence(p.score, projected.pillars[i]!.score, lang) })),
    },
    standing: standingView(index, input.assessment.result, input.assessment.doc.profile.region, lang),
    peers: input.peers ? presentPeers(index, input.peers, input.assessment.result, input.assessment.doc.profile.headcount, lang) : null,
    pillars: report.pillars.map((p) => {
      const applicable = p.indicators.filter((i) => i.score !== null).sort((a, b) => (b.score as number) - (a.score as number) || a.id.localeCompare(b.id));
      const view = (i: (typeof applicable)[number]) => ({ title: i.title, score: score(i.score, lang), reasons: i.reasons });
      return {
        title: p.title,
        strengths: applicable.filter((i) => (i.score as number) >= 60).slice(0, 3).map(view),
        gaps: applicable.filter((i) => (i.score as number) < 60).reverse().slice(0, 3).map(view),
        actions: activeItems.filter((i) => index.indicators.get(i.indicator)?.pillar === p.id).map(titleOf),
      };
    }),
    table: {
      headers: w.headers,
      rows: input.plan.items.map((i) => ({
        cells: [titleOf(i), indicatorTitle(i.indicator), i.owner ?? '—', i.due ? formatDue(i.due, lang) : '—', w.item[i.status], i.gain === null ? '—' : signed(i.gain, lang)],
      })),
    },
    actions: activeItems.map((i) => {
      const action = i.actionId ? actions.get(i.actionId) : undefined;
      const testimony = action?.testimonies[0] ? index.content.testimonies.find((t) => t.id === action.testimonies[0]) : undefined;
      const t = testimony ? presentTestimony(testimony, lang) : undefined;
      return {
        title: titleOf(i),
        meta: [indicatorTitle(i.indicator), action ? `${w.effort[action.effort]} · ${w.cost[action.cost]} · ${action.durationMonths} ${action.durationMonths === 1 ? w.month : w.months}` : w.ownAction].join(' · '),
        description: action ? localize(action.description, lang) : '',
        target: [i.target && `${w.target}${colon(lang)}${i.target}`, i.successIndicator && `${w.successIndicator}${colon(lang)}${i.successIndicator}`].filter(Boolean).join(' · ') || null,
        firstSteps: action ? action.firstSteps.map((s) => localize(s, lang)) : [],
        testimony: t ? { who: [t.organisation.name, t.organisation.city].filter(Boolean).join(', '), what: t.action, changed: t.outcome, source: `${t.source.publisher}${t.source.date ? `, ${t.source.date}` : ''} — ${t.source.url}` } : null,
        resources: (action?.resources ?? []).map((r) => `${localize(r.title, lang)} — ${r.url}`),
      };
    }),
    timeline: timeline(activeItems.map((i) => ({ due: i.due, title: titleOf(i) })), lang),
    review: reviewSection(input.plan, (id) => { const item = input.plan.items.find((i) => i.id === id); return item && titleOf(item); }, lang),
    appendix: appendix(index, input.assessment.doc, lang),
  }, lang);
}

/** The expert's last decision first, then every comment, the one given with a decision marked. */
function reviewSection(plan: PlanDocumentInput['plan'], itemTitle: (id: number) => string | undefined, lang: Lang): PlanDocument['review'] {
  const w = WORDS[lang];
  const d = plan.decision;
  const current = d !== null && plan.status === (d.decision === 'approve' ? 'approved' : 'changes-requested');
  return {
    decision: d === null ? w.noReview
      : `${w.decision}${colon(lang)}${w.decisions[d.decision]}${d.by ? ` — ${d.by}` : ''}, ${formatDate(d.at, lang)}${current ? '' : ` ; ${w.changedSince}`}`,
    comments: plan.comments.map((c) => {
      const item = c.itemId === null ? undefined : itemTitle(c.itemId);
      const about = c.decision ? `${w.decided} (${w.decisions[c.decision]})` : item ? `${w.onItem} ${quoted(item, lang)}` : w.onPlan;
      return { heading: `${c.author}, ${formatDate(c.createdAt, lang)} — ${about}`, body: c.body };
    }),
  };
}

/** "Évaluation n° 3 du 7 décembre 2026 · référentiel 2026.2": the edition a reader can name, not its hash. */
function assessmentLine(number: number | null, submittedAt: string | null, version: string, lang: Lang): string {
  const w = WORDS[lang];
  const which = number === null ? w.unsaved : `${w.assessment} ${number}${submittedAt ? ` ${w.ofDate} ${formatDate(submittedAt, lang)}` : ''}`;
  return `${which} · ${w.content} ${version.split('+')[0]}`;
}


function pillarSentence(today: number | null, projected: number | null, lang: Lang): string {
  if (today === null) return lang === 'fr' ? 'Ce pilier ne concerne pas l’organisation.' : 'This pillar does not concern the organisation.';
  const where = today >= 75
    ? (lang === 'fr' ? 'Pilier solide' : 'A strong pillar')
    : today >= 50 ? (lang === 'fr' ? 'En bonne voie' : 'On the right track')
    : today >= 25 ? (lang === 'fr' ? 'Des bases à consolider' : 'Foundations to strengthen')
    : (lang === 'fr' ? 'Presque tout reste à construire' : 'Almost everything is still to build');
  const gain = (projected ?? today) - today;
  if (gain <= 0) return lang === 'fr' ? `${where} ; le plan n’y prévoit pas d’action.` : `${where}; the plan has no action here.`;
  return lang === 'fr'
    ? `${where} : le plan le porterait de ${formatDecimal(today, lang)} à ${formatDecimal(projected!, lang)}.`
    : `${where}: the plan would take it from ${formatDecimal(today, lang)} to ${formatDecimal(projected!, lang)}.`;
}

/** The timeline: one entry per quarter, in time order, months before the quarter that holds them. */
function timeline(items: { due: string | null; title: string }[], lang: Lang): PlanDocument['timeline'] {
  const periods = new Map<string, string[]>();
  const dated = items.filter((i) => i.due !== null).sort((a, b) => compareDue(a.due!, b.due!));
  for (const item of dated) {
    const key = quarterOf(item.due!, lang);
    periods.set(key, [...(periods.get(key) ?? []), item.due!.includes('Q') ? item.title : `${item.title} (${formatDue(item.due!, lang)})`]);
  }
  const undated = items.filter((i) => i.due === null).map((i) => i.title);
  if (undated.length > 0) periods.set(WORDS[lang].noDue, undated);
  return [...periods].map(([period, titles]) => ({ period, items: titles }));
}

function appendix(index: ContentIndex, doc: AnswersDocument, lang: Lang): PlanDocument['appendix'] {
  const { visibility } = applicability(index, doc.profile, doc.answers);
  const profile = {
    title: WORDS[lang].profile,
    indicators: [{
      title: WORDS[lang].profile,
      questions: index.content.profile.questions.map((q) => ({ label: localize(q.label, lang), answer: formatAnswer(q, doc.profile[q.id], lang) })),
      evidence: [],
    }],
  };
  const pillars = index.pillars.map((p) => ({
    title: localize(p.title, lang),
    indicators: p.indicators.map((indicator) => ({
      title: localize(indicator.title, lang),
      questions: indicator.questions
        .filter((q) => q.type !== 'text')
        .map((q) => ({ label: localize(q.label, lang), answer: visibility.get(q.id) === 'asked' ? formatAnswer(q, doc.answers[q.id], lang) : WORDS[lang].notApplicable })),
      evidence: indicator.questions.filter((q) => q.type === 'text' && typeof doc.answers[q.id] === 'string').map((q) => String(doc.answers[q.id])),
    })),
  }));
  return [profile, ...pillars];
}
