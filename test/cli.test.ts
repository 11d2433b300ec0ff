import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readAnswersInput } from '../src/cli/answers-input.js';
import { validateAnswers } from '../src/core/validate-answers.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'dist/src/cli/main.js');
const EXAMPLE = join(ROOT, 'data/examples/sas-5.json');
/** The declared content version, as rules/weights.json states it (the hash follows it). */
const DECLARED = (JSON.parse(readFileSync(join(ROOT, 'rules/weights.json'), 'utf8')) as { version: string }).version.replace(/\./g, '\\.');

/** Runs the real bin, built by the global setup, as a user would. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: tmpdir() });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'impact-cli-')), name);
  writeFileSync(file, text);
  return file;
}

describe('impact-score CLI', () => {
  it('when scoring an answers file, then it prints the French report: global, pillars, weakest indicators with reasons', async () => {
    const { code, out } = await cli('score', EXAMPLE);
    expect(code).toBe(0);
    expect(out).toMatch(/Score global\u00a0: \d+(,\d)? \/ 100/);
    expect(out).toContain('Limiter les externalités négatives');
    expect(out).toContain('Indicateurs, du plus faible au plus fort');
    expect(out).toMatch(/[✓~✗] +\d+\/\d+/);
    expect(out).toContain('Questions sans réponse');
  });

  it('when an answers file is scored, then the report says where the global and each pillar stand among the published scores, all and the region’s', async () => {
    const published = JSON.parse(readFileSync(join(ROOT, 'data/published-scores.json'), 'utf8')) as { all: { count: number; levels: number[]; scores: Record<string, number[]> }; regions: Record<string, { count: number }> };
    const region = (JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { profile: { region: string } }).profile.region;
    const json = JSON.parse((await cli('score', EXAMPLE, '--format', 'json', '--lang', 'en')).out);
    expect(json.standing.groups.map((g: { region: string | null; count: number }) => [g.region, g.count])).toEqual([[null, published.all.count], ...(region in published.regions ? [[region, published.regions[region]!.count]] : [])]);
    const median = (id: string) => published.all.scores[id]![published.all.levels.indexOf(50)];
    for (const s of json.standing.groups[0].scores) expect(s.quartiles[1]).toBe(median(s.id));
    const { code, out } = await cli('score', EXAMPLE);
    expect(code).toBe(0);
    expect(out).toContain(`Parmi les ${published.all.count} organisations qui ont publié leur Impact Score`);
    expect(out).toContain('elles ont tendance à avoir de meilleurs scores');
    expect(out.indexOf('Parmi les Impact Scores publiés')).toBeLessThan(out.indexOf('Indicateurs, du plus faible au plus fort'));
  });

  it('when asked for English JSON, then the same result comes as JSON in English', async () => {
    const fr = JSON.parse((await cli('score', EXAMPLE, '--format', 'json')).out);
    const { code, out } = await cli('score', EXAMPLE, '--format', 'json', '--lang', 'en');
    expect(code).toBe(0);
    const en = JSON.parse(out);
    expect(en.lang).toBe('en');
    expect(en.global).toBe(fr.global);
    expect(en.pillars.map((p: { title: string }) => p.title)).toContain('Limiting negative externalities');
    expect(en.weakest[0].score).toBeLessThanOrEqual(en.weakest.at(-1).score);
    expect(en.contentVersion).toMatch(new RegExp(`^${DECLARED}\\+[0-9a-f]{12}$`));
  });

  // Every golden file both ways is test/engine/explained-result.test.ts's; here, the switch end to end.
  it('when scored with --engine reference (json-rules-engine), then golden files give the same JSON and report as the default engine, byte for byte', async () => {
    const [industry, insertion] = ['industry-300', 'insertion-esus'].map((name) => join(ROOT, 'data/examples', `${name}.json`));
    const runs = [['score', industry!, '--format', 'json'], ['score', insertion!, '--format', 'json', '--lang', 'en'], ['score', EXAMPLE]];
    for (const args of runs) {
      const [compiled, reference] = await Promise.all([cli(...args), cli(...args, '--engine', 'reference')]);
      expect([args, reference.code, reference.out]).toEqual([args, 0, compiled.out]);
    }
  });

  it('when no engine is named, then score runs the compiled engine (its result comes at once); with reference, json-rules-engine (a promise)', () => {
    const io = { out: () => {}, err: () => {} };
    const compiled = readAnswersInput(EXAMPLE, { lang: 'fr' }, io);
    const reference = readAnswersInput(EXAMPLE, { lang: 'fr', engine: 'reference' }, io);
    if (typeof compiled === 'number' || typeof reference === 'number') throw new Error('input');
    const { applicability } = validateAnswers(compiled.scorer.index, compiled.doc);
    expect(compiled.scorer.explain(compiled.doc, applicability)).not.toBeInstanceOf(Promise);
    expect(reference.scorer.explain(reference.doc, applicability)).toBeInstanceOf(Promise);
  });

  it('when given an engine that does not exist, then it names the two and exits 2', async () => {
    const { code, err } = await cli('score', EXAMPLE, '--engine', 'fast');
    expect(code).toBe(2);
    expect(err).toContain('compiled, reference');
  });

  it('when the answers file is not JSON, then it says where, exits 1 and prints no stack', async () => {
    const file = tempFile('bad.json', '{ "profile": ');
    const { code, err } = await cli('score', file);
    expect(code).toBe(1);
    expect(err).toContain('JSON invalide');
    expect(err).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('when an answer is unknown or out of range, then each problem is printed with its path', async () => {
    const file = tempFile('answers.json', JSON.stringify({
      profile: { headcount: '1-9', sector: 'J', 'legal-form': 'sas', region: 'idf' },
      answers: { 'no-such-question': true, 'employee-development-hours': -3 },
    }));
    const { code, err } = await cli('score', file, '--lang', 'en');
    expect(code).toBe(1);
    expect(err).toContain('→ /answers/no-such-question: "no-such-question" is not a question');
    expect(err).toContain('/answers/employee-development-hours');
    expect(err).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('when the answers file does not exist, then it exits 2 with a clear message', async () => {
    const { code, err } = await cli('score', '/nonexistent/answers.json');
    expect(code).toBe(2);
    expect(err).toContain('Impossible de lire le fichier (ENOENT)');
  });

  it('when validating the committed content, then it is valid and its self-tests pass', async () => {
    const { code, out } = await cli('validate');
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`Contenu valide \\(version ${DECLARED}\\+[0-9a-f]{12}\\)\u00a0: 3 piliers, \\d+ questions, \\d+ règles, 6 exemples, \\d+ auto-tests réussis`));
  });

  it('when validating another content root that is broken, then every problem is listed as file → path and it exits 1', async () => {
    const root = mkdtempSync(join(tmpdir(), 'impact-root-'));
    const { code, err } = await cli('validate', '--content', root, '--lang', 'en');
    expect(code).toBe(1);
    expect(err).toContain('questionnaires/ → /: Folder "questionnaires/" is missing');
  });

  it('when given an unknown option value, then it explains usage and exits 2', async () => {
    const { code, err } = await cli('score', EXAMPLE, '--lang', 'de');
    expect(code).toBe(2);
    expect(err).toContain('fr | en');
  });
});
