import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'dist/src/cli/main.js');

/** The real bin, built by the global setup. */
async function suggest(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'suggest', join(ROOT, 'data/examples/scop-40.json'), ...args]);
  return stdout;
}

describe('impact-score suggest', () => {
  it('when suggestions are printed, then they say how they are ranked and an action that builds on another follows it', async () => {
    const out = await suggest('--limit', '3');
    expect(out).toContain('Classées par points gagnés pour l’effort demandé\u00a0: le gain au score global, divisé par l’effort (faible 1, moyen 2, important 4).');
    const first = out.indexOf('1. Définir des indicateurs d’impact et publier les résultats chaque année');
    const then = out.indexOf('Ensuite, en s’appuyant sur cette action\u00a0: Faire vérifier ses résultats d’impact par un tiers indépendant');
    expect(first).toBeGreaterThan(0);
    expect(then).toBeGreaterThan(first);
    expect(then).toBeLessThan(out.indexOf('2. '));
    expect(out).toMatch(/\+\d+(,\d)? au global une fois celle-ci faite/);
  });

  it('when asked for JSON, then each suggestion lists the actions that build on it, with what they add once it is done', async () => {
    const json = JSON.parse(await suggest('--format', 'json', '--lang', 'en', '--limit', '3')) as { suggestions: { actionId: string; followUps: { actionId: string; after: string; gains: { global: number } }[] }[] };
    const [first] = json.suggestions;
    expect(first!.followUps).toEqual([expect.objectContaining({ actionId: 'core-impact-independent-review', after: first!.actionId, gains: expect.objectContaining({ global: expect.any(Number) }) })]);
    expect(first!.followUps[0]!.gains.global).toBeGreaterThan(0);
    // Not in the ranked list itself: it waits for the one it builds on.
    expect(json.suggestions.map((s) => s.actionId)).not.toContain('core-impact-independent-review');
  });
});
