import fc from 'fast-check';
import { expect } from 'vitest';

/** How inputs are named in a failure, and how many an arbitrary gives (fast-check's own shrinking then applies). */
export interface DifferentialOptions<I> {
  name?: (input: I) => unknown;
  runs?: number;
  seed?: number;
}

/**
 * The one equivalence harness: for every input, `fast` gives what `oracle` gives (deep equality:
 * NaN equals NaN, -0 does not equal 0). Inputs are a list, or a fast-check
 * arbitrary (then shrunk to the smallest failing input). A failure shows the input's name beside
 * both answers. It tells how many inputs it compared, for the test to check that they were many.
 */
export async function differential<I, O>(
  oracle: (input: I) => O | Promise<O>,
  fast: (input: I) => O | Promise<O>,
  inputs: Iterable<I> | fc.Arbitrary<I>,
  options: DifferentialOptions<I> = {},
): Promise<number> {
  let compared = 0;
  const compare = async (input: I) => {
    const expected = await oracle(input);
    const actual = await fast(input);
    if (options.name) expect([options.name(input), actual]).toEqual([options.name(input), expected]);
    else expect(actual).toEqual(expected);
    compared++;
  };
  if (inputs instanceof fc.Arbitrary) {
    await fc.assert(fc.asyncProperty(inputs, compare), { numRuns: options.runs ?? 100, ...(options.seed !== undefined && { seed: options.seed }) });
  } else {
    for (const input of inputs) await compare(input);
  }
  return compared;
}
