import type { Condition } from './condition.js';
import type { LocalizedText } from './text.js';

/** The content types, as the JSON Schemas of schemas/ describe them. */

export type QuestionType = 'boolean' | 'single' | 'multiple' | 'number' | 'percentage' | 'ladder' | 'text';

export interface Option {
  value: string;
  label: LocalizedText;
}

export interface Question {
  id: string;
  type: QuestionType;
  label: LocalizedText;
  help: LocalizedText;
  options?: Option[];
  unit?: LocalizedText;
  min?: number;
  max?: number;
  integer?: boolean;
  notApplicable?: boolean;
  optional?: boolean;
  appliesTo?: Condition;
  showIf?: Condition;
}

export interface Group {
  id: string;
  title: LocalizedText;
}

export interface Indicator {
  id: string;
  group: string;
  title: LocalizedText;
  description?: LocalizedText;
  questions: Question[];
}

/** The questionnaire of one pillar. */
export interface PillarQuestionnaire {
  id: string;
  order: number;
  title: LocalizedText;
  description?: LocalizedText;
  groups: Group[];
  indicators: Indicator[];
}

export interface ProfileQuestionnaire {
  title: LocalizedText;
  description?: LocalizedText;
  questions: Question[];
}

export interface PointsEvent {
  type: 'points';
  params: { indicator: string; criterion: string; points: number; reason: LocalizedText };
}

/** A json-rules-engine rule whose event awards points to one criterion of one indicator. */
export interface ScoringRule {
  name: string;
  conditions: Condition;
  event: PointsEvent;
}

export interface RulesFile {
  pillar: string;
  rules: ScoringRule[];
}

export interface PillarWeights {
  pillar: string;
  weight: number;
  indicators: Record<string, number>;
}

/** A public source a figure comes from. */
export interface Source {
  url: string;
  publisher: string;
  title?: string;
  date?: string;
}

export interface Weights {
  version: string;
  /** Why the pillar weights are what they are, with the sources measured. */
  evidence?: { note: LocalizedText; sources: Source[] };
  pillars: PillarWeights[];
}

export interface SelfTest {
  example: string;
  expect: {
    global: number;
    pillars?: Record<string, number | null>;
    indicators?: Record<string, number | null>;
  };
}

/** An answers document: one organisation's profile and answers (see schemas/answers.schema.json). */
export interface AnswersDocument {
  organisation?: { name: string; siren?: string };
  profile: Record<string, AnswerValue>;
  answers: Record<string, AnswerValue>;
}

export type AnswerValue = boolean | number | string | string[];

/** The answer meaning "this question does not concern us". */
export const NOT_APPLICABLE = 'n/a';

/**
 * Whether an answer is "not applicable". Answers are of every type, and V8 compiles an `===`
 * that has seen several into a call; tested on strings only, it is a comparison in place (batches
 * ask it of every answer of every row).
 */
export function isNotApplicable(value: unknown): boolean {
  return typeof value === 'string' && value === NOT_APPLICABLE;
}

/** What a real organisation did and what it changed, with its public source. */
export interface Testimony {
  id: string;
  organisation: { name: string; sector: string; headcount?: string; legalForm?: string; region?: string; city?: string };
  indicators: string[];
  title: LocalizedText;
  action: LocalizedText;
  outcome: LocalizedText;
  source: Source;
  date: string;
}

/** How an action changes one answer once done; gains are computed from these changes. */
export type AnswerChange =
  | { set: boolean | string | number }
  | { add: string[]; remove?: string[] }
  | { atLeast: string | number }
  | { atMost: number };

export interface Action {
  id: string;
  indicator: string;
  title: LocalizedText;
  description: LocalizedText;
  firstSteps: LocalizedText[];
  effort: 'low' | 'medium' | 'high';
  cost: 'none' | 'low' | 'medium' | 'high';
  durationMonths: number;
  fits?: Condition;
  /** Where the organisation must already stand (profile and answers) for the action to make sense. */
  requires?: Condition;
  changes: Record<string, AnswerChange>;
  testimonies: string[];
  resources?: { title: LocalizedText; url: string }[];
}

/** Quantiles of one group of published scores: `scores[id][i]` is the quantile of score `id` at `levels[i]` percent. */
export interface PublishedGroup {
  count: number;
  levels: number[];
  scores: Record<string, number[]>;
}

/** The distribution of the Impact Scores organisations published: figures only, cited, with their bias. */
export interface PublishedScores {
  source: Source;
  /** What the source is, in words. */
  description: LocalizedText;
  derivedBy: string;
  /** Months of the earliest and latest publications counted (YYYY-MM). */
  from: string;
  to: string;
  caveat: LocalizedText;
  bias: LocalizedText;
  minimumGroup: number;
  all: PublishedGroup;
  /** By region code of the profile, only where at least `minimumGroup` published. */
  regions: Record<string, PublishedGroup>;
}

/** Everything the engine needs, loaded and checked; `version` identifies it for reproducibility. */
export interface Content {
  version: string;
  profile: ProfileQuestionnaire;
  pillars: PillarQuestionnaire[];
  rules: ScoringRule[];
  weights: Weights;
  testimonies: Testimony[];
  actions: Action[];
  /** Where scores stand among published ones; absent from a content root without the file. */
  published?: PublishedScores;
}
