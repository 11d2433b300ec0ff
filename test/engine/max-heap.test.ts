import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MaxHeap } from '../../src/engine/max-heap.js';

describe('the heap that picks the most promising action', () => {
  it('when keys are pushed, and the top one lowered or taken at random, then what is taken is never below what is left', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 80 }), fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 50, noNaN: true })), { maxLength: 200 }), (values, steps) => {
        const keys = Float64Array.from(values);
        const heap = new MaxHeap(keys);
        const left = new Set(values.map((_, i) => i));
        for (const i of left) heap.push(i);
        for (const [lower, by] of steps) {
          const top = heap.top();
          if (top < 0) break;
          expect(Math.max(...[...left].map((i) => keys[i]!))).toBe(keys[top]);
          if (lower) {
            keys[top] = keys[top]! - by;
            heap.lowered();
          } else {
            heap.pop();
            left.delete(top);
          }
        }
        while (heap.top() >= 0) {
          const top = heap.top();
          expect(Math.max(...[...left].map((i) => keys[i]!))).toBe(keys[top]);
          heap.pop();
          left.delete(top);
        }
        expect(left.size).toBe(0);
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
