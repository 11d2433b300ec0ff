import { createHash } from 'node:crypto';
import type { ContentFile } from './content-files.js';

/**
 * The content version: the version authors declare, plus a hash of every content file, so any
 * change to any file gives a new version and a stored score can always be traced to its content.
 */
export function contentVersion(declared: string, files: readonly ContentFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    // Line endings are normalised so a checkout on Windows gives the same version.
    hash.update(file.path).update('\0').update(file.text.replace(/\r\n/g, '\n')).update('\0');
  }
  return `${declared}+${hash.digest('hex').slice(0, 12)}`;
}
