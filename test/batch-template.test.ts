import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatOf } from '../src/batch/read-rows.js';
import { runBatch } from '../src/batch/run-batch.js';
import { inlinePool } from '../src/batch/scoring-pool.js';
import { templateBytes } from '../src/batch/write-template.js';
import { loadContent } from '../src/content/load-content.js';
import { createScorer, score } from '../src/core/score.js';
import { localize } from '../src/core/text.js';
import { typeIn } from './support/fill-template.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const { content } = loaded.value;
const scorer = createScorer(content);
const index = scorer.index;
const esus = loaded.value.examples.find((e) => e.file.endsWith('insertion-esus.json'))!.data;
const dir = () => mkdtempSync(join(tmpdir(), 'impact-template-'));
const NBSP = '\u00a0';

async function template(lang: 'fr' | 'en'): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await templateBytes(index, 'xlsx', lang)) as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('the portfolio template', () => {
  it('when the XLSX template is made, then its help row says who each question is for, each column is explained in words on a sheet of its own, and choice columns offer their labels in a list', async () => {
    const workbook = await template('fr');
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([['portefeuille', 'visible'], ['listes', 'veryHidden'], ['aide', 'visible']]);
    const sheet = workbook.worksheets[0]!;
    const ids = (sheet.getRow(1).values as string[]).slice(1);
    expect(ids.slice(0, 5)).toEqual(['id', 'name', 'organisation', 'siren', 'headcount']);
    const helpOf = (id: string) => String(sheet.getRow(2).getCell(ids.indexOf(id) + 1).value);
    expect(helpOf('gender-equality-index')).toMatch(new RegExp(`— seulement si «${NBSP}Effectif salarié${NBSP}» est de 50 et plus$`));
    expect(helpOf('carbon-measured-scope')).toContain(`seulement si «${NBSP}Avez-vous mesuré les émissions`);
    expect(helpOf('headcount')).not.toContain('seulement');
    // The list of a choice column: the options' labels, on the hidden sheet.
    const legal = ids.indexOf('legal-form') + 1;
    const validation = sheet.getCell(3, legal).dataValidation;
    expect(validation).toMatchObject({ type: 'list', allowBlank: true, errorStyle: 'warning' });
    expect(sheet.getCell(LAST_ROW_CHECKED, legal).dataValidation).toEqual(validation);
    const [, range] = /^listes!\$([A-Z]+)\$1:\$\1\$(\d+)$/.exec(validation.formulae![0] as string)!.slice(0);
    const lists = workbook.getWorksheet('listes')!;
    const offered = Array.from({ length: Number(/\$(\d+)$/.exec(validation.formulae![0] as string)![1]) }, (_, k) => lists.getCell(`${range}${k + 1}`).value);
    expect(offered).toEqual(index.profileFields.get('legal-form')!.options!.map((o) => o.label.fr));
    // Formats: percentages as percent cells, SIREN as text.
    const percentage = ids.findIndex((id) => index.questions.get(id)?.question.type === 'percentage') + 1;
    expect(sheet.getCell(3, percentage).numFmt).toBe('0.0%');
    expect(sheet.getCell(3, ids.indexOf('siren') + 1).numFmt).toBe('@');
    // The help sheet: one row per column, in words.
    const help = workbook.getWorksheet('aide')!;
    expect(help.getRow(1).values).toEqual([undefined, 'Colonne', 'Libellé', 'Que saisir', 'Concerne', 'Explication']);
    expect(help.rowCount).toBe(ids.length + 1);
    const row = (id: string) => (help.getRow(ids.indexOf(id) + 2).values as string[]).slice(1);
    expect(row('gender-equality-index')[3]).toBe(`Seulement si «${NBSP}Effectif salarié${NBSP}» est de 50 et plus`);
    expect(row('legal-form')[2]).toBe('Une réponse de la liste.');
    expect(row('headcount')[3]).toBe('Toutes les organisations');
    for (const r of ids.map((id) => row(id))) expect(r[2]).not.toBe('');
  });

  it('when the template is made, then each multiple-choice column says how to write several answers and none, and its list offers « aucun » last where the question has no "none" option of its own', async () => {
    for (const [lang, none, several, expected] of [
      ['fr', 'aucun', `(plusieurs réponses séparées par |, «${NBSP}aucun${NBSP}» si aucune)`, `Une ou plusieurs réponses de la liste, séparées par |${NBSP}; «${NBSP}aucun${NBSP}» si aucune ne s’applique (une cellule vide est sans réponse).`],
      ['en', 'none', '(several answers separated by |, "none" if none)', 'One or more answers from the list, separated by |; "none" if none applies (an empty cell is no answer).'],
    ] as const) {
      const workbook = await template(lang);
      const sheet = workbook.worksheets[0]!;
      const ids = (sheet.getRow(1).values as string[]).slice(1);
      const [csvIds, csvHelp] = parse(await templateBytes(index, 'csv', lang), { bom: true }) as string[][];
      expect(csvIds).toEqual(ids);
      const lists = workbook.worksheets[1]!;
      const help = workbook.worksheets[2]!;
      const offered = (id: string) => {
        const formula = sheet.getCell(3, ids.indexOf(id) + 1).dataValidation.formulae![0] as string;
        const [, letter, last] = /!\$([A-Z]+)\$1:\$[A-Z]+\$(\d+)$/.exec(formula)!;
        return Array.from({ length: Number(last) }, (_, k) => lists.getCell(`${letter}${k + 1}`).value);
      };
      for (const id of ids.filter((c) => (index.profileFields.get(c) ?? index.questions.get(c)?.question)?.type === 'multiple')) {
        const q = index.profileFields.get(id) ?? index.questions.get(id)!.question;
        expect(csvHelp![ids.indexOf(id)]).toContain(several);
        expect(String(sheet.getRow(2).getCell(ids.indexOf(id) + 1).value)).toContain(several);
        // (Then « n/a » where the question takes it.)
        expect(String(help.getRow(ids.indexOf(id) + 2).getCell(3).value).slice(0, expected.length)).toBe(expected);
        const labels = q.options!.map((o) => localize(o.label, lang));
        const hasNone = q.options!.some((o) => o.value === 'none');
        expect([id, offered(id)]).toEqual([id, [...labels, ...(q.notApplicable ? ['n/a'] : []), ...(hasNone ? [] : [none])]]);
      }
      expect(offered('statuses').at(-1)).toBe(none);
    }
  });

  it('when the CSV template is made, then its second row is the same help row', async () => {
    const [ids, help] = parse(await templateBytes(index, 'csv', 'en'), { bom: true }) as string[][];
    const workbook = await template('en');
    expect(help).toEqual((workbook.worksheets[0]!.getRow(2).values as string[]).slice(1));
    expect(help![ids!.indexOf('gender-equality-index')]).toMatch(/ — only if "Headcount" is 50 or more$/);
  });

  it('when an advisor fills the XLSX template from its lists (labels, yes/no, percent cells), in either language, then the row scores as its answers do', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const d = dir();
      const workbook = await template(lang);
      typeIn(index, workbook.worksheets[0]!, 3, 'ESUS', esus, lang);
      const input = join(d, 'filled.xlsx');
      await workbook.xlsx.writeFile(input);
      const output = join(d, 'out.jsonl');
      const summary = await runBatch({ input, inputFormat: formatOf(input)!, output, outputFormat: 'jsonl', content, pool: inlinePool(content, lang, 0), lang, suggestions: 0 });
      expect(summary).toMatchObject({ scored: 1, rejected: 0 });
      const expected = await score(scorer, esus);
      expect(JSON.parse(readFileSync(output, 'utf8')).global).toBe(expected.ok && expected.value.global);
    }
  });

  it('when the CSV template is filled by its help row\'s labels and saved again, then the help row is skipped', async () => {
    const d = dir();
    const text = (await templateBytes(index, 'csv', 'fr', ';')).toString('utf8');
    const input = join(d, 'empty.csv');
    writeFileSync(input, text);
    const summary = await runBatch({ input, inputFormat: 'csv', output: join(d, 'out.csv'), outputFormat: 'csv', content, pool: inlinePool(content, 'fr', 0), lang: 'fr', suggestions: 0 });
    expect(summary).toMatchObject({ rows: 0 });
  });
});

const LAST_ROW_CHECKED = 2000;
