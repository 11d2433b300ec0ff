import { createHash } from 'node:crypto';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

export type Received =
  | { kind: 'stored'; bytes: number; hash: string }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'unwritable'; code: string | undefined }
  | { kind: 'aborted' };

/**
 * Writes an upload to `path` as it arrives, never holding it in memory, and hashes it on the way
 * (the hash identifies the file). Past `limit` bytes, or once the disk refuses a write, the rest is
 * read and dropped, so the sender still gets an answer; the partial file is removed.
 */
export async function receiveFile(source: AsyncIterable<Buffer>, path: string, limit: number): Promise<Received> {
  const hash = createHash('sha256');
  let bytes = 0;
  let failure: Received | undefined;
  let file: FileHandle | undefined;
  try {
    await mkdir(dirname(path), { recursive: true });
    file = await open(path, 'w');
  } catch (error) {
    failure = { kind: 'unwritable', code: (error as NodeJS.ErrnoException).code };
  }
  try {
    for await (const chunk of source) {
      bytes += chunk.length;
      if (failure) continue;
      if (bytes > limit) {
        failure = { kind: 'too-large', bytes };
        continue;
      }
      hash.update(chunk);
      try {
        await writeAll(file!, chunk);
      } catch (error) {
        failure = { kind: 'unwritable', code: (error as NodeJS.ErrnoException).code };
      }
    }
  } catch {
    failure = { kind: 'aborted' };
  }
  try {
    await file?.close();
  } catch (error) {
    failure ??= { kind: 'unwritable', code: (error as NodeJS.ErrnoException).code };
  }
  if (!failure) return { kind: 'stored', bytes, hash: hash.digest('hex') };
  await rm(path, { force: true }).catch(() => undefined);
  return failure;
}

/** One write may take only part of a buffer (the system call's right): write until all of it is. */
async function writeAll(file: FileHandle, chunk: Buffer): Promise<void> {
  for (let offset = 0; offset < chunk.length;) offset += (await file.write(chunk, offset, chunk.length - offset)).bytesWritten;
}
