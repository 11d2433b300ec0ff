import type { IssueView } from '../core/issue.js';
import type { WrittenResult } from './row-result.js';

const BANDS = [20, 40, 60, 80, 101];

export interface ScoreStats {
  count: number;
  mean: number | null;
  /** How many scores fall in 0–20, 20–40, 40–60, 60–80, 80–100. */
  bands: number[];
}

export interface BatchSummary {
  rows: number;
  scored: number;
  rejected: number;
  /** Rows scored with a warning (an answer ignored: see ignored-answers.ts), among those scored. */
  warned: number;
  /** The first rows rejected or warned, each problem in words (for the web page; the results file has them all), when asked. */
  problems?: RowProblems[];
  global: ScoreStats;
  pillars: Record<string, ScoreStats>;
}

/** A row to look at again: its number, name or reference, whether it was rejected, and each problem as its reader says it. */
export interface RowProblems {
  row: number;
  name?: string;
  id: string;
  rejected: boolean;
  messages: string[];
}

/** How a summary lists rows with problems: at most `rows` of them, each problem said by `say`. */
export interface ProblemList {
  rows: number;
  say: (problem: IssueView) => string;
}

/**
 * What the summary counts of a chunk's rows, packed in numbers to cross threads cheaply: per row,
 * its mark (below), the global score, then each pillar's in the given order (NaN: none).
 */
export type Tally = Float64Array<ArrayBuffer>;

export const [REJECTED, SCORED, WARNED] = [0, 1, 2] as const;

/** A row's mark in a tally: rejected, scored, or scored with warnings. */
export function rowMark(r: WrittenResult): number {
  return !r.ok ? REJECTED : r.warnings ? WARNED : SCORED;
}

export function tallyOf(rows: readonly WrittenResult[], pillars: readonly string[]): Tally {
  const stride = 2 + pillars.length;
  const tally = new Float64Array(rows.length * stride).fill(Number.NaN);
  rows.forEach((r, i) => {
    const at = i * stride;
    tally[at] = rowMark(r);
    if (!r.ok) return;
    tally[at + 1] = r.global ?? Number.NaN;
    pillars.forEach((id, p) => (tally[at + 2 + p] = r.pillars[id] ?? Number.NaN));
  });
  return tally;
}

function scoreAt(tally: Tally, at: number): number | null {
  const score = tally[at]!;
  return Number.isNaN(score) ? null : score;
}

function emptyStats(): ScoreStats & { sum: number } {
  return { count: 0, mean: null, bands: BANDS.map(() => 0), sum: 0 };
}

/** Running totals of a batch: rows scored and rejected, mean and distribution per pillar. */
export class SummaryBuilder {
  private scored = 0;
  private rejected = 0;
  private warned = 0;
  private readonly global = emptyStats();
  private readonly pillars = new Map<string, ScoreStats & { sum: number }>();

  private readonly listed: RowProblems[] = [];

  constructor(pillarIds: readonly string[], private readonly list?: ProblemList) {
    for (const id of pillarIds) this.pillars.set(id, emptyStats());
  }

  private note(result: WrittenResult): void {
    const problems = result.ok ? result.warnings : result.problems;
    if (!this.list || !problems || this.listed.length >= this.list.rows) return;
    this.listed.push({ row: result.row, ...(result.name && { name: result.name }), id: result.id, rejected: !result.ok, messages: problems.map(this.list.say) });
  }

  /** Rows counted so far, scored or rejected. */
  get rows(): number {
    return this.scored + this.rejected;
  }

  add(result: WrittenResult): void {
    this.note(result);
    if (!result.ok) {
      this.rejected++;
      return;
    }
    this.scored++;
    if (result.warnings) this.warned++;
    count(this.global, result.global);
    for (const [id, score] of Object.entries(result.pillars)) count(this.pillars.get(id), score);
  }

  /** Counts the rows of a tally made with this builder's pillars, in order: the same as adding each result. */
  addTally(tally: Tally): void {
    const pillars = [...this.pillars.values()];
    const stride = 2 + pillars.length;
    for (let at = 0; at < tally.length; at += stride) {
      if (tally[at] === REJECTED) {
        this.rejected++;
        continue;
      }
      this.scored++;
      if (tally[at] === WARNED) this.warned++;
      count(this.global, scoreAt(tally, at + 1));
      pillars.forEach((stats, p) => count(stats, scoreAt(tally, at + 2 + p)));
    }
  }

  build(): BatchSummary {
    const finish = ({ sum, ...s }: ScoreStats & { sum: number }): ScoreStats => ({ ...s, mean: s.count > 0 ? Math.round((10 * sum) / s.count) / 10 : null });
    return {
      rows: this.scored + this.rejected,
      scored: this.scored,
      rejected: this.rejected,
      warned: this.warned,
      global: finish(this.global),
      pillars: Object.fromEntries([...this.pillars].map(([id, s]) => [id, finish(s)])),
      ...(this.list && { problems: this.listed }),
    };
  }
}

function count(stats: (ScoreStats & { sum: number }) | undefined, score: number | null): void {
  if (!stats || score === null) return;
  stats.count++;
  stats.sum += score;
  stats.bands[BANDS.findIndex((b) => score < b)]!++;
}
