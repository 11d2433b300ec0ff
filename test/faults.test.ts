import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { BIN, cli, databaseOf, env, killAll, organisationWithToken, serve, startOrExit, stop } from './support/service.js';
import { TEST_DIALECT } from './support/test-store.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
afterEach(killAll);

const questions = ['inclusion-hires', 'age-integration-young', 'carbon-measured-done', 'giving-commitment', 'labels-progress'];

/**
 * The database a killed service left, opened as its next start would, and whether it is intact:
 * SQLite's `PRAGMA integrity_check`; PostgreSQL recovers from its own log at start, and answering
 * is what can be checked from here.
 */
async function leftBehind(dir: string): Promise<{ store: Store; intact: boolean }> {
  const location = await databaseOf(dir);
  const store = await openStore({ url: location.DATABASE_URL, file: location.DATABASE_FILE! });
  const check = store.dialect === 'sqlite' ? sql<{ integrity_check: string }>`PRAGMA integrity_check` : sql<{ integrity_check: string }>`SELECT 'ok' AS integrity_check`;
  const rows = (await check.execute(store.db)).rows;
  return { store, intact: rows.length === 1 && rows[0]!.integrity_check === 'ok' };
}

/** A port on which nothing listens. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('faults', () => {
  it('when the server is killed (SIGKILL) in the middle of saves, then after restart the database is intact and every acknowledged save is there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-kill-'));
    const token = await organisationWithToken(dir);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const first = await serve(dir);
    const draft = (await (await fetch(`${first.url}/organisations/1/assessments`, { method: 'POST', headers: auth })).json()) as Json;
    let acknowledged = draft.version as number;
    const values = ['0', '1-9', '10-24', '25-49', '50+'];
    // Saves one after another; the kill lands while one is in flight.
    const saves = (async () => {
      for (let i = 0; ; i++) {
        const res = await fetch(`${first.url}/assessments/${draft.id}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ version: acknowledged, answers: { 'inclusion-hires': values[i % 5] } }) }).catch(() => undefined);
        if (!res || res.status !== 200) return;
        acknowledged = ((await res.json()) as Json).version;
      }
    })();
    let saving = true;
    void saves.finally(() => (saving = false));
    // Killed once a few saves are acknowledged, however long they take on a busy machine.
    while (saving && acknowledged <= draft.version + 3) await new Promise((resolve) => setTimeout(resolve, 10));
    first.child.kill('SIGKILL');
    await saves;
    expect(acknowledged).toBeGreaterThan(draft.version + 3);

    const { store, intact } = await leftBehind(dir);
    expect(intact).toBe(true);
    const row = await store.db.selectFrom('assessments').select(['version', 'answers']).where('id', '=', draft.id).executeTakeFirstOrThrow();
    await store.close();
    // Every acknowledged save is there; at most the one in flight landed too.
    expect(row.version === acknowledged || row.version === acknowledged + 1).toBe(true);
    expect(values).toContain(JSON.parse(row.answers)['inclusion-hires']);
    const second = await serve(dir);
    const again = (await (await fetch(`${second.url}/assessments/${draft.id}`, { headers: auth })).json()) as Json;
    expect(again.version).toBe(row.version);
    expect(await stop(second.child)).toBe(0);
  });

  it('when a submission is killed mid-way, then it is all or nothing: submitted with its result, or still a draft', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-kill-submit-'));
    const token = await organisationWithToken(dir);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const server = await serve(dir);
    const draft = (await (await fetch(`${server.url}/organisations/1/assessments`, { method: 'POST', headers: auth })).json()) as Json;
    const submit = fetch(`${server.url}/assessments/${draft.id}/submit`, { method: 'POST', headers: auth, body: JSON.stringify({ version: draft.version }) }).catch(() => undefined);
    server.child.kill('SIGKILL');
    await submit;
    const { store } = await leftBehind(dir);
    const { status } = await store.db.selectFrom('assessments').select('status').where('id', '=', draft.id).executeTakeFirstOrThrow();
    const results = (await store.db.selectFrom('results').select('assessment_id').where('assessment_id', '=', draft.id).execute()).length;
    await store.close();
    expect([['draft', 0], ['submitted', 1]]).toContainEqual([status, results]);
  });

  it('when the server is killed during a batch that stores assessments, then after restart the batch is taken over and finished, and running the file again stores nothing twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-kill-batch-'));
    // Rows name their organisation by SIREN (a name is never matched).
    const siren = (i: number) => String(100_000_000 + i);
    for (let i = 1; i <= 6; i++) await cli(dir, 'orgs', 'create', '--name', `Org ${i}`, '--siren', siren(i));
    await cli(dir, 'users', 'create', '--email', 'conseil@x.fr', '--role', 'advisor', '--org', '1,2,3,4,5,6', '--password', 'un mot de passe long');
    const token = (await cli(dir, 'tokens', 'create', '--email', 'conseil@x.fr')).out.trim();
    const lines = [] as string[];
    const doc = JSON.parse(readFileSync(join(import.meta.dirname, 'cases/scop-40/answers.json'), 'utf8'));
    for (let i = 0; i < 4000; i++) lines.push(JSON.stringify({ ...doc, organisation: { name: String((i % 6) + 1), siren: siren((i % 6) + 1) } }));
    const file = `${lines.join('\n')}\n`;
    const upload = (url: string) => fetch(`${url}/batches?store=true`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' }, body: file });
    // A short lease: on PostgreSQL the restarted instance waits for the dead one's to run out.
    const lease = { BATCH_LEASE_SECONDS: '2' };
    const first = await serve(dir, lease);
    const accepted = (await (await upload(first.url)).json()) as Json;
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.floor(Math.random() * 1500)));
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await serve(dir, lease);
    const auth = { authorization: `Bearer ${token}` };
    const ended = async (id: number) => {
      for (;;) {
        const batch = (await (await fetch(`${second.url}/batches/${id}`, { headers: auth })).json()) as Json;
        if (batch.status === 'done' || batch.status === 'failed') return batch;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    expect(await ended(accepted.id)).toMatchObject({ status: 'done', rows: 4000 });
    const again = (await (await upload(second.url)).json()) as Json;
    expect(await ended(again.id)).toMatchObject({ status: 'done', rows: 4000, stored: 0 });
    expect(await stop(second.child)).toBe(0);
    const { store, intact } = await leftBehind(dir);
    expect(intact).toBe(true);
    // One stored assessment per organisation, whatever the kill interrupted.
    const perOrg = await store.db.selectFrom('assessments').select((eb) => ['organisation_id', eb.fn.countAll<number>().as('n')]).groupBy('organisation_id').orderBy('organisation_id').execute();
    await store.close();
    expect(perOrg.map((r) => [r.organisation_id, Number(r.n)])).toEqual([1, 2, 3, 4, 5, 6].map((id) => [id, 1]));
  });

  it('when SIGTERM arrives during a request, then the request completes before the process exits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-term-'));
    const token = await organisationWithToken(dir);
    const { url, child } = await serve(dir);
    const body = JSON.stringify({ profile: { headcount: '10-49', sector: 'C', 'legal-form': 'sarl', region: 'bre' }, answers: Object.fromEntries(questions.map((q) => [q, q === 'carbon-measured-done' ? true : q === 'inclusion-hires' ? '0' : 'n/a'])) });
    const inFlight = fetch(`${url}/score`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body }).then((r) => r.status);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const exit = stop(child);
    expect([200, 422]).toContain(await inFlight);
    expect(await exit).toBe(0);
  });

  it('when the content is missing or broken at start, then the service refuses to start and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-nocontent-'));
    const empty = mkdtempSync(join(tmpdir(), 'impact-empty-'));
    const started = spawnSync(process.execPath, [BIN, 'serve'], {
      env: await env(dir, { CONTENT_DIR: empty, PORT: '0' }),
      encoding: 'utf8',
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('questionnaires/ → /: Le dossier «\u00a0questionnaires/\u00a0» manque');
  });

  it('when the database cannot be opened, then the service says so and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-nodb-'));
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    // SQLite: a file under a regular file. PostgreSQL: a server that is not there (its password kept out of the message).
    const unusable: Record<string, string> = TEST_DIALECT === 'sqlite'
      ? { DATABASE_FILE: join(dir, 'not-a-folder', 'db.sqlite') }
      : { DATABASE_URL: `postgres://impact:secret-word@127.0.0.1:${await closedPort()}/impact` };
    const started = spawnSync(process.execPath, [BIN, 'serve'], { env: await env(dir, { ...unusable, PORT: '0' }), encoding: 'utf8' });
    expect(started.status).toBe(1);
    expect(started.stderr).toMatch(TEST_DIALECT === 'sqlite'
      ? /db.sqlite → \/: Base de données inutilisable\u00a0: .*(EEXIST|ENOTDIR)/
      : /postgres:\/\/impact:\*\*\*@127\.0\.0\.1:\d+\/impact → \/: Base de données inutilisable\u00a0: .*ECONNREFUSED/);
    expect(started.stderr).not.toContain('secret-word');
  });

  it('when the data folder cannot be written, then the service refuses to start and says why, as for the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-nodata-'));
    writeFileSync(join(dir, 'a-file'), 'x');
    const started = await startOrExit(await env(dir, { DATA_DIR: join(dir, 'a-file', 'data') }));
    if ('listening' in started) throw new Error('the service started with a data folder it cannot write');
    expect(started).toMatchObject({ code: 1 });
    expect(started.err).toMatch(/a-file\/data → \/: Dossier de données inutilisable \(DATA_DIR\)\u00a0: un élément du chemin n’est pas un dossier/);
    // The admin commands need no data folder: they still work.
    const created = spawnSync(process.execPath, [BIN, 'orgs', 'create', '--name', 'Durand'], { env: await env(dir, { DATA_DIR: join(dir, 'a-file', 'data') }), encoding: 'utf8' });
    expect(created.status).toBe(0);
  });

  it('when the port is already taken, then the service says so in one line and stops (exit 2), not as an internal error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-port-'));
    const first = await serve(dir);
    const port = new URL(first.url).port;
    const started = await startOrExit(await env(mkdtempSync(join(tmpdir(), 'impact-port-')), { PORT: port }));
    expect(started).toMatchObject({ code: 2 });
    expect(started.err).toMatch(new RegExp(`^impact-score: impossible d’écouter sur 127\\.0\\.0\\.1:${port} \\(listen EADDRINUSE[^\\n]*\\)\\n$`));
  });

  it('when a token is revoked, then it stops working at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-revoke-'));
    const token = await organisationWithToken(dir);
    const { url, child } = await serve(dir);
    expect((await fetch(`${url}/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const list = await cli(dir, 'tokens', 'list', '--email', 'chef@durand.fr');
    const id = list.out.split('\t')[0]!;
    expect(list.out).not.toContain(token);
    expect((await cli(dir, 'tokens', 'revoke', '--email', 'chef@durand.fr', '--id', id)).code).toBe(0);
    expect((await fetch(`${url}/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(await stop(child)).toBe(0);
  });
});
