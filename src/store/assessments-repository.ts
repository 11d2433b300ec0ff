import { sql, type Kysely, type Selectable } from 'kysely';
import type { ScoreResult } from '../core/score-result.js';
import { changed, exclusive, type Queries } from './queries.js';
import type { Answers, Assessment, EarlierResult, StoredResult } from './records.js';
import type { Schema } from './schema.js';

const toResult = (row: Selectable<Schema['results']>): StoredResult => ({
  assessmentId: row.assessment_id,
  contentVersion: row.content_version,
  global: row.global,
  result: JSON.parse(row.result) as ScoreResult,
  computedAt: row.computed_at,
});

const toAssessment = (r: Selectable<Schema['assessments']>): Assessment => ({
  id: r.id,
  organisationId: r.organisation_id,
  number: r.number,
  status: r.status,
  profile: JSON.parse(r.profile) as Answers,
  answers: JSON.parse(r.answers) as Answers,
  version: r.version,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  submittedAt: r.submitted_at,
  submittedBy: r.submitted_by,
  sourceId: r.source_id,
  carried: JSON.parse(r.carried) as string[],
});

/** Assessments and their stored results. */
export class AssessmentsRepository {
  constructor(private readonly q: Queries) {}

  /**
   * A new draft, numbered after the organisation's others; `answers` and `carried` when it starts
   * from an earlier one. Drafts started together for one organisation are numbered one at a time.
   */
  async create(input: { organisationId: number; profile: Answers; answers?: Answers; createdBy: number | null; sourceId?: number; carried?: string[] }, now: string): Promise<Assessment> {
    return this.q.atomic(async (db) => {
      await exclusive(db, this.q.dialect, `assessment-number:${input.organisationId}`);
      const row = await db
        .insertInto('assessments')
        .values({
          organisation_id: input.organisationId,
          number: sql<number>`(SELECT COALESCE(MAX(number), 0) + 1 FROM assessments WHERE organisation_id = ${input.organisationId})`,
          status: 'draft',
          profile: JSON.stringify(input.profile),
          answers: JSON.stringify(input.answers ?? {}),
          created_by: input.createdBy,
          created_at: now,
          updated_at: now,
          source_id: input.sourceId ?? null,
          carried: JSON.stringify(input.carried ?? []),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAssessment(row);
    });
  }

  async get(id: number): Promise<Assessment | undefined> {
    const row = await this.q.db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toAssessment(row);
  }

  /**
   * The organisation's latest submitted assessment (by submission, then number of creation), or the
   * latest submitted before `before`: one row read, where listing them all grew with every draft.
   */
  async latestSubmitted(organisationId: number, before?: { submittedAt: string; id: number }): Promise<Assessment | undefined> {
    let query = this.q.db.selectFrom('assessments').selectAll()
      .where('organisation_id', '=', organisationId)
      .where('status', '=', 'submitted')
      .where('submitted_at', 'is not', null);
    if (before) {
      query = query.where((eb) => eb.or([
        eb('submitted_at', '<', before.submittedAt),
        eb.and([eb('submitted_at', '=', before.submittedAt), eb('id', '<', before.id)]),
      ]));
    }
    const row = await query.orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row && toAssessment(row);
  }

  /** An organisation's assessments, oldest first. */
  async listByOrganisation(organisationId: number): Promise<Assessment[]> {
    const rows = await this.q.db.selectFrom('assessments').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toAssessment);
  }

  /**
   * Saves a draft's profile and answers if it is still at `expectedVersion`; returns the new state,
   * or undefined when another save came first (the caller reports a conflict).
   */
  async saveDraft(id: number, expectedVersion: number, data: { profile: Answers; answers: Answers; carried: string[] }, now: string): Promise<Assessment | undefined> {
    const row = await this.q.db
      .updateTable('assessments')
      .set((eb) => ({ profile: JSON.stringify(data.profile), answers: JSON.stringify(data.answers), carried: JSON.stringify(data.carried), version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirst();
    return row && toAssessment(row);
  }

  /** Marks a draft submitted and stores its result, in one transaction; undefined on a stale version. */
  async submit(id: number, expectedVersion: number, result: ScoreResult, userId: number | null, now: string): Promise<Assessment | undefined> {
    return this.q.atomic(async (db) => {
      const row = await db
        .updateTable('assessments')
        .set((eb) => ({ status: 'submitted', carried: '[]', version: eb('version', '+', 1), updated_at: now, submitted_at: now, submitted_by: userId }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .where('status', '=', 'draft')
        .returningAll()
        .executeTakeFirst();
      if (!row) return undefined;
      await db.insertInto('results').values({ assessment_id: id, content_version: result.contentVersion, global: result.global, result: JSON.stringify(result), computed_at: now }).execute();
      return toAssessment(row);
    });
  }

  async result(assessmentId: number): Promise<StoredResult | undefined> {
    return resultOf(this.q.db, assessmentId);
  }

  /**
   * Turns a submitted assessment back into a draft if it is still at `expectedVersion`: its result
   * moves to the earlier results, with when it was submitted and who reopened it. The version is
   * checked by the update itself, which then holds the row until the move is done.
   */
  async reopen(id: number, expectedVersion: number, userId: number | null, now: string): Promise<Assessment | undefined> {
    return this.q.atomic(async (db) => {
      const before = await db
        .updateTable('assessments')
        .set((eb) => ({ status: 'draft', version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .where('status', '=', 'submitted')
        .returningAll()
        .executeTakeFirst();
      const stored = before && (await resultOf(db, id));
      if (!before || !stored) return undefined;
      await db.insertInto('earlier_results').values({
        assessment_id: id, content_version: stored.contentVersion, global: stored.global, result: JSON.stringify(stored.result), computed_at: stored.computedAt,
        submitted_at: before.submitted_at, submitted_by: before.submitted_by, reopened_at: now, reopened_by: userId,
      }).execute();
      await db.deleteFrom('results').where('assessment_id', '=', id).execute();
      const row = await db.updateTable('assessments').set({ submitted_at: null, submitted_by: null }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      return toAssessment(row);
    });
  }

  /**
   * The latest submitted assessment's result of each organisation that agreed to count in
   * comparisons, with the profile it was submitted with (what peer groups are made of).
   */
  async latestConsentingResults(): Promise<{ organisationId: number; profile: Answers; result: ScoreResult }[]> {
    const rows = await this.q.db
      .selectFrom('assessments as a')
      .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
      .innerJoin('results as r', 'r.assessment_id', 'a.id')
      .select(['a.organisation_id', 'a.profile', 'a.submitted_at', 'a.id', 'r.result'])
      .where('a.status', '=', 'submitted')
      .where('o.count_in_comparisons', '=', 1)
      .orderBy('a.organisation_id').orderBy('a.submitted_at').orderBy('a.id')
      .execute();
    // Ordered oldest first within an organisation: the last row of each wins.
    const latest = new Map(rows.map((r) => [r.organisation_id, r]));
    return [...latest.values()].map((r) => ({ organisationId: r.organisation_id, profile: JSON.parse(r.profile) as Answers, result: JSON.parse(r.result) as ScoreResult }));
  }

  /** The results an assessment had before it was reopened, oldest first. */
  async earlierResults(assessmentId: number): Promise<EarlierResult[]> {
    const rows = await this.q.db.selectFrom('earlier_results').selectAll().where('assessment_id', '=', assessmentId).orderBy('id').execute();
    return rows.map((r) => ({ ...toResult(r), submittedAt: r.submitted_at, submittedBy: r.submitted_by, reopenedAt: r.reopened_at, reopenedBy: r.reopened_by }));
  }

  /** Deletes a draft still at `expectedVersion`; false when it changed, was submitted or is gone. */
  async deleteDraft(id: number, expectedVersion: number): Promise<boolean> {
    const result = await this.q.db.deleteFrom('assessments').where('id', '=', id).where('version', '=', expectedVersion).where('status', '=', 'draft').executeTakeFirst();
    return changed(result) === 1;
  }
}

async function resultOf(db: Kysely<Schema>, assessmentId: number): Promise<StoredResult | undefined> {
  const row = await db.selectFrom('results').selectAll().where('assessment_id', '=', assessmentId).executeTakeFirst();
  return row && toResult(row);
}
