import { answerValidator, isRequired } from '../core/answer-value.js';
import type { Condition } from '../core/condition.js';
import type { ContentIndex, QuestionEntry } from '../core/content-index.js';
import { functionName, type GeneratedCode } from './code-writer.js';
import { slotTest, type SlotTest } from './condition-code.js';
import { indicatorScore, type CompiledCriterion, type IndicatorScore } from './indicator-code.js';
import { ValueCodes } from './value-codes.js';

export interface CompiledIndicator {
  id: string;
  pillar: string;
  weight: number;
  criteria: CompiledCriterion[];
  score: IndicatorScore;
}

/** A pillar question with its conditions compiled on slots; `gates` are question numbers. */
export interface CompiledQuestion {
  entry: QuestionEntry;
  slot: number;
  /** Its appliesTo's position in `CompiledRules.appliesTests` (-1: none). */
  appliesToTest: number;
  showIf: SlotTest | undefined;
  gates: readonly number[];
  /** Whether a value is a valid answer (see `answerValidator`). */
  valid: (value: unknown) => boolean;
  /** Whether, when asked, it must be answered for the assessment to be complete. */
  required: boolean;
}

/** A content's rules compiled into plain functions over a row's arrays, each profile field and question at a slot. */
export interface CompiledRules {
  index: ContentIndex;
  indicators: CompiledIndicator[];
  slots: Map<string, number>;
  /** Profile fields hold slots 0 to profileSlots - 1; question number q holds slot profileSlots + q. */
  profileSlots: number;
  /** The profile fields by slot: whether one may be left empty, and whether a value is valid. */
  profile: { optional: boolean; valid: (value: unknown) => boolean }[];
  questions: CompiledQuestion[];
  /** Each pillar's weight and indicators (by position in `indicators`), in `index.pillars` order. */
  pillars: { id: string; weight: number; indicators: number[] }[];
  /** How many criteria in all. */
  criteria: number;
  /** The distinct appliesTo conditions, each compiled once: questions share a few (34 questions, 5 conditions), so a row tests each once. */
  appliesTests: SlotTest[];
  /** Codes of the values each slot has held (see `RowState.codes`). */
  codes: ValueCodes;
}

export function compileRules(index: ContentIndex, code: GeneratedCode): CompiledRules {
  const slots = new Map<string, number>();
  for (const id of index.profileFields.keys()) slots.set(id, slots.size);
  const profileSlots = slots.size;
  for (const id of index.questions.keys()) slots.set(id, slots.size);
  const appliesTests = distinctTests(code, 'applies', slots);
  const questions = [...index.questions.values()].map((entry): CompiledQuestion => ({
    entry,
    slot: slots.get(entry.question.id)!,
    appliesToTest: entry.question.appliesTo ? appliesTests.at(entry.question.appliesTo) : -1,
    showIf: entry.question.showIf && slotTest(code, functionName('showIf', entry.question.id), entry.question.showIf, slots),
    gates: entry.gateNumbers,
    valid: answerValidator(entry.question),
    required: isRequired(entry.question),
  }));
  const profile = [...index.profileFields.values()].map((field) => ({ optional: field.optional === true, valid: answerValidator(field) }));
  let position = 0;
  const indicators = [...index.indicators.values()].map((entry, n): CompiledIndicator => {
    const criteria = entry.criteria.map((c) => ({
      questions: c.questions,
      questionNumbers: c.questions.map((q) => index.questions.get(q)!.number),
      questionSlots: c.questions.map((q) => slots.get(q)!),
      max: c.max,
      position: position++,
      steps: c.rules.map((r) => ({ conditions: r.conditions, points: r.event.params.points })),
    }));
    return { id: entry.indicator.id, pillar: entry.pillar, weight: entry.weight, criteria, score: indicatorScore(code, entry.indicator.id, n, criteria, slots) };
  });
  const pillars = index.pillars.map((p) => ({
    id: p.id,
    weight: index.pillarWeights.get(p.id) ?? 0,
    indicators: indicators.flatMap((i, n) => (i.pillar === p.id ? [n] : [])),
  }));
  return { index, indicators, slots, profileSlots, profile, questions, pillars, criteria: position, appliesTests: appliesTests.tests, codes: new ValueCodes(slots.size) };
}

/** Conditions compiled once each however many times they recur (by their JSON), numbered in the order first met. */
export function distinctTests(code: GeneratedCode, kind: string, slots: ReadonlyMap<string, number>): { tests: SlotTest[]; at(condition: Condition): number } {
  const tests: SlotTest[] = [];
  const positions = new Map<string, number>();
  return {
    tests,
    at(condition) {
      const key = JSON.stringify(condition);
      let at = positions.get(key);
      if (at === undefined) positions.set(key, (at = tests.push(slotTest(code, `${kind}${tests.length}`, condition, slots)) - 1));
      return at;
    },
  };
}
