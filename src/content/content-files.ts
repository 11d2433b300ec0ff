import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One content file as read from disk; `path` is relative to the content root, with "/". */
export interface ContentFile {
  path: string;
  text: string;
}

export const CONTENT_FOLDERS = ['questionnaires', 'rules', 'data'] as const;

/** Reads every .json file under the content folders of `root`, sorted by path. */
export function readContentFiles(root: string): { files: ContentFile[]; missingFolders: string[] } {
  const files: ContentFile[] = [];
  const missingFolders: string[] = [];
  for (const folder of CONTENT_FOLDERS) {
    const dir = join(root, folder);
    if (!isDirectory(dir)) {
      missingFolders.push(folder);
      continue;
    }
    for (const file of listJsonFiles(dir)) {
      files.push({ path: relative(root, file).split(sep).join('/'), text: readFileSync(file, 'utf8') });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, missingFolders };
}

function listJsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listJsonFiles(full);
    return entry.isFile() && entry.name.endsWith('.json') ? [full] : [];
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
