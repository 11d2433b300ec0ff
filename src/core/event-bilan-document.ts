import type { ContentIndex } from './content-index.js';
import type { EventBilan } from './event-bilan.js';
import type { MeasuredIntention } from './event-intentions.js';
import { formatDecimal } from './format-answer.js';
import { formatDate } from './plan-document.js';
import { signed } from './signed-points.js';
import { localize, type Lang } from './text.js';
import { colon, quoted, typesetDocument } from './typography.js';

/** Everything the event bilan PDF shows, worded in one language, participants anonymised unless they agreed. */
export interface EventBilanDocument {
  kind: 'event-bilan';
  lang: Lang;
  meta: { title: string; author: string; subject: string; keywords: string; date: string };
  labels: typeof WORDS.fr;
  cover: { title: string; organisation: string; lines: string[] };
  intentions: { headers: string[]; rows: string[][] };
  counts: string[];
  changes: { note: string | null; chart: { title: string; values: (number | null)[] }[]; headers: string[]; rows: string[][] };
  participants: { headers: string[]; rows: string[][] };
  workshops: { title: string; notes: string }[];
  improvements: string;
}

export interface EventBilanDocumentInput {
  lang: Lang;
  event: { title: string; date: string; followUp: string; place: string; partners: readonly string[]; organiser: string };
  bilan: EventBilan;
  workshops: readonly { id: number; title: string; notes: string | null }[];
  improvements: string | null;
  today: string;
}

const WORDS = {
  fr: {
    documentTitle: 'Bilan de l’événement', organisedBy: 'Organisé par', intentions: 'Intentions et réalisations', intention: 'Intention', target: 'Objectif', achieved: 'Réalisé', outcome: 'Résultat',
    outcomes: { met: 'atteint', missed: 'non atteint', pending: 'en cours', 'in-words': 'à apprécier' },
    kinds: { participants: 'Participants le jour J', 'assessed-before': 'Évaluations soumises avant le jour J', 'plans-drafted': 'Participants ayant rédigé un plan', 'plans-approved': 'Plans approuvés dans les {weeks} semaines', 'actions-done': 'Actions réalisées au suivi' },
    byDate: 'au', what: 'Ce qui s’est passé', changes: 'Évolution des scores chez ceux qui ont refait l’évaluation', score: 'Score', before: 'Avant', after: 'Après', delta: 'Écart', count: 'Participants',
    tooFew: 'Moins de cinq participants ont refait l’évaluation : aucune moyenne n’est publiée, pour qu’on ne puisse reconnaître personne.',
    participants: 'Les participants', participant: 'Participant', workshop: 'Atelier', plan: 'Plan', actions: 'Actions faites', global: 'Score global', globalChange: 'Écart du score global',
    planStates: { none: 'aucun', draft: 'brouillon', submitted: 'soumis', approved: 'approuvé' }, anonymous: 'Participant', noWorkshop: '—',
    workshops: 'Comptes rendus des ateliers', noNotes: 'Pas de compte rendu.', improvements: 'Améliorations pour la prochaine fois', noImprovements: 'Pas encore écrites.',
    partners: 'Partenaires', place: 'Lieu', followUp: 'suivi le', page: 'page', of: '/', chartAlt: 'Graphique en barres : score global et scores des piliers avant et après, en moyenne chez ceux qui ont refait l’évaluation.',
    keywords: 'Impact Score, événement, atelier, bilan, plan d’action',
  },
  en: {
    documentTitle: 'Event report', organisedBy: 'Organised by', intentions: 'Intentions and outcomes', intention: 'Intention', target: 'Target', achieved: 'Achieved', outcome: 'Outcome',
    outcomes: { met: 'met', missed: 'not met', pending: 'under way', 'in-words': 'to be judged' },
    kinds: { participants: 'Participants on the day', 'assessed-before': 'Assessments submitted before the day', 'plans-drafted': 'Participants who drafted a plan', 'plans-approved': 'Plans approved within {weeks} weeks', 'actions-done': 'Actions done by the follow-up' },
    byDate: 'by', what: 'What happened', changes: 'How the scores moved among those who re-assessed', score: 'Score', before: 'Before', after: 'After', delta: 'Change', count: 'Participants',
    tooFew: 'Fewer than five participants re-assessed: no mean is published, so that no one can be recognised.',
    participants: 'The participants', participant: 'Participant', workshop: 'Workshop', plan: 'Plan', actions: 'Actions done', global: 'Global score', globalChange: 'Global score change',
    planStates: { none: 'none', draft: 'draft', submitted: 'submitted', approved: 'approved' }, anonymous: 'Participant', noWorkshop: '—',
    workshops: 'Workshop notes', noNotes: 'No notes.', improvements: 'Improvements for next time', noImprovements: 'Not written yet.',
    partners: 'Partners', place: 'Place', followUp: 'follow-up on', page: 'page', of: '/', chartAlt: 'Bar chart: global and pillar scores before and after, on average among those who re-assessed.',
    keywords: 'Impact Score, event, workshop, report, action plan',
  },
};

/** What the participants did, in sentences that agree with their numbers. */
const COUNTS: Record<Lang, (c: EventBilan['counts']) => string[]> = {
  fr: (c) => [
    `${c.participants} participant${c.participants > 1 ? 's' : ''}, dont ${c.assessedBefore} avec une évaluation soumise avant l’événement.`,
    `${c.plansDrafted} plan${c.plansDrafted > 1 ? 's' : ''} rédigé${c.plansDrafted > 1 ? 's' : ''}, ${c.plansSubmitted} soumis à l’expert, ${c.plansApproved} approuvé${c.plansApproved > 1 ? 's' : ''}.`,
    `${c.itemsDone} action${c.itemsDone > 1 ? 's' : ''} faite${c.itemsDone > 1 ? 's' : ''} sur ${c.items} prévue${c.items > 1 ? 's' : ''} ; ${c.reassessed} participant${c.reassessed > 1 ? 's ont' : ' a'} refait l’évaluation.`,
  ],
  en: (c) => [
    `${c.participants} participant${c.participants === 1 ? '' : 's'}, ${c.assessedBefore} with an assessment submitted before the event.`,
    `${c.plansDrafted} plan${c.plansDrafted === 1 ? '' : 's'} drafted, ${c.plansSubmitted} submitted to the expert, ${c.plansApproved} approved.`,
    `${c.itemsDone} action${c.itemsDone === 1 ? '' : 's'} done of ${c.items} planned; ${c.reassessed} participant${c.reassessed === 1 ? '' : 's'} re-assessed.`,
  ],
};

const num = (v: number | null, lang: Lang) => (v === null ? '—' : formatDecimal(v, lang));

/** An intention in the reader's words. */
export function intentionWords(m: MeasuredIntention, lang: Lang): string {
  const w = WORDS[lang];
  const i = m.intention;
  if (i.kind === 'words') return i.text;
  const label = w.kinds[i.kind].replace('{weeks}', String(i.kind === 'plans-approved' ? i.withinWeeks : ''));
  return `${label} (${w.byDate} ${formatDate(m.deadline, lang)})`;
}

/** Builds the event's bilan document: pure, so the same bilan always gives the same document. */
export function buildEventBilanDocument(index: ContentIndex, input: EventBilanDocumentInput): EventBilanDocument {
  const { lang, event, bilan } = input;
  const w = WORDS[lang];
  const scoreTitle = (id: string) => (id === 'global' ? w.global : localize(index.pillars.find((p) => p.id === id)?.title ?? { fr: id }, lang));
  const workshopTitle = (id: number | null) => input.workshops.find((x) => x.id === id)?.title ?? w.noWorkshop;
  const tooFew = bilan.changes.every((c) => c.delta === null);
  return typesetDocument<EventBilanDocument>({
    kind: 'event-bilan',
    lang,
    labels: w,
    meta: { title: `${w.documentTitle} — ${event.title}`, author: event.organiser, subject: event.title, keywords: w.keywords, date: `${input.today}T00:00:00Z` },
    cover: {
      // The event is what partners look for; the organiser is named under it.
      title: `${w.organisedBy} ${event.organiser}`,
      organisation: event.title,
      lines: [
        `${formatDate(event.date, lang)}, ${event.place}${lang === 'fr' ? ' ; ' : '; '}${w.followUp} ${formatDate(event.followUp, lang)}`,
        ...(event.partners.length ? [`${w.partners}${colon(lang)}${event.partners.join(', ')}`] : []),
      ],
    },
    intentions: {
      headers: [w.intention, w.target, w.achieved, w.outcome],
      rows: bilan.intentions.map((m) => [intentionWords(m, lang), m.intention.kind === 'words' ? '—' : String(m.intention.target), m.achieved === null ? '—' : String(m.achieved), w.outcomes[m.outcome]]),
    },
    counts: COUNTS[lang](bilan.counts),
    changes: {
      note: tooFew ? w.tooFew : null,
      chart: tooFew ? [] : bilan.changes.map((c) => ({ title: scoreTitle(c.id), values: [c.before, c.after] })),
      headers: [w.score, w.count, w.before, w.after, w.delta],
      rows: tooFew ? [] : bilan.changes.map((c) => [scoreTitle(c.id), String(c.count), num(c.before, lang), num(c.after, lang), c.delta === null ? '—' : signed(c.delta, lang)]),
    },
    participants: {
      headers: [w.participant, w.workshop, w.plan, w.actions, w.globalChange],
      rows: bilan.participants.map((p) => [
        p.name ?? `${w.anonymous} ${p.number}`, workshopTitle(p.workshopId), w.planStates[p.plan], `${p.itemsDone} / ${p.items}`, p.globalDelta === null ? '—' : signed(p.globalDelta, lang),
      ]),
    },
    workshops: input.workshops.map((x) => ({ title: `${w.workshop} ${quoted(x.title, lang)}`, notes: x.notes ?? w.noNotes })),
    improvements: input.improvements ?? w.noImprovements,
  }, lang);
}
