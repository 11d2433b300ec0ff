import { z } from 'zod';
import { issue, pointer, type Outcome } from './issue.js';
import { frenchTypography } from './typography.js';
import type { LocalizedText } from './text.js';
import { zodMessage } from './zod-messages.js';

const BILINGUAL = 'bilingual:';

/**
 * A schema's own message in both languages. zod lets a schema's message win over the language
 * chosen at parse time, so a plain string would reach French readers in English: the pair travels
 * encoded in the message and parseWith picks the reader's side.
 */
export function schemaMessage(text: Required<LocalizedText>): string {
  return BILINGUAL + JSON.stringify(text);
}

function decoded(message: string): LocalizedText | undefined {
  if (!message.startsWith(BILINGUAL)) return undefined;
  const text = JSON.parse(message.slice(BILINGUAL.length)) as LocalizedText;
  return { ...text, fr: frenchTypography(text.fr) };
}

/**
 * Parses `data` with a zod schema; on failure, every zod issue becomes one of ours, with French
 * and English messages (the schema's own, or ours: never zod's wording), and a JSON Pointer path.
 */
export function parseWith<T>(schema: z.ZodType<T>, data: unknown, base = ''): Outcome<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((item) => {
      const keys = item.code === 'unrecognized_keys' ? item.keys : [];
      const path = pointer(base, ...(item.path as (string | number)[]));
      const missing = item.code === 'invalid_type' && valueAt(data, item.path) === undefined;
      return issue(zodCode(item.code), keys.length === 1 ? pointer(path, keys[0]!) : path, decoded(item.message) ?? zodMessage(item, missing));
    }),
  };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

// Our codes are kebab-case and stable whatever zod calls them.
function zodCode(code: string): string {
  switch (code) {
    case 'invalid_type':
      return 'invalid-type';
    case 'unrecognized_keys':
      return 'unknown-field';
    case 'too_big':
      return 'too-big';
    case 'too_small':
      return 'too-small';
    default:
      return 'invalid-value';
  }
}
