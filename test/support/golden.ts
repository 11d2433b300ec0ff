import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The reviewed global score of a golden case (test/cases/<name>/expected.json): tests read it rather than repeat it. */
export function goldenGlobal(name: string): number {
  const expected = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cases', name, 'expected.json'), 'utf8')) as { global: number };
  return expected.global;
}
