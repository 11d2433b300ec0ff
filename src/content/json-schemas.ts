import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { issue, type Issue } from '../core/issue.js';
import { packageRoot } from './package-root.js';

export type SchemaName = 'questionnaire' | 'profile' | 'rules' | 'weights' | 'self-tests' | 'answers' | 'testimonies' | 'actions' | 'published-scores';

// ajv-i18n is CommonJS whose typings do not match its exports under NodeNext: load it plainly.
const localizeFrench = createRequire(import.meta.url)('ajv-i18n/localize/fr') as (errors: ErrorObject[]) => void;

const SCHEMA_BASE = 'https://impact-score.dev/schemas/';

/** The JSON Schemas of schemas/, compiled once: the same files editors use while authors type. */
export class JsonSchemas {
  private readonly validators = new Map<SchemaName, ValidateFunction>();

  constructor(dir = join(packageRoot(), 'schemas')) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats.default(ajv);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort()) {
      ajv.addSchema(JSON.parse(readFileSync(join(dir, file), 'utf8')) as object);
    }
    const names: SchemaName[] = ['questionnaire', 'profile', 'rules', 'weights', 'self-tests', 'answers', 'testimonies', 'actions', 'published-scores'];
    for (const name of names) {
      const validate = ajv.getSchema(`${SCHEMA_BASE}${name}.schema.json`);
      if (!validate) throw new Error(`impact-score: schema ${name}.schema.json is missing from ${dir}`);
      this.validators.set(name, validate);
    }
  }

  /** Every structural problem of `data`, as issues located in `file`. */
  check(name: SchemaName, data: unknown, file?: string): Issue[] {
    const validate = this.validators.get(name)!;
    if (validate(data)) return [];
    return toIssues(validate.errors ?? [], file);
  }
}

/** Turns ajv errors into issues, with French messages from ajv-i18n and ajv's own English ones. */
function toIssues(errors: ErrorObject[], file?: string): Issue[] {
  const french = structuredClone(errors);
  localizeFrench(french);
  return dropUnionNoise(errors).map((error) => {
    const i = errors.indexOf(error);
    const missing = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '';
    const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
    const allowed = error.keyword === 'enum' ? `: ${(error.params.allowedValues as unknown[]).join(', ')}` : '';
    return issue('schema', error.instancePath + missing, {
      fr: `${french[i]?.message ?? error.message ?? 'invalide'}${extra}${allowed}`,
      en: `${error.message ?? 'invalid'}${extra}${allowed}`,
    }, file);
  });
}

// A value failing a oneOf/anyOf yields one error per branch; when branches fail deeper, those
// deeper errors say more than "must match exactly one schema", so the summary is dropped.
function dropUnionNoise(errors: ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => {
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') return true;
    return !errors.some((o) => o !== e && o.instancePath.startsWith(e.instancePath) && o.instancePath !== e.instancePath);
  });
}
