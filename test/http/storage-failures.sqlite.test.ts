import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { startHarness } from './harness.js';

// SQLite's own ways of refusing writes; PostgreSQL's are in storage-failures.postgres.test.ts.
describe('storage failures', () => {
  it('when the database refuses writes (read-only, disk full), then 503 with the reason, reads still work, and nothing half-written is left', async () => {
    const s = await startHarness();
    try {
      const { body: draft } = await s.call('leaderA', 'POST', `/organisations/${s.orgA}/assessments`);
      await sql`PRAGMA query_only = ON`.execute(s.ctx.store.db); // As a read-only file would.
      const readOnly = await s.call('leaderA', 'PATCH', `/assessments/${draft.id}?lang=en`, { version: draft.version, answers: { 'inclusion-hires': '0' } });
      expect(readOnly.status).toBe(503);
      expect(readOnly.body.error.code).toBe('storage-unavailable');
      expect(readOnly.body.error.message).toContain('SQLITE_READONLY');
      expect(readOnly.headers.get('retry-after')).toBe('60');
      expect((await s.call('leaderA', 'GET', `/assessments/${draft.id}`)).status).toBe(200);
      await sql`PRAGMA query_only = OFF`.execute(s.ctx.store.db);
      // A full disk: the database may not grow past its current pages.
      const pages = (await sql<{ page_count: number }>`PRAGMA page_count`.execute(s.ctx.store.db)).rows[0]!.page_count;
      await sql.raw(`PRAGMA max_page_count = ${pages}`).execute(s.ctx.store.db);
      const big = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [['inclusion-evidence', 'vulnerable-publics-evidence', 'gender-equality-evidence', 'age-integration-evidence', 'biodiversity-evidence', 'circular-economy-evidence', 'governance-evidence', 'giving-evidence'][i]!, 'x'.repeat(4900)]));
      let full = await s.call('leaderA', 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: big });
      for (let i = 0; full.status === 200 && i < 50; i++) full = await s.call('leaderA', 'PATCH', `/assessments/${draft.id}`, { version: full.body.version, answers: big });
      expect(full.status).toBe(503);
      expect(full.body.error.message).toContain('SQLITE_FULL');
      expect((await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(s.ctx.store.db)).rows).toEqual([{ integrity_check: 'ok' }]);
    } finally {
      await s.close();
    }
  });
});
