import { z } from 'zod';
import { issue, pointer, type Outcome } from './issue.js';
import type { LocalizedText } from './text.js';

const french = z.locales.fr().localeError;
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
  return JSON.parse(message.slice(BILINGUAL.length)) as LocalizedText;
}

/**
 * Parses `data` with a zod schema; on failure, every zod issue becomes one of ours, with French
 * and English messages (zod's own locales), and a JSON Pointer path.
 */
export function parseWith<T>(schema: z.ZodType<T>, data: unknown, base = ''): Outcome<T> {
  const english = schema.safeParse(data);
  if (english.success) return { ok: true, value: english.data };
  const inFrench = schema.safeParse(data, { error: french });
  const frenchIssues = inFrench.success ? [] : inFrench.error.issues;
  return {
    ok: false,
    issues: english.error.issues.map((item, i) => {
      const keys = item.code === 'unrecognized_keys' ? item.keys : [];
      const path = pointer(base, ...(item.path as (string | number)[]));
      return issue(zodCode(item.code), keys.length === 1 ? pointer(path, keys[0]!) : path, decoded(item.message) ?? {
        fr: frenchIssues[i]?.message ?? item.message,
        en: item.message,
      });
    }),
  };
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
