import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, killAll, organisationWithToken, serve, stop } from './support/service.js';

// Backup and restore of a SQLite deployment; PostgreSQL's (pg_dump) are in operations.postgres.test.ts.
afterEach(killAll);

describe('operations on SQLite', () => {
  it('when a backup taken while the service runs is restored as docs/operations.md says, then the service starts on it with what it held, and nothing after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-restore-'));
    const token = await organisationWithToken(dir);
    const auth = { authorization: `Bearer ${token}` };
    const list = async (url: string) => ((await (await fetch(`${url}/organisations/1/assessments`, { headers: auth })).json()) as { number: number }[]).map((a) => a.number);
    const running = await serve(dir);
    expect((await fetch(`${running.url}/organisations/1/assessments`, { method: 'POST', headers: auth })).status).toBe(201);
    const backup = join(dir, 'backup.db');
    expect((await cli(dir, 'backup', backup)).out).toBe(`Sauvegarde cohérente écrite dans ${backup}\n`);
    expect((await fetch(`${running.url}/organisations/1/assessments`, { method: 'POST', headers: auth })).status).toBe(201);
    expect(await list(running.url)).toEqual([1, 2]);
    expect(await stop(running.child)).toBe(0);
    // Restore: the service stopped, the backup copied over the database file, its journal files removed.
    const file = join(dir, 'db.sqlite');
    copyFileSync(backup, file);
    for (const journal of ['-wal', '-shm']) rmSync(`${file}${journal}`, { force: true });
    const restored = await serve(dir);
    expect(await list(restored.url)).toEqual([1]);
    expect((await fetch(`${restored.url}/organisations/1/assessments`, { method: 'POST', headers: auth })).status).toBe(201);
    expect(await list(restored.url)).toEqual([1, 2]);
    expect(await stop(restored.child)).toBe(0);
  });
});
