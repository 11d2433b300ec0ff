import type { Response } from 'express';
import type { AppError, ErrorKind } from '../app/app-error.js';
import { viewIssue, type Issue } from '../core/issue.js';
import { localize, type Lang, type LocalizedText } from '../core/text.js';

/** The one error shape of the API: `{ error: { code, message, issues: [{ path, message, code }] } }`. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    issues: { path: string; message: string; code: string }[];
    current?: unknown;
    requestId?: string;
  };
}

const STATUS: Record<ErrorKind, number> = {
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
};

export function sendError(res: Response, status: number, code: string, message: LocalizedText, lang: Lang, issues: readonly Issue[] = [], extra: Partial<ApiErrorBody['error']> = {}): void {
  const body: ApiErrorBody = {
    error: {
      code,
      message: localize(message, lang),
      issues: issues.map((i) => {
        const v = viewIssue(i, lang);
        return { path: v.path, message: v.message, code: v.code };
      }),
      ...extra,
    },
  };
  res.status(status).json(body);
}

/** Codes whose status says more than their kind's: limits reached, storage down, files gone. */
const BY_CODE: Record<string, number> = {
  'upload-too-large': 413,
  'batch-quota-exceeded': 413,
  'too-many-batches': 429,
  'storage-unavailable': 503,
  'results-removed': 410,
  unpublished: 410,
  'upload-aborted': 400,
};

export function sendAppError(res: Response, error: AppError, lang: Lang): void {
  sendError(res, BY_CODE[error.code] ?? STATUS[error.kind], error.code, error.message, lang, error.issues ?? [], error.current === undefined ? {} : { current: error.current });
}
