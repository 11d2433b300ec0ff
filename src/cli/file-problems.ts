import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { bilingual, localize, type Lang, type LocalizedText } from '../core/text.js';
import { COMMON, reasonOf, WRITING } from '../batch/system-errors.js';

/** The line saying why the file named on the command line cannot be read. */
export function cannotRead(file: string, code: string | undefined, lang: Lang): string {
  const why = code === 'ENOENT' ? bilingual('fichier introuvable', 'no such file') : reasonOf(COMMON, code);
  return line(bilingual(`impossible de lire ${file} : ${localize(why, 'fr')}.`, `cannot read ${file}: ${localize(why, 'en')}.`), lang);
}

// ENOENT on creating a file: its folder is missing, or is one where nothing can be created (/proc).
function missingFolder(folder: string): LocalizedText {
  return existsSync(folder)
    ? bilingual(`impossible de créer un fichier dans ${folder}`, `no file can be created in ${folder}`)
    : bilingual(`le dossier ${folder} n’existe pas`, `folder ${folder} does not exist`);
}

/** The line saying why the output named on the command line cannot be written. */
export function cannotWrite(file: string, code: string | undefined, lang: Lang): string {
  const why = code === 'ENOENT' ? missingFolder(dirname(file)) : reasonOf(WRITING, code);
  return line(bilingual(`impossible d’écrire ${file} : ${localize(why, 'fr')}.`, `cannot write ${file}: ${localize(why, 'en')}.`), lang);
}

/** A message of the command's, as it prints it on a line of its own. */
export function line(text: LocalizedText, lang: Lang): string {
  return `impact-score: ${localize(text, lang)}\n`;
}

/**
 * Why an input file cannot be read (its error code), or undefined when it can: checked before any
 * work starts, since a folder opens without error on Linux and fails only at the first read.
 */
export function inputProblem(file: string): string | undefined {
  try {
    if (statSync(file).isDirectory()) return 'EISDIR';
    closeSync(openSync(file, 'r'));
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EIO';
  }
}
