import type { ColumnType, Generated } from 'kysely';
import type { AssessmentStatus, MembershipRole, Role } from './records.js';
import type { IntentionRecord } from './event-records.js';
import type { ItemStatus, PlanComment, PlanStatus } from './plan-records.js';

/**
 * The tables as Kysely sees them, the same in SQLite and PostgreSQL (the migrations of both
 * dialects build them; a test checks they agree). JSON columns are text, parsed by the
 * repositories; times are ISO 8601 text.
 */
export interface Schema {
  organisations: {
    id: Generated<number>; name: string; siren: string | null; profile: string; created_at: string;
    count_in_comparisons: Defaulted<number>; comparisons_asked_at: string | null;
  };
  users: { id: Generated<number>; email: string; name: string; password_hash: string | null; role: Role; created_at: string };
  memberships: { user_id: number; organisation_id: number; role: MembershipRole };
  sessions: { token_hash: string; user_id: number; created_at: string; expires_at: string };
  api_tokens: { id: Generated<number>; user_id: number; name: string; token_hash: string; created_at: string; last_used_at: string | null; revoked_at: string | null };
  events: {
    id: Generated<number>; title: string; date: string; follow_up: string; place: string; partners: Defaulted<string>; improvements: string | null;
    previous_event_id: number | null; organiser_user_id: number | null; version: Generated<number>; created_at: string; updated_at: string;
  };
  event_intentions: {
    id: Generated<number>; event_id: number; position: number; kind: IntentionRecord['kind']; target: number | null; within_weeks: number | null; text: string | null;
    version: Generated<number>; created_at: string; updated_at: string;
  };
  workshops: {
    id: Generated<number>; event_id: number; title: string; pillar: string | null; indicators: Defaulted<string>; testimonies: Defaulted<string>; recorded_testimonies: Defaulted<string>;
    notes: string | null; version: Generated<number>; created_at: string; updated_at: string;
  };
  workshop_experts: { workshop_id: number; user_id: number };
  event_invitations: { id: Generated<number>; event_id: number; code_hash: string; created_at: string; created_by: number | null; revoked_at: string | null; version: Generated<number> };
  event_participants: {
    event_id: number; organisation_id: number; workshop_id: number | null; joined_at: string; joined_by: number | null; invitation_id: number | null; named: Defaulted<number>;
  };
  expert_profiles: { user_id: number; indicators: Defaulted<string>; territory: string | null; organisation: string | null; version: Generated<number>; updated_at: string };
  assessments: {
    id: Generated<number>; organisation_id: number; number: number; status: AssessmentStatus; profile: string; answers: string; version: Generated<number>;
    created_by: number | null; created_at: string; updated_at: string; submitted_at: string | null; submitted_by: number | null; source_id: number | null; carried: string;
  };
  results: { assessment_id: number; content_version: string; global: number | null; result: string; computed_at: string };
  earlier_results: {
    id: Generated<number>; assessment_id: number; content_version: string; global: number | null; result: string; computed_at: string;
    submitted_at: string | null; submitted_by: number | null; reopened_at: string; reopened_by: number | null;
  };
  audit_log: { id: Generated<number>; at: string; user_id: number | null; organisation_id: number | null; action: string; entity: string; entity_id: number | null; detail: string; event_id: Defaulted<number | null> };
  plans: {
    id: Generated<number>; organisation_id: number; assessment_id: number; title: string; status: PlanStatus; version: Generated<number>; created_by: number | null;
    created_at: string; updated_at: string; submitted_at: string | null; reviewed_at: string | null; reviewed_by: number | null; shared_at: Defaulted<string | null>;
  };
  plan_items: {
    id: Generated<number>; plan_id: number; position: number; action_id: string | null; indicator: string; title: string | null; owner: string | null; due: string | null;
    status: ItemStatus; target: string | null; success_indicator: string | null; notes: string | null; removed_at: string | null;
  };
  plan_comments: { id: Generated<number>; plan_id: number; item_id: number | null; author_id: number; body: string; created_at: string; decision: PlanComment['decision'] };
  plan_history: { id: Generated<number>; plan_id: number; version: number; at: string; user_id: number | null; action: string; detail: string; snapshot: string };
  batches: BatchesTable;
  stored_rows: { input_hash: string; organisation_id: number; assessment_id: number; batch_id: number };
  publications: {
    id: Generated<number>; slug: string; organisation_id: number; assessment_id: number; snapshot: string; include_plan: Defaulted<number>;
    published_at: string; published_by: number | null; unpublished_at: string | null;
  };
  login_failures: { id: Generated<number>; at: string; address: string; account: string };
  schema_migrations: { version: number; applied_at: string };
}

/** Columns with a default in the table: optional when inserting. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface BatchesTable {
  id: Generated<number>;
  user_id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  input_format: string;
  output_format: string;
  store: number;
  lang: string;
  rows: Defaulted<number>;
  bytes_read: Defaulted<number>;
  total_bytes: Defaulted<number>;
  summary: string | null;
  stored: Defaulted<number>;
  error: string | null;
  input_hash: string;
  created_at: string;
  finished_at: string | null;
  input_bytes: Defaulted<number>;
  result_bytes: Defaulted<number>;
  input_removed_at: string | null;
  results_removed_at: string | null;
  options: Defaulted<string>;
  claimed_by: string | null;
  lease_until: string | null;
  attempts: Defaulted<number>;
}
