import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, killAll, serve, stop } from './support/service.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

afterEach(killAll);

const json = (body: unknown, token: string) => ({ method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the service and its admin commands', () => {
  it('when an admin creates an organisation, a leader and a token, then the token works and saved answers survive a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-service-'));
    expect((await cli(dir, 'orgs', 'create', '--name', 'Boulangerie Durand', '--headcount', '1-9', '--sector', 'C', '--legal-form', 'sarl', '--region', 'bre')).out).toBe('Organisation créée\u00a0: Boulangerie Durand (n°\u00a01)\n');
    expect((await cli(dir, 'users', 'create', '--email', 'chef@durand.fr', '--role', 'leader', '--org', '1')).out).toMatch(/Mot de passe \(affiché une seule fois\)\u00a0: \S{12,}/);
    // In English when asked, as every other command.
    expect((await cli(dir, 'orgs', 'create', '--name', 'Scop Martin', '--lang', 'en')).out).toBe('Organisation created: Scop Martin (no. 2)\n');
    expect((await cli(dir, 'users', 'create', '--email', 'conseil@martin.fr', '--role', 'advisor', '--org', '2', '--lang', 'en')).out).toMatch(/^Account created: conseil@martin\.fr \(advisor, no\. \d+\)\nPassword \(shown only once\): \S{12,}\n$/);
    const token = (await cli(dir, 'tokens', 'create', '--email', 'chef@durand.fr')).out.trim();
    expect(token).toMatch(/^ist_/);

    const first = await serve(dir);
    const me = await fetch(`${first.url}/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await me.json()) as Json).organisations).toEqual([{ id: 1, name: 'Boulangerie Durand', access: 'edit' }]);
    const draft = (await (await fetch(`${first.url}/organisations/1/assessments`, json(undefined, token))).json()) as Json;
    const saved = await fetch(`${first.url}/assessments/${draft.id}`, { ...json({ version: draft.version, answers: { 'inclusion-hires': '10-24' } }, token), method: 'PATCH' });
    expect(saved.status).toBe(200);
    expect(await stop(first.child)).toBe(0);

    const second = await serve(dir);
    const again = (await (await fetch(`${second.url}/assessments/${draft.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Json;
    expect(again.answers).toEqual({ 'inclusion-hires': '10-24' });
    expect(again.version).toBe(draft.version + 1);

    // A consistent copy while the service runs.
    const backup = join(dir, 'backup.sqlite');
    expect((await cli(dir, 'backup', backup)).code).toBe(0);
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT answers FROM assessments WHERE id = ?').pluck().get(draft.id)).toBe('{"inclusion-hires":"10-24"}');
    copy.close();
    expect(await stop(second.child)).toBe(0);
  });

  it('when started on an empty database, then the demo organisations and accounts of the README are there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-demo-'));
    const { url, child } = await serve(dir, { DEMO_DATA: 'true' });
    const login = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.impact-score.org', password: 'demo-admin-2026' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const orgs = (await (await fetch(`${url}/organisations`, { headers: { cookie } })).json()) as Json;
    // The three of before, and those of the demo's past event (some re-assessed after its follow-up).
    expect(orgs.map((o: { name: string }) => o.name).sort()).toEqual([
      'Association Le Fil des Familles', 'Atelier Vélo du Lez', 'Forges et Usinages de la Moselotte SA', 'Garrigue Logistique Solidaire', 'Maison Rebond', 'Scop Bâti-Loire', 'Scop Lez Numérique',
    ]);
    for (const org of orgs) {
      const list = (await (await fetch(`${url}/organisations/${org.id}/assessments`, { headers: { cookie } })).json()) as Json;
      expect(list.length).toBeGreaterThan(0);
      expect(list.map((a: { status: string }) => a.status)).toEqual(list.map(() => 'submitted'));
    }
    const events = (await (await fetch(`${url}/events`, { headers: { cookie } })).json()) as Json;
    expect(events.map((e: { phase: string }) => e.phase)).toEqual(['before', 'follow-up']);
    for (const [email, password] of [['dirigeante@demo.impact-score.org', 'demo-leader-2026'], ['expert@demo.impact-score.org', 'demo-expert-2026'], ['conseil@demo.impact-score.org', 'demo-advisor-2026'], ['organisatrice@demo.impact-score.org', 'demo-organiser-2026']]) {
      const res = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      expect(res.status).toBe(200);
    }
    // The advisor's portfolio file is scored by a worker thread of the real server.
    const advisor = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'conseil@demo.impact-score.org', password: 'demo-advisor-2026' }) });
    const advisorCookie = advisor.headers.get('set-cookie')!.split(';')[0]!;
    const csv = readFileSync(join(import.meta.dirname, 'cases/scop-40/answers.json'), 'utf8');
    const doc = JSON.parse(csv);
    // Written as the web page writes: with the session cookie and this site's Origin.
    const origin = new URL(url).origin;
    const upload = await fetch(`${url}/batches`, { method: 'POST', headers: { cookie: advisorCookie, origin, 'content-type': 'application/x-ndjson' }, body: `${JSON.stringify(doc)}\n` });
    expect(upload.status).toBe(202);
    const { id } = (await upload.json()) as Json;
    let batch: Json = { status: 'queued' };
    for (let i = 0; i < 600 && (batch.status === 'queued' || batch.status === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      batch = (await (await fetch(`${url}/batches/${id}`, { headers: { cookie: advisorCookie } })).json()) as Json;
    }
    expect(batch).toMatchObject({ status: 'done', summary: { scored: 1 } });
    // The leader's plan as a PDF, rendered by the real server's PDF worker thread and streamed back.
    const leader = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'dirigeante@demo.impact-score.org', password: 'demo-leader-2026' }) });
    const leaderCookie = leader.headers.get('set-cookie')!.split(';')[0]!;
    const [own] = (await (await fetch(`${url}/organisations`, { headers: { cookie: leaderCookie } })).json()) as Json[];
    const [assessment] = (await (await fetch(`${url}/organisations/${own.id}/assessments`, { headers: { cookie: leaderCookie } })).json()) as Json[];
    const plan = (await (await fetch(`${url}/assessments/${assessment.id}/plans`, { method: 'POST', headers: { cookie: leaderCookie, origin, 'content-type': 'application/json' }, body: '{}' })).json()) as Json;
    const pdf = await fetch(`${url}/plans/${plan.id}/pdf`, { headers: { cookie: leaderCookie } });
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.subarray(-6).toString()).toContain('%%EOF');
    expect(await stop(child)).toBe(0);
  });

  it('when people log in, use a session, a token and a wrong password at the default log level, then the log holds none of their secrets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-log-'));
    await cli(dir, 'orgs', 'create', '--name', 'Durand');
    const password = 'un mot de passe très long';
    await cli(dir, 'users', 'create', '--email', 'chef@durand.fr', '--role', 'leader', '--org', '1', '--password', password);
    const token = (await cli(dir, 'tokens', 'create', '--email', 'chef@durand.fr')).out.trim();
    const { url, child } = await serve(dir, { LOG_LEVEL: 'info' });
    let log = '';
    child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const origin = new URL(url).origin;
    const post = (path: string, body: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin, ...headers }, body });

    const login = await post('/auth/login', JSON.stringify({ email: 'chef@durand.fr', password }));
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const session = cookie.split('=')[1]!;
    expect((await fetch(`${url}/auth/me`, { headers: { cookie } })).status).toBe(200);
    expect((await post('/organisations/1/assessments', '', { cookie })).status).toBe(201);
    expect((await fetch(`${url}/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(`${url}/auth/me`, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    expect((await post('/auth/login', JSON.stringify({ email: 'chef@durand.fr', password: `${password}!` }))).status).toBe(401);
    expect((await post('/auth/login', `{"email":"chef@durand.fr","password":"${password}"`)).status).toBe(400);
    expect((await post('/auth/logout', '', { cookie })).status).toBe(200);
    expect(await stop(child)).toBe(0);

    const db = new Database(join(dir, 'db.sqlite'), { readonly: true });
    const hashes = [
      ...(db.prepare('SELECT password_hash FROM users').pluck().all() as string[]),
      ...(db.prepare('SELECT token_hash FROM api_tokens').pluck().all() as string[]),
    ];
    db.close();
    // Requests were logged, with their headers, at the default level…
    expect(log).toContain('"url":"/api/v1/auth/me"');
    expect(log).toContain('"cookie":"[redacted]"');
    expect(log).toContain('"authorization":"[redacted]"');
    // …and no secret, nor anything derived from one, is in it.
    const digests = [session, token].map((secret) => createHash('sha256').update(secret).digest('hex'));
    for (const secret of [session, token, password, ...digests, ...hashes, ...hashes.map((h) => h.split('$').pop()!)]) expect(log).not.toContain(secret);
  });

  it('when a batch\'s results outgrow the advisor\'s quota on the real server, then its worker is stopped, the batch fails saying so, and no result file stays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-quota-'));
    const data = join(dir, 'data');
    await cli(dir, 'users', 'create', '--email', 'conseil@x.fr', '--role', 'advisor', '--password', 'un mot de passe long');
    const token = (await cli(dir, 'tokens', 'create', '--email', 'conseil@x.fr')).out.trim();
    const { url, child } = await serve(dir, { DATA_DIR: data, BATCH_QUOTA: '2mb' });
    const auth = { authorization: `Bearer ${token}` };
    // Two bytes a row in, hundreds out: every row is rejected with its reasons.
    const accepted = await fetch(`${url}/batches?lang=en`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: `id\n${'X\n'.repeat(200_000)}` });
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as Json;
    let batch: Json = { status: 'queued' };
    while (batch.status === 'queued' || batch.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      batch = (await (await fetch(`${url}/batches/${id}`, { headers: auth })).json()) as Json;
    }
    expect(batch.status).toBe('failed');
    expect(batch.error).toMatch(/^the results outgrew the space allowed \([\d.]+ (KB|MB) with your other batches, for 2 MB\)/);
    expect(readdirSync(join(data, 'batches', String(id)))).toEqual([]);
    expect(await stop(child)).toBe(0);
  });

  it('when a user is created with a role that does not exist, then it says which roles exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-role-'));
    const res = await cli(dir, 'users', 'create', '--email', 'x@y.fr', '--role', 'boss');
    expect(res.code).toBe(2);
    expect(res.err).toContain('leader | expert | advisor | admin');
  });
});
