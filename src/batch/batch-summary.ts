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
  global: ScoreStats;
  pillars: Record<string, ScoreStats>;
}

/**
 * What the summary counts of a chunk's rows, packed in numbers to cross threads cheaply: per row,
 * 1 (scored) or 0 (rejected), the global score, then each pillar's in the given order (NaN: none).
 */
export type Tally = Float64Array<ArrayBuffer>;

export function tallyOf(rows: readonly WrittenResult[], pillars: readonly string[]): Tally {
  const stride = 2 + pillars.length;
  const tally = new Float64Array(rows.length * stride).fill(Number.NaN);
  rows.forEach((r, i) => {
    const at = i * stride;
    tally[at] = r.ok ? 1 : 0;
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
  private readonly global = emptyStats();
  private readonly pillars = new Map<string, ScoreStats & { sum: number }>();

  constructor(pillarIds: readonly string[]) {
    for (const id of pillarIds) this.pillars.set(id, emptyStats());
  }

  /** Rows counted so far, scored or rejected. */
  get rows(): number {
    return this.scored + this.rejected;
  }

  add(result: WrittenResult): void {
    if (!result.ok) {
      this.rejected++;
      return;
    }
    this.scored++;
    count(this.global, result.global);
    for (const [id, score] of Object.entries(result.pillars)) count(this.pillars.get(id), score);
  }

  /** Counts the rows of a tally made with this builder's pillars, in order: the same as adding each result. */
  addTally(tally: Tally): void {
    const pillars = [...this.pillars.values()];
    const stride = 2 + pillars.length;
    for (let at = 0; at < tally.length; at += stride) {
      if (tally[at] === 0) {
        this.rejected++;
        continue;
      }
      this.scored++;
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
      global: finish(this.global),
      pillars: Object.fromEntries([...this.pillars].map(([id, s]) => [id, finish(s)])),
    };
  }
}

function count(stats: (ScoreStats & { sum: number }) | undefined, score: number | null): void {
  if (!stats || score === null) return;
  stats.count++;
  stats.sum += score;
  stats.bands[BANDS.findIndex((b) => score < b)]!++;
}
