import type { ScoreResult } from '../core/score-result.js';
import type { Db } from './database.js';
import type { Answers, Assessment, AssessmentStatus, StoredResult } from './records.js';

interface Row {
  id: number;
  organisation_id: number;
  status: AssessmentStatus;
  profile: string;
  answers: string;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  submitted_by: number | null;
}

const toAssessment = (r: Row): Assessment => ({
  id: r.id,
  organisationId: r.organisation_id,
  status: r.status,
  profile: JSON.parse(r.profile) as Answers,
  answers: JSON.parse(r.answers) as Answers,
  version: r.version,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  submittedAt: r.submitted_at,
  submittedBy: r.submitted_by,
});

/** Assessments and their stored results. */
export class AssessmentsRepository {
  constructor(private readonly db: Db) {}

  create(input: { organisationId: number; profile: Answers; answers?: Answers; createdBy: number | null }, now: string): Assessment {
    const id = this.db
      .prepare("INSERT INTO assessments (organisation_id, status, profile, answers, created_by, created_at, updated_at) VALUES (?, 'draft', ?, ?, ?, ?, ?)")
      .run(input.organisationId, JSON.stringify(input.profile), JSON.stringify(input.answers ?? {}), input.createdBy, now, now).lastInsertRowid;
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
  saveDraft(id: number, expectedVersion: number, data: { profile: Answers; answers: Answers }, now: string): Assessment | undefined {
    const changed = this.db
      .prepare("UPDATE assessments SET profile = ?, answers = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND status = 'draft'")
      .run(JSON.stringify(data.profile), JSON.stringify(data.answers), now, id, expectedVersion).changes;
    return changed === 1 ? this.get(id) : undefined;
  }

  /** Marks a draft submitted and stores its result, in one transaction; undefined on a stale version. */
  submit(id: number, expectedVersion: number, result: ScoreResult, userId: number | null, now: string): Assessment | undefined {
    return this.db.transaction(() => {
      const changed = this.db
        .prepare("UPDATE assessments SET status = 'submitted', version = version + 1, updated_at = ?, submitted_at = ?, submitted_by = ? WHERE id = ? AND version = ? AND status = 'draft'")
        .run(now, now, userId, id, expectedVersion).changes;
      if (changed !== 1) return undefined;
      this.db
        .prepare('INSERT INTO results (assessment_id, content_version, global, result, computed_at) VALUES (?, ?, ?, ?, ?)')
        .run(id, result.contentVersion, result.global, JSON.stringify(result), now);
      return this.get(id);
    })();
  }

  result(assessmentId: number): StoredResult | undefined {
    const row = this.db.prepare('SELECT * FROM results WHERE assessment_id = ?').get(assessmentId) as
      | { assessment_id: number; content_version: string; global: number | null; result: string; computed_at: string }
      | undefined;
    return row && {
      assessmentId: row.assessment_id,
      contentVersion: row.content_version,
      global: row.global,
      result: JSON.parse(row.result) as ScoreResult,
      computedAt: row.computed_at,
    };
  }
}
