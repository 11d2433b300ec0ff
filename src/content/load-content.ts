
import type { AnswersDocument, Content, SelfTest } from '../core/content-model.js';
import { indexContent } from '../core/content-index.js';
import { issue, sortIssues, type Issue, type Outcome } from '../core/issue.js';
import { bilingual } from '../core/text.js';
import { typesetFrenchTexts } from '../core/typography.js';
import { validateAnswers } from '../core/validate-answers.js';
import { checkActions } from './check-actions.js';
import { checkPublishedScores } from './check-published-scores.js';
import { checkQuestionnaires } from './check-questionnaires.js';
import { checkScoring } from './check-scoring.js';
import { checkTranslations } from './check-translations.js';
import { readContentFiles, type ContentFile } from './content-files.js';
import type { ContentSet, Located } from './content-set.js';
import { contentVersion } from './content-version.js';
import { JsonSchemas, type SchemaName } from './json-schemas.js';
import { packageRoot } from './package-root.js';

/** Content checked and ready, with the material `validate` runs its self-tests on. */
export interface LoadedContent {
  root: string;
  content: Content;
  examples: Located<AnswersDocument>[];
  selfTests: Located<{ cases: SelfTest[] }> | undefined;
}

export function defaultContentRoot(): string {
  return packageRoot();
}

let sharedSchemas: JsonSchemas | undefined;

/**
 * Loads and checks the content under `root` (its questionnaires/, rules/ and data/): JSON
 * syntax, then structure against the JSON Schemas, then meaning (references, ids, points and
 * weights). Every problem is returned, sorted, each with its file and JSON path.
 */
export function loadContent(root: string = defaultContentRoot()): Outcome<LoadedContent> {
  sharedSchemas ??= new JsonSchemas();
  const { files, missingFolders } = readContentFiles(root);
  const issues: Issue[] = missingFolders.map((folder) => issue('missing-folder', '', bilingual(
    `Le dossier « ${folder}/ » manque sous ${root}.`,
    `Folder "${folder}/" is missing under ${root}.`,
  ), `${folder}/`));
  const set: ContentSet = { pillars: [], rules: [], examples: [], testimonies: [], actions: [] };
  for (const file of files) issues.push(...classify(file, set, sharedSchemas));
  issues.push(...missingFiles(set));
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  // Meaning is only checked on well-formed files: a broken structure would only add noise.
  for (const file of [set.profile, ...set.pillars, ...set.rules, set.weights, set.selfTests, ...set.testimonies, ...set.actions, set.published]) {
    if (file) issues.push(...checkTranslations(file.data, file.file));
  }
  issues.push(...checkQuestionnaires(set), ...checkScoring(set), ...checkActions(set), ...checkPublishedScores(set));
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  // French texts are set in French typography once, here: authors type ordinary spaces.
  const content: Content = typesetFrenchTexts({
    version: contentVersion(set.weights!.data.version, files),
    profile: set.profile!.data,
    pillars: set.pillars.map((p) => p.data),
    rules: set.rules.flatMap((r) => r.data.rules),
    weights: set.weights!.data,
    testimonies: set.testimonies.flatMap((t) => t.data.testimonies),
    actions: set.actions.flatMap((a) => a.data.actions),
    ...(set.published && { published: set.published.data }),
  });
  issues.push(...checkExamples(content, set));
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, value: { root, content, examples: set.examples, selfTests: set.selfTests } };
}

const PROFILE_FILE = 'questionnaires/profile.json';
const WEIGHTS_FILE = 'rules/weights.json';
const SELF_TESTS_FILE = 'rules/self-tests.json';
const PUBLISHED_FILE = 'data/published-scores.json';

function schemaFor(path: string): SchemaName | undefined {
  if (path === PROFILE_FILE) return 'profile';
  if (path === WEIGHTS_FILE) return 'weights';
  if (path === SELF_TESTS_FILE) return 'self-tests';
  if (path === PUBLISHED_FILE) return 'published-scores';
  if (/^questionnaires\/[^/]+\.json$/.test(path)) return 'questionnaire';
  if (/^rules\/[^/]+\.json$/.test(path)) return 'rules';
  if (/^data\/examples\/[^/]+\.json$/.test(path)) return 'answers';
  if (/^data\/testimonies\/[^/]+\.json$/.test(path)) return 'testimonies';
  if (/^data\/actions\/[^/]+\.json$/.test(path)) return 'actions';
  return undefined;
}

function classify(file: ContentFile, set: ContentSet, schemas: JsonSchemas): Issue[] {
  const schema = schemaFor(file.path);
  if (!schema) {
    return [issue('unknown-file', '', bilingual(
      'Fichier inattendu : ce n’est ni un questionnaire, ni des règles, ni un exemple de réponses, ni des témoignages ou actions, ni les scores publiés.',
      'Unexpected file: neither a questionnaire, nor rules, nor an example answers file, nor testimonies or actions, nor the published scores.',
    ), file.path)];
  }
  let data: unknown;
  try {
    data = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return [issue('invalid-json', '', bilingual(`JSON invalide : ${(error as Error).message}`, `Invalid JSON: ${(error as Error).message}`), file.path)];
  }
  const problems = [...schemas.check(schema, data, file.path), ...checkSchemaReference(schema, data, file.path)];
  if (problems.length > 0) return problems;
  place(set, schema, { file: file.path, data });
  return [];
}

// Each file names its schema so editors check it while authors type; a wrong one would mislead.
function checkSchemaReference(schema: SchemaName, data: unknown, file: string): Issue[] {
  const declared = (data as { $schema?: unknown }).$schema;
  const expected = `${schema}.schema.json`;
  if (schema === 'answers' && declared === undefined) return [];
  if (typeof declared === 'string' && declared.endsWith(`/${expected}`)) return [];
  return [issue('wrong-schema', '/$schema', bilingual(
    `Ce fichier doit déclarer "$schema": ".../schemas/${expected}".`,
    `This file must declare "$schema": ".../schemas/${expected}".`,
  ), file)];
}

// Where each kind of file goes in the set: one file of some kinds, a list of the others.
const ONE_FILE: Partial<Record<SchemaName, 'profile' | 'weights' | 'selfTests' | 'published'>> = { profile: 'profile', weights: 'weights', 'self-tests': 'selfTests', 'published-scores': 'published' };
const FILES: Partial<Record<SchemaName, 'pillars' | 'rules' | 'examples' | 'testimonies' | 'actions'>> = { questionnaire: 'pillars', rules: 'rules', answers: 'examples', testimonies: 'testimonies', actions: 'actions' };

function place(set: ContentSet, schema: SchemaName, located: Located<unknown>): void {
  const one = ONE_FILE[schema];
  if (one) (set as unknown as Record<string, Located<unknown>>)[one] = located;
  else (set[FILES[schema]!] as Located<unknown>[]).push(located);
}

function missingFiles(set: ContentSet): Issue[] {
  const missing: string[] = [];
  if (!set.profile) missing.push(PROFILE_FILE);
  if (!set.weights) missing.push(WEIGHTS_FILE);
  if (set.pillars.length === 0) missing.push('questionnaires/<pillar>.json');
  if (set.rules.length === 0) missing.push('rules/<pillar>.json');
  return missing.map((file) => issue('missing-file', '', bilingual('Fichier requis manquant.', 'Required file is missing.'), file));
}

function checkExamples(content: Content, set: ContentSet): Issue[] {
  const index = indexContent(content);
  const issues = set.examples.flatMap(({ file, data }) =>
    validateAnswers(index, data).issues.map((i): Issue => ({ ...i, file })));
  const names = new Set(set.examples.map((e) => exampleName(e.file)));
  set.selfTests?.data.cases.forEach((c, i) => {
    if (!names.has(c.example)) {
      issues.push(issue('unknown-example', `/cases/${i}/example`, bilingual(
        `Aucun fichier data/examples/${c.example}.json.`,
        `No file data/examples/${c.example}.json.`,
      ), set.selfTests!.file));
    }
  });
  return issues;
}

export function exampleName(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.json$/, '');
}

