import type { AnswerChange, Delta, Movement } from './answer-changes.js';
import type { ContentIndex } from './content-index.js';
import { formatAnswer } from './format-answer.js';
import { localize, type Lang } from './text.js';

/** One changed answer as a user reads it: the question's text, the answers before and after. */
export interface AnswerChangeView {
  question: string;
  label: string;
  before: string;
  after: string;
}

/** What moved since an earlier assessment, in one language: the result page's « what changed ». */
export interface MovementView {
  since: { assessmentId: number; number: number; submittedAt: string | null };
  /** False when the two were scored with different content: part of a move may come from it. */
  sameContent: boolean;
  global: Delta;
  pillars: (Delta & { id: string; title: string })[];
  indicators: (Delta & {
    id: string;
    title: string;
    pillar: string;
    criteria: (Delta & { id: string; max: number; reason: string })[];
    answers: AnswerChangeView[];
  })[];
  /** How many answers changed in all (evidence notes included). */
  answersChanged: number;
}

export function presentAnswerChange(index: ContentIndex, change: AnswerChange, lang: Lang): AnswerChangeView {
  const question = change.part === 'profile' ? index.profileFields.get(change.question) : index.questions.get(change.question)?.question;
  return {
    question: change.question,
    label: question ? localize(question.label, lang) : change.question,
    before: formatAnswer(question, change.before ?? undefined, lang),
    after: formatAnswer(question, change.after ?? undefined, lang),
  };
}

export function presentMovement(
  index: ContentIndex,
  movement: Movement,
  since: MovementView['since'] & { sameContent: boolean; answersChanged: number },
  lang: Lang,
): MovementView {
  const pillarTitle = (id: string) => localize(index.pillars.find((p) => p.id === id)?.title ?? { fr: id }, lang);
  return {
    since: { assessmentId: since.assessmentId, number: since.number, submittedAt: since.submittedAt },
    sameContent: since.sameContent,
    global: movement.global,
    pillars: movement.pillars.map((p) => ({ ...p, title: pillarTitle(p.id) })),
    indicators: movement.indicators.map((i) => ({
      id: i.indicator,
      title: localize(index.indicators.get(i.indicator)?.indicator.title ?? { fr: i.indicator }, lang),
      pillar: i.pillar,
      before: i.before,
      after: i.after,
      delta: i.delta,
      criteria: i.criteria.map((c) => ({ id: c.id, max: c.max, reason: localize(c.reason, lang), before: c.before, after: c.after, delta: c.delta })),
      answers: i.answers.map((a) => presentAnswerChange(index, a, lang)),
    })),
    answersChanged: since.answersChanged,
  };
}
