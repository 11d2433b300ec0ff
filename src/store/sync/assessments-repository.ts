import type { ScoreResult } from '../../core/score-result.js';
import type { Db } from './database.js';
import type { Answers, Assessment, AssessmentStatus, EarlierResult, StoredResult } from '../records.js';

interface Row {
  id: number;
  organisation_id: number;
  number: number;
  status: AssessmentStatus;
  profile: string;
  answers: string;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  submitted_by: number | null;
  source_id: number | null;
  carried: string;
}

interface ResultRow {
  assessment_id: number;
  content_version: string;
  global: number | null;
  result: string;
  computed_at: string;
}

const toResult = (row: ResultRow): StoredResult => ({
  assessmentId: row.assessment_id,
  contentVersion: row.content_version,
  global: row.global,
  result: JSON.parse(row.result) as ScoreResult,
  computedAt: row.computed_at,
});

const toAssessment = (r: Row): Assessment => ({
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
  constructor(private readonly db: Db) {}

  /** A new draft, numbered after the organisation's others; `answers` and `carried` when it starts from an earlier one. */
  create(input: { organisationId: number; profile: Answers; answers?: Answers; createdBy: number | null; sourceId?: number; carried?: string[] }, now: string): Assessment {
    const id = this.db
      .prepare(`INSERT INTO assessments (organisation_id, number, status, profile, answers, created_by, created_at, updated_at, source_id, carried)
        VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 FROM assessments WHERE organisation_id = ?), 'draft', ?, ?, ?, ?, ?, ?, ?)`)
      .run(input.organisationId, input.organisationId, JSON.stringify(input.profile), JSON.stringify(input.answers ?? {}), input.createdBy, now, now, input.sourceId ?? null, JSON.stringify(input.carried ?? [])).lastInsertRowid;
    return this.get(Number(id))!;
  }

  get(id: number): Assessment | undefined {
    const row = this.db.prepare('SELECT * FROM assessments WHERE id = ?').get(id) as Row | undefined;
    return row && toAssessment(row);
  }

  /** An organisation's assessments, oldest first. */
  listByOrganisation(organisationId: number): Assessment[] {
    return (this.db.prepare('SELECT * FROM assessments WHERE organisation_id = ? ORDER BY created_at, id').all(organisationId) as Row[]).map(toAssessment);
  }

  /**
   * Saves a draft's profile and answers if it is still at `expectedVersion`; returns the new state,
   * or undefined when another save came first (the caller reports a conflict).
   */
  saveDraft(id: number, expectedVersion: number, data: { profile: Answers; answers: Answers; carried: string[] }, now: string): Assessment | undefined {
    const changed = this.db
      .prepare("UPDATE assessments SET profile = ?, answers = ?, carried = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND status = 'draft'")
      .run(JSON.stringify(data.profile), JSON.stringify(data.answers), JSON.stringify(data.carried), now, id, expectedVersion).changes;
    return changed === 1 ? this.get(id) : undefined;
  }

  /** Marks a draft submitted and stores its result, in one transaction; undefined on a stale version. */
  submit(id: number, expectedVersion: number, result: ScoreResult, userId: number | null, now: string): Assessment | undefined {
    return this.db.transaction(() => {
      const changed = this.db
        .prepare("UPDATE assessments SET status = 'submitted', carried = '[]', version = version + 1, updated_at = ?, submitted_at = ?, submitted_by = ? WHERE id = ? AND version = ? AND status = 'draft'")
        .run(now, now, userId, id, expectedVersion).changes;
      if (changed !== 1) return undefined;
      this.db
        .prepare('INSERT INTO results (assessment_id, content_version, global, result, computed_at) VALUES (?, ?, ?, ?, ?)')
        .run(id, result.contentVersion, result.global, JSON.stringify(result), now);
      return this.get(id);
    })();
  }

  result(assessmentId: number): StoredResult | undefined {
    const row = this.db.prepare('SELECT * FROM results WHERE assessment_id = ?').get(assessmentId) as ResultRow | undefined;
    return row && toResult(row);
  }

  /**
   * Turns a submitted assessment back into a draft if it is still at `expectedVersion`: its result
   * moves to the earlier results, with when it was submitted and who reopened it.
   */
  reopen(id: number, expectedVersion: number, userId: number | null, now: string): Assessment | undefined {
    return this.db.transaction(() => {
      const before = this.get(id);
      const stored = this.result(id);
      if (!before || !stored || before.status !== 'submitted' || before.version !== expectedVersion) return undefined;
      this.db
        .prepare('INSERT INTO earlier_results (assessment_id, content_version, global, result, computed_at, submitted_at, submitted_by, reopened_at, reopened_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, stored.contentVersion, stored.global, JSON.stringify(stored.result), stored.computedAt, before.submittedAt, before.submittedBy, now, userId);
      this.db.prepare('DELETE FROM results WHERE assessment_id = ?').run(id);
      this.db
        .prepare("UPDATE assessments SET status = 'draft', version = version + 1, updated_at = ?, submitted_at = NULL, submitted_by = NULL WHERE id = ?")
        .run(now, id);
      return this.get(id);
    })();
  }

  /** The results an assessment had before it was reopened, oldest first. */
  earlierResults(assessmentId: number): EarlierResult[] {
    const rows = this.db.prepare('SELECT * FROM earlier_results WHERE assessment_id = ? ORDER BY id').all(assessmentId) as (ResultRow & { submitted_at: string | null; submitted_by: number | null; reopened_at: string; reopened_by: number | null })[];
    return rows.map((r) => ({ ...toResult(r), submittedAt: r.submitted_at, submittedBy: r.submitted_by, reopenedAt: r.reopened_at, reopenedBy: r.reopened_by }));
  }

  /** Deletes a draft still at `expectedVersion`; false when it changed, was submitted or is gone. */
  deleteDraft(id: number, expectedVersion: number): boolean {
    return this.db.prepare("DELETE FROM assessments WHERE id = ? AND version = ? AND status = 'draft'").run(id, expectedVersion).changes === 1;
  }
}
