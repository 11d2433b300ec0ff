import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of this package (where package.json, schemas/ and the default content live),
 * found from this file's location so it works from src/ (tests) and from dist/ (the bin).
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'schemas'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('impact-score: cannot find the package root (package.json beside schemas/)');
    dir = parent;
  }
  return dir;
}
