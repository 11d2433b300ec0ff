import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open-store.js';
import { cli, databaseOf, killAll, serve, stop } from './support/service.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
afterEach(killAll);

const PASSWORD = 'un mot de passe long';
// Short leases so that a dead instance's batch is taken over within seconds.
const SETTINGS = { BATCH_LEASE_SECONDS: '2', LOGIN_ACCOUNT_LIMIT: '3' };

/** A client of one instance: requests with a session cookie, from that instance's own page (Origin). */
function client(url: string, cookie = '') {
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Json; cookie: string }> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, origin: new URL(url).origin, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, cookie: String(res.headers.get('set-cookie') ?? '').split(';')[0]! };
  };
}

async function login(url: string, email: string, password = PASSWORD) {
  return client(url)('POST', '/auth/login', { email, password });
}

/** Organisations 1…n with SIRENs, their advisor and a leader of the first, through the admin commands. */
async function people(dir: string, organisations: number): Promise<void> {
  for (let i = 1; i <= organisations; i++) await cli(dir, 'orgs', 'create', '--name', `Org ${i}`, '--siren', String(100_000_000 + i), '--headcount', '10-49', '--sector', 'C', '--legal-form', 'sarl', '--region', 'bre');
  await cli(dir, 'users', 'create', '--email', 'conseil@x.fr', '--role', 'advisor', '--org', Array.from({ length: organisations }, (_, i) => i + 1).join(','), '--password', PASSWORD);
  await cli(dir, 'users', 'create', '--email', 'chef@x.fr', '--role', 'leader', '--org', '1', '--password', PASSWORD);
}

/** A JSON Lines portfolio of `rows` rows, each naming one of the organisations by SIREN. */
function portfolio(rows: number, organisations: number): string {
  const doc = JSON.parse(readFileSync(join(import.meta.dirname, 'cases/scop-40/answers.json'), 'utf8'));
  return `${Array.from({ length: rows }, (_, i) => JSON.stringify({ ...doc, organisation: { name: `r${i}`, siren: String(100_000_000 + (i % organisations) + 1) } })).join('\n')}\n`;
}

async function ended(follow: ReturnType<typeof client>, id: number): Promise<Json> {
  for (;;) {
    const batch = (await follow('GET', `/batches/${id}`)).body;
    if (batch.status === 'done' || batch.status === 'failed') return batch;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('two instances on one PostgreSQL database', () => {
  it('when people log in on one instance, then the other knows them, and a logout or a revoked token stops everywhere at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-two-'));
    await people(dir, 1);
    const [a, b] = await Promise.all([serve(dir, SETTINGS), serve(dir, SETTINGS)]);
    const onA = await login(a.url, 'chef@x.fr');
    expect(onA.status).toBe(200);
    const onB = client(b.url, onA.cookie);
    expect((await onB('GET', '/auth/me')).body.user.email).toBe('chef@x.fr');
    const draft = await onB('POST', '/organisations/1/assessments');
    expect(draft.status).toBe(201);
    expect((await client(a.url, onA.cookie)('GET', `/assessments/${draft.body.id}`)).body.version).toBe(draft.body.version);
    expect((await onB('POST', '/auth/logout')).status).toBe(200);
    expect((await client(a.url, onA.cookie)('GET', '/auth/me')).status).toBe(401);
    const token = (await cli(dir, 'tokens', 'create', '--email', 'chef@x.fr')).out.trim();
    const me = (url: string) => fetch(`${url}/auth/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect([await me(a.url), await me(b.url)]).toEqual([200, 200]);
    const id = (await cli(dir, 'tokens', 'list', '--email', 'chef@x.fr')).out.split('\t')[0]!;
    expect((await cli(dir, 'tokens', 'revoke', '--email', 'chef@x.fr', '--id', id)).code).toBe(0);
    expect([await me(a.url), await me(b.url)]).toEqual([401, 401]);
    expect(await Promise.all([stop(a.child), stop(b.child)])).toEqual([0, 0]);
  });

  it('when one assessment and one plan are edited through both instances at once, then one edit lands and the other gets 409', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-two-edits-'));
    await people(dir, 1);
    const [a, b] = await Promise.all([serve(dir, SETTINGS), serve(dir, SETTINGS)]);
    const cookie = (await login(a.url, 'chef@x.fr')).cookie;
    const [onA, onB] = [client(a.url, cookie), client(b.url, cookie)];
    const draft = (await onA('POST', '/organisations/1/assessments')).body;
    const edits = await Promise.all([
      onA('PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: { 'inclusion-hires': '0' } }),
      onB('PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: { 'inclusion-hires': '50+' } }),
    ]);
    expect(edits.map((e) => e.status).sort()).toEqual([200, 409]);
    const kept = edits.find((e) => e.status === 200)!.body.answers['inclusion-hires'];
    expect((await onB('GET', `/assessments/${draft.id}`)).body).toMatchObject({ version: draft.version + 1, answers: { 'inclusion-hires': kept } });
    // A plan: from a submitted assessment, renamed through both at once.
    const doc = JSON.parse(readFileSync(join(import.meta.dirname, 'cases/scop-40/answers.json'), 'utf8'));
    const saved = (await onA('PATCH', `/assessments/${draft.id}`, { version: draft.version + 1, answers: doc.answers, profile: doc.profile })).body;
    expect((await onB('POST', `/assessments/${draft.id}/submit`, { version: saved.version })).status).toBe(200);
    const plan = (await onA('POST', `/assessments/${draft.id}/plans`, {})).body;
    const renames = await Promise.all([onA('PATCH', `/plans/${plan.id}`, { version: plan.version, title: 'Plan A' }), onB('PATCH', `/plans/${plan.id}`, { version: plan.version, title: 'Plan B' })]);
    expect(renames.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await onA('GET', `/plans/${plan.id}/history`)).body.map((h: { action: string }) => h.action)).toEqual(['create', 'rename']);
  });

  it('when failed logins are spread over both instances, then the limit counts them together', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-two-logins-'));
    await people(dir, 1);
    const [a, b] = await Promise.all([serve(dir, SETTINGS), serve(dir, SETTINGS)]);
    expect((await login(a.url, 'chef@x.fr', 'faux')).status).toBe(401);
    expect((await login(b.url, 'chef@x.fr', 'faux')).status).toBe(401);
    expect((await login(a.url, 'chef@x.fr', 'faux')).status).toBe(401);
    expect((await login(b.url, 'chef@x.fr')).status).toBe(429);
  });

  it('when a batch is uploaded to one instance, then the other follows it and serves its results', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-two-batch-'));
    await people(dir, 3);
    const [a, b] = await Promise.all([serve(dir, SETTINGS), serve(dir, SETTINGS)]);
    const cookie = (await login(a.url, 'conseil@x.fr')).cookie;
    const uploaded = await fetch(`${a.url}/batches?store=true&output=jsonl`, { method: 'POST', headers: { cookie, origin: new URL(a.url).origin, 'content-type': 'application/x-ndjson' }, body: portfolio(300, 3) });
    expect(uploaded.status).toBe(202);
    const { id } = (await uploaded.json()) as Json;
    expect(await ended(client(b.url, cookie), id)).toMatchObject({ status: 'done', rows: 300, stored: 3 });
    const results = await fetch(`${b.url}/batches/${id}/result`, { headers: { cookie } });
    expect(results.status).toBe(200);
    expect((await results.text()).trim().split('\n')).toHaveLength(300);
  });

  it('when the instance running a batch is killed (SIGKILL), then the other takes it over and finishes it: nothing lost, nothing stored twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-two-kill-'));
    const organisations = 6;
    await people(dir, organisations);
    const rows = 30_000;
    // A alone when the batch arrives, so that A is the one running it.
    const a = await serve(dir, SETTINGS);
    const cookie = (await login(a.url, 'conseil@x.fr')).cookie;
    const uploaded = await fetch(`${a.url}/batches?store=true&output=jsonl`, { method: 'POST', headers: { cookie, origin: new URL(a.url).origin, 'content-type': 'application/x-ndjson' }, body: portfolio(rows, organisations) });
    const { id } = (await uploaded.json()) as Json;
    const onA = client(a.url, cookie);
    let seen = (await onA('GET', `/batches/${id}`)).body;
    while (!(seen.status === 'running' && seen.rows > 0)) seen = (await onA('GET', `/batches/${id}`)).body;
    const b = await serve(dir, SETTINGS);
    a.child.kill('SIGKILL');
    await new Promise((resolve) => a.child.once('exit', resolve));
    // B reads the batch A left half done, then finishes it once A's lease has run out.
    const onB = client(b.url, cookie);
    expect((await onB('GET', `/batches/${id}`)).body).toMatchObject({ status: 'running' });
    const batch = await ended(onB, id);
    expect(batch).toMatchObject({ status: 'done', rows, stored: organisations });
    const results = await fetch(`${b.url}/batches/${id}/result`, { headers: { cookie } });
    const lines = (await results.text()).trim().split('\n');
    expect(lines).toHaveLength(rows);
    expect(new Set(lines.map((l) => JSON.parse(l).row)).size).toBe(rows);
    expect(readdirSync(join(dir, 'data', 'batches', String(id)))).toEqual(['scores.jsonl']);
    const location = await databaseOf(dir);
    const store = await openStore({ url: location.DATABASE_URL, file: '' });
    try {
      expect(await store.db.selectFrom('batches').select('attempts').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ attempts: 2 });
      const perOrg = await store.db.selectFrom('assessments').select((eb) => ['organisation_id', eb.fn.countAll<number>().as('n')]).groupBy('organisation_id').orderBy('organisation_id').execute();
      expect(perOrg.map((r) => [r.organisation_id, Number(r.n)])).toEqual(Array.from({ length: organisations }, (_, i) => [i + 1, 1]));
    } finally {
      await store.close();
    }
    expect(await stop(b.child)).toBe(0);
  });

  it('when two instances start together on an empty database, then the demo data is created once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-two-demo-'));
    const [a, b] = await Promise.all([serve(dir, { DEMO_DATA: 'true' }), serve(dir, { DEMO_DATA: 'true' })]);
    const location = await databaseOf(dir);
    const store = await openStore({ url: location.DATABASE_URL, file: '' });
    try {
      // One account per role (the organiser's too), and the organisations of the demo's past event beside the three of before.
      expect([await store.accounts.countUsers(), await store.organisations.count()]).toEqual([5, 7]);
      expect((await store.events.list()).map((e) => e.title)).toHaveLength(2);
      expect((await store.db.selectFrom('workshops').select('id').execute())).toHaveLength(6);
    } finally {
      await store.close();
    }
    expect((await login(b.url, 'admin@demo.impact-score.org', 'demo-admin-2026')).status).toBe(200);
    expect(await Promise.all([stop(a.child), stop(b.child)])).toEqual([0, 0]);
  });
});
