import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submittedAssessment } from '../support/plan-fixtures.js';
import { examples, startHarness, type Harness } from './harness.js';

let h: Harness;
let mine: number;
const profile = examples.get('insertion-esus')!.profile;

// The advisor reads A and the four organisations they created; one organisation like them is outside the portfolio.
beforeAll(async () => {
  h = await startHarness();
  mine = await submittedAssessment(h, 'leaderA', h.orgA);
  for (const n of [1, 2, 3, 4]) {
    const org = (await h.call('advisorA', 'POST', '/organisations', { name: `Portefeuille ${n}`, profile, countInComparisons: true })).body;
    await submittedAssessment(h, 'advisorA', org.id);
  }
  const outsider = (await h.call('admin', 'POST', '/organisations', { name: 'Dehors', profile, countInComparisons: true })).body;
  await submittedAssessment(h, 'admin', outsider.id);
});
afterAll(async () => h.close());

/** The text of a plan's PDF as `who` downloads it. */
async function pdfText(who: 'leaderA' | 'advisorA', planId: number): Promise<string> {
  const res = await fetch(`${h.url}/plans/${planId}/pdf`, { headers: { authorization: `Bearer ${h.tokens[who]}` } });
  const file = join(mkdtempSync(join(tmpdir(), 'impact-readable-')), 'plan.pdf');
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('a group is never made of organisations the reader reads, but one', () => {
  it('when A’s leader reads its result, then the five others are its group: A’s leader reads none of them', async () => {
    expect((await h.call('leaderA', 'GET', `/assessments/${mine}/result`)).body.peers).toMatchObject({ level: 'size-and-sector', count: 5 });
  });

  it('when the advisor, who reads four of those five, reads A’s result or its plan’s PDF, or places A in the portfolio, then nothing: the quartiles would give away the fifth', async () => {
    expect((await h.call('advisorA', 'GET', `/assessments/${mine}/result`)).body.peers).toBeNull();
    const portfolio = (await h.call('advisorA', 'GET', '/portfolio')).body;
    expect(portfolio.organisations.find((o: { id: number }) => o.id === h.orgA).position).toBeNull();
    expect(portfolio.comparison.instanceCount).toBeNull();
    const plan = (await h.call('leaderA', 'POST', `/assessments/${mine}/plans`, {})).body;
    expect(await pdfText('leaderA', plan.id)).toContain('Comparé aux organisations comme la vôtre');
    expect(await pdfText('advisorA', plan.id)).not.toContain('Comparé aux organisations comme la vôtre');
  });

  it('when an admin, who reads every organisation anyway, reads A’s result, then the group of five is shown', async () => {
    expect((await h.call('admin', 'GET', `/assessments/${mine}/result`)).body.peers).toMatchObject({ count: 5 });
  });
});
