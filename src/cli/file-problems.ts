import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { bilingual, localize, type Lang, type LocalizedText } from '../core/text.js';

// The system's error codes, said as a user would: what to fix, not which call failed.
const COMMON: Record<string, LocalizedText> = {
  EISDIR: bilingual('c’est un dossier', 'it is a folder'),
  EACCES: bilingual('accès refusé', 'permission denied'),
  EPERM: bilingual('accès refusé', 'permission denied'),
  ENOTDIR: bilingual('un élément du chemin n’est pas un dossier', 'part of the path is not a folder'),
  ENAMETOOLONG: bilingual('nom trop long', 'name too long'),
  ELOOP: bilingual('trop de liens symboliques', 'too many symbolic links'),
};

const WRITING: Record<string, LocalizedText> = {
  ...COMMON,
  EROFS: bilingual('système de fichiers en lecture seule', 'read-only file system'),
  ENOSPC: bilingual('disque plein', 'disk full'),
  EDQUOT: bilingual('quota disque dépassé', 'disk quota exceeded'),
};

function reason(table: Record<string, LocalizedText>, code: string | undefined, lang: Lang): string {
  const known = code === undefined ? undefined : table[code];
  return known ? localize(known, lang) : lang === 'fr' ? `erreur système ${code ?? 'inconnue'}` : `system error ${code ?? 'unknown'}`;
}

/** The line saying why the file named on the command line cannot be read. */
export function cannotRead(file: string, code: string | undefined, lang: Lang): string {
  const why = code === 'ENOENT' ? localize(bilingual('fichier introuvable', 'no such file'), lang) : reason(COMMON, code, lang);
  return lang === 'fr' ? `impact-score: impossible de lire ${file} : ${why}.\n` : `impact-score: cannot read ${file}: ${why}.\n`;
}

// ENOENT on creating a file: its folder is missing, or is one where nothing can be created (/proc).
function missingFolder(folder: string): LocalizedText {
  return existsSync(folder)
    ? bilingual(`impossible de créer un fichier dans ${folder}`, `no file can be created in ${folder}`)
    : bilingual(`le dossier ${folder} n’existe pas`, `folder ${folder} does not exist`);
}

/** The line saying why the output named on the command line cannot be written. */
export function cannotWrite(file: string, code: string | undefined, lang: Lang): string {
  const why = code === 'ENOENT' ? localize(missingFolder(dirname(file)), lang) : reason(WRITING, code, lang);
  return lang === 'fr' ? `impact-score: impossible d’écrire ${file} : ${why}.\n` : `impact-score: cannot write ${file}: ${why}.\n`;
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
