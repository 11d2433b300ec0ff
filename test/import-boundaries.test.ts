import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The project's own lint rules on a small file placed (by name only) in a folder of src/. */
const eslint = new ESLint({ cwd: join(import.meta.dirname, '..') });

async function importProblems(file: string, from: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as m from '${from}';\nexport const used = m;\n`, { filePath: join(import.meta.dirname, '..', file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('import boundaries, as the linter enforces them', () => {
  it('when the core imports the engine, then lint fails: the core is the specification the engine is held to', async () => {
    expect(await importProblems('src/core/fixture.ts', '../engine/index.js')).toEqual(['no-restricted-imports']);
    expect(await importProblems('src/core/fixture.ts', '../engine/row-state.js')).toEqual(['no-restricted-imports']);
    expect(await importProblems('src/core/fixture.ts', './content-model.js')).toEqual([]);
  });

  it('when the batch (or any other folder) imports the engine past its door, then lint fails; through the door it passes', async () => {
    for (const file of ['src/batch/fixture.ts', 'src/app/fixture.ts', 'src/cli/fixture.ts']) {
      expect([file, await importProblems(file, '../engine/row-state.js')]).toEqual([file, ['no-restricted-imports']]);
      expect([file, await importProblems(file, '../engine/index.js')]).toEqual([file, []]);
    }
    expect(await importProblems('src/batch/csv/fixture.ts', '../../engine/top-actions.js')).toEqual(['no-restricted-imports']);
  });

  it('when the engine imports more of the core than its model, or an edge, then lint fails', async () => {
    expect(await importProblems('src/engine/fixture.ts', '../core/score.js')).toEqual(['no-restricted-imports']);
    expect(await importProblems('src/engine/fixture.ts', '../core/suggest.js')).toEqual(['no-restricted-imports']);
    expect(await importProblems('src/engine/fixture.ts', '../batch/run-batch.js')).toEqual(['no-restricted-imports']);
    expect(await importProblems('src/engine/fixture.ts', 'json-rules-engine')).toEqual(['no-restricted-imports']);
    expect(await importProblems('src/engine/fixture.ts', '../core/content-model.js')).toEqual([]);
    // The result's shape and the scorer it implements are core's model too: the engine fills them, core runs them.
    expect(await importProblems('src/engine/fixture.ts', '../core/score-result.js')).toEqual([]);
    expect(await importProblems('src/engine/fixture.ts', '../core/scorer.js')).toEqual([]);
    expect(await importProblems('src/engine/fixture.ts', './row-state.js')).toEqual([]);
  });
});
