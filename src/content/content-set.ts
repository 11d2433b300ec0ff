import type {
  Action,
  AnswersDocument,
  PillarQuestionnaire,
  ProfileQuestionnaire,
  PublishedScores,
  RulesFile,
  SelfTest,
  Testimony,
  Weights,
} from '../core/content-model.js';

/** A parsed content file with the name problems are reported against. */
export interface Located<T> {
  file: string;
  data: T;
}

/** The content files of one root, parsed and structurally valid, before meaning is checked. */
export interface ContentSet {
  profile?: Located<ProfileQuestionnaire>;
  pillars: Located<PillarQuestionnaire>[];
  rules: Located<RulesFile>[];
  weights?: Located<Weights>;
  selfTests?: Located<{ cases: SelfTest[] }>;
  examples: Located<AnswersDocument>[];
  testimonies: Located<{ testimonies: Testimony[] }>[];
  actions: Located<{ pillar: string; actions: Action[] }>[];
  published?: Located<PublishedScores>;
}
