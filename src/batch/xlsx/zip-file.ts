import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

/** One file of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0: stored; 8: deflated (the only two a workbook uses). */
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

/** The archive is not a zip this reader can read (damaged, cut short, not a zip): the caller says so in words. */
export class ZipDamaged extends Error {}

/** An entry unfolds far beyond what its compressed size and any portfolio would give (a zip bomb): the caller refuses it in words. */
export class ZipTooLarge extends Error {
  constructor(readonly entry: string) {
    super(`${entry} unfolds too far`);
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
// The end record (22 bytes) follows the archive's comment, at most 65,535 bytes.
const END_SEARCH = 22 + 0xffff;

/** A zip archive on disk read at random: its central directory first, then the entries asked for. */
export class ZipFile {
  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  static async open(file: string): Promise<ZipFile> {
    const handle = await open(file, 'r');
    try {
      return new ZipFile(file, handle, await directoryOf(handle));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  /** An entry's bytes, whole (the workbook's small parts); refused past `limit` inflated bytes. */
  async read(entry: ZipEntry, limit: number): Promise<Buffer> {
    if (entry.size > limit) throw new ZipTooLarge(entry.name);
    const data = await this.readAt(await this.dataStart(entry), entry.compressedSize);
    if (entry.method === 0) return data;
    try {
      return inflateRawSync(data, { maxOutputLength: limit });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipTooLarge(entry.name);
      throw new ZipDamaged(`${entry.name}: ${(error as Error).message}`);
    }
  }

  /**
   * An entry's bytes as they inflate, in pieces (the sheet); `counted` is told of each compressed piece
   * read. Refused once it unfolds past `ratio` times its compressed size (and `floor` bytes): a workbook's
   * XML compresses well, a zip bomb a thousandfold.
   */
  async *stream(entry: ZipEntry, limits: { ratio: number; floor: number }, counted: (bytes: number) => void): AsyncGenerator<Buffer> {
    const start = await this.dataStart(entry);
    const raw = createReadStream(this.file, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
    raw.on('data', (piece) => counted(piece.length));
    const limit = Math.max(limits.floor, limits.ratio * entry.compressedSize);
    let inflated = 0;
    if (entry.method === 0) {
      yield* raw as AsyncIterable<Buffer>;
      return;
    }
    const inflate = createInflateRaw({ chunkSize: 1 << 18 });
    raw.on('error', (error) => inflate.destroy(error));
    raw.pipe(inflate);
    try {
      for await (const piece of inflate as AsyncIterable<Buffer>) {
        inflated += piece.length;
        if (inflated > limit) throw new ZipTooLarge(entry.name);
        yield piece;
      }
    } catch (error) {
      if (error instanceof ZipTooLarge) throw error;
      throw new ZipDamaged(`${entry.name}: ${(error as Error).message}`);
    } finally {
      raw.destroy();
      inflate.destroy();
    }
  }

  private async readAt(position: number, length: number): Promise<Buffer> {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await this.handle.read(buffer, 0, length, position);
    if (bytesRead < length) throw new ZipDamaged('archive cut short');
    return buffer;
  }

  // The local header's name and extra field may differ in length from the directory's.
  private async dataStart(entry: ZipEntry): Promise<number> {
    const header = await this.readAt(entry.localHeader, 30);
    if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipDamaged(`${entry.name}: no local header`);
    return entry.localHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }
}

async function directoryOf(handle: FileHandle): Promise<Map<string, ZipEntry>> {
  const { size } = await handle.stat();
  const tailLength = Math.min(size, END_SEARCH);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  let end = -1;
  for (let at = tailLength - 22; at >= 0 && end < 0; at--) if (tail.readUInt32LE(at) === END_OF_DIRECTORY) end = at;
  if (end < 0) throw new ZipDamaged('no central directory');
  const count = tail.readUInt16LE(end + 10);
  const length = tail.readUInt32LE(end + 12);
  const offset = tail.readUInt32LE(end + 16);
  // Zip64 (an archive past 4 GiB or 65,535 entries) is beyond any portfolio this reader takes.
  if (count === 0xffff || offset === 0xffffffff || offset + length > size) throw new ZipDamaged('directory out of the archive');
  const directory = Buffer.alloc(length);
  await handle.read(directory, 0, length, offset);
  const entries = new Map<string, ZipEntry>();
  for (let at = 0, n = 0; n < count; n++) {
    if (at + 46 > length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new ZipDamaged('directory damaged');
    const nameLength = directory.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localHeader: directory.readUInt32LE(at + 42),
    };
    if (entry.method !== 0 && entry.method !== 8) throw new ZipDamaged(`${entry.name}: compression ${entry.method}`);
    if (entry.compressedSize === 0xffffffff || entry.localHeader === 0xffffffff) throw new ZipDamaged(`${entry.name}: zip64`);
    entries.set(entry.name, entry);
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  return entries;
}
