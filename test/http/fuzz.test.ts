import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/app/accounts.js';
import { createAssessment, saveAnswers, submitAssessment } from '../../src/app/assessments.js';
import { createPlan } from '../../src/app/plans.js';
import { examples, startHarness, unwrap, type Harness, type Who } from './harness.js';

let h: Harness;
let draftA: number;
let planA: number;
let snapshotB: string;

/** Everything organisation B has, to prove hostile requests from A's side change none of it. */
function organisationB(): string {
  const db = h.ctx.store.db;
  return JSON.stringify([
    db.prepare('SELECT * FROM organisations WHERE id = ?').all(h.orgB),
    db.prepare('SELECT * FROM assessments WHERE organisation_id = ?').all(h.orgB),
    db.prepare('SELECT * FROM plans WHERE organisation_id = ?').all(h.orgB),
  ]);
}

beforeAll(async () => {
  h = await startHarness();
  const admin = actorOf(h.ctx, h.ctx.store.accounts.findByEmail('admin@test.org')!);
  for (const [org, example] of [[h.orgA, 'insertion-esus'], [h.orgB, 'scop-40']] as const) {
    const a = unwrap(createAssessment(h.ctx, admin, org));
    const saved = unwrap(saveAnswers(h.ctx, admin, a.id, { version: a.version, answers: examples.get(example)!.answers }));
    const submitted = unwrap(await submitAssessment(h.ctx, admin, a.id, saved.version));
    if (org === h.orgA) planA = unwrap(createPlan(h.ctx, admin, submitted.id, {})).id;
  }
  draftA = unwrap(createAssessment(h.ctx, admin, h.orgA)).id;
  snapshotB = organisationB();
});
afterAll(async () => h.close());

// Strings that have broken servers before: prototype keys, SQL, unicode edges, huge ones.
const nasty = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', "'; DROP TABLE users; --", '" OR 1=1 --', '\u0000', '\uD800', '\u202E', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'n/a', '', ' ', '../../etc/passwd', '%00', '${7*7}', '{{7*7}}'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('x'.repeat(120_000), 'é'.repeat(60_000), '"'.repeat(50_000)),
);
const scalar = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(1e308), fc.constant(-0));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('any'), { maxLength: 5 }), fc.dictionary(nasty, tie('any'), { maxKeys: 5 })),
})).any;
const deep = fc.integer({ min: 50, max: 5000 }).map((n) => '['.repeat(n) + ']'.repeat(n));
const body = fc.oneof(
  value.map((v) => JSON.stringify(v) ?? 'null'),
  fc.record({ version: scalar, answers: fc.dictionary(nasty, value, { maxKeys: 8 }), profile: fc.dictionary(nasty, value, { maxKeys: 4 }) }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  deep,
  fc.constant('{"__proto__": {"isAdmin": true}, "profile": {}, "answers": {}}'),
);

const routes = (): [string, string][] => [
  ['POST', '/score'],
  ['POST', '/auth/login'],
  ['POST', '/organisations'],
  ['PATCH', `/organisations/${h.orgA}`],
  ['PATCH', `/organisations/${h.orgB}`],
  ['POST', `/organisations/${h.orgA}/assessments`],
  ['PATCH', `/assessments/${draftA}`],
  ['POST', `/assessments/${draftA}/submit`],
  ['POST', `/assessments/${draftA}/reopen`],
  ['POST', `/plans/${planA}/items`],
  ['PATCH', `/plans/${planA}`],
  ['POST', `/plans/${planA}/review`],
  ['POST', `/plans/${planA}/comments`],
  ['POST', `/plans/${planA}/items/order`],
  ['POST', '/workshops'],
];

describe('hostile input on every JSON route', () => {
  it('when random, malformed, huge, deep or prototype-polluting bodies are sent, then never a 500, never a crash, never a change to another organisation', async () => {
    const who = fc.constantFrom<Who | null>('leaderA', 'advisorA', 'expertA', null);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes()), body, who, fc.constantFrom('', '?lang=en', '?lang=xx', '?foo=bar'), async ([method, path], payload, caller, query) => {
        const res = await h.call(caller, method, path + query, payload);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status).toBeLessThan(500);
        expect(res.status >= 400 ? res.body.error : res.body).toBeDefined();
      }),
      { numRuns: 600, seed: 20261121 },
    );
    // Still alive, and organisation B untouched by anything aimed at A (or at B by A's people).
    expect((await h.call('leaderA', 'GET', '/auth/me')).status).toBe(200);
    expect(organisationB()).toBe(snapshotB);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
  });
});
