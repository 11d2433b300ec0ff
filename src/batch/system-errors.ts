import { bilingual, localize, type Lang, type LocalizedText } from '../core/text.js';

// The system's error codes, said as a user would: what to fix, not which call failed.
export const COMMON: Record<string, LocalizedText> = {
  EISDIR: bilingual('c’est un dossier', 'it is a folder'),
  EACCES: bilingual('accès refusé', 'permission denied'),
  EPERM: bilingual('accès refusé', 'permission denied'),
  ENOTDIR: bilingual('un élément du chemin n’est pas un dossier', 'part of the path is not a folder'),
  ENAMETOOLONG: bilingual('nom trop long', 'name too long'),
  ELOOP: bilingual('trop de liens symboliques', 'too many symbolic links'),
};

export const WRITING: Record<string, LocalizedText> = {
  ...COMMON,
  EROFS: bilingual('système de fichiers en lecture seule', 'read-only file system'),
  ENOSPC: bilingual('disque plein', 'disk full'),
  EDQUOT: bilingual('quota disque dépassé', 'disk quota exceeded'),
};

/** A system error code as a user would say it: what to fix, not which call failed. */
export function reasonOf(table: Record<string, LocalizedText>, code: string | undefined): LocalizedText {
  return table[code ?? ''] ?? bilingual(`erreur système ${code ?? 'inconnue'}`, `system error ${code ?? 'unknown'}`);
}

/** The same in one language. */
export function reason(table: Record<string, LocalizedText>, code: string | undefined, lang: Lang): string {
  return localize(reasonOf(table, code), lang);
}
