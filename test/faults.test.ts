import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, cli, env, killAll, serve, stop } from './support/service.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
afterEach(killAll);

const questions = ['inclusion-hires', 'age-integration-young', 'carbon-measured-done', 'giving-commitment', 'labels-progress'];

async function organisationWithToken(dir: string): Promise<string> {
  await cli(dir, 'orgs', 'create', '--name', 'Durand', '--headcount', '10-49', '--sector', 'C', '--legal-form', 'sarl', '--region', 'bre');
  await cli(dir, 'users', 'create', '--email', 'chef@durand.fr', '--role', 'leader', '--org', '1', '--password', 'un mot de passe long');
  return (await cli(dir, 'tokens', 'create', '--email', 'chef@durand.fr')).out.trim();
}

/** Starts `serve`: its exit code and error output if it stops, or `listening` if it serves (then it is stopped). */
async function startOrExit(environment: NodeJS.ProcessEnv): Promise<{ code: number | null; err: string } | { listening: true; err: string }> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { PORT: '0', ...environment }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('/api/v1')) return;
      child.kill('SIGKILL');
      resolve({ listening: true, err });
    });
    child.once('exit', (code) => resolve({ code, err }));
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
    await new Promise((resolve) => setTimeout(resolve, 400));
    first.child.kill('SIGKILL');
    await saves;
    expect(acknowledged).toBeGreaterThan(draft.version + 3);

    const db = new Database(join(dir, 'db.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const row = db.prepare('SELECT version, answers FROM assessments WHERE id = ?').get(draft.id) as { version: number; answers: string };
    db.close();
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
    const db = new Database(join(dir, 'db.sqlite'));
    const status = db.prepare('SELECT status FROM assessments WHERE id = ?').pluck().get(draft.id);
    const results = db.prepare('SELECT count(*) FROM results WHERE assessment_id = ?').pluck().get(draft.id);
    db.close();
    expect([['draft', 0], ['submitted', 1]]).toContainEqual([status, results]);
  });

  it('when the server is killed during a batch that stores assessments, then after restart the batch says it was interrupted and running the file again stores nothing twice', async () => {
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
    const first = await serve(dir);
    const accepted = (await (await upload(first.url)).json()) as Json;
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.floor(Math.random() * 1500)));
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await serve(dir);
    const auth = { authorization: `Bearer ${token}` };
    const interrupted = (await (await fetch(`${second.url}/batches/${accepted.id}`, { headers: auth })).json()) as Json;
    expect(['failed', 'done']).toContain(interrupted.status);
    const again = (await (await upload(second.url)).json()) as Json;
    let batch: Json = { status: 'queued' };
    for (let i = 0; i < 1200 && (batch.status === 'queued' || batch.status === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      batch = (await (await fetch(`${second.url}/batches/${again.id}`, { headers: auth })).json()) as Json;
    }
    expect(batch.status).toBe('done');
    expect(await stop(second.child)).toBe(0);
    const db = new Database(join(dir, 'db.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // One stored assessment per organisation, whatever the kill interrupted.
    const perOrg = db.prepare('SELECT organisation_id, count(*) AS n FROM assessments GROUP BY organisation_id ORDER BY organisation_id').all() as { organisation_id: number; n: number }[];
    db.close();
    expect(perOrg).toEqual([1, 2, 3, 4, 5, 6].map((id) => ({ organisation_id: id, n: 1 })));
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
      env: env(dir, { CONTENT_DIR: empty, PORT: '0' }),
      encoding: 'utf8',
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('questionnaires/ → /: Le dossier «\u00a0questionnaires/\u00a0» manque');
  });

  it('when the database cannot be opened, then the service says so and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-nodb-'));
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const started = spawnSync(process.execPath, [BIN, 'serve'], {
      env: env(dir, { DATABASE_FILE: join(dir, 'not-a-folder', 'db.sqlite'), PORT: '0' }),
      encoding: 'utf8',
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toMatch(/db.sqlite → \/: Base de données inutilisable\u00a0: .*(EEXIST|ENOTDIR)/);
  });

  it('when the data folder cannot be written, then the service refuses to start and says why, as for the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-nodata-'));
    writeFileSync(join(dir, 'a-file'), 'x');
    const started = await startOrExit(env(dir, { DATA_DIR: join(dir, 'a-file', 'data') }));
    if ('listening' in started) throw new Error('the service started with a data folder it cannot write');
    expect(started).toMatchObject({ code: 1 });
    expect(started.err).toMatch(/a-file\/data → \/: Dossier de données inutilisable \(DATA_DIR\)\u00a0: un élément du chemin n’est pas un dossier/);
    // The admin commands need no data folder: they still work.
    const created = spawnSync(process.execPath, [BIN, 'orgs', 'create', '--name', 'Durand'], { env: env(dir, { DATA_DIR: join(dir, 'a-file', 'data') }), encoding: 'utf8' });
    expect(created.status).toBe(0);
  });

  it('when the port is already taken, then the service says so in one line and stops (exit 2), not as an internal error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-port-'));
    const first = await serve(dir);
    const port = new URL(first.url).port;
    const started = await startOrExit(env(mkdtempSync(join(tmpdir(), 'impact-port-')), { PORT: port }));
    expect(started).toMatchObject({ code: 2 });
    expect(started.err).toMatch(new RegExp(`^impact-score: impossible d’écouter sur 127\\.0\\.0\\.1:${port} \\(listen EADDRINUSE[^\\n]*\\)\\n$`));
  });

  it('when bytes of the database file are flipped, then the service refuses to start and says what the check found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-flipped-'));
    await organisationWithToken(dir);
    const file = join(dir, 'db.sqlite');
    const db = new Database(file);
    const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'").pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    // Flip six bytes of the audit log's first page, in its header and cell pointers: a page the
    // start itself never reads, so only a check of the whole file can see the damage.
    const bytes = readFileSync(file);
    for (let i = 0; i < 6; i++) bytes[(root - 1) * pageSize + 8 + i]! ^= 0xff;
    writeFileSync(file, bytes);
    const started = await startOrExit(env(dir));
    expect(started).toMatchObject({ code: 1 });
    expect(started.err).toMatch(/db.sqlite → \/: Base de données endommagée\u00a0: .*Tree \d+ page \d+/);
    expect(started.err).toContain('sauvegarde');
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
