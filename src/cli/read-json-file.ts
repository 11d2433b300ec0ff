import { readFileSync } from 'node:fs';
import { issue, type Outcome } from '../core/issue.js';
import { bilingual } from '../core/text.js';

/** Reads and parses a JSON file named on the command line; failures become issues, not stacks. */
export function readJsonFile(file: string): Outcome<unknown> & { unreadable?: boolean } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      ok: false,
      unreadable: true,
      issues: [issue('unreadable-file', '', bilingual(`Impossible de lire le fichier (${reason}).`, `Cannot read the file (${reason}).`), file)],
    };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    const detail = (error as Error).message;
    return { ok: false, issues: [issue('invalid-json', '', bilingual(`JSON invalide : ${detail}`, `Invalid JSON: ${detail}`), file)] };
  }
}
