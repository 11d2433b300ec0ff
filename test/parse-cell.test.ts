import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellParser, parseCell, plainNumber } from '../src/batch/parse-cell.js';
import { loadContent } from '../src/content/load-content.js';
import type { Question } from '../src/core/content-model.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const content = loaded.value.content;
const questions: Question[] = [...content.profile.questions, ...content.pillars.flatMap((p) => p.indicators.flatMap((i) => i.questions))];

// Cells as spreadsheets hold them: numbers written every way, option values and labels, yes/no, n/a, notes.
const numberish = fc.stringMatching(/^[ -]?[0-9]{0,4}[.,]?[0-9]{0,3}[ %eE]?[0-9]?$/);
const words = fc.constantFrom('oui', 'Non', 'n/a', 'NC', ' x ', 'Note de preuve', '1 000', '12,5 %', '0x10', '1e3', 'Infinity', '-0', '.5', '5.', '-', ',', '', ' ', '9'.repeat(400));
const options = fc.constantFrom(...questions.flatMap((q) => (q.options ?? []).flatMap((o) => [o.value, o.label.fr, `${o.value}|${o.value}`])));
const cell = fc.oneof(numberish, words, options, fc.string({ maxLength: 8 }));

describe('cells read for a question', () => {
  it('when a column is read cell after cell (remembered texts, plain numbers), then each cell is what parseCell makes of it', () => {
    const parsers = new Map(questions.map((q) => [q, cellParser(q)]));
    fc.assert(
      fc.property(fc.constantFrom(...questions), fc.array(cell, { minLength: 1, maxLength: 20 }), (q, cells) => {
        // Twice over: the second time from what the parser remembered.
        for (const raw of [...cells, ...cells]) expect([q.id, raw, parsers.get(q)!(raw)]).toEqual([q.id, raw, parseCell(q, raw)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('when a number is plain digits with one point or comma, then it is read without parseCell, as parseCell reads it', () => {
    const number = questions.find((q) => q.type === 'percentage')!;
    for (const raw of ['0', '93', '-5', '789,8', '12.25', '007', '-0']) {
      expect([raw, plainNumber(raw)]).toEqual([raw, parseCell(number, raw)]);
    }
    for (const raw of ['', '-', '5.', ',5', '1 000', '45%', '1e3', '0x10', '1,2,3', '9'.repeat(400)]) expect([raw, plainNumber(raw)]).toEqual([raw, undefined]);
  });
});
