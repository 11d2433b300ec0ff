import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { submittedAssessment, submittedPlan } from '../support/plan-fixtures.js';
import { startHarness, type Harness } from '../http/harness.js';

let h: Harness;
// A file for SQLite: the database is opened again, as at the next start.
beforeAll(async () => {
  h = await startHarness({ file: join(mkdtempSync(join(tmpdir(), 'impact-005-')), 'db.sqlite') });
});
afterAll(async () => h.close());

describe('migration 005: decisions on comments, items set aside', () => {
  it('when a database reviewed before the migration is migrated, then the comment given with each decision is marked, and no other', async () => {
    const plan = await submittedPlan(h, 'leaderA', await submittedAssessment(h, 'leaderA', h.orgA));
    await h.call('expertA', 'POST', `/plans/${plan.id}/comments`, { body: 'Une question.' });
    const version = (await h.call('expertA', 'GET', `/plans/${plan.id}`)).body.version;
    await h.call('expertA', 'POST', `/plans/${plan.id}/review`, { version, decision: 'request-changes', comment: 'Datez les actions.' });
    // Back to the schema as it was before 005: no decision column, no removed_at.
    const db = h.ctx.store.db;
    await db.schema.alterTable('plan_comments').dropColumn('decision').execute();
    await db.schema.alterTable('plan_items').dropColumn('removed_at').execute();
    await db.deleteFrom('schema_migrations').where('version', '=', 5).execute();
    const again = await openStore(h.location);
    try {
      expect(again.migrated).toEqual([5]);
      expect(await again.db.selectFrom('plan_comments').select(['body', 'decision']).where('plan_id', '=', plan.id).orderBy('id').execute()).toEqual([
        { body: 'Une question.', decision: null },
        { body: 'Datez les actions.', decision: 'request-changes' },
      ]);
    } finally {
      await again.close();
    }
    expect((await h.call('leaderA', 'GET', `/plans/${plan.id}`)).body.items).toHaveLength(2);
  });
});
