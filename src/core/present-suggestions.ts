import type { ContentIndex } from './content-index.js';
import type { Action, Testimony } from './content-model.js';
import { formatAnswer, formatDecimal } from './format-answer.js';
import type { FollowUp } from './follow-ups.js';
import type { Suggestion } from './suggest.js';
import { localize, type Lang } from './text.js';
import { typeset } from './typography.js';

export interface TestimonyView {
  id: string;
  organisation: Testimony['organisation'];
  title: string;
  action: string;
  outcome: string;
  source: Testimony['source'];
  date: string;
}

/** What a suggestion (or an action building on one) says of its action, in one language. */
interface ActionWords {
  title: string;
  description: string;
  firstSteps: string[];
  pillarTitle: string;
  indicatorTitle: string;
  effortLabel: string;
  costLabel: string;
  /** Why it is suggested: the indicator where it stands, and the answers that would change. */
  reason: string;
  changeViews: { question: string; label: string; from: string; to: string }[];
  testimonyViews: TestimonyView[];
  resources: { title: string; url: string }[];
}

export interface FollowUpView extends FollowUp, ActionWords {
  /** The title of the suggested action it builds on. */
  afterTitle: string;
}

export interface SuggestionView extends Suggestion, ActionWords {
  /** Actions that build on this one (their `requires` holds once it is done), shown after it. */
  followUpViews: FollowUpView[];
}

const LABELS = {
  fr: {
    effort: { low: 'effort faible', medium: 'effort moyen', high: 'effort important' },
    cost: { none: 'sans coût', low: 'moins de 5 000 €', medium: '5 000 à 50 000 €', high: 'plus de 50 000 €' },
  },
  en: {
    effort: { low: 'low effort', medium: 'medium effort', high: 'high effort' },
    cost: { none: 'no cost', low: 'under €5,000', medium: '€5,000 to €50,000', high: 'over €50,000' },
  },
} as const;

export function presentTestimony(t: Testimony, lang: Lang): TestimonyView {
  return { id: t.id, organisation: t.organisation, title: localize(t.title, lang), action: localize(t.action, lang), outcome: localize(t.outcome, lang), source: t.source, date: t.date };
}

export function presentSuggestions(index: ContentIndex, suggestions: readonly (Suggestion & { followUps?: FollowUp[] })[], lang: Lang): SuggestionView[] {
  const lookup = { actions: new Map(index.content.actions.map((a) => [a.id, a])), testimonies: new Map(index.content.testimonies.map((t) => [t.id, t])) };
  return suggestions.map((s) => {
    const words = actionWords(index, lookup, s, lang);
    return {
      ...s,
      ...words,
      followUpViews: (s.followUps ?? []).map((f) => ({ ...f, ...actionWords(index, lookup, f, lang), afterTitle: words.title })),
    };
  });
}

type Lookup = { actions: ReadonlyMap<string, Action>; testimonies: ReadonlyMap<string, Testimony> };

function actionWords(index: ContentIndex, lookup: Lookup, s: Pick<Suggestion, 'actionId' | 'indicator' | 'pillar' | 'effort' | 'cost' | 'changes' | 'testimonies' | 'current'>, lang: Lang): ActionWords {
  const action = lookup.actions.get(s.actionId)!;
  const testimonies = lookup.testimonies;
  const indicator = index.indicators.get(s.indicator)!.indicator;
  const pillar = index.pillars.find((p) => p.id === s.pillar)!;
  const changeViews = s.changes.map((c) => {
    const question = index.questions.get(c.question)?.question;
    return { question: c.question, label: question ? localize(question.label, lang) : c.question, from: formatAnswer(question, c.from ?? undefined, lang), to: formatAnswer(question, c.to ?? undefined, lang) };
  });
  return {
    title: localize(action.title, lang),
    description: localize(action.description, lang),
    firstSteps: action.firstSteps.map((step) => localize(step, lang)),
    pillarTitle: localize(pillar.title, lang),
    indicatorTitle: localize(indicator.title, lang),
    effortLabel: LABELS[lang].effort[s.effort],
    costLabel: LABELS[lang].cost[s.cost],
    reason: reasonOf(localize(indicator.title, lang), s.current.indicator, changeViews, lang),
    changeViews,
    testimonyViews: s.testimonies.map((id) => presentTestimony(testimonies.get(id)!, lang)),
    resources: (action.resources ?? []).map((r) => ({ title: localize(r.title, lang), url: r.url })),
  };
}

function reasonOf(indicator: string, current: number | null, changes: SuggestionView['changeViews'], lang: Lang): string {
  const at = current === null ? '' : formatDecimal(current, lang);
  const moves = changes.map((c) => (lang === 'fr' ? `« ${c.label} » : ${c.from} → ${c.to}` : `“${c.label}”: ${c.from} → ${c.to}`)).join(lang === 'fr' ? ' ; ' : '; ');
  return typeset(lang === 'fr' ? `${indicator} est à ${at}/100. ${moves}` : `${indicator} stands at ${at}/100. ${moves}`, lang);
}
