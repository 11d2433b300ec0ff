import { viewIssue, type Issue } from '../core/issue.js';
import type { Lang } from '../core/text.js';

/** Problems one per line, as `file → /json/path: message`; the caller sorts them. */
export function renderIssues(issues: readonly Issue[], lang: Lang, file?: string): string {
  return issues
    .map((i) => viewIssue(i, lang))
    .map((i) => `${i.file ?? file ?? ''} → ${i.path || '/'}: ${i.message} [${i.code}]`)
    .join('\n') + '\n';
}
