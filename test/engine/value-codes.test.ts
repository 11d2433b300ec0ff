import { describe, expect, it } from 'vitest';
import { MAX_CODES, ValueCodes } from '../../src/engine/value-codes.js';

describe('codes of the values a slot holds', () => {
  it('when values are coded, then the same value at a slot always gets the same code, and another value another code', () => {
    const codes = new ValueCodes(2);
    const list = Object.freeze(['a', 'b']);
    const first = [codes.codeOf(0, 'oui'), codes.codeOf(0, 12.5), codes.codeOf(0, list), codes.codeOf(0, true)];
    expect(new Set(first).size).toBe(4);
    expect([codes.codeOf(0, 'oui'), codes.codeOf(0, 12.5), codes.codeOf(0, list), codes.codeOf(0, true)]).toEqual(first);
    // Slots have codes of their own.
    expect(codes.codeOf(1, 12.5)).toBe(0);
  });

  it('when a list is not frozen, or a slot has all its codes, then the value gets none (-1)', () => {
    const codes = new ValueCodes(1);
    expect(codes.codeOf(0, ['a'])).toBe(-1);
    for (let k = 0; k < MAX_CODES; k++) expect(codes.codeOf(0, k)).toBe(k);
    expect(codes.codeOf(0, 'one more')).toBe(-1);
    expect(codes.codeOf(0, 7)).toBe(7);
  });

  it('when a document\'s lists of texts are interned, then equal lists become one frozen list with one code, other lists other codes, and a list of anything else gets none', () => {
    const codes = new ValueCodes(1);
    const a = codes.intern(0, ['x', 'y']);
    const b = codes.intern(0, ['x', 'y']);
    expect(b.value).toBe(a.value);
    expect(Object.isFrozen(a.value)).toBe(true);
    expect(b.code).toBe(a.code);
    expect(a.code).toBeGreaterThanOrEqual(0);
    expect(codes.intern(0, ['y', 'x']).code).not.toBe(a.code);
    expect(codes.intern(0, ['x\u0000y']).code).not.toBe(a.code);
    expect(codes.intern(0, [1, 2])).toEqual({ value: [1, 2], code: -1 });
    expect(codes.intern(0, 'oui')).toEqual({ value: 'oui', code: codes.codeOf(0, 'oui') });
  });
});
