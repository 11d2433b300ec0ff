import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { portfolioColumns } from '../src/batch/columns.js';
import { runBatch } from '../src/batch/run-batch.js';
import { inlinePool } from '../src/batch/scoring-pool.js';
import { templateBytes } from '../src/batch/write-template.js';
import { loadContent } from '../src/content/load-content.js';
import { indexContent } from '../src/core/content-index.js';
import type { AnswersDocument } from '../src/core/content-model.js';
import type { Lang } from '../src/core/text.js';
import { typeset } from '../src/core/typography.js';
import { typeIn } from './support/fill-template.js';
import { rowOf } from './support/generate-portfolio.js';
import { readResultsCsv } from './support/read-results.js';
import { BIN } from './support/service.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const { content } = loaded.value;
const index = indexContent(content);
const GOLDEN = join(import.meta.dirname, '..', 'data/examples/industry-300.json');
const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as AnswersDocument;
const dir = () => mkdtempSync(join(tmpdir(), 'impact-none-'));
const ids = portfolioColumns(index, 'fr').map((c) => c.id);

/** The golden example without its notes: no cell of its row then needs quotes, so a CSV reads it on its bytes, not as text. */
const unquoted: AnswersDocument = { ...golden, answers: Object.fromEntries(Object.entries(golden.answers).filter(([id]) => index.questions.get(id)?.question.type !== 'text')) };

type Options = { partial?: boolean; strict?: boolean };
const MODES: Options[] = [{}, { partial: true }, { strict: true }];

interface JsonResult { ok: boolean; global?: number; pillars?: unknown; indicators?: unknown; suggestions?: string[]; problems?: { code: string; path: string; message: string }[] }

async function scored(input: string, inputFormat: 'csv' | 'jsonl' | 'xlsx', options: Options = {}, lang: Lang = 'fr'): Promise<JsonResult[]> {
  const output = `${input}.out.jsonl`;
  await runBatch({ input, inputFormat, output, outputFormat: 'jsonl', content, pool: inlinePool(content, lang, 3, options), lang, suggestions: 3 });
  return readFileSync(output, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as JsonResult);
}

/** A CSV of the template's columns, one row per document (`cells` changes cells by column): comma and UTF-8, or French Excel's semicolons and Windows-1252. */
function csvOf(file: string, docs: readonly AnswersDocument[], excel: 'en' | 'fr', cells: Record<string, string> = {}): string {
  const rows = docs.map((doc, i) => rowOf(index, `ORG-${i + 1}`, doc).map((cell, k) => cells[ids[k]!] ?? cell));
  const text = stringify([ids, ...rows], { delimiter: excel === 'fr' ? ';' : ',' });
  writeFileSync(file, excel === 'fr' ? iconv.encode(text, 'win1252') : `\ufeff${text}`);
  return file;
}

async function workbookOf(file: string, doc: AnswersDocument, lang: Lang, cells: Record<string, string> = {}): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await templateBytes(index, 'xlsx', lang)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  typeIn(index, sheet, 3, 'ORG-1', doc, lang);
  for (const [column, value] of Object.entries(cells)) sheet.getRow(3).getCell(ids.indexOf(column) + 1).value = value;
  await workbook.xlsx.writeFile(file);
  return file;
}

const outcome = (r: JsonResult) => ({ ok: r.ok, global: r.global, pillars: r.pillars, indicators: r.indicators, suggestions: r.suggestions, problems: r.problems });

describe('« aucun »: none of a multiple choice\'s answers, in a portfolio cell', () => {
  it('when the golden industry-300 example (statuses: none) is a CSV, French Excel CSV or XLSX row, with or without --partial or --strict, then it scores and ranks as suggest and its JSON Lines row do', async () => {
    expect(golden.profile.statuses).toEqual([]);
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'suggest', GOLDEN, '--format', 'json', '--limit', '3']);
    const suggest = JSON.parse(stdout) as { global: number; suggestions: { actionId: string }[] };
    const d = dir();
    writeFileSync(join(d, 'golden.jsonl'), `${JSON.stringify(golden)}\n`);
    for (const options of MODES) {
      const [jsonLines] = await scored(join(d, 'golden.jsonl'), 'jsonl', options);
      expect(jsonLines).toMatchObject({ ok: true, global: suggest.global, suggestions: suggest.suggestions.map((s) => s.actionId) });
      const files = [
        ['CSV, quoted notes (read as text)', csvOf(join(d, 'en.csv'), [golden], 'en'), 'csv'],
        ['CSV, read on its bytes', csvOf(join(d, 'en-bytes.csv'), [unquoted], 'en'), 'csv'],
        ['French Excel CSV, quoted notes', csvOf(join(d, 'fr.csv'), [golden], 'fr'), 'csv'],
        ['French Excel CSV, read on its bytes', csvOf(join(d, 'fr-bytes.csv'), [unquoted], 'fr'), 'csv'],
        ['XLSX, French labels', await workbookOf(join(d, 'fr.xlsx'), golden, 'fr'), 'xlsx'],
        ['XLSX, English labels', await workbookOf(join(d, 'en.xlsx'), golden, 'en'), 'xlsx'],
      ] as const;
      for (const [what, file, format] of files) {
        const [row] = await scored(file, format, options);
        expect([what, options, outcome(row!)]).toEqual([what, options, outcome(jsonLines!)]);
      }
    }
  });

  it('when « aucun » is spelt any way (aucun, aucune, néant, none; case and accents aside), in either language\'s batch, then each row reads it as none ticked', async () => {
    const d = dir();
    writeFileSync(join(d, 'u.jsonl'), `${JSON.stringify(unquoted)}\n`);
    const [jsonLines] = await scored(join(d, 'u.jsonl'), 'jsonl');
    // An empty cell is no answer: statuses is optional, so the row scores, but ranks another action third.
    const [empty] = await scored(csvOf(join(d, 'empty.csv'), [unquoted], 'en', { statuses: '' }), 'csv');
    expect(empty!.suggestions).not.toEqual(jsonLines!.suggestions);
    const spellings = ['aucun', 'Aucune', 'AUCUNE', 'néant', 'NÉANT', 'Neant', 'none', 'None', ' aucun '];
    for (const lang of ['fr', 'en'] as const) {
      for (const excel of ['en', 'fr'] as const) {
        const rows = await Promise.all(spellings.map(async (spelt, i) => (await scored(csvOf(join(d, `${lang}-${excel}-${i}.csv`), [unquoted], excel, { statuses: spelt }), 'csv', {}, lang))[0]!));
        rows.forEach((row, i) => expect([spellings[i], excel, outcome(row)]).toEqual([spellings[i], excel, outcome(jsonLines!)]));
      }
    }
  });

  it('when a question has a "none" option of its own, then « aucun » there is that option, as the web questionnaire records it', async () => {
    const d = dir();
    const withNone: AnswersDocument = { ...unquoted, answers: { ...unquoted.answers, 'gender-equality-measures': ['none'] } };
    writeFileSync(join(d, 'none.jsonl'), `${JSON.stringify(withNone)}\n`);
    const [jsonLines] = await scored(join(d, 'none.jsonl'), 'jsonl');
    expect(jsonLines!.ok).toBe(true);
    for (const spelt of ['aucune', 'Néant', 'none']) {
      const [row] = await scored(csvOf(join(d, 'none.csv'), [unquoted], 'fr', { 'gender-equality-measures': spelt }), 'csv');
      expect([spelt, outcome(row!)]).toEqual([spelt, outcome(jsonLines!)]);
    }
  });

  it('when « aucun » is written with other answers (« aucun | esus »), on every path a cell takes and whatever the options, then the row is rejected with that cell\'s problem in words, in the batch\'s language', async () => {
    const d = dir();
    const message = {
      fr: 'la cellule dit « aucun » et nomme aussi d’autres réponses : gardez « aucun » seul si aucune réponse ne s’applique, ou les autres réponses sans lui.',
      en: 'the cell says "none" and names other answers too: keep "none" alone if no answer applies, or the other answers without it.',
    };
    const cases: [string, Record<string, string>][] = [['statuses', { statuses: 'aucun | esus' }], ['statuses', { statuses: 'esus;Néant' }], ['gender-equality-measures', { 'gender-equality-measures': 'aucune | promotion' }],
      // The none option by its own label, which says none of the words.
      ['value-sharing-schemes', { 'value-sharing-schemes': 'No scheme | participation' }]];
    for (const lang of ['fr', 'en'] as const) {
      for (const options of MODES) {
        for (const [column, cells] of cases) {
          const files = [
            [csvOf(join(d, 'text.csv'), [golden], 'en', cells), 'csv'],
            [csvOf(join(d, 'bytes.csv'), [unquoted], 'fr', cells), 'csv'],
            [await workbookOf(join(d, 'book.xlsx'), golden, lang, cells), 'xlsx'],
          ] as const;
          for (const [file, format] of files) {
            const [row] = await scored(file, format, options, lang);
            expect([file, cells, options, row]).toEqual([file, cells, options, expect.objectContaining({ ok: false, problems: [{ code: 'none-with-others', path: `/cells/${column}`, message: typeset(message[lang], lang) }] })]);
          }
        }
      }
    }
    // The results' problems column names the question by its label.
    const input = csvOf(join(d, 'words.csv'), [unquoted], 'fr', { statuses: 'aucun | esus' });
    await runBatch({ input, inputFormat: 'csv', output: join(d, 'words-out.csv'), outputFormat: 'csv', content, pool: inlinePool(content, 'fr', 3), lang: 'fr', suggestions: 3 });
    const [result] = readResultsCsv(join(d, 'words-out.csv'));
    expect(result!.problems).toBe('«\u00a0Statuts, agréments et labels\u00a0»\u00a0: la cellule dit «\u00a0aucun\u00a0» et nomme aussi d’autres réponses\u00a0: gardez «\u00a0aucun\u00a0» seul si aucune réponse ne s’applique, ou les autres réponses sans lui.');
    expect(result!.error).toBe(`statuses: ${typeset(message.fr, 'fr')}`);
  });

  it('when a cell is empty, then it is still no answer', async () => {
    const d = dir();
    const input = csvOf(join(d, 'empty.csv'), [unquoted], 'fr', { 'gender-equality-measures': '' });
    const [row] = await scored(input, 'csv');
    expect(row).toMatchObject({ ok: false, problems: [expect.objectContaining({ code: 'missing-answer', path: '/answers/gender-equality-measures' })] });
    const [partial] = await scored(input, 'csv', { partial: true });
    expect(partial!.ok).toBe(true);
  });
});
