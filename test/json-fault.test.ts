import { describe, expect, it } from 'vitest';
import { jsonFault } from '../src/batch/json-fault.js';
import { invalidJson } from '../src/batch/row-problems.js';

// Lines people send by mistake, each with the fault and the character (from 1) where it is.
const CASES: [string, string, number | undefined][] = [
  ['{ not json', 'name-unquoted', 3],
  ["{'profile': {}}", 'name-unquoted', 2],
  ['{"a": \'x\'}', 'single-quotes', 7],
  ['{"a": oui}', 'bad-word', 7],
  ['{"a": NaN}', 'bad-word', 7],
  ['{"a": 12,5}', 'name-unquoted', 10],
  ['{"a": 1.}', 'bad-number', 7],
  ['{"a": 01}', 'bad-number', 7],
  ['{"a": 1,}', 'trailing-comma', 8],
  ['[1, 2,]', 'trailing-comma', 6],
  ['{"a": 1 "b": 2}', 'missing-comma', 9],
  ['{"a" 1}', 'missing-colon', 6],
  ['{"a": "x\ty"}', 'control-character', 9],
  ['{"a": "x\\q"}', 'bad-escape', 9],
  ['{"a": 1}}', 'after-end', 9],
  ['{"a": 1} {"b": 2}', 'after-end', 10],
  ['{"a": [1, 2', 'ends-early', undefined],
  ['{"a": "x', 'ends-early', undefined],
  ['{', 'ends-early', undefined],
];

describe('a JSON line that does not parse, said in words', () => {
  it('when JSON.parse refuses a line, then the fault found is named with its character, and valid lines have none', () => {
    for (const [text, kind, column] of CASES) {
      expect(() => JSON.parse(text), text).toThrow();
      const fault = jsonFault(text);
      expect(fault?.kind, text).toBe(kind);
      if (column !== undefined) expect(fault?.column, text).toBe(column);
    }
    for (const text of ['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {"c": ""}}', ' 1 ', '"x"']) expect(jsonFault(text), text).toBeUndefined();
  });

  it('when a line is not JSON, then the message says where and what to fix in French and English, with none of the engine’s wording', () => {
    for (const [text] of CASES) {
      const { message } = invalidJson(text);
      expect(message.fr).toMatch(/^JSON invalide\u00a0: /);
      expect(message.en).toMatch(/^Invalid JSON: /);
      for (const words of [message.fr, message.en]) expect(words).not.toMatch(/Unexpected|position|token|is not valid JSON|in JSON at/);
    }
    expect(invalidJson('{"a": 1,}').message.fr).toBe('JSON invalide\u00a0: au caractère 8, une virgule juste avant une accolade ou un crochet fermant\u00a0: retirez-la.');
    expect(invalidJson('{"a": [1').message.en).toBe('Invalid JSON: the line ends before the document does: a brace, bracket or quote is not closed.');
  });
});
