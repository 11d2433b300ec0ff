import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differential } from '../support/differential.js';
import { MaxHeap } from '../../src/engine/max-heap.js';

type Steps = [number[], [boolean, number][]];

/** The keys taken, in order, when the top one is lowered or taken at each step, then every one left taken. */
function taken([values, steps]: Steps, top: (keys: Float64Array, left: Set<number>) => { position: () => number; lowered: () => void; pop: () => void }): number[] {
  const keys = Float64Array.from(values);
  const left = new Set(values.map((_, i) => i));
  const picker = top(keys, left);
  const out: number[] = [];
  for (const [lower, by] of steps) {
    const at = picker.position();
    if (at < 0) break;
    if (lower) {
      keys[at] = keys[at]! - by;
      picker.lowered();
    } else {
      out.push(keys[at]!);
      picker.pop();
      left.delete(at);
    }
  }
  for (let at = picker.position(); at >= 0; at = picker.position()) {
    out.push(keys[at]!);
    picker.pop();
    left.delete(at);
  }
  expect(left.size).toBe(0);
  return out;
}

/** The reference: a pass over every position left, the highest key taken. */
function scan(keys: Float64Array, left: Set<number>) {
  const position = () => [...left].reduce((best, i) => (best < 0 || keys[i]! > keys[best]! ? i : best), -1);
  let current = -1;
  return { position: () => (current = position()), lowered: () => {}, pop: () => left.delete(current) };
}

function heap(keys: Float64Array, left: Set<number>) {
  const h = new MaxHeap(keys);
  for (const i of left) h.push(i);
  return { position: () => h.top(), lowered: () => h.lowered(), pop: () => h.pop() };
}

describe('the heap that picks the most promising action', () => {
  it('when keys are pushed, and the top one lowered or taken at random, then the keys are taken in the order a pass over every one takes them', async () => {
    const steps = fc.tuple(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 80 }), fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 50, noNaN: true })), { maxLength: 200 }));
    expect(await differential((s: Steps) => taken(s, scan), (s) => taken(s, heap), steps, { runs: 500, seed: 11 })).toBeGreaterThanOrEqual(500);
  });
});
