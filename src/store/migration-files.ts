import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../content/package-root.js';

export type Dialect = 'sqlite' | 'postgres';

export interface MigrationFile {
  version: number;
  file: string;
  sql: string;
}

/**
 * The numbered SQL migrations of a dialect, in order. Each dialect has its own folder with the
 * same numbers (a test checks that both histories match and build the same tables and columns).
 */
export function migrationFiles(dialect: Dialect): MigrationFile[] {
  const folder = join(packageRoot(), 'src', 'store', 'migrations', dialect);
  return readdirSync(folder)
    .filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file))
    .map((file) => ({ file, version: Number.parseInt(file, 10), sql: readFileSync(join(folder, file), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}
