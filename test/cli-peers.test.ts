import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examples, startHarness, type Harness } from './http/harness.js';
import { submittedAssessment } from './support/plan-fixtures.js';
import { BIN } from './support/service.js';

// The CLI on the database of a running instance (a SQLite file both open): what an administrator scripts.
const dir = mkdtempSync(join(tmpdir(), 'impact-cli-peers-'));
const database = join(dir, 'db.sqlite');
const example = examples.get('insertion-esus')!;
const answers = join(dir, 'answers.json');
let h: Harness;
let assessmentId: number;

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const env = { ...process.env, DATABASE_FILE: database, DATABASE_URL: '', DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', DEMO_DATA: 'false' };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { env });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

async function other(n: number): Promise<void> {
  const org = (await h.call('admin', 'POST', '/organisations', { name: `Pair ${n}`, profile: example.profile, countInComparisons: true })).body;
  await submittedAssessment(h, 'admin', org.id);
}

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  h = await startHarness({ file: database });
  // A agreed to count and is named by its SIREN in the answers file: its own result must not be among its peers.
  expect((await h.call('admin', 'PATCH', `/organisations/${h.orgA}`, { siren: '552100554', countInComparisons: true })).status).toBe(200);
  assessmentId = await submittedAssessment(h, 'leaderA', h.orgA);
  writeFileSync(answers, JSON.stringify({ ...example, organisation: { name: 'Org A', siren: '552100554' } }));
  for (const n of [1, 2, 3, 4]) await other(n);
});
afterAll(async () => h.close());

describe('organisations like mine in the CLI report and the PDF', () => {
  it('when score runs on a file without --peers, then it says nothing of peers: a file belongs to no instance', async () => {
    const { code, out } = await cli('score', answers);
    expect(code).toBe(0);
    expect(out).not.toContain('organisations comme la vôtre');
    expect(JSON.parse((await cli('score', answers, '--format', 'json')).out)).not.toHaveProperty('peers');
  });

  it('when four others agreed (the file’s own organisation, named by its SIREN, left out), then --peers says why nothing is shown; at five, their median and quartiles', async () => {
    const four = await cli('score', answers, '--peers');
    expect(four.code).toBe(0);
    expect(plain(four.out)).toContain('moins de 5 autres organisations de cette plateforme');
    expect(JSON.parse((await cli('score', answers, '--peers', '--format', 'json')).out).peers).toBeNull();

    await other(5);
    const five = await cli('score', answers, '--peers', '--lang', 'en');
    expect(plain(five.out)).toContain('Among the 5 other organisations on this platform of the same size');
    const json = JSON.parse((await cli('score', answers, '--peers', '--format', 'json')).out);
    expect(json.peers).toMatchObject({ level: 'size-and-sector', count: 5 });
    const global = json.peers.scores.find((s: { id: string }) => s.id === 'global');
    expect(global.quartiles).toEqual([json.global, json.global, json.global]);
    // The global's line of words, then its one-line chart.
    expect(plain(five.out)).toMatch(/Global score +[\d.]+ +Median [\d.]+ \(quartiles [\d.]+ – [\d.]+, 5 organisations\)/);
  });

  it('when a stored plan is exported (--plan), then its PDF shows the peers beside the published standing; a draft from a file does not', async () => {
    const suggestions = (await h.call('leaderA', 'GET', `/assessments/${assessmentId}/suggestions?limit=2`)).body.suggestions as { actionId: string }[];
    const plan = (await h.call('leaderA', 'POST', `/assessments/${assessmentId}/plans`, { actionIds: suggestions.map((s) => s.actionId) })).body;
    const stored = join(dir, 'stored.pdf');
    expect((await cli('export-pdf', '--plan', String(plan.id), '-o', stored)).code).toBe(0);
    const text = plain(execFileSync('pdftotext', ['-layout', stored, '-'], { encoding: 'utf8' }));
    expect(text).toContain('Comparé aux organisations comme la vôtre');
    expect(text).toContain('Parmi les 5 autres organisations de cette plateforme de même taille');
    expect(text).toMatch(/Médiane [\d,]+ \(quartiles [\d,]+ – [\d,]+, 5 organisations\)/);
    const draft = join(dir, 'draft.pdf');
    expect((await cli('export-pdf', answers, '-o', draft)).code).toBe(0);
    expect(plain(execFileSync('pdftotext', ['-layout', draft, '-'], { encoding: 'utf8' }))).not.toContain('organisations comme la vôtre');
  });
});
