import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseWith, schemaMessage } from '../../src/core/zod-issues.js';

describe('zod issues in both languages', () => {
  it('when a schema has no message of its own, then French comes from zod’s French locale and English from its default', () => {
    const outcome = parseWith(z.strictObject({ n: z.number().max(3) }), { n: 5 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0]).toMatchObject({ code: 'too-big', path: '/n' });
    expect(outcome.issues[0]!.message.fr).toMatch(/Trop grand/);
    expect(outcome.issues[0]!.message.en).toMatch(/Too big/);
  });

  it('when a schema gives its own bilingual message, then each language gets its side rather than the schema’s text for both', () => {
    const schema = z.strictObject({ due: z.string().regex(/^\d{4}$/, schemaMessage({ fr: 'Une année, AAAA.', en: 'A year, YYYY.' })) });
    const outcome = parseWith(schema, { due: '27' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual([expect.objectContaining({ path: '/due', message: { fr: 'Une année, AAAA.', en: 'A year, YYYY.' } })]);
  });
});
