import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseWith, schemaMessage } from '../../src/core/zod-issues.js';

describe('zod issues in both languages', () => {
  it('when a schema has no message of its own, then the message is ours in both languages, never zod’s wording', () => {
    const outcome = parseWith(z.strictObject({ n: z.number().max(3000), s: z.string().min(3), t: z.string(), e: z.email(), k: z.enum(['a', 'b']) }), { n: 5000, s: 'x', e: 'no', k: 'c', extra: 1 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const byPath = Object.fromEntries(outcome.issues.map((i) => [i.path, i]));
    expect(byPath['/n']).toMatchObject({ code: 'too-big', message: { fr: 'Au plus 3\u202f000.', en: 'At most 3,000.' } });
    expect(byPath['/s']).toMatchObject({ code: 'too-small', message: { fr: 'Trop court\u00a0: au moins 3 caractères.', en: 'Too short: at least 3 characters.' } });
    expect(byPath['/t']).toMatchObject({ code: 'invalid-type', message: { fr: 'Ce champ est obligatoire.', en: 'This field is required.' } });
    expect(byPath['/e']!.message).toEqual({ fr: 'Adresse e-mail non valide.', en: 'Not a valid email address.' });
    expect(byPath['/k']!.message.fr).toBe('Valeur non reconnue\u00a0; valeurs possibles\u00a0: a, b.');
    expect(byPath['/extra']).toMatchObject({ code: 'unknown-field', message: { en: 'Unknown field "extra".' } });
    expect(JSON.stringify(outcome.issues)).not.toMatch(/Trop petit|Trop grand|Too small|Too big|>=|<=|Invalid input|expected/);
  });

  it('when a value has the wrong type, then the message says what is expected', () => {
    const outcome = parseWith(z.strictObject({ n: z.number().int(), m: z.number().int() }), { n: 'x', m: 7.5 });
    expect(outcome.ok ? [] : outcome.issues.map((i) => i.message)).toEqual([
      { fr: 'Valeur attendue\u00a0: un nombre.', en: 'Expected a number.' },
      { fr: 'Valeur attendue\u00a0: un nombre entier.', en: 'Expected a whole number.' },
    ]);
  });

  it('when a schema gives its own bilingual message, then each language gets its side rather than the schema’s text for both', () => {
    const schema = z.strictObject({ due: z.string().regex(/^\d{4}$/, schemaMessage({ fr: 'Une année, AAAA.', en: 'A year, YYYY.' })) });
    const outcome = parseWith(schema, { due: '27' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual([expect.objectContaining({ path: '/due', message: { fr: 'Une année, AAAA.', en: 'A year, YYYY.' } })]);
  });
});
