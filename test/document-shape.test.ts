import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasDocumentShape } from '../src/batch/document-shape.js';
import { parseAnswersDocument } from '../src/core/answers-document.js';

const value = fc.oneof(fc.boolean(), fc.double(), fc.integer(), fc.string({ maxLength: 6 }), fc.string({ minLength: 4990, maxLength: 5010 }), fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxLength: 3 }), fc.array(fc.string({ minLength: 199, maxLength: 201 }), { maxLength: 2 }),
  fc.array(fc.constant('a'), { minLength: 99, maxLength: 101 }), fc.constant(null), fc.constant({}), fc.constant(undefined));
const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('', 'x'.repeat(100), 'x'.repeat(101), '__proto__', 'constructor'));
const map = fc.oneof(fc.dictionary(key, value, { maxKeys: 5 }), fc.constantFrom(null, [], 'x', undefined));
const organisation = fc.oneof(
  fc.record({ name: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('', 'n'.repeat(200), 'n'.repeat(201)), fc.integer()), siren: fc.oneof(fc.constantFrom('123456789', '12345678', '12345678a', undefined), fc.integer()) }, { requiredKeys: [] }),
  fc.record({ name: fc.constant('A'), extra: fc.string() }),
  fc.constantFrom(null, [], 'x', undefined),
);
const document = fc.record({ $schema: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)), organisation, profile: map, answers: map, other: fc.string() }, { requiredKeys: [] });

describe('the shape of a JSON line\'s document, checked by hand', () => {
  it('when a line passes the check by hand, then the schema accepts it too (a line that fails it goes through the schema)', () => {
    fc.assert(fc.property(fc.oneof(document, fc.jsonValue()), (doc) => {
      // As JSON.parse gives it.
      const parsed = JSON.parse(JSON.stringify(doc ?? null)) as unknown;
      if (hasDocumentShape(parsed)) expect(parseAnswersDocument(parsed).ok).toBe(true);
    }), { numRuns: 5000 });
  });

  it('when a line is a valid document, then the check by hand passes it (the fast path is taken)', () => {
    fc.assert(fc.property(fc.record({ profile: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.oneof(fc.boolean(), fc.integer(), fc.string({ maxLength: 5 }))), answers: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 })) }), (doc) => {
      const parsed = JSON.parse(JSON.stringify(doc)) as unknown;
      expect([hasDocumentShape(parsed), parseAnswersDocument(parsed).ok]).toEqual([true, true]);
    }), { numRuns: 1000 });
  });
});
