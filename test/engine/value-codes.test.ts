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
});
