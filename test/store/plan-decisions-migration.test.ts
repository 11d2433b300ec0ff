import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/sync/database.js';
import { submittedAssessment, submittedPlan } from '../support/plan-fixtures.js';
import { startHarness, type Harness } from '../http/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
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
    db.exec('ALTER TABLE plan_comments DROP COLUMN decision; ALTER TABLE plan_items DROP COLUMN removed_at; DELETE FROM schema_migrations WHERE version = 5;');
    expect(migrate(db)).toEqual([5]);
    expect(db.prepare('SELECT body, decision FROM plan_comments WHERE plan_id = ? ORDER BY id').all(plan.id)).toEqual([
      { body: 'Une question.', decision: null },
      { body: 'Datez les actions.', decision: 'request-changes' },
    ]);
    expect((await h.call('leaderA', 'GET', `/plans/${plan.id}`)).body.items).toHaveLength(2);
  });
});
