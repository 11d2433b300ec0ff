import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, SESSION_PREFIX } from '../../src/app/accounts.js';
import { waitForBatch } from '../../src/app/batches.js';
import { csrfTokenOf, digest, newSecret } from '../../src/app/secrets.js';
import { createAssessment, saveAnswers, submitAssessment } from '../../src/app/assessments.js';
import { createPlan } from '../../src/app/plans.js';
import { examples, startHarness, unwrap, type Harness, type Who } from './harness.js';

let h: Harness;
let draftA: number;
let planA: number;
let snapshotB: string;

/** Everything organisation B has, to prove hostile requests from A's side change none of it. */
async function organisationB(): Promise<string> {
  const db = h.ctx.store.db;
  return JSON.stringify([
    await db.selectFrom('organisations').selectAll().where('id', '=', h.orgB).execute(),
    await db.selectFrom('assessments').selectAll().where('organisation_id', '=', h.orgB).orderBy('id').execute(),
    await db.selectFrom('plans').selectAll().where('organisation_id', '=', h.orgB).orderBy('id').execute(),
  ]);
}

beforeAll(async () => {
  h = await startHarness({ config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'impact-fuzz-')) } });
  const admin = await actorOf(h.ctx, (await h.ctx.store.accounts.findByEmail('admin@test.org'))!);
  for (const [org, example] of [[h.orgA, 'insertion-esus'], [h.orgB, 'scop-40']] as const) {
    const a = unwrap(await createAssessment(h.ctx, admin, org));
    const saved = unwrap(await saveAnswers(h.ctx, admin, a.id, { version: a.version, answers: examples.get(example)!.answers }));
    const submitted = unwrap(await submitAssessment(h.ctx, admin, a.id, saved.version));
    if (org === h.orgA) planA = unwrap(await createPlan(h.ctx, admin, submitted.id, {})).id;
  }
  draftA = unwrap(await createAssessment(h.ctx, admin, h.orgA)).id;
  snapshotB = await organisationB();
});
afterAll(async () => {
  // Uploads the probes got accepted finish before the database closes under them.
  for (const id of await h.ctx.store.batches.ids()) await waitForBatch(h.ctx, id);
  await h.close();
});

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
    expect(await organisationB()).toBe(snapshotB);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
  });
});

// ---- Classes, not cases: every route the OpenAPI document lists, so routes added later are probed too.

interface Operation { method: string; template: string; path: string; types: string[]; auth: boolean; params: string[]; numericQuery: { name: string; zero: boolean }[] }

const numeric = (schema: { pattern?: string; type?: string } | undefined) => /^\^(\[1-9\]|\(0\|)/.test(schema?.pattern ?? '') || ['number', 'integer'].includes(schema?.type ?? '');

async function operations(): Promise<Operation[]> {
  const doc = (await h.call(null, 'GET', '/openapi.json')).body as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; security?: unknown; parameters: { name: string; in: string; schema?: { pattern?: string; type?: string } }[] }>> };
  const ids: Record<string, number> = { organisationId: h.orgA, assessmentId: draftA, planId: planA };
  return Object.entries(doc.paths).flatMap(([template, methods]) => Object.entries(methods).map(([method, op]) => ({
    method: method.toUpperCase(),
    template,
    path: template.replace(/\{(\w+)\}/g, (_m, name: string) => String(ids[name] ?? 1)),
    types: Object.keys(op.requestBody?.content ?? {}),
    auth: op.security !== undefined,
    // Ids in the path (a published page's slug is text, not an id).
    params: op.parameters.filter((p) => p.in === 'path' && numeric(p.schema)).map((p) => p.name),
    // A number in the query: spelled in digits (a pattern), or a bare number or integer (which would coerce "0x1").
    numericQuery: op.parameters.filter((p) => p.in === 'query' && numeric(p.schema))
      .map((p) => ({ name: p.name, zero: (p.schema!.pattern ?? '').startsWith('^(0|') })),
  })));
}

/** Figures of a probe, for RELIABILITY.md: requests tried, properties broken, writes lost, data leaked. */
function report(name: string, figures: { tried: number; failed: string[]; lost: number; leaked: number }): void {
  console.info(`probe ${name}: tried ${figures.tried}, failed ${figures.failed.length}, lost ${figures.lost}, leaked ${figures.leaked}`);
}

const CALLERS = ['anonymous', 'bearer', 'cookie+origin', 'cookie+token', 'cookie', 'cookie+foreign-origin', 'cookie+null-origin', 'cookie+wrong-token'] as const;
type Caller = (typeof CALLERS)[number];
const PROVEN: readonly Caller[] = ['bearer', 'cookie+origin', 'cookie+token'];

const CONTENTS: [string, string][] = [
  ['application/json', '{}'],
  ['application/json; charset=utf-8', '{"version":1,"name":"x"}'],
  ['text/plain', 'x=1'],
  ['text/plain;charset=UTF-8', '{"name":"x"}'],
  ['application/x-www-form-urlencoded', 'name=x&version=1'],
  ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--b--\r\n'],
  ['text/csv', 'id\nX\n'],
  ['application/x-ndjson', '{}\n'],
  ['application/xml', '<x/>'],
  ['', ''],
  ['', 'x'],
];
const ENCODINGS: [string, (b: string) => Buffer][] = [['', (b) => Buffer.from(b)], ['gzip', (b) => gzipSync(b)], ['deflate', (b) => deflateSync(b)], ['br', (b) => brotliCompressSync(b)]];

/** Headers of one caller: a fresh session for each cookie (a probe's logout must not end the next one's). */
async function headersOf(caller: Caller): Promise<Record<string, string>> {
  if (caller === 'anonymous') return {};
  if (caller === 'bearer') return { authorization: `Bearer ${h.tokens.advisorA}` };
  const session = newSecret(SESSION_PREFIX);
  const advisor = (await h.ctx.store.accounts.findByEmail('advisorA@test.org'))!;
  (await h.ctx.store.accounts.createSession(digest(session), advisor.id, h.ctx.now().toISOString(), new Date(h.ctx.now().getTime() + 3600_000).toISOString()));
  const cookie = `impact_session=${session}`;
  const origin = new URL(h.url).origin;
  return {
    cookie,
    ...(caller === 'cookie+origin' && { origin }),
    ...(caller === 'cookie+token' && { 'x-csrf-token': csrfTokenOf(session) }),
    ...(caller === 'cookie+foreign-origin' && { origin: 'https://evil.example', 'x-csrf-token': csrfTokenOf(session) }),
    ...(caller === 'cookie+null-origin' && { origin: 'null' }),
    ...(caller === 'cookie+wrong-token' && { 'x-csrf-token': csrfTokenOf(`${session}x`) }),
  };
}

function documented(op: Operation, type: string, body: string): boolean {
  const media = type.split(';')[0]!.trim().toLowerCase();
  if (op.types.length > 0) return op.types.includes(media);
  return media === 'application/json' || (media === '' && body === '');
}

describe('content types × routes × callers × encodings', () => {
  it('when any write arrives with any content type, encoding and credentials, then never a 5xx, never accepted undocumented, compressed or without proof of origin, and nothing of B changes or shows', async () => {
    const writes = (await operations()).filter((op) => ['POST', 'PATCH', 'DELETE', 'PUT'].includes(op.method));
    expect(writes.length).toBeGreaterThanOrEqual(15);
    const failed: string[] = [];
    let tried = 0;
    let leaked = 0;
    for (const op of writes) {
      for (const caller of CALLERS) {
        for (const [type, text] of CONTENTS) {
          for (const [encoding, pack] of text === '' ? ENCODINGS.slice(0, 1) : ENCODINGS) {
            const res = await fetch(`${h.url}${op.path}`, {
              method: op.method,
              headers: { ...(await headersOf(caller)), ...(type && { 'content-type': type }), ...(encoding && { 'content-encoding': encoding }) },
              ...(text !== '' && { body: pack(text) }),
            });
            const answer = await res.text();
            tried++;
            const accepted = res.status < 300;
            const why = [
              res.status >= 500 && 'a 5xx',
              accepted && encoding && 'a compressed body accepted',
              accepted && !documented(op, type, text) && 'an undocumented content type accepted',
              accepted && !PROVEN.includes(caller) && op.template !== '/auth/login' && !(caller === 'anonymous' && !op.auth) && 'a write without proof of origin accepted',
            ].filter(Boolean);
            if (why.length > 0) failed.push(`${op.method} ${op.template} as ${caller}, ${type || 'no type'}${encoding && `, ${encoding}`}: ${why.join(', ')} (${res.status})`);
            if (answer.includes('Org B')) leaked++;
          }
        }
      }
    }
    const lost = (await organisationB()) === snapshotB ? 0 : 1;
    report('content types × routes × callers × encodings', { tried, failed, lost, leaked });
    expect(failed).toEqual([]);
    expect([lost, leaked]).toEqual([0, 0]);
  });
});

const SPELLINGS = ['0x1', '1e0', '1.0', '%201', '1%20', '+1', '01', '-1', '0', '1_0', '%EF%BC%91', '%D9%A1', '9007199254740993', '1.', '.1', '1,0', 'Infinity', 'NaN', '0b1', '0o1', '%091', '1n', ''];

describe('id spellings', () => {
  it('when a path id or a numeric query parameter is spelled any other way than plain digits, then 400 names it on every route', async () => {
    const failed: string[] = [];
    let tried = 0;
    for (const op of await operations()) {
      const cases = [
        ...op.params.map((name) => ({ name, zero: false, at: `/params/${name}`, path: (s: string) => op.template.replace(/\{(\w+)\}/g, (_m, p: string) => (p === name ? s : String(p === 'organisationId' ? h.orgA : 1))) })),
        ...op.numericQuery.map(({ name, zero }) => ({ name, zero, at: `/query/${name}`, path: (s: string) => `${op.path}?${name}=${s}` })),
      ];
      for (const c of cases) {
        for (const spelling of SPELLINGS) {
          if (spelling === '' && c.at.startsWith('/params')) continue; // An empty path segment is another route.
          if (spelling === '0' && c.zero) continue; // Where 0 is allowed (?suggestions=0), it is plain digits.
          const body = op.types.length > 0 ? (op.types.includes('application/json') ? '{}' : 'id\nX\n') : undefined;
          const res = await fetch(`${h.url}${c.path(spelling)}`, { method: op.method, headers: { authorization: `Bearer ${h.tokens.admin}`, ...(body && { 'content-type': op.types[0]! }) }, ...(body && { body }) });
          const answer = (await res.json().catch(() => ({}))) as { error?: { issues?: { path: string }[] } };
          tried++;
          if (res.status !== 400 || !answer.error?.issues?.some((i) => i.path === c.at)) failed.push(`${op.method} ${op.template} ${c.at}=${spelling}: ${res.status}`);
        }
      }
    }
    report('id spellings', { tried, failed, lost: (await organisationB()) === snapshotB ? 0 : 1, leaked: 0 });
    expect(tried).toBeGreaterThan(400);
    expect(failed).toEqual([]);
  });
});
