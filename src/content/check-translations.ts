import { issue, pointer, type Issue } from '../core/issue.js';
import { bilingual } from '../core/text.js';

/** Every text with French but no English, anywhere in a content file. */
export function checkTranslations(data: unknown, file: string, path = ''): Issue[] {
  if (Array.isArray(data)) return data.flatMap((item, i) => checkTranslations(item, file, pointer(path, i)));
  if (data === null || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  if (isText(record)) {
    if (typeof record.en === 'string' && record.en.trim() !== '') return [];
    return [issue('missing-translation', path, bilingual(
      `Traduction anglaise manquante pour « ${String(record.fr).slice(0, 60)} ».`,
      `Missing English translation of "${String(record.fr).slice(0, 60)}".`,
    ), file)];
  }
  return Object.entries(record).flatMap(([key, value]) => checkTranslations(value, file, pointer(path, key)));
}

function isText(record: Record<string, unknown>): boolean {
  return typeof record.fr === 'string' && Object.keys(record).every((k) => k === 'fr' || k === 'en');
}
