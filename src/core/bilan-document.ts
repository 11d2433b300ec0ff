import type { Comparison } from './compare.js';
import type { ContentIndex } from './content-index.js';
import { formatDue } from './due-date.js';
import { formatDecimal } from './format-answer.js';
import type { PlanBilan } from './plan-bilan.js';
import { formatDate, PLAN_WORDS } from './plan-document.js';
import type { PlanStatus, ReviewDecision } from './plan-workflow.js';
import { signed, signedPoints } from './signed-points.js';
import { localize, type Lang } from './text.js';
import { colon, quoted, typesetDocument } from './typography.js';

type ItemLike = { id: number; actionId: string | null; indicator: string; title: string | null; owner: string | null; due: string | null; status: 'todo' | 'in-progress' | 'done' | 'dropped'; target: string | null; successIndicator: string | null };

/** What a bilan document is made from: plain data, gathered by the caller. */
export interface BilanDocumentInput {
  lang: Lang;
  organisation: string;
  /** The assessments by their number within the organisation (n° 2), as readers know them. */
  before: { number: number; submittedAt: string | null };
  after: { number: number; submittedAt: string | null };
  sameContent: boolean;
  comparison: Comparison;
  plans: { title: string; status: PlanStatus; decision: { decision: ReviewDecision; by: string | null; at: string } | null; bilan: PlanBilan<ItemLike> }[];
}

/** Everything the bilan PDF shows, worded in one language: the renderer only lays it out. */
export interface BilanDocument {
  kind: 'bilan';
  lang: Lang;
  meta: { title: string; author: string; subject: string; keywords: string; date: string };
  labels: typeof WORDS.fr;
  cover: { title: string; organisation: string; lines: string[] };
  plans: { title: string; intro: string; chart: { title: string; values: (number | null)[] }[]; scores: { headers: string[]; rows: string[][] }; items: { title: string; meta: string; lines: string[] }[] }[];
  indicators: { headers: string[]; rows: string[][] };
}

const WORDS = {
  fr: {
    documentTitle: 'Bilan : prévu et obtenu', plan: 'Bilan du plan', plans: 'Bilan des plans', and: ' et ', lastDecision: 'dernière décision', items: 'Action par action', indicators: 'Tous les indicateurs : avant et après',
    score: 'Score', indicator: 'Indicateur', before: 'Avant', projected: 'Projeté par le plan', achieved: 'Obtenu', after: 'Après', delta: 'Écart',
    intended: 'Prévu', onIndicator: 'sur l’indicateur', onGlobal: 'au global', noProjection: 'action à vous : pas de gain calculé',
    differentContent: 'Les deux évaluations ont été notées avec des versions différentes du référentiel : une partie des écarts vient du référentiel.',
    chartAlt: 'Graphique en barres : score global et scores des piliers avant le plan, projetés par le plan, et obtenus à l’évaluation suivante.',
    page: 'page', of: '/', assessment: 'Évaluation n°', of_date: 'du', planStatus: 'Plan', no: 'n°', semicolon: ' ; ', keywords: 'Impact Score, bilan, plan d’action, RSE, impact',
  },
  en: {
    documentTitle: 'Progress report: intended and achieved', plan: 'Progress report on the plan', plans: 'Progress report on the plans', and: ' and ', lastDecision: 'last decision', items: 'Action by action', indicators: 'Every indicator: before and after',
    score: 'Score', indicator: 'Indicator', before: 'Before', projected: 'Projected by the plan', achieved: 'Achieved', after: 'After', delta: 'Change',
    intended: 'Intended', onIndicator: 'on the indicator', onGlobal: 'on the global score', noProjection: 'your own action: no gain computed',
    differentContent: 'The two assessments were scored with different content versions: part of the changes comes from the content.',
    chartAlt: 'Bar chart: global score and pillar scores before the plan, projected by the plan, and achieved at the next assessment.',
    page: 'page', of: '/', assessment: 'Assessment no.', of_date: 'of', planStatus: 'Plan', no: 'no.', semicolon: '; ', keywords: 'Impact Score, progress report, action plan, CSR, impact',
  },
};

const num = (v: number | null, lang: Lang) => (v === null ? '—' : formatDecimal(Math.round(v * 10) / 10, lang));

/** Builds the bilan document: pure, so the same comparison always gives the same document. */
export function buildBilanDocument(index: ContentIndex, input: BilanDocumentInput): BilanDocument {
  const { lang } = input;
  const w = WORDS[lang];
  const p = PLAN_WORDS[lang];
  const pillarTitle = (id: string) => (id === 'global' ? p.global : localize(index.pillars.find((x) => x.id === id)?.title ?? { fr: id }, lang));
  const indicatorTitle = (id: string) => { const e = index.indicators.get(id); return e ? localize(e.indicator.title, lang) : id; };
  const actionTitle = (item: ItemLike) => item.title ?? localize(index.content.actions.find((a) => a.id === item.actionId)?.title ?? { fr: item.indicator }, lang);
  const assessment = (a: { number: number; submittedAt: string | null }) => `${w.assessment} ${a.number}${a.submittedAt ? ` ${w.of_date} ${formatDate(a.submittedAt, lang)}` : ''}`;
  const n = { before: `${w.before} (${w.no} ${input.before.number})`, after: `${w.after} (${w.no} ${input.after.number})`, achieved: `${w.achieved} (${w.no} ${input.after.number})` };
  const move = (c: { before: number | null; after: number | null; delta: number | null }) => `${num(c.before, lang)} → ${num(c.after, lang)} (${c.delta === null ? '—' : signedPoints(c.delta, lang)})`;
  const titles = input.plans.map((x) => quoted(x.title, lang));
  const title = titles.length === 1 ? `${w.plan} ${titles[0]}` : `${w.plans} ${titles.slice(0, -1).join(', ')}${w.and}${titles.at(-1)}`;
  return typesetDocument<BilanDocument>({
    kind: 'bilan',
    lang,
    labels: w,
    meta: { title: `${w.documentTitle} — ${input.organisation}`, author: input.organisation, subject: title, keywords: w.keywords, date: input.after.submittedAt ?? input.before.submittedAt ?? '1970-01-01' },
    cover: {
      title,
      organisation: input.organisation,
      lines: [
        `${assessment(input.before)} → ${assessment(input.after)}`,
        ...input.plans.map((plan) => `${w.planStatus} ${quoted(plan.title, lang)}${colon(lang)}${planState(plan, lang)}`),
        ...(input.sameContent ? [] : [w.differentContent]),
      ],
    },
    plans: input.plans.map((plan) => {
      const global = plan.bilan.scores[0]!;
      return {
        title: `${w.plan} ${quoted(plan.title, lang)}`,
        intro: lang === 'fr'
          ? `Le plan prévoyait de porter le score global de ${num(global.before, lang)} à ${num(global.projected, lang)} (${signedPoints(global.projectedDelta ?? 0, lang)}) ; l’évaluation n° ${input.after.number} le donne à ${num(global.achieved, lang)} (${signedPoints(global.achievedDelta ?? 0, lang)}).`
          : `The plan meant to take the global score from ${num(global.before, lang)} to ${num(global.projected, lang)} (${signedPoints(global.projectedDelta ?? 0, lang)}); assessment no.\u00a0${input.after.number} puts it at ${num(global.achieved, lang)} (${signedPoints(global.achievedDelta ?? 0, lang)}).`,
        chart: plan.bilan.scores.map((s) => ({ title: pillarTitle(s.id), values: [s.before, s.projected, s.achieved] })),
        scores: {
          headers: [w.score, n.before, w.projected, n.achieved],
          rows: plan.bilan.scores.map((s) => [pillarTitle(s.id), num(s.before, lang), `${num(s.projected, lang)} (${s.projectedDelta === null ? '—' : signed(s.projectedDelta, lang)})`, `${num(s.achieved, lang)} (${s.achievedDelta === null ? '—' : signed(s.achievedDelta, lang)})`]),
        },
        items: plan.bilan.items.map(({ item, projected, achieved }) => ({
          title: actionTitle(item),
          meta: `${indicatorTitle(item.indicator)} · ${p.item[item.status]}`,
          lines: [
            item.target ? `${p.target}${colon(lang)}${item.target}` : '',
            item.successIndicator ? `${p.successIndicator}${colon(lang)}${item.successIndicator}` : '',
            [item.owner && `${p.headers[2]}${colon(lang)}${item.owner}`, item.due && `${p.headers[3]}${colon(lang)}${formatDue(item.due, lang)}`].filter(Boolean).join(' · '),
            `${w.intended}${colon(lang)}${projected ? `${move(projected.indicator)} ${w.onIndicator}${w.semicolon}${signedPoints(projected.global, lang)} ${w.onGlobal}` : w.noProjection}`,
            `${w.achieved}${colon(lang)}${move(achieved)} ${w.onIndicator}`,
          ].filter(Boolean),
        })),
      };
    }),
    indicators: {
      headers: [w.indicator, n.before, n.after, w.delta],
      rows: input.comparison.indicators.map((i) => [indicatorTitle(i.id), num(i.before, lang), num(i.after, lang), i.delta === null ? '—' : signed(i.delta, lang)]),
    },
  }, lang);
}

/** "approuvé (Halima Experte, 7 décembre 2026)", or the state with the last decision when it changed since. */
function planState(plan: BilanDocumentInput['plans'][number], lang: Lang): string {
  const p = PLAN_WORDS[lang];
  const d = plan.decision;
  if (!d) return p.status[plan.status];
  const who = `${d.by ? `${d.by}, ` : ''}${formatDate(d.at, lang)}`;
  const current = plan.status === (d.decision === 'approve' ? 'approved' : 'changes-requested');
  return current ? `${p.status[plan.status]} (${who})` : `${p.status[plan.status]} (${WORDS[lang].lastDecision}${colon(lang)}${p.decisions[d.decision]}, ${who})`;
}
