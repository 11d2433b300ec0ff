import type { Question } from '../core/content-model.js';
import { bilingual, localize, type Lang, type LocalizedText } from '../core/text.js';
import { noneWithOthers } from './none-answer.js';
import { cellParser } from './parse-cell.js';

/** What a workbook cell gives its column: the value the cell parser reads, or why it is refused (the code and message). */
export type XlsxRead = { value: unknown } | { refused: { code: string; message: LocalizedText } };

/**
 * A workbook cell's value (as exceljs' streaming reader gives it, styles cached) read by its number
 * format (`numFmt`, asked only of numbers), as the person who filled it sees it: a cell typed
 * « 7 % » holds 0.07 shown as a percentage, so for a percentage question it answers 7. A number
 * that could mean either is refused, never guessed: for a percentage question, a plain number
 * strictly between 0 and 1 (0.07 is 0.07 % as written, but also 7 % written as a fraction). 0 is
 * the same both ways, and 1 or more is read as per cent: a fraction of 1 (100 %) is rarely typed,
 * and refusing 1 would refuse the common 1 %. A date answers only a text
 * question (a note); anywhere else it is refused, saying it is a date, since no question takes one
 * (a number or an option Excel turned into a date, such as 12/5). `formatsKnown` is false when the
 * workbook's styles came after its sheet, so that no cell's format could be read: then no number
 * in a percentage column can be told apart. A multiple-choice cell saying « aucun » with other
 * answers is refused too, as it would be in a CSV.
 */
export function readXlsxCell(value: unknown, numFmt: () => string | undefined, question: Question | undefined, formatsKnown = true): XlsxRead {
  const raw = plainValue(value);
  if (raw instanceof Date) return !question || question.type === 'text' ? { value: dateText(raw, 'en') } : { refused: { code: 'cell-holds-date', message: holdsDate(raw) } };
  if (typeof raw !== 'number') return textRead(raw, question);
  const percent = isPercentFormat(numFmt());
  if (question?.type === 'percentage') {
    if (!formatsKnown) return { refused: { code: 'cell-format-unknown', message: FORMATS_UNKNOWN } };
    if (percent) return { value: hundredfold(raw) };
    return raw > 0 && raw < 1 ? { refused: { code: 'percent-or-fraction', message: eitherPercentOrFraction(raw) } } : { value: raw };
  }
  if (!percent) return { value: raw };
  // A percentage where a number is asked: which of the two figures is meant is not known.
  if (question?.type === 'number') return { refused: { code: 'percent-for-number', message: percentForNumber(raw, question) } };
  // Elsewhere it is text as shown, for the cell parser to read or validation to name.
  return { value: `${decimal(hundredfold(raw), 'fr')} %` };
}

// A text is read by the cell parser, except « aucun » with other answers, refused (see none-answer.ts).
function textRead(raw: unknown, question: Question | undefined): XlsxRead {
  const refused = question && noneWithOthers(question, raw, parserOf(question));
  return refused ? { refused } : { value: raw };
}

// The texts a column's cells repeat (the none option's label among them) are read once.
const parsers = new WeakMap<Question, (raw: unknown) => unknown>();

function parserOf(question: Question): (raw: unknown) => unknown {
  let parse = parsers.get(question);
  if (!parse) parsers.set(question, (parse = cellParser(question)));
  return parse;
}

/** A header cell's text (a column's name). */
export function xlsxText(value: unknown): string {
  const raw = plainValue(value);
  return raw instanceof Date ? dateText(raw, 'en') : String(raw ?? '').trim();
}

// Rich text, hyperlinks, formulas (their result), errors (no value).
function plainValue(value: unknown): unknown {
  if (value === null || value === undefined || value instanceof Date || typeof value !== 'object') return value ?? null;
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return plainValue(v.result);
  if (v.text !== undefined) return plainValue(v.text);
  return null;
}

/**
 * Whether an Excel number format shows its number as a percentage: a % sign outside quoted
 * text ("…"), escaped characters (\%) and bracketed parts ([Red], [$-40C]) multiplies by 100.
 */
function isPercentFormat(format: string | undefined): boolean {
  if (!format || !format.includes('%')) return false;
  return format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').includes('%');
}

// Every digit the cell holds: rounded, 0.999 would read 1.
function decimal(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 12 });
}

// 0.07 × 100 is 7.000000000000001 in binary: rounded to 15 significant digits, it is 7 again.
function hundredfold(n: number): number {
  return Number((n * 100).toPrecision(15));
}

function dateText(date: Date, lang: Lang): string {
  const iso = date.toISOString();
  const day = lang === 'fr' ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso.slice(0, 10);
  const time = iso.slice(11, 16);
  return time === '00:00' ? day : `${day} ${time}`;
}

function holdsDate(date: Date): LocalizedText {
  return bilingual(
    `la cellule contient une date (${dateText(date, 'fr')}), et cette question n’en attend pas : retapez la réponse (dans une cellule au format Texte s’il le faut).`,
    `the cell holds a date (${dateText(date, 'en')}), and this question does not take one: type the answer again (in a cell formatted as Text if need be).`,
  );
}

function eitherPercentOrFraction(n: number): LocalizedText {
  const [fr, en] = [decimal(n, 'fr'), decimal(n, 'en')];
  const [frPercent, enPercent] = [decimal(hundredfold(n), 'fr'), decimal(hundredfold(n), 'en')];
  return bilingual(
    `${fr} peut vouloir dire ${fr} % ou ${frPercent} % : écrivez le pourcentage avec son signe (« ${frPercent} % » ou « ${fr} % »), ou en nombre de pour cent (${frPercent}).`,
    `${en} could mean ${en}% or ${enPercent}%: write the percentage with its sign ("${enPercent}%" or "${en}%"), or as a number of per cent (${enPercent}).`,
  );
}

function percentForNumber(n: number, question: Question): LocalizedText {
  const unit = (lang: Lang) => (question.unit ? ` (${localize(question.unit, lang)})` : '');
  const [fr, en] = [decimal(hundredfold(n), 'fr'), decimal(hundredfold(n), 'en')];
  return bilingual(
    `la cellule est au format pourcentage (${fr} %), et cette question attend un nombre${unit('fr')} : écrivez-le dans une cellule sans format pourcentage.`,
    `the cell is formatted as a percentage (${en}%), and this question takes a number${unit('en')}: write it in a cell not formatted as a percentage.`,
  );
}

const FORMATS_UNKNOWN = bilingual(
  'le format de cette cellule n’a pas pu être lu (ce classeur range ses styles après sa feuille) : enregistrez-le à nouveau avec Excel ou LibreOffice.',
  'the format of this cell could not be read (this workbook stores its styles after its sheet): save it again with Excel or LibreOffice.',
);
