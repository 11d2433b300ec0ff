import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { env, killAll, organisationWithToken, startOrExit } from './support/service.js';

// Faults of SQLite's own file; those of both databases are in faults.test.ts.
afterEach(killAll);

describe('faults of the SQLite file', () => {
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
    const started = await startOrExit(await env(dir));
    expect(started).toMatchObject({ code: 1 });
    expect(started.err).toMatch(/db.sqlite → \/: Base de données endommagée\u00a0: .*Tree \d+ page \d+/);
    expect(started.err).toContain('sauvegarde');
  });
});
