import { issue, type Issue } from '../core/issue.js';
import { bilingual, localize, type LocalizedText } from '../core/text.js';
import { reasonOf, WRITING } from './system-errors.js';

/**
 * A portfolio file the batch cannot read, or results it cannot write: the batch stops with this.
 * Its issue says why as the person who sent the file reads it, without naming the file (the API's
 * files are the server's); `file` is for the command, which names it, and `system` is the
 * system's error code when the system refused.
 */
export class BatchFileError extends Error {
  constructor(
    readonly issue: Issue,
    readonly file: string,
    readonly system?: string,
  ) {
    super(`${file}: ${issue.message.fr}`);
  }
}

/** A portfolio file that cannot be read: why, in each language. */
export function unreadableFile(file: string, code: string, why: LocalizedText): BatchFileError {
  return new BatchFileError(issue(code, '', why), file);
}

/** Results the system refused to write (a missing folder, no permission, a full disk): why, as a user would say it. */
export function unwritableResults(file: string, cause: NodeJS.ErrnoException): BatchFileError {
  const why = reasonOf(WRITING, cause.code);
  const error = new BatchFileError(issue('results-unwritable', '', bilingual(`le serveur n’a pas pu écrire les résultats : ${localize(why, 'fr')}`, `the server could not write the results: ${localize(why, 'en')}`)), file, cause.code);
  error.cause = cause;
  return error;
}
