import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readResultsCsv } from './support/read-results.js';
import { frenchTypography as typeset } from '../src/core/typography.js';
import { cellOf, rowOf, writePortfolio } from './support/generate-portfolio.js';
import { portfolioColumns } from '../src/batch/columns.js';
import { batchTemplateCommand } from '../src/cli/batch-commands.js';
import { loadContent } from '../src/content/load-content.js';
import { templateBytes } from '../src/batch/write-template.js';
import { indexContent } from '../src/core/content-index.js';
import type { AnswersDocument, Option } from '../src/core/content-model.js';
import { createScorer, score } from '../src/core/score.js';
import { BIN } from './support/service.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
const examples = loaded.value.examples.filter((e) => !e.file.endsWith('sas-5.json')).map((e) => e.data); // sas-5 leaves answers blank on purpose
const dir = () => mkdtempSync(join(tmpdir(), 'impact-batch-cmd-'));
const NO_STACK = /\bat .*\.js:\d+/;

/** Starts the real bin, built by the global setup; `result` settles with its exit code and everything it wrote. */
function start(...args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  let err = '';
  child.stdout.on('data', (bytes: Buffer) => out.push(bytes));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
  const result = new Promise<{ code: number | null; out: Buffer; err: string }>((resolve) => child.once('close', (code) => resolve({ code, out: Buffer.concat(out), err })));
  /** Resolves once standard error shows `pattern`; rejects if the command ends first. */
  const stderrShows = (pattern: RegExp) => new Promise<void>((resolve, reject) => {
    child.stderr.on('data', () => pattern.test(err) && resolve());
    void result.then(() => reject(new Error(`ended without ${pattern}: ${err}`)));
  });
  return { child, result, stderrShows };
}

const run = (...args: string[]) => start(...args).result;

/** A small portfolio as the template makes it: id row, label row, organisations, then blank lines. */
function templateCsv(file: string): number {
  const columns = portfolioColumns(index, 'fr');
  const rows = examples.map((doc, i) => rowOf(index, `ORG-${i}`, doc));
  writeFileSync(file, `${stringify([columns.map((c) => c.id), columns.map((c) => c.label), ...rows])}\n\n`);
  return rows.length;
}

/** A portfolio long enough to be still running when the test acts: generated rows repeated (generating each costs more than scoring it). */
async function longPortfolio(file: string, rows: number): Promise<void> {
  const seedFile = `${file}.seed.csv`;
  await writePortfolio(index, seedFile, 500, 21);
  const text = readFileSync(seedFile, 'utf8');
  const bodyStart = text.indexOf('\n') + 1;
  writeFileSync(file, text.slice(0, bodyStart) + text.slice(bodyStart).repeat(rows / 500));
}

describe('impact-score batch: output that cannot be written, input that cannot be read', () => {
  it('when the output folder does not exist (CSV, JSON Lines, XLSX), then it says so in French before scoring, exits 2 and leaves no partial file', async () => {
    const d = dir();
    const input = join(d, 'in.csv');
    templateCsv(input);
    for (const ext of ['csv', 'jsonl', 'xlsx']) {
      const output = join(d, 'missing', `scores.${ext}`);
      const { code, err } = await run('batch', input, '-o', output, '--progress', 'lines');
      expect(code).toBe(2);
      expect(err).toBe(`impact-score: ${typeset(`impossible d’écrire ${output} : le dossier ${join(d, 'missing')} n’existe pas.`)}\n`);
      expect(existsSync(`${output}.partial`)).toBe(false);
    }
  });

  it('when the output is a folder, then it says so (in English with --lang en) before scoring, exits 2 and leaves the folder as it was', async () => {
    const d = dir();
    const input = join(d, 'in.csv');
    templateCsv(input);
    const output = join(d, 'scores.xlsx');
    mkdirSync(output);
    const { code, err } = await run('batch', input, '-o', output, '--lang', 'en', '--progress', 'lines');
    expect(code).toBe(2);
    expect(err).toBe(`impact-score: cannot write ${output}: it is a folder.\n`);
    expect(lstatSync(output).isDirectory()).toBe(true);
    expect(existsSync(`${output}.partial`)).toBe(false);
  });

  it('when the disk fills up while the results are written (CSV, XLSX), then the run stops with the reason, exits 2 and removes the partial file', async () => {
    const d = dir();
    const input = join(d, 'in.csv');
    await writePortfolio(index, input, 2000, 5);
    for (const ext of ['csv', 'xlsx']) {
      const output = join(d, `scores.${ext}`);
      // Linux's /dev/full opens fine and fails every write with ENOSPC: a disk that is full.
      symlinkSync('/dev/full', `${output}.partial`);
      const { code, err } = await run('batch', input, '-o', output, '--progress', 'none', '--workers', '1');
      expect(code).toBe(2);
      expect(err).toBe(`impact-score: ${typeset(`impossible d’écrire ${output} : disque plein.`)}\n`);
      expect(existsSync(output)).toBe(false);
      expect(() => lstatSync(`${output}.partial`)).toThrow(/ENOENT/);
    }
  });

  it('when the input file does not exist, then the message names it, in French or in English, and it exits 2', async () => {
    const d = dir();
    const input = join(d, 'absent.csv');
    const fr = await run('batch', input, '-o', join(d, 'scores.csv'));
    expect(fr.code).toBe(2);
    expect(fr.err).toBe(`impact-score: ${typeset(`impossible de lire ${input} : fichier introuvable.`)}\n`);
    const en = await run('batch', input, '-o', join(d, 'scores.csv'), '--lang', 'en');
    expect(en.err).toBe(`impact-score: cannot read ${input}: no such file.\n`);
    expect(en.err).not.toMatch(NO_STACK);
  });

  it('when the file has no id column, then the message names it and gives the reason in the asked language only', async () => {
    const d = dir();
    const input = join(d, 'sans-id.csv');
    writeFileSync(input, 'nom;score\nA;1\n');
    const fr = await run('batch', input, '-o', join(d, 'scores.csv'));
    expect(fr.code).toBe(2);
    expect(fr.err).toBe(`impact-score: ${input}: ${typeset('la première ligne doit nommer les colonnes, dont « id » : partez du modèle de portefeuille, qui les nomme toutes')}\n`);
    const en = await run('batch', input, '-o', join(d, 'scores.csv'), '--lang', 'en');
    expect(en.err).toBe(`impact-score: ${input}: the first row must name the columns, including "id": start from the portfolio template, which names them all\n`);
  });
});

describe('impact-score batch: incomplete rows', () => {
  it('when a row leaves a required question unanswered, then it is rejected naming the question (exit 1), and scored with --partial (exit 0)', async () => {
    const d = dir();
    const input = join(d, 'in.csv');
    const columns = portfolioColumns(index, 'fr').map((c) => c.id);
    const complete = rowOf(index, 'COMPLETE', examples[0]!);
    const incomplete = [...complete];
    incomplete[0] = 'INCOMPLETE';
    incomplete[columns.indexOf('inclusion-hires')] = '';
    writeFileSync(input, stringify([columns, complete, incomplete]));
    const strict = await run('batch', input, '-o', join(d, 'strict.csv'), '--progress', 'none');
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('2 lignes en');
    const rows = readResultsCsv(join(d, 'strict.csv'));
    expect(rows.map((r) => [r.id, r.error])).toEqual([['COMPLETE', ''], ['INCOMPLETE', `inclusion-hires: ${typeset('La question « inclusion-hires » attend une réponse (ou « n/a » si elle le permet).')}`]]);
    const partial = await run('batch', input, '-o', join(d, 'partial.csv'), '--progress', 'none', '--partial');
    expect(partial.code).toBe(0);
    const scored = readResultsCsv(join(d, 'partial.csv'));
    expect(scored.map((r) => [r.id, r.error, r.global !== ''])).toEqual([['COMPLETE', '', true], ['INCOMPLETE', '', true]]);
  });
});

describe('impact-score batch: rows a file leaves unreadable', () => {
  const readResults = (file: string) => readResultsCsv(file);

  it('when a CSV row opens a quote it never closes (mid-file, and on the last line), then that row is rejected with its number, every other row is scored, and it exits 1', async () => {
    const d = dir();
    const input = join(d, 'in.csv');
    const columns = portfolioColumns(index, 'fr').map((c) => c.id);
    const rows = examples.map((doc, i) => rowOf(index, `ORG-${i}`, doc));
    const lines = stringify([columns, ...rows], { delimiter: ';' }).trimEnd().split('\n');
    // Row 4 is typed with a quote opening a cell; the last line opens one at its end.
    const broken = [...rows[2]!];
    broken[columns.indexOf('inclusion-hires')] = '"10-24';
    lines.splice(3, 0, broken.join(';').replaceAll('\n', ' '));
    writeFileSync(input, `${lines.join('\n')}\nLAST;"sans fin`);
    const { code, err } = await run('batch', input, '-o', join(d, 'scores.csv'), '--progress', 'none');
    expect(err).not.toMatch(NO_STACK);
    expect(code).toBe(1);
    const out = readResults(join(d, 'scores.csv'));
    const last = examples.length + 3;
    expect(out.map((r) => [r.row, r.id, r.error === ''])).toEqual([
      ['2', 'ORG-0', true], ['3', 'ORG-1', true], ['4', '', false],
      ...examples.slice(2).map((_, i) => [String(5 + i), `ORG-${i + 2}`, true]),
      [String(last), '', false],
    ]);
    for (const row of [out[2]!, out.at(-1)!]) expect(row.error).toBe(typeset('—: guillemet (") ouvert dans cette ligne et jamais refermé : la ligne n’a pas pu être lue (les suivantes sont lues normalement). Dans une cellule, un guillemet s’écrit doublé ("").'));
  });

  it('when a JSON Lines file holds a line nested 100,000 deep, a line of 2 MB and a line that is not JSON, then each is rejected with its line number and the others are scored', async () => {
    const d = dir();
    const input = join(d, 'in.jsonl');
    const named = (name: string) => JSON.stringify({ ...examples[0]!, organisation: { name } });
    const deep = `{"profile":{},"answers":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const long = JSON.stringify({ ...examples[0]!, answers: { ...examples[0]!.answers, 'inclusion-evidence': 'x'.repeat(2_000_000) } });
    writeFileSync(input, [named('A'), deep, named('B'), long, named('C'), '{ pas du JSON', ''].join('\n'));
    const { code, err } = await run('batch', input, '-o', join(d, 'scores.csv'), '--progress', 'none', '--lang', 'en');
    expect(err).not.toMatch(NO_STACK);
    expect(code).toBe(1);
    const out = readResults(join(d, 'scores.csv'));
    expect(out.map((r) => [r.row, r.id, r.error!.replace(/: .*/s, '')])).toEqual([['1', 'A', ''], ['2', '', '—'], ['3', 'B', ''], ['4', '', '—'], ['5', 'C', ''], ['6', '', '—']]);
    expect(out[1]!.error).toBe('—: JSON nested more than 32 levels deep: not an answers document.');
    expect(out[3]!.error).toBe('—: row longer than 1,000,000 bytes: it could not be read.');
    expect(out[5]!.error).toMatch(/^—: Invalid JSON: /);
  });
});

describe('impact-score batch: workbooks read as Excel shows them', () => {
  const single = createScorer(loaded.value.content);
  const esus = loaded.value.examples.find((e) => e.file.endsWith('insertion-esus.json'))!.data;

  /** The XLSX template with rows typed in as Excel stores them: a percentage column's cells hold value / 100 in the column's percent format. */
  async function typedWorkbook(file: string, rows: { id: string; doc: AnswersDocument; cells?: Record<string, { value: ExcelJS.CellValue; numFmt?: string }> }[]): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateBytes(index, 'xlsx', 'fr')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const ids = (sheet.getRow(1).values as string[]).slice(1);
    rows.forEach(({ id, doc, cells = {} }, r) => {
      const row = sheet.getRow(3 + r);
      ids.forEach((column, i) => {
        const cell = row.getCell(i + 1);
        const question = index.profileFields.get(column) ?? index.questions.get(column)?.question;
        const answer = column === 'id' ? id : index.profileFields.has(column) ? doc.profile[column] : doc.answers[column];
        if (answer !== undefined) cell.value = question?.type === 'percentage' ? (answer as number) / 100 : Array.isArray(answer) ? answer.join('|') : answer;
        const typed = cells[column];
        if (!typed) return;
        cell.value = typed.value;
        if (typed.numFmt) cell.numFmt = typed.numFmt;
      });
    });
    await workbook.xlsx.writeFile(file);
  }

  it('when an example organisation is typed into the XLSX template with its percentages as percent cells (7 % stored as 0.07), then it scores exactly as its JSON answers do, global and every indicator', async () => {
    const d = dir();
    const input = join(d, 'portefeuille.xlsx');
    await typedWorkbook(input, [{ id: 'ESUS', doc: esus }]);
    // The template's percentage columns are percent-formatted, as Excel then stores what is typed there.
    const check = new ExcelJS.Workbook();
    await check.xlsx.readFile(input);
    const ids = (check.worksheets[0]!.getRow(1).values as string[]).slice(1);
    const percentages = ids.map((id, i) => [id, i] as const).filter(([id]) => index.questions.get(id)?.question.type === 'percentage');
    expect(percentages.length).toBe(4);
    for (const [id, i] of percentages) expect([id, check.worksheets[0]!.getRow(3).getCell(i + 1).numFmt]).toEqual([id, '0.0%']);

    const { code } = await run('batch', input, '-o', join(d, 'scores.csv'), '--progress', 'none');
    expect(code).toBe(0);
    const [out] = readResultsCsv(join(d, 'scores.csv'));
    const expected = await score(single, esus);
    if (!expected.ok) throw new Error('invalid example');
    expect(Number(out!.global)).toBe(expected.value.global);
    for (const pillar of expected.value.pillars) {
      for (const indicator of pillar.indicators) expect([indicator.id, out![indicator.id]]).toEqual([indicator.id, indicator.score === null ? '' : String(indicator.score)]);
    }
  });

  it('when a cell holds a date, or a plain number between 0 and 1 answers a percentage, or a percent cell answers a number, then the row is rejected saying which and why; a date in a note is kept', async () => {
    const d = dir();
    const input = join(d, 'portefeuille.xlsx');
    const date = new Date(Date.UTC(2026, 7, 31));
    await typedWorkbook(input, [
      // As Excel stores a date typed in a General cell: its serial number, formatted as a date.
      { id: 'DATE', doc: esus, cells: { 'gender-equality-index': { value: date, numFmt: 'dd/mm/yyyy' } } },
      { id: 'FRACTION', doc: esus, cells: { 'inclusion-disabled-rate': { value: 0.07, numFmt: 'General' } } },
      { id: 'PERCENT-FOR-NUMBER', doc: esus, cells: { 'gender-equality-index': { value: 0.85, numFmt: '0%' } } },
      { id: 'NOTE', doc: esus, cells: { 'inclusion-evidence': { value: date, numFmt: 'dd/mm/yyyy' } } },
    ]);
    for (const lang of ['fr', 'en'] as const) {
      const { code } = await run('batch', input, '-o', join(d, `scores-${lang}.csv`), '--progress', 'none', '--lang', lang);
      expect(code).toBe(1);
      const out = readResultsCsv(join(d, `scores-${lang}.csv`));
      expect(out.map((r) => [r.id, r.error])).toEqual(lang === 'fr'
        ? [
          ['DATE', `gender-equality-index: ${typeset('la cellule contient une date (31/08/2026), et cette question n’en attend pas : retapez la réponse (dans une cellule au format Texte s’il le faut).')}`],
          ['FRACTION', `inclusion-disabled-rate: ${typeset('0,07 peut vouloir dire 0,07 % ou 7 % : écrivez le pourcentage avec son signe (« 7 % » ou « 0,07 % »), ou en nombre de pour cent (7).')}`],
          ['PERCENT-FOR-NUMBER', `gender-equality-index: ${typeset('la cellule est au format pourcentage (85 %), et cette question attend un nombre (points sur 100) : écrivez-le dans une cellule sans format pourcentage.')}`],
          ['NOTE', ''],
        ]
        : [
          ['DATE', 'gender-equality-index: the cell holds a date (2026-08-31), and this question does not take one: type the answer again (in a cell formatted as Text if need be).'],
          ['FRACTION', 'inclusion-disabled-rate: 0.07 could mean 0.07% or 7%: write the percentage with its sign ("7%" or "0.07%"), or as a number of per cent (7).'],
          ['PERCENT-FOR-NUMBER', 'gender-equality-index: the cell is formatted as a percentage (85%), and this question takes a number (points out of 100): write it in a cell not formatted as a percentage.'],
          ['NOTE', ''],
        ]);
    }
  });
});

describe('impact-score batch: options named by their labels', () => {
  const mission = loaded.value.examples.find((e) => e.file.endsWith('mission-company.json'))!.data;

  /** A row naming each option by `label`, several joined by `separator`, as an advisor types them from the questionnaire. */
  function labelledRow(id: string, doc: AnswersDocument, label: (o: Option) => string, separator: string): string[] {
    return portfolioColumns(index, 'fr').map((c) => {
      if (c.kind === 'id') return id;
      const value = c.kind === 'profile' ? doc.profile[c.id] : c.kind === 'answer' ? doc.answers[c.id] : undefined;
      const options = c.question?.options;
      if (!options || value === undefined || value === 'n/a') return cellOf(value);
      const named = (v: string) => label(options.find((o) => o.value === v)!);
      return Array.isArray(value) ? value.map(named).join(separator) : named(value as string);
    });
  }

  it('when a French Excel CSV names options by their labels (Windows-1252, labels with commas joined by | or by commas, −30 % saved as ?30 % or -30 %), then every row scores as its answers do', async () => {
    const d = dir();
    const input = join(d, 'excel.csv');
    const columns = portfolioColumns(index, 'fr');
    expect(mission.answers['carbon-reduced-target']).toBe('quantified');
    expect(columns.find((c) => c.id === 'inclusion-practices')!.question!.options!.find((o) => o.value === (mission.answers['inclusion-practices'] as string[])[0])!.label.fr).toContain(',');
    const rows = [
      labelledRow('FR-PIPE', mission, (o) => o.label.fr, '|'),
      labelledRow('EN-COMMA', mission, (o) => o.label.en!, ', '),
      // Excel may write a character Windows-1252 lacks as its nearest (− as -) rather than as ?.
      labelledRow('FR-SEMICOLON', mission, (o) => o.label.fr.replace('\u2212', '-'), ' ; '),
    ];
    writeFileSync(input, iconv.encode(stringify([columns.map((c) => c.id), ...rows], { delimiter: ';', record_delimiter: 'windows' }), 'win1252'));
    expect(readFileSync(input, 'latin1')).toContain('par exemple ?30\u00a0%');
    const { code, err } = await run('batch', input, '-o', join(d, 'scores.csv'), '--progress', 'none');
    expect(err).toContain('3 notées, 0 rejetées');
    expect(code).toBe(0);
    const expected = await score(createScorer(loaded.value.content), mission);
    if (!expected.ok) throw new Error('invalid example');
    const out = readResultsCsv(join(d, 'scores.csv'));
    for (const row of out) {
      expect([row.id, Number(row.global)]).toEqual([row.id, expected.value.global]);
      for (const indicator of expected.value.pillars.flatMap((p) => p.indicators)) expect([row.id, indicator.id, row[indicator.id]]).toEqual([row.id, indicator.id, indicator.score === null ? '' : String(indicator.score)]);
    }
  });
});

describe('impact-score batch: progress and interruption', () => {
  it('when a template-made CSV (label row, blank lines) runs with --progress lines, then a progress line counts the organisations as the summary does', async () => {
    const d = dir();
    const input = join(d, 'in.csv');
    const rows = templateCsv(input);
    const { code, err } = await run('batch', input, '-o', join(d, 'scores.csv'), '--progress', 'lines', '--workers', '1');
    expect(code).toBe(0);
    // The first update is printed at once, so even a run shorter than the 2 s between lines has one.
    expect(err).toMatch(new RegExp(`^progression: \\d+ %, ${rows} lignes, \\d+ lignes/s$`, 'm'));
    expect(err).toContain(`${rows} lignes en `);
  });

  it('when Ctrl-C (SIGINT) reaches a running batch (CSV or XLSX out), then it exits 130 saying « interrompu » and leaves neither the output nor its partial file', async () => {
    const d = dir();
    const input = join(d, 'long.csv');
    await longPortfolio(input, 60_000);
    for (const ext of ['csv', 'xlsx']) {
      const output = join(d, `scores.${ext}`);
      const batch = start('batch', input, '-o', output, '--progress', 'lines', '--workers', '1');
      await batch.stderrShows(/^progression: /m);
      batch.child.kill('SIGINT');
      const { code, err } = await batch.result;
      expect(code).toBe(130);
      expect(err).toContain(`impact-score: ${typeset('interrompu ; aucun fichier de résultats écrit.')}`);
      expect(existsSync(output)).toBe(false);
      expect(existsSync(`${output}.partial`)).toBe(false);
    }
  });
});

describe('impact-score batch-template without -o', () => {
  it('when the CSV template is asked without -o, then it comes on standard output with the id row and the label row', async () => {
    const { code, out } = await run('batch-template', '--format', 'csv', '--lang', 'en');
    expect(code).toBe(0);
    const [ids, labels] = parse(out, { bom: true }) as string[][];
    expect(ids!.slice(0, 5)).toEqual(['id', 'name', 'organisation', 'siren', 'headcount']);
    expect(labels!.slice(0, 4)).toEqual(['Your reference (free text)', 'Organisation name', 'Organisation number in impact-score (to store the assessment there)', 'SIREN (9 digits; to store the assessment)']);
    // The help row says how to name several options in one cell, or none, and who the question is for.
    expect(labels![ids!.indexOf('inclusion-practices')]).toMatch(/ \(several answers separated by \|, "none" if none\) — only if "Headcount" is 1 or more$/);
  });

  it('when the XLSX template is asked without -o into a pipe, then the workbook comes on standard output', async () => {
    const { code, out } = await run('batch-template', '--format', 'xlsx');
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect((workbook.worksheets[0]!.getRow(1).values as string[]).slice(1, 6)).toEqual(['id', 'name', 'organisation', 'siren', 'headcount']);
  });

  it('when the help of batch or batch-template is asked, then it says which columns name the organisation to store into, the separator of several answers, how to write none, and how workbook cells are read', async () => {
    for (const command of ['batch', 'batch-template']) {
      const { code, out } = await run(command, '--help');
      expect(code).toBe(0);
      expect(out.toString()).toMatch(/organisation +n° de l’organisation dans impact-score/);
      expect(out.toString()).toContain('several answers separated by |');
      expect(out.toString()).toContain('« aucun » (ou « néant ») si aucune réponse ne s’applique ; une cellule vide est sans réponse /\n  "none" where no answer applies; an empty cell is no answer');
      expect(out.toString()).toContain('XLSX: a percentage is read by the cell\'s format (7% = 7)');
    }
  });

  it('when the XLSX template is asked without -o on a terminal, then it asks for -o and exits 2, writing nothing there', async () => {
    const written: (string | Uint8Array)[] = [];
    let err = '';
    const terminal = { out: (data: string | Uint8Array) => void written.push(data), err: (text: string) => void (err += text), outIsTerminal: true };
    expect(await batchTemplateCommand({ format: 'xlsx', lang: 'fr', delimiter: ',' }, terminal)).toBe(2);
    expect(written).toEqual([]);
    expect(err).toContain('donnez un fichier avec -o');
  });
});
