/**
 * The compiled engine, behind this one door: a content's rules compiled once into plain functions
 * with json-rules-engine's semantics, to score rows and rank actions fast. Core's `score` and
 * `suggestByRescoring` are the specification it is held to by differential tests (see
 * docs/decisions/002-compiled-engine.md). It reads only core's model: content, conditions'
 * meaning, the applicability rule, answer values.
 */
import type { Applicability } from '../core/applicability.js';
import { indexContent, type ContentIndex } from '../core/content-index.js';
import type { AnswersDocument, Content } from '../core/content-model.js';
import type { Gains } from '../core/ranking.js';
import type { ScoreResult } from '../core/score-result.js';
import type { Scorer } from '../core/scorer.js';
import { GeneratedCode } from './code-writer.js';
import { compileActions } from './compiled-actions.js';
import { compileRules } from './compiled-rules.js';
import { EngineRow } from './engine-row.js';
import { Explainer } from './explained-result.js';
import type { RankedAction } from './kept-actions.js';
import { scoreOrNull } from './row-scores.js';
import { UNKNOWN, VALID_ANSWER, VALID_NOT_APPLICABLE } from './row-state.js';
import { TopActions } from './top-actions.js';
import type { ValueCodes } from './value-codes.js';

export type { EngineRow } from './engine-row.js';
export type { RankedAction } from './kept-actions.js';
export type { RowScores } from './row-scores.js';
export type { ValueCodes } from './value-codes.js';
export { scoreOrNull };

/** What a reader may know of a value before the row is checked: `EngineRow.set` skips checking a value known valid. */
export const Known = { unknown: UNKNOWN, validAnswer: VALID_ANSWER, validNotApplicable: VALID_NOT_APPLICABLE } as const;

/** An action's worth for one organisation, as its suggestion shows it. */
export interface ActionGain {
  actionId: string;
  indicator: string;
  gains: Gains;
  /** Scores once the action is done. */
  projected: { global: number | null; pillar: number | null; indicator: number | null };
}

export interface Engine {
  /** The content version's lookups it was compiled from. */
  readonly index: ContentIndex;
  /** Pillars and indicators by position, as `RowScores` holds them; the content's actions, as `RankedAction.actionAt` numbers them. */
  readonly pillars: readonly string[];
  readonly indicators: readonly string[];
  readonly actions: readonly string[];
  /** The codes of the values each slot has held, for readers that remember cells (see `ValueCodes`). */
  readonly codes: ValueCodes;
  /** The slot of a profile field or question (undefined for anything else), where `EngineRow.set` puts its value. */
  slotOf(id: string): number | undefined;
  /** A row to fill, check, score and rank, reused from row to row. */
  row(): EngineRow;
  /** The actions that would raise a valid document's score, best first, `applicability` as `validateAnswers` found it. */
  rankActions(doc: AnswersDocument, applicability: Applicability, top?: number): ActionGain[];
  /**
   * The explained result of a document `validateAnswers` found valid, `applicability` as it found it: what core's
   * `score` gives on json-rules-engine, field for field (every indicator, criterion and rule, each value compared).
   */
  explain(doc: AnswersDocument, applicability: Applicability): ScoreResult;
  /** Every function generated for this content, as source. */
  source(): string;
}

const engines = new WeakMap<ContentIndex, Engine>();
const scorers = new WeakMap<Content, Scorer>();

/** A content version's scorer on the compiled engine (core's `Scorer`, as the service and `score` run it), made once per content. */
export function compiledScorer(content: Content): Scorer {
  let scorer = scorers.get(content);
  if (!scorer) {
    const engine = compileContent(indexContent(content));
    scorers.set(content, (scorer = { index: engine.index, explain: (doc, applicability) => engine.explain(doc, applicability) }));
  }
  return scorer;
}

/** The engine of a content version, compiled on first use and kept with it. */
export function compileContent(index: ContentIndex): Engine {
  let engine = engines.get(index);
  if (!engine) engines.set(index, (engine = compile(index)));
  return engine;
}

function compile(index: ContentIndex): Engine {
  const code = new GeneratedCode();
  const rules = compileRules(index, code);
  const { actions, fitsTests } = compileActions(rules, code);
  const top = new TopActions(rules, actions, fitsTests);
  // The rule functions explaining a result are made the first time one is asked for: a batch never asks.
  let explainer: Explainer | undefined;
  const explainerOf = () => (explainer ??= new Explainer(rules, code));
  return {
    index,
    pillars: rules.pillars.map((p) => p.id),
    indicators: rules.indicators.map((i) => i.id),
    actions: actions.map((c) => c.action.id),
    codes: rules.codes,
    slotOf: (id) => rules.slots.get(id),
    row: () => new EngineRow(rules, top),
    rankActions: (doc, applicability, count = Number.MAX_SAFE_INTEGER) => rankActions(new EngineRow(rules, top), doc, applicability, count),
    explain: (doc, applicability) => explainerOf().of(doc, applicability),
    source: () => (explainerOf(), code.toString()),
  };
}

function rankActions(row: EngineRow, doc: AnswersDocument, applicability: Applicability, top: number): ActionGain[] {
  row.setValidated(doc, applicability);
  row.score();
  return row.topActions(top).map(actionGain);
}

function actionGain(ranked: RankedAction): ActionGain {
  const { actionId, indicator, gains } = ranked;
  return { actionId, indicator, gains: { ...gains }, projected: { global: scoreOrNull(ranked.projectedGlobal), pillar: scoreOrNull(ranked.projectedPillar), indicator: scoreOrNull(ranked.projectedIndicator) } };
}
