/** The shapes the web interface reads from /api/v1 (the OpenAPI document has them all). */

export type Role = 'leader' | 'expert' | 'advisor' | 'admin';
export type Access = 'none' | 'review' | 'edit';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export interface Me {
  user: User;
  organisations: { id: number; name: string; access: Access }[];
}

export type QuestionType = 'single' | 'ladder' | 'multiple' | 'percentage' | 'number' | 'boolean' | 'text';
export type AnswerValue = string | number | boolean | string[];

export interface Question {
  id: string;
  type: QuestionType;
  label: string;
  help?: string;
  options?: { value: string; label: string }[];
  unit?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  notApplicable: boolean;
  optional: boolean;
}

export interface Indicator {
  id: string;
  group?: string;
  title: string;
  description?: string;
  weight: number;
  questions: Question[];
}

export interface Pillar {
  id: string;
  order: number;
  title: string;
  description?: string;
  weight: number;
  groups?: { id: string; title: string }[];
  indicators: Indicator[];
}

export interface Questionnaires {
  contentVersion: string;
  lang: string;
  profile: { title: string; description?: string; questions: Question[] };
  pillars: Pillar[];
}

export type Visibility = 'asked' | 'excluded' | 'hidden';

export interface Assessment {
  id: number;
  organisationId: number;
  /** Its rank among the organisation's assessments. */
  number: number;
  status: 'draft' | 'submitted';
  profile: Record<string, AnswerValue>;
  answers: Record<string, AnswerValue>;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  progress?: { pillar: string; answered: number; required: number; percent: number }[];
  missing?: string[];
  visibility?: Record<string, Visibility>;
  /** Answers taken over from `source` and neither changed nor confirmed since. */
  carried?: string[];
  source?: { assessmentId: number; number: number; submittedAt: string | null } | null;
  /** Answers that differ from the source's. */
  changes?: AnswerChange[];
  earlierResults?: { global: number | null; contentVersion: string; submittedAt: string | null; reopenedAt: string }[];
}

export interface Organisation {
  id: number;
  name: string;
  siren: string | null;
  access: Access;
}

export interface RuleView {
  name: string;
  fired: boolean;
  /** The step whose points count. */
  counted: boolean;
  points: number;
  reason: string;
}

export interface IndicatorReport {
  id: string;
  title: string;
  score: number | null;
  weight: number;
  points: number;
  maxPoints: number;
  reasons: string[];
  strengths: string[];
  gaps: { criterion: string; reason: string; points: number; max: number }[];
  criteria: {
    id: string; applicable: boolean; points: number; max: number; reason: string | null;
    questions: { id: string; label: string; answer: string }[];
    rules: RuleView[];
  }[];
}

export interface RankedIndicator {
  id: string;
  pillar: string;
  title: string;
  score: number;
}

export interface Report {
  organisation: string;
  contentVersion: string;
  global: number | null;
  pillars: { id: string; title: string; score: number | null; weight: number; indicators: IndicatorReport[] }[];
  weakest: RankedIndicator[];
  strongest: RankedIndicator[];
}

export interface Testimony {
  id: string;
  organisation: { name: string; city?: string; headcount?: string };
  title: string;
  action: string;
  outcome?: string;
  source: { url: string; publisher: string; title: string };
  date?: string;
}

export interface Suggestion {
  rank: number;
  actionId: string;
  indicator: string;
  pillar: string;
  title: string;
  description: string;
  firstSteps: string[];
  pillarTitle: string;
  indicatorTitle: string;
  effortLabel: string;
  costLabel: string;
  durationMonths: number;
  reason: string;
  gains: { global: number; pillar: number; indicator: number };
  current: { global: number | null; pillar: number | null; indicator: number | null };
  projected: { global: number | null; pillar: number | null; indicator: number | null };
  changeViews: { question: string; label: string; from: string; to: string }[];
  testimonyViews: Testimony[];
  /** Actions that build on this one (shown after it): their gains count once this one is done. */
  followUpViews: FollowUpSuggestion[];
}

export type FollowUpSuggestion = Omit<Suggestion, 'rank' | 'followUpViews'> & { after: string; afterTitle: string };

export type PlanStatus = 'draft' | 'submitted' | 'changes-requested' | 'approved';
export type ItemStatus = 'todo' | 'in-progress' | 'done' | 'dropped';

export interface PlanItem {
  id: number;
  position: number;
  actionId: string | null;
  indicator: string;
  title: string | null;
  owner: string | null;
  due: string | null;
  status: ItemStatus;
  target: string | null;
  successIndicator: string | null;
  notes: string | null;
  displayTitle: string;
  indicatorTitle: string;
  pillar: string;
  /** The due date in the reader's words ("mars 2027", "T1 2027"). */
  dueLabel: string | null;
}

export interface Scores {
  global: number | null;
  pillars: Record<string, number | null>;
}

export interface Plan {
  id: number;
  organisationId: number;
  assessmentId: number;
  title: string;
  status: PlanStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  items: PlanItem[];
  comments: { id: number; itemId: number | null; authorId: number; authorName: string; body: string; createdAt: string; decision: ReviewDecision | null }[];
  lastDecision: PlanDecision | null;
  incomplete: { itemId: number; title: string; missing: ('owner' | 'due')[] }[];
  projection: { current: Scores; projected: Scores; gains: { global: number; pillars: Record<string, number> } } | null;
}

export type ReviewDecision = 'approve' | 'request-changes';

export interface PlanDecision {
  decision: ReviewDecision;
  at: string;
  reviewerId: number | null;
  reviewerName: string | null;
  comment: string | null;
}

export interface ReviewQueueEntry {
  planId: number;
  title: string;
  status: PlanStatus;
  organisationId: number;
  organisationName: string;
  workshops: { id: number; title: string; date: string }[];
  items: number;
  comments: number;
  submittedAt: string | null;
  reviewedAt: string | null;
}

export interface Change {
  before: number | null;
  after: number | null;
  delta: number | null;
}

export interface Comparison {
  before: { assessmentId: number; number: number; submittedAt: string | null; contentVersion: string };
  after: { assessmentId: number; number: number; submittedAt: string | null; contentVersion: string };
  sameContent: boolean;
  global: Change;
  pillars: (Change & { id: string })[];
  indicators: (Change & { id: string; pillar: string })[];
  done: { itemId: number; actionId: string | null; indicator: string; before: number | null; after: number | null; improved: boolean | null }[];
  plans: PlanBilan[];
}

/** Intended vs achieved for one plan drawn from the earlier assessment. */
export interface PlanBilan {
  planId: number;
  title: string;
  status: PlanStatus;
  lastDecision: PlanDecision | null;
  items: (PlanItem & { projected: { indicator: Change; global: number } | null; achieved: Change })[];
  scores: { id: string; before: number | null; projected: number | null; achieved: number | null; achievedDelta: number | null; projectedDelta: number | null }[];
}

export interface ScoreStats {
  count: number;
  mean: number | null;
  bands: number[];
}

export interface Batch {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  inputFormat: string;
  outputFormat: string;
  store: boolean;
  rows: number;
  bytesRead: number;
  totalBytes: number;
  summary: { rows: number; scored: number; rejected: number; global: ScoreStats; pillars: Record<string, ScoreStats> } | null;
  stored: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface Portfolio {
  organisations: { id: number; name: string; assessmentId: number | null; submittedAt: string | null; global: number | null; pillars: Record<string, number | null> }[];
  distribution: { global: ScoreStats; pillars: Record<string, ScoreStats> };
  gaps: { indicator: string; pillar: string; title: string; organisations: number; meanPointsAvailable: number; below50: number }[];
}

// The assessment loop: re-assessment, what moved, reopening (issue 19).

export interface AnswerChange {
  part: 'profile' | 'answers';
  question: string;
  before: AnswerValue | null;
  after: AnswerValue | null;
}

export interface Delta {
  before: number | null;
  after: number | null;
  delta: number | null;
}

export interface Movement {
  since: { assessmentId: number; number: number; submittedAt: string | null };
  sameContent: boolean;
  global: Delta;
  pillars: (Delta & { id: string; title: string })[];
  indicators: (Delta & {
    id: string;
    title: string;
    pillar: string;
    criteria: (Delta & { id: string; max: number; reason: string })[];
    answers: { question: string; label: string; before: string; after: string }[];
  })[];
  answersChanged: number;
}

export interface AssessmentResult {
  assessmentId: number;
  organisationId: number;
  number: number;
  submittedAt: string | null;
  computedAt: string;
  report: Report;
  earlierResults: { global: number | null; pillars: { id: string; score: number | null }[]; contentVersion: string; submittedAt: string | null; reopenedAt: string }[];
  since: Movement | null;
}
