import type { Request } from 'express';
import { DEFAULT_LANG, isLang, type Lang } from '../core/text.js';

/** French unless `?lang=en`, or the browser prefers English over French. */
export function requestLang(req: Request): Lang {
  const query = req.query.lang;
  if (isLang(query)) return query;
  const accepted = req.acceptsLanguages('fr', 'en');
  return isLang(accepted) ? accepted : DEFAULT_LANG;
}
