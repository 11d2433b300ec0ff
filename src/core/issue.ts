import type { Lang, LocalizedText } from './text.js';
import { localize } from './text.js';

/**
 * One problem found in content, answers or a request: the single shape used from content
 * loading to the HTTP API. `path` is a JSON Pointer into the document that has the problem.
 */
export interface Issue {
  code: string;
  path: string;
  message: LocalizedText;
  /** The content file, for content problems. */
  file?: string;
}

/** An issue as a user reads it, in one language. */
export interface IssueView {
  code: string;
  path: string;
  message: string;
  file?: string;
}

export function issue(code: string, path: string, message: LocalizedText, file?: string): Issue {
  return file === undefined ? { code, path, message } : { code, path, message, file };
}

export function viewIssue(item: Issue, lang: Lang): IssueView {
  const view: IssueView = { code: item.code, path: item.path, message: localize(item.message, lang) };
  if (item.file !== undefined) view.file = item.file;
  return view;
}

/** Stable order: by file, then path, then code, then message — so output diffs stay readable. */
export function sortIssues(items: readonly Issue[]): Issue[] {
  const key = (i: Issue) => [i.file ?? '', i.path, i.code, i.message.fr];
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let n = 0; n < ka.length; n++) {
      const c = compareText(ka[n]!, kb[n]!);
      if (c !== 0) return c;
    }
    return 0;
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Appends a segment to a JSON Pointer, escaping as RFC 6901 says. */
export function pointer(base: string, ...segments: (string | number)[]): string {
  let path = base;
  for (const segment of segments) {
    const s = String(segment);
    path += `/${s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s}`;
  }
  return path;
}

/** A computation that either gives a value or the list of problems that prevented it. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
