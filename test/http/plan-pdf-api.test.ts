import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/app/accounts.js';
import { createAssessment, saveAnswers, submitAssessment } from '../../src/app/assessments.js';
import { examples, startHarness, unwrap, type Harness } from './harness.js';

let h: Harness;
let planId: number;

beforeAll(async () => {
  h = await startHarness();
  const admin = await actorOf(h.ctx, (await h.ctx.store.accounts.findByEmail('admin@test.org'))!);
  const a = unwrap(await createAssessment(h.ctx, admin, h.orgA));
  const saved = unwrap(await saveAnswers(h.ctx, admin, a.id, { version: a.version, answers: examples.get('insertion-esus')!.answers }));
  const submitted = unwrap(await submitAssessment(h.ctx, admin, a.id, saved.version));
  const { body: s } = await h.call('leaderA', 'GET', `/assessments/${submitted.id}/suggestions?limit=3`);
  let plan = (await h.call('leaderA', 'POST', `/assessments/${submitted.id}/plans`, { title: 'Plan 2027', actionIds: s.suggestions.map((x: { actionId: string }) => x.actionId) })).body;
  plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${plan.items[0].id}`, { version: plan.version, owner: 'Inès', due: '2027-Q1' })).body;
  plan = (await h.call('leaderA', 'POST', `/plans/${plan.id}/submit`, { version: plan.version })).body;
  await h.call('expertA', 'POST', `/plans/${plan.id}/comments`, { itemId: plan.items[0].id, body: 'Commencer par le comité de mission.' });
  plan = (await h.call('expertA', 'POST', `/plans/${plan.id}/review`, { version: plan.version, decision: 'approve', comment: 'Plan clair et réaliste.' })).body;
  planId = plan.id;
});
afterAll(async () => h.close());

describe('GET /plans/{id}/pdf', () => {
  it('when the leader downloads the approved plan, then it is a PDF with the review, the owner and the timeline', async () => {
    const res = await fetch(`${h.url}/plans/${planId}/pdf`, { headers: { authorization: `Bearer ${h.tokens.leaderA}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'impact-api-pdf-')), 'plan.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Statut du plan : approuvé (expertA, 21 novembre 2026)');
    expect(text).toContain('Plan clair et réaliste.');
    expect(text).toContain('Commencer par le comité de mission.');
    expect(text).toContain('Inès');
    expect(text).toContain('T1 2027');
  });

  it('when due dates mix months and quarters, then the timeline runs in time order and the table shows the same words as the page', async () => {
    const created = (await h.call('leaderA', 'GET', `/plans/${planId}`)).body;
    const s = (await h.call('leaderA', 'GET', `/assessments/${created.assessmentId}/suggestions?limit=3`)).body;
    let plan = (await h.call('leaderA', 'POST', `/assessments/${created.assessmentId}/plans`, { actionIds: s.suggestions.map((x: { actionId: string }) => x.actionId) })).body;
    for (const [i, due] of ['2027-06', '2027-09', '2027-Q1'].entries()) {
      plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${plan.items[i].id}`, { version: plan.version, due, target: `cible ${i}` })).body;
    }
    const res = await fetch(`${h.url}/plans/${plan.id}/pdf`, { headers: { authorization: `Bearer ${h.tokens.leaderA}` } });
    const file = join(mkdtempSync(join(tmpdir(), 'impact-api-pdf-')), 'plan.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const timeline = text.slice(text.lastIndexOf('Calendrier'), text.lastIndexOf('Relecture de l’expert'));
    const at = (quarter: number) => timeline.search(new RegExp(`T${quarter} 2027|2027 T${quarter}`));
    expect([at(1), at(2), at(3)].every((p) => p >= 0)).toBe(true);
    expect(at(1)).toBeLessThan(at(2));
    expect(at(2)).toBeLessThan(at(3));
    // The page's words: "juin 2027" for a month, "T1 2027" for a quarter, and the target is an "Objectif".
    expect(plan.items.map((i: { dueLabel: string }) => i.dueLabel)).toEqual(['juin 2027', 'septembre 2027', 'T1 2027']);
    expect(text).toContain('juin 2027');
    expect(text).toContain('Objectif : cible 0');
    expect(text).not.toContain('Cible');
  });

  it('when the approved plan is edited since, then the PDF gives the expert’s decision as it was, says the plan changed since, and marks the decision comment', async () => {
    let plan = (await h.call('leaderA', 'GET', `/plans/${planId}`)).body;
    plan = (await h.call('leaderA', 'PATCH', `/plans/${planId}/items/${plan.items[1].id}`, { version: plan.version, owner: 'Nadia' })).body;
    expect(plan.status).toBe('draft');
    const res = await fetch(`${h.url}/plans/${planId}/pdf`, { headers: { authorization: `Bearer ${h.tokens.leaderA}` } });
    const file = join(mkdtempSync(join(tmpdir(), 'impact-api-pdf-')), 'plan.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const review = text.slice(text.lastIndexOf('Relecture de l’expert'));
    expect(review).toContain('Décision : approuvé — expertA, 21 novembre 2026');
    expect(review).toContain('modifié depuis');
    expect(review).not.toContain('brouillon — expertA');
    expect(review).toMatch(/expertA, 21 novembre 2026 — décision \(approuvé\) Plan clair et réaliste\./);
  });

  it('when asked in English, then the PDF is English', async () => {
    const res = await fetch(`${h.url}/plans/${planId}/pdf?lang=en`, { headers: { authorization: `Bearer ${h.tokens.leaderA}` } });
    // Edited since its approval (above), the plan is a draft again: the expert no longer sees it until it is resubmitted.
    expect((await h.call('expertA', 'GET', `/plans/${planId}/pdf`)).status).toBe(404);
    const file = join(mkdtempSync(join(tmpdir(), 'impact-api-pdf-')), 'plan.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Expert review');
  });

  it('when someone else asks, then 404 JSON and not a byte of PDF', async () => {
    const other = await h.call('leaderB', 'GET', `/plans/${planId}/pdf`);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toMatch(/json/);
    expect(other.body.error.code).toBe('not-found');
    expect((await h.call(null, 'GET', `/plans/${planId}/pdf`)).status).toBe(401);
  });
});
