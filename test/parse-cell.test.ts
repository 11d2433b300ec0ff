import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { noneWithOthers } from '../src/batch/none-answer.js';
import { cellParser, parseCell, plainNumber } from '../src/batch/parse-cell.js';
import { loadContent } from '../src/content/load-content.js';
import type { Question } from '../src/core/content-model.js';
import { differential } from './support/differential.js';

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
  it('when a column is read cell after cell (remembered texts, plain numbers), then each cell is what parseCell makes of it', async () => {
    const parsers = new Map(questions.map((q) => [q, cellParser(q)]));
    // Twice over: the second time from what the parser remembered.
    const columns = fc.tuple(fc.constantFrom(...questions), fc.array(cell, { minLength: 1, maxLength: 20 })).map(([q, cells]) => ({ q, cells: [...cells, ...cells] }));
    const compared = await differential(
      ({ q, cells }) => cells.map((raw) => parseCell(q, raw)),
      ({ q, cells }) => cells.map((raw) => parsers.get(q)!(raw)),
      columns,
      { runs: 3000, name: ({ q, cells }) => [q.id, cells] },
    );
    expect(compared).toBeGreaterThanOrEqual(3000);
  });

  it('when a number is plain digits with one point or comma, then it is read without parseCell, as parseCell reads it', async () => {
    const number = questions.find((q) => q.type === 'percentage')!;
    expect(await differential((raw: string) => parseCell(number, raw), plainNumber, ['0', '93', '-5', '789,8', '12.25', '007', '-0'], { name: (raw) => raw })).toBe(7);
    for (const raw of ['', '-', '5.', ',5', '1 000', '45%', '1e3', '0x10', '1,2,3', '9'.repeat(400)]) expect([raw, plainNumber(raw)]).toEqual([raw, undefined]);
  });
});

describe('option labels in cells', () => {
  const choices = questions.filter((q) => q.options);
  const labelsOf = (q: Question) => q.options!.flatMap((o) => [o.label.fr, o.label.en!].map((label) => [o.value, label] as const));

  it('when a cell holds an option\'s label in either language (commas and semicolons in it included), then it reads as the option\'s value', () => {
    for (const q of choices) {
      for (const [value, label] of labelsOf(q)) expect([q.id, label, parseCell(q, label)]).toEqual([q.id, label, q.type === 'multiple' ? [value] : value]);
    }
  });

  it('when a label is typed with plain or typographic characters, other spaces or case (− or -, ’ or \', « » or ", narrow or no-break spaces), then it reads the same', () => {
    const variants = (label: string) => [
      label.replace(/[\u2212\u2013]/g, '-').replace(/’/g, "'").replace(/[«»]/g, '"').replace(/[\u00a0\u202f]/g, ' '),
      label.replace(/-/g, '\u2212').replace(/'/g, '’').replace(/ ([%:;?!])/g, '\u202f$1'),
      ` ${label.toUpperCase()}  `,
      label.replace(/ /g, '\u00a0'),
    ];
    for (const q of choices) {
      for (const [value, label] of labelsOf(q)) {
        for (const typed of variants(label)) expect([q.id, typed, parseCell(q, typed)]).toEqual([q.id, typed, q.type === 'multiple' ? [value] : value]);
      }
    }
  });

  it('when a label goes through Windows-1252 (French Excel\'s CSV), its characters that encoding lacks becoming ? as iconv-lite writes them, then it still reads as its option', () => {
    let lossy = 0;
    for (const q of choices) {
      for (const [value, label] of labelsOf(q)) {
        const saved = iconv.decode(iconv.encode(label, 'win1252'), 'win1252');
        if (saved !== label) lossy++;
        expect([q.id, saved, parseCell(q, saved)]).toEqual([q.id, saved, q.type === 'multiple' ? [value] : value]);
      }
    }
    // −30 % (U+2212) in the carbon target's label, in both languages: iconv-lite writes ?, as Excel does for what it cannot hold.
    expect(lossy).toBe(2);
    expect(iconv.decode(iconv.encode('par exemple −30 %', 'win1252'), 'win1252')).toBe('par exemple ?30 %');
  });

  it('when several options are named in one cell, by labels or values, separated by | (documented), or by ; or , where labels hold them too, then every one is read, in order', () => {
    const multiple = choices.filter((q) => q.type === 'multiple');
    fc.assert(
      fc.property(fc.constantFrom(...multiple), fc.integer({ min: 1, max: 2 ** 31 }), fc.constantFrom('|', ' | ', ';', '; ', ', '), fc.constantFrom('fr', 'en', 'value'), (q, seed, separator, by) => {
        const options = q.options!.filter((_, i) => (seed >> i) & 1);
        if (options.length === 0) return;
        const cell = options.map((o) => (by === 'value' ? o.value : o.label[by]!)).join(separator);
        expect([q.id, cell, parseCell(q, cell)]).toEqual([q.id, cell, options.map((o) => o.value)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('when a cell names something that is no option, then the pieces are passed on for validation to name', () => {
    const practices = questions.find((q) => q.id === 'inclusion-practices')!;
    expect(parseCell(practices, 'partners|inconnu')).toEqual(['partners', 'inconnu']);
    expect(parseCell(practices, 'partners, autre chose; x')).toEqual(['partners', 'autre chose', 'x']);
  });
});

describe('« aucun »: none of the answers, in a multiple-choice cell', () => {
  const multiple = questions.filter((q) => q.type === 'multiple');
  const statuses = questions.find((q) => q.id === 'statuses')!;
  const practices = questions.find((q) => q.id === 'inclusion-practices')!;
  const spellings = ['aucun', 'Aucun', 'aucune', 'AUCUNE', 'néant', 'Néant', 'NÉANT', 'neant', 'none', 'None', 'NONE', ' aucune '];

  it('when a cell holds a word for none, spelt any way, then it is the question\'s "none" option where it has one (as the web questionnaire records it), and no box ticked otherwise', () => {
    expect(multiple.filter((q) => !q.options!.some((o) => o.value === 'none')).map((q) => q.id)).toContain('statuses');
    for (const q of multiple) {
      const expected = q.options!.some((o) => o.value === 'none') ? ['none'] : [];
      const parse = cellParser(q);
      for (const cell of spellings) {
        expect([q.id, cell, parseCell(q, cell)]).toEqual([q.id, cell, expected]);
        // Twice: the second time from what the column remembered.
        expect([q.id, cell, parse(cell), parse(cell)]).toEqual([q.id, cell, expected, expected]);
      }
    }
  });

  it('when a cell is empty, then it is still no answer, and the words mean nothing special to other questions', () => {
    expect(parseCell(statuses, '')).toBeUndefined();
    expect(parseCell(statuses, '  ')).toBeUndefined();
    const single = questions.find((q) => q.type === 'single' && !q.options!.some((o) => /^(aucun|none)/i.test(o.label.fr) || /^none/i.test(o.label.en ?? '')))!;
    expect(parseCell(single, 'aucun')).toBe('aucun');
    expect(parseCell(questions.find((q) => q.type === 'text')!, 'néant')).toBe('néant');
  });

  it('when a word for none is written with other answers, then the cell is refused, saying what to do, and a cell of options only or of the word alone is not', () => {
    for (const [q, cell] of [[statuses, 'aucun | esus'], [statuses, 'esus;Néant'], [statuses, 'mission, none'], [practices, 'aucune | partners'], [practices, 'none|partners']] as const) {
      const parse = cellParser(q);
      expect([cell, noneWithOthers(q, cell, parse)]).toEqual([cell, { code: 'none-with-others', message: expect.objectContaining({ fr: expect.stringMatching(/gardez «\s?aucun\s?» seul/) }) }]);
    }
    for (const [q, cell] of [[statuses, 'aucun'], [statuses, 'esus | mission'], [practices, 'none'], [practices, 'Aucune de ces pratiques'], [statuses, '']] as const) expect([cell, noneWithOthers(q, cell, cellParser(q))]).toEqual([cell, undefined]);
  });
});
