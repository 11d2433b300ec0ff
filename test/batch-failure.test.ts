import { describe, expect, it } from 'vitest';
import { BatchFailed, failureOf, serverDetail } from '../src/batch/batch-job-worker.js';
import { unreadableFile, unwritableResults } from '../src/batch/batch-file-error.js';
import { bilingual } from '../src/core/text.js';

const SERVER_PATH = '/srv/impact/var/batches/7/scores.csv.partial';
const systemError = (code: string) => Object.assign(new Error(`${code}: failed, open '${SERVER_PATH}'`), { code });

describe('why a batch sent through the API failed', () => {
  it('when the file sent cannot be read, then the reason is given in the batch language, without the server file, and nothing is logged', () => {
    const error = unreadableFile(SERVER_PATH, 'empty-file', bilingual('fichier vide', 'empty file'));
    expect([failureOf(error, 'fr'), failureOf(error, 'en')]).toEqual([{ code: 'empty-file', path: '', message: 'fichier vide' }, { code: 'empty-file', path: '', message: 'empty file' }]);
    expect(serverDetail(error)).toBe('');
  });

  it('when the results cannot be written, then the reason is said by its code in the batch language, without the server path', () => {
    const full = unwritableResults(SERVER_PATH, systemError('ENOSPC'));
    expect(failureOf(full, 'fr')).toEqual({ code: 'results-unwritable', path: '', message: 'le serveur n’a pas pu écrire les résultats\u00a0: disque plein' });
    expect(failureOf(full, 'en').message).toBe('the server could not write the results: disk full');
    expect(full.issue).toMatchObject({ code: 'results-unwritable', path: '' });
    expect(serverDetail(full)).toContain(SERVER_PATH);
  });

  it('when anything else fails, then the user reads an internal error and the server log keeps the stack', () => {
    const bug = new TypeError(`cannot read ${SERVER_PATH}`);
    expect(failureOf(bug, 'fr')).toEqual({ code: 'internal-error', path: '', message: 'le calcul du lot a échoué sur le serveur (erreur interne)' });
    expect(failureOf(bug, 'en').message).not.toContain(SERVER_PATH);
    expect(serverDetail(bug)).toContain('TypeError');
    // Already said in the worker thread: passed on as it is.
    const said = { code: 'results-unwritable', path: '', message: 'disque plein' };
    expect(failureOf(new BatchFailed(said, serverDetail(bug)), 'en')).toEqual(said);
  });
});
