import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/app/secrets.js';
import { openStore } from '../../src/store/open-store.js';

/** A database made by the code before PostgreSQL (migrations 001–006; see the fixture's make.mjs). */
function databaseBefore21(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'impact-upgrade-')), 'impact-score.db');
  writeFileSync(file, gunzipSync(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sqlite-before-21', 'impact-score.db.gz'))));
  return file;
}

describe('a SQLite database made before PostgreSQL', () => {
  it('when it is opened, then it is upgraded in place and keeps everything it held', async () => {
    const store = await openStore({ file: databaseBefore21() });
    try {
      expect(store.migrated).toEqual([7, 8, 9]);
      const leader = (await store.accounts.findByEmail('dirigeante@demo.impact-score.org'))!;
      expect(await verifyPassword('demo-leader-2026', leader.passwordHash!)).toBe(true);
      expect(await store.accounts.countUsers()).toBe(4);
      const orgs = await store.organisations.list();
      expect(orgs).toHaveLength(3);
      // Organisations made before the question was asked count in no comparison until they answer it.
      expect(orgs.map((o) => [o.countInComparisons, o.comparisonsAskedAt])).toEqual([[false, null], [false, null], [false, null]]);
      const [mine] = await store.accounts.memberships(leader.id);
      const assessments = await store.assessments.listByOrganisation(mine!.organisationId);
      expect(assessments.map((a) => [a.number, a.status])).toEqual([[1, 'submitted'], [2, 'draft']]);
      expect((await store.assessments.result(assessments[0]!.id))?.result.global).toEqual(expect.any(Number));
      const [plan] = await store.plans.listByOrganisation(mine!.organisationId);
      expect(plan).toMatchObject({ status: 'changes-requested', items: expect.any(Array), lastDecision: { decision: 'request-changes', comment: 'Datez chaque action.' } });
      expect(plan!.items).toHaveLength(3);
      const advisor = (await store.accounts.findByEmail('conseil@demo.impact-score.org'))!;
      const [batch] = await store.batches.byUser(advisor.id);
      expect(batch).toMatchObject({ status: 'done', rows: 2, stored: 2 });
      expect(await store.loginFailures.count()).toBe(1);
      // Its workshop became an event's workshop: same expert, same organisations, so the expert still reviews their plans.
      const expert = (await store.accounts.findByEmail('expert@demo.impact-score.org'))!;
      const [workshop] = await store.workshops.list();
      expect(workshop).toMatchObject({ expertUserId: expert.id, organisationIds: expect.arrayContaining([mine!.organisationId]) });
      expect(await store.workshops.organisationsOfExpert(expert.id)).toContain(mine!.organisationId);
      const event = (await store.events.get(workshop!.eventId))!;
      expect(event).toMatchObject({ title: workshop!.title, date: workshop!.date, organiserUserId: null, version: 1 });
      expect(event.followUp > event.date).toBe(true);
      // The new columns work on the old rows: a finished batch is nobody's job.
      expect(await store.batches.claim({ instance: 'A', until: '2099-01-01T00:00:00.000Z' }, '2098-01-01T00:00:00.000Z')).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('when it is opened again, then nothing more is migrated', async () => {
    const file = databaseBefore21();
    await (await openStore({ file })).close();
    const again = await openStore({ file });
    expect(again.migrated).toEqual([]);
    await again.close();
  });
});
