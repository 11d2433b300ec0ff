import { stringify as stringifySync } from 'csv-stringify/sync';
import type { ResultWords } from './result-words.js';
import { columnOf } from './row-problems.js';
import type { WrittenResult } from './row-result.js';

/**
 * Rows written as the output file holds them (CSV or JSON Lines), in the workers; apart from the writers, so that a
 * worker does not load exceljs.
 */

export interface OutputLayout {
  pillars: string[];
  indicators: string[];
  suggestions: number;
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) is prefixed with
 * an apostrophe: an identifier sent by someone else must never execute in an advisor's Excel.
 */
export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The columns scripts read, with ids and codes: an XLSX's last columns (the CSV's before issue #25). */
export function codeHeaderOf(layout: OutputLayout): string[] {
  return ['row', 'id', 'global', ...layout.pillars, ...layout.indicators, ...numbered('suggestion', layout.suggestions), 'error'];
}

export function codeCellsOf(layout: OutputLayout, r: WrittenResult): (string | number | null)[] {
  const cells: (string | number | null)[] = [r.row, safeCell(r.id), r.ok ? r.global : null];
  for (const p of layout.pillars) cells.push(r.ok ? r.pillars[p] ?? null : null);
  for (const i of layout.indicators) cells.push(r.ok ? r.indicators[i] ?? null : null);
  for (let i = 0; i < layout.suggestions; i++) cells.push(r.ok ? r.suggestions[i] ?? null : null);
  cells.push(errorCell(r));
  return cells;
}

/**
 * A CSV's columns: the row, the organisation's name, the reference and the scores, each suggested
 * action by its title with its gain, the problems in words; then, for scripts, the actions' ids and
 * the problems with their columns' codes.
 */
export function csvHeaderOf(layout: OutputLayout): string[] {
  const actions = Array.from({ length: layout.suggestions }, (_, k) => [`action_${k + 1}`, `gain_${k + 1}`]).flat();
  return ['row', 'name', 'id', 'global', ...layout.pillars, ...layout.indicators, ...actions, 'problems', ...numbered('suggestion', layout.suggestions), 'error'];
}

export function csvCellsOf(layout: OutputLayout, r: WrittenResult, words: ResultWords): (string | number | null)[] {
  const cells: (string | number | null)[] = [r.row, r.name ? safeCell(r.name) : null, safeCell(r.id), r.ok ? r.global : null];
  for (const p of layout.pillars) cells.push(r.ok ? r.pillars[p] ?? null : null);
  for (const i of layout.indicators) cells.push(r.ok ? r.indicators[i] ?? null : null);
  for (let k = 0; k < layout.suggestions; k++) {
    const action = r.ok ? r.suggestions[k] : undefined;
    cells.push(action ? words.action(action) : null, action && r.ok ? oneDecimal(r.gains[k]!) : null);
  }
  const problems = r.ok ? r.warnings : r.problems;
  cells.push(problems && problems.length > 0 ? safeCell(problems.map((p) => words.problem(p)).join(' | ')) : null);
  for (let k = 0; k < layout.suggestions; k++) cells.push(r.ok ? r.suggestions[k] ?? null : null);
  cells.push(errorCell(r));
  return cells;
}

/** A gain as a results CSV shows it: to one decimal, as scores are. */
export function oneDecimal(n: number): number {
  return Math.round(n * 10) / 10;
}

function errorCell(r: WrittenResult): string | null {
  const problems = r.ok ? r.warnings : r.problems;
  return problems ? safeCell(problems.map((p) => `${columnOf(p.path)}: ${p.message}`).join(' | ')) : null;
}

const numbered = (name: string, count: number) => Array.from({ length: count }, (_, k) => `${name}_${k + 1}`);

/** How rows become text for a CSV or JSON Lines output: what a worker needs to format the rows it scores. */
export type TextFormat = { format: 'csv'; layout: OutputLayout; delimiter: string; decimal?: Decimal } | { format: 'jsonl' };

/** The decimal separator of numbers in a CSV: a comma for French Excel, which reads 77.3 as text. */
export type Decimal = '.' | ',';

/** The text format of an output (XLSX has none: its rows are written as cells). */
export function textFormatOf(format: 'csv' | 'jsonl' | 'xlsx', layout: OutputLayout, delimiter = ',', decimal: Decimal = '.'): TextFormat | undefined {
  return format === 'csv' ? { format, layout, delimiter, ...(decimal !== '.' && { decimal }) } : format === 'jsonl' ? { format } : undefined;
}

/** Rows as the output file holds them, one line each: called in the workers, so the main thread only writes. */
export function formatRows(text: TextFormat, results: readonly WrittenResult[], words: ResultWords): string {
  let out = '';
  for (const result of results) {
    const written = withoutDocument(result);
    out += text.format === 'jsonl' ? `${JSON.stringify(written)}\n` : csvLine(csvCellsOf(text.layout, written, words), text.delimiter, text.decimal);
  }
  return out;
}

// The answers kept for storage go to the caller, never into the results file.
function withoutDocument(result: WrittenResult): WrittenResult {
  if (!result.ok || !result.kept) return result;
  const { kept: _kept, ...written } = result;
  return written;
}

const STRINGIFY = { cast: { number: (n: number) => String(n) } };

// Scores have one decimal from 0 to 100: their texts, made once (String of a fraction is slow).
const SCORE_TEXTS = { '.': Array.from({ length: 1001 }, (_, k) => String(k / 10)), ',': Array.from({ length: 1001 }, (_, k) => String(k / 10).replace('.', ',')) };

/** A number as String writes it (with a decimal comma if asked), from SCORE_TEXTS when it is a score. */
export function numberText(n: number, decimal: Decimal = '.'): string {
  const k = Math.round(n * 10);
  if (k >= 0 && k <= 1000 && k / 10 === n && !Object.is(n, -0)) return SCORE_TEXTS[decimal][k]!;
  return decimal === '.' ? String(n) : String(n).replace('.', decimal);
}

/** One CSV record as csv-stringify writes it (tested): a record needing no quotes is its cells joined, without calling it. */
export function csvLine(cells: readonly (string | number | null)[], delimiter: string, decimal: Decimal = '.'): string {
  if (delimiter.length === 1) {
    let line = '';
    let plain = true;
    for (let i = 0; i < cells.length && plain; i++) {
      const cell = cells[i]!;
      const text = typeof cell === 'number' ? numberText(cell, decimal) : cell === null ? '' : cell;
      plain = text.indexOf(delimiter) < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
      line += i === 0 ? text : delimiter + text;
    }
    if (plain) return `${line}\n`;
  }
  return stringifySync([cells], { ...(decimal === '.' ? STRINGIFY : { cast: { number: (n: number) => numberText(n, decimal) } }), delimiter });
}

