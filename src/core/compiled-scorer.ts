import { pointsScore, round1 } from './aggregate.js';
import { factsOf, type Condition, type SlotTest } from './condition.js';
import { answerValidator } from './answer-value.js';
import { compileSlots, conditionSource, functionOf, literal, slotRead } from './generated-code.js';
import type { ContentIndex, QuestionEntry } from './content-index.js';
import type { AnswersDocument } from './content-model.js';
import type { Outcome } from './issue.js';
import { ANSWERED_STATUS, checkRow, NOT_APPLICABLE_STATUS, rowStateFrom, valuesOf, type RowState } from './row-state.js';
import { isRequired, validateAnswers } from './validate-answers.js';
import { MAX_CODES, ValueCodes } from './value-codes.js';

/** Scores without explanations: what a batch needs, per indicator, pillar and global. */
export interface QuickResult {
  global: number | null;
  pillars: { id: string; score: number | null }[];
  indicators: { id: string; pillar: string; score: number | null }[];
}

export interface CompiledCriterion {
  questions: string[];
  /** The same questions by their number in questionnaire order. */
  questionNumbers: number[];
  /** Its rules in order: their conditions (compiled into the indicator's function) and points. */
  steps: { conditions: Condition; points: number }[];
  max: number;
  /** Its position among all the criteria of the content (see `CompiledScorer.criteria`). */
  position: number;
}

export interface CompiledIndicator {
  id: string;
  pillar: string;
  weight: number;
  criteria: CompiledCriterion[];
  /**
   * Its score from a row's arrays, into `into.indicators` at the indicator's position (NaN: none),
   * with its points and points available, rather than returned, since V8 boxes a number returned
   * from a call: `loopedScore`'s loops generated as one function (see generated-code.ts). Each
   * criterion's points go to `into.criteria` at the criterion's position, or -1 when the criterion
   * does not apply: what suggestions bound their gains with. `codes` are the row's (see
   * `RowState.codes`): a criterion reading one answered question with a code takes its points
   * from what it gave that code before, where the code has been met.
   */
  score: (scored: readonly unknown[], status: Uint8Array, codes: Int32Array, into: RowScores) => void;
}

/** A pillar question with its conditions compiled on slots; `gates` are question numbers. */
export interface CompiledQuestion {
  entry: QuestionEntry;
  slot: number;
  /** Its appliesTo's position in `CompiledScorer.appliesTests` (-1: none). */
  appliesToTest: number;
  showIf?: SlotTest;
  gates: number[];
  /** Whether a value is a valid answer (see `answerValidator`). */
  valid: (value: unknown) => boolean;
  /** Whether, when asked, it must be answered for the assessment to be complete (see `isRequired`). */
  required: boolean;
}

/**
 * The rules compiled once into plain functions (generated-code.ts), with json-rules-engine's
 * semantics (the same operators as condition.ts, which mirrors its defaults), for batches: tens
 * of times faster than running the engine, and proven equal to it by the differential tests. Explanations stay with json-rules-engine.
 *
 * Facts live in arrays: each profile field, then each pillar question in questionnaire order, has
 * a slot, so a row is read by index rather than by name through maps built per row.
 */
export interface CompiledScorer {
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
  /** How many criteria in all: the length of `RowScores.criteria`. */
  criteria: number;
  /** The distinct appliesTo conditions, each compiled once: questions share a few (34 questions, 5 conditions), so a row tests each once. */
  appliesTests: SlotTest[];
  /** Codes of the values each slot has held (see `RowState.codes`). */
  codes: ValueCodes;
}

export function compileScorer(index: ContentIndex): CompiledScorer {
  const slots = new Map<string, number>();
  for (const id of index.profileFields.keys()) slots.set(id, slots.size);
  const profileSlots = slots.size;
  for (const id of index.questions.keys()) slots.set(id, slots.size);
  const numberOf = (id: string) => slots.get(id)! - profileSlots;
  const appliesTests: SlotTest[] = [];
  const appliesKeys = new Map<string, number>();
  const appliesTestOf = (condition: Condition) => {
    const key = JSON.stringify(condition);
    let at = appliesKeys.get(key);
    if (at === undefined) appliesKeys.set(key, (at = appliesTests.push(compileSlots(condition, slots)) - 1));
    return at;
  };
  const questions = [...index.questions.values()].map((entry): CompiledQuestion => {
    const appliesToTest = entry.question.appliesTo ? appliesTestOf(entry.question.appliesTo) : -1;
    return {
      entry,
      slot: slots.get(entry.question.id)!,
      appliesToTest,
      ...(entry.question.showIf && { showIf: compileSlots(entry.question.showIf, slots) }),
      gates: entry.gates.filter((g) => index.questions.has(g)).map(numberOf),
      valid: answerValidator(entry.question),
      required: isRequired(entry.question),
    };
  });
  const profile = [...index.profileFields.values()].map((field) => ({ optional: field.optional === true, valid: answerValidator(field) }));
  let position = 0;
  const indicators = [...index.indicators.values()].map((entry, n) => {
    const criteria = entry.criteria.map((c) => ({
      questions: c.questions,
      questionNumbers: c.questions.map(numberOf),
      max: c.max,
      position: position++,
      steps: c.rules.map((r) => ({ conditions: r.conditions, points: r.event.params.points })),
    }));
    return { id: entry.indicator.id, pillar: entry.pillar, weight: entry.weight, criteria, score: generatedScore(criteria, slots, profileSlots, n) };
  });
  const pillars = index.pillars.map((p) => ({
    id: p.id,
    weight: index.pillarWeights.get(p.id) ?? 0,
    indicators: indicators.flatMap((i, n) => (i.pillar === p.id ? [n] : [])),
  }));
  return { index, indicators, slots, profileSlots, profile, questions, pillars, criteria: position, appliesTests, codes: new ValueCodes(slots.size) };
}

/** Validates and scores one document, with the same results as `score` (without the explanation). */
export function quickScore(compiled: CompiledScorer, doc: AnswersDocument): Outcome<QuickResult> {
  const values = valuesOf(compiled, doc);
  const row = values && checkRow(compiled, values);
  if (row) return { ok: true, value: scoreRow(compiled, row) };
  // A problem somewhere: the full validation names every one, as `score` does.
  const { issues, applicability } = validateAnswers(compiled.index, doc);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: scoreRow(compiled, rowStateFrom(compiled, doc, applicability)) };
}

/**
 * A row's scores by position, NaN where there is none (not applicable): indicators as in
 * `compiled.indicators`, pillars as in `compiled.pillars`. Numbers in typed arrays, which a batch
 * reuses from row to row: an array of `number | null` would box every score of every row.
 */
export interface RowScores {
  global: number;
  pillars: Float64Array;
  indicators: Float64Array;
  /** Each criterion's points, by position (see `CompiledCriterion.position`); -1 where it does not apply. */
  criteria: Float64Array;
  /** By indicator: the points of its criteria that apply, and the points they make available. */
  points: Float64Array;
  available: Float64Array;
}

export function emptyScores(compiled: CompiledScorer): RowScores {
  const indicators = compiled.indicators.length;
  return { global: Number.NaN, pillars: new Float64Array(compiled.pillars.length), indicators: new Float64Array(indicators), criteria: new Float64Array(compiled.criteria), points: new Float64Array(indicators), available: new Float64Array(indicators) };
}

/** Scores a row already known to be valid, into `into` when given (a batch's, reused from row to row: valid until the next row). */
export function rowScores(compiled: CompiledScorer, row: RowState, into: RowScores = emptyScores(compiled)): RowScores {
  for (const indicator of compiled.indicators) indicator.score(row.scored, row.status, row.codes, into);
  pillarScoresInto(compiled, into.indicators, into.pillars);
  into.global = globalOf(compiled, into.pillars);
  return into;
}

/** A score as results give it: null where there is none. */
export const scoreOrNull = (score: number): number | null => (score === score ? score : null);

/** Scores a row already known to be valid, by id. */
export function scoreRow(compiled: CompiledScorer, row: RowState): QuickResult {
  const scores = rowScores(compiled, row);
  return {
    global: scoreOrNull(scores.global),
    pillars: compiled.pillars.map((p, n) => ({ id: p.id, score: scoreOrNull(scores.pillars[n]!) })),
    indicators: compiled.indicators.map((i, n) => ({ id: i.id, pillar: i.pillar, score: scoreOrNull(scores.indicators[n]!) })),
  };
}

/** Each pillar's score into `out` (NaN: none): the weighted mean of its indicators that have one, as `score` aggregates them. */
export function pillarScoresInto(compiled: CompiledScorer, scores: Float64Array, out: Float64Array): void {
  for (let pn = 0; pn < compiled.pillars.length; pn++) {
    const p = compiled.pillars[pn]!;
    let total = 0;
    let weights = 0;
    for (const n of p.indicators) {
      const score = scores[n]!;
      if (score !== score) continue;
      const { weight } = compiled.indicators[n]!;
      total += score * weight;
      weights += weight;
    }
    out[pn] = weights > 0 ? round1(total / weights) : Number.NaN;
  }
}

/** The global score (NaN: none): the weighted mean of the pillars that have one. */
export function globalOf(compiled: CompiledScorer, pillarScores: Float64Array): number {
  let total = 0;
  let weights = 0;
  for (let n = 0; n < compiled.pillars.length; n++) {
    const score = pillarScores[n]!;
    if (score !== score) continue;
    total += score * compiled.pillars[n]!.weight;
    weights += compiled.pillars[n]!.weight;
  }
  return weights > 0 ? round1(total / weights) : Number.NaN;
}

/**
 * `loopedScore` as one generated function: each criterion an if, each step a test inline, in the
 * same order, so the same best step and the same sums; the score is `pointsScore`'s, NaN for null.
 *
 * A criterion whose rules read its one question and nothing else gives the same points for the
 * same answer: where the question is answered and the answer has a code (a batch's rows: see
 * `ValueCodes`), the points are kept by code (NaN: not yet worked out) and its steps are not
 * tested again for that answer.
 */
function generatedScore(criteria: readonly CompiledCriterion[], slots: ReadonlyMap<string, number>, profileSlots: number, n: number): CompiledIndicator['score'] {
  const factOf = (fact: string) => slotRead('scored', slots.get(fact) ?? -1);
  // The memos of the indicator's criteria in one array, each MAX_CODES long from its offset: one
  // array read by every criterion, rather than one per criterion, each a pointer to follow.
  let memos = 0;
  const body = criteria.map((criterion) => {
    const { applies, steps } = criterionSource(criterion, (q) => `status[${q}]`, factOf);
    const store = `points += best; max += ${literal(criterion.max)}; out[${criterion.position}] = best;`;
    if (soleQuestion(criterion) === undefined) return `if (${applies}) { best = 0; ${steps} ${store} } else out[${criterion.position}] = -1;`;
    const q = criterion.questionNumbers[0]!;
    const code = `status[${q}] === ${ANSWERED_STATUS} ? codes[${profileSlots + q}] : -1`;
    const at = `${memos++ * MAX_CODES} + code`;
    return `if (${applies}) { best = 0; const code = ${code}; if (code >= 0 && memo[${at}] === memo[${at}]) best = memo[${at}]; else { ${steps} if (code >= 0) memo[${at}] = best; } ${store} } else out[${criterion.position}] = -1;`;
  });
  const store = `into.indicators[${n}] = ${SHARE_SOURCE}; into.points[${n}] = points; into.available[${n}] = max;`;
  const memo = new Float64Array(memos * MAX_CODES).fill(Number.NaN);
  return functionOf(['scored', 'status', 'codes', 'into'], `const out = into.criteria; let points = 0, max = 0, best = 0; ${body.map((b) => `{ ${b} }`).join('\n')} ${store}`, { round1, memo });
}

/**
 * The question a criterion reads when its rules read that one question and nothing else (its
 * points then follow from that question's answer alone); undefined otherwise.
 */
export function soleQuestion(criterion: CompiledCriterion): string | undefined {
  const [id] = criterion.questions;
  return criterion.questions.length === 1 && criterion.steps.every((step) => factsOf(step.conditions).every((fact) => fact === id)) ? id : undefined;
}

/** The source of an indicator's score from its `points` and `max` (`pointsScore`, NaN for null); `round1` in scope. */
export const SHARE_SOURCE = 'max > 0 ? round1((100 * points) / max) : NaN';

/**
 * A criterion as generated source: whether it applies (one of its questions is not "not
 * applicable": `statusSource` gives the source of a question's status by number), and its steps in
 * order, which leave in `best` the points of the best one that fires (its facts read by `factOf`).
 */
export function criterionSource(criterion: CompiledCriterion, statusSource: (q: number) => string, factOf: (fact: string) => string): { applies: string; steps: string } {
  const applies = criterion.questionNumbers.length === 0 ? 'true' : criterion.questionNumbers.map((q) => `${statusSource(q)} !== ${NOT_APPLICABLE_STATUS}`).join(' || ');
  return { applies, steps: stepsSource(criterion, factOf) };
}

/** A criterion's steps in order as generated source, leaving in `best` the points of the best one that fires (its facts read by `factOf`). */
export function stepsSource(criterion: CompiledCriterion, factOf: (fact: string) => string): string {
  return criterion.steps.map((step) => `if (${literal(step.points)} > best && ${conditionSource(step.conditions, factOf)}) best = ${literal(step.points)};`).join(' ');
}

/** One indicator's score: best fired step per applicable criterion, out of the points available (the reference the generated function is tested against). */
export function loopedScore(compiled: CompiledScorer, indicator: CompiledIndicator, scored: readonly unknown[], status: Uint8Array, out: Float64Array): number | null {
  let points = 0;
  let maxPoints = 0;
  for (const criterion of indicator.criteria) {
    let applicable = criterion.questionNumbers.length === 0;
    for (const q of criterion.questionNumbers) if (status[q] !== NOT_APPLICABLE_STATUS) applicable = true;
    out[criterion.position] = -1;
    if (!applicable) continue;
    let best = 0;
    for (const step of criterion.steps) if (step.points > best && slotTest(compiled, step.conditions)(scored)) best = step.points;
    out[criterion.position] = best;
    points += best;
    maxPoints += criterion.max;
  }
  return pointsScore(points, maxPoints);
}

// The reference's tests, compiled when first used: the batch never needs them.
const slotTests = new WeakMap<Condition, SlotTest>();

function slotTest(compiled: CompiledScorer, conditions: Condition): SlotTest {
  let test = slotTests.get(conditions);
  if (!test) slotTests.set(conditions, (test = compileSlots(conditions, compiled.slots)));
  return test;
}
