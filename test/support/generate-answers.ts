import { applicability } from '../../src/core/applicability.js';
import type { ContentIndex } from '../../src/core/content-index.js';
import type { AnswersDocument, AnswerValue, Question } from '../../src/core/content-model.js';
import { NOT_APPLICABLE } from '../../src/core/content-model.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same assessments on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A valid answers document drawn at random: a profile, then an answer to every question that
 * applies to it (and only those), a share `unanswered` of them left unanswered and some "n/a" where allowed.
 */
export function generateAnswers(index: ContentIndex, rand: () => number, unanswered = 0.05): AnswersDocument {
  const profile: Record<string, AnswerValue> = {};
  for (const field of index.profileFields.values()) {
    if (field.optional && rand() < 0.5) continue;
    profile[field.id] = draw(field, rand);
  }
  const all: Record<string, AnswerValue> = {};
  for (const { question } of index.questions.values()) {
    if (rand() < unanswered) continue;
    all[question.id] = question.notApplicable && rand() < 0.1 ? NOT_APPLICABLE : draw(question, rand);
  }
  const { visibility } = applicability(index, profile, all);
  const answers = Object.fromEntries(Object.entries(all).filter(([id]) => visibility.get(id) === 'asked'));
  return { profile, answers };
}

function draw(question: Question, rand: () => number): AnswerValue {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  switch (question.type) {
    case 'boolean':
      return rand() < 0.5;
    case 'single':
    case 'ladder':
      return pick(question.options!).value;
    case 'multiple': {
      // At least one box ticked: an empty list and no answer look the same in a spreadsheet.
      const picked = question.options!.filter(() => rand() < 0.35).map((o) => o.value);
      const valid = picked.length > 1 ? picked.filter((v) => v !== 'none') : picked; // "none" stands alone.
      return valid.length > 0 ? valid : [pick(question.options!).value];
    }
    case 'percentage':
      return Math.round(rand() * 100);
    case 'number': {
      const min = question.min ?? 0;
      const max = question.max ?? min + 100;
      const value = min + rand() * (Math.min(max, min + 1000) - min);
      return question.integer ? Math.round(value) : Math.round(value * 10) / 10;
    }
    case 'text':
      return 'Note de preuve';
  }
}
