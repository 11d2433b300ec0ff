import iconv from 'iconv-lite';
import type { Question } from '../core/content-model.js';

/** The separator the template and the docs give for several options in one cell: no label holds one, in either language. */
export const OPTION_SEPARATOR = '|';

/**
 * A text as labels are compared: typographic characters as typed on a keyboard (minus signs and
 * dashes as -, ’ ‘ as ', “ ” « » as "), compatibility forms folded (non-breaking and narrow
 * spaces, …), lower case, and no spaces nor ? at all: French typography puts spaces where English
 * does not (« 5 % », « a ; b »), and ? is what a file re-saved in Windows-1252 holds for a
 * character that encoding lacks (−30 % became ?30 %).
 */
function labelKey(text: string): string {
  return text
    .replace(/[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]/g, '-')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc`]/g, "'")
    .replace(/[\u201c-\u201f\u2033\u00ab\u00bb]/g, '"')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s?]/g, '');
}

/** A label as a file re-saved in Windows-1252 (French Excel's CSV) holds it: each character that encoding lacks becomes ?. */
function asWindows1252(label: string): string {
  return iconv.decode(iconv.encode(label, 'win1252'), 'win1252');
}

// The options of a question by key; null where two options share one (then neither is matched by it).
const keys = new WeakMap<Question, Map<string, string | null>>();

/** The value of the option a text names whole (its value, or its label in either language, as labelKey compares them), or undefined. */
export function optionNamed(question: Question, text: string): string | undefined {
  let byKey = keys.get(question);
  if (!byKey) keys.set(question, (byKey = optionKeys(question)));
  return byKey.get(labelKey(text)) ?? undefined;
}

function optionKeys(question: Question): Map<string, string | null> {
  const byKey = new Map<string, string | null>();
  for (const option of question.options ?? []) {
    const labels = [option.label.fr, ...(option.label.en === undefined ? [] : [option.label.en])];
    for (const text of [option.value, ...labels, ...labels.map(asWindows1252)]) {
      const key = labelKey(text);
      byKey.set(key, byKey.has(key) && byKey.get(key) !== option.value ? null : option.value);
    }
  }
  return byKey;
}

const SEPARATORS = /([|;,])/;

/**
 * The options a multiple-choice cell names, each by `name` (the value of the option a piece of
 * text names whole, or undefined): whole labels first, so that labels holding commas or semicolons
 * are read as they are. The cell is cut at every | (the documented separator) and, where the text
 * between them does not name an option whole, at ; and , too, each run of pieces rejoined as long
 * as it names an option (longest first). Undefined when there is no such reading.
 */
export function optionsNamed(text: string, name: (piece: string) => string | undefined): string[] | undefined {
  const parts = text.split(SEPARATORS);
  // parts: piece, separator, piece, …; pieces are at even positions.
  const memo = new Map<number, string[] | undefined>();
  const from = (start: number): string[] | undefined => {
    if (start >= parts.length) return [];
    if (memo.has(start)) return memo.get(start);
    let found: string[] | undefined;
    // The longest run first; a run never spans a |.
    let end = start;
    while (end + 2 < parts.length && parts[end + 1] !== OPTION_SEPARATOR) end += 2;
    for (; end >= start && !found; end -= 2) {
      const piece = parts.slice(start, end + 1).join('').trim();
      const value = piece === '' ? null : name(piece);
      if (value === undefined) continue;
      const rest = from(end + 2);
      if (rest) found = value === null ? rest : [value, ...rest];
    }
    memo.set(start, found);
    return found;
  };
  return from(0);
}
