import type { Issue } from '../core/issue.js';
import { bilingual, type LocalizedText } from '../core/text.js';

/**
 * A use case's expected failure, as a value. Kinds are about the domain; only src/http maps them
 * to statuses (not-found → 404, conflict → 409, …).
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict';

export interface AppError {
  kind: ErrorKind;
  code: string;
  message: LocalizedText;
  issues?: Issue[];
  /** For a conflict: the current state, so the client can merge instead of losing work. */
  current?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function fail(kind: ErrorKind, code: string, message: LocalizedText, extra: Pick<AppError, 'issues' | 'current'> = {}): { ok: false; error: AppError } {
  return { ok: false, error: { kind, code, message, ...extra } };
}

/** Also what a user gets for something that exists but is not theirs: nothing is revealed. */
export const notFound = (fr: string, en: string) => fail('not-found', 'not-found', bilingual(`${fr} introuvable.`, `${en} not found.`));

export const invalid = (issues: Issue[], message = bilingual('La requête contient des erreurs.', 'The request has errors.')) =>
  fail('invalid', 'invalid-request', message, { issues });
