import { closeSync, fdatasync, mkdtempSync, openSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { flushThread } from '../../src/store/flush-thread.js';
import type { DataSync } from '../../src/store/group-commit.js';
import { watchedFlush } from '../support/watched-flush.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

const folders: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function databaseFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'impact-group-commit-'));
  folders.push(folder);
  return join(folder, 'impact.db');
}

async function grouped(flush?: DataSync, file = databaseFile()): Promise<Store> {
  const store = await openStore({ file }, { commits: 'grouped', ...(flush && { flush }) });
  stores.push(store);
  return store;
}

const organisation = (store: Store, name = 'Coop') => store.organisations.create({ name, siren: null, profile: {} }, '2026-12-07T10:00:00.000Z');
const synchronous = async (store: Store) => (await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(store.db)).rows[0]!.synchronous;

describe('grouped commits (SQLite, the service)', () => {
  it('when the service opens its file, then SQLite writes commits without flushing them (NORMAL), where the admin commands flush each one (FULL)', async () => {
    const file = databaseFile();
    const each = await openStore({ file });
    expect(await synchronous(each)).toBe(2);
    expect(each.durable()).toBeUndefined();
    await each.close();
    expect(await synchronous(await grouped(undefined, file))).toBe(1);
  });

  it('when a write commits, then it is durable only once a flush has run; reads leave nothing to flush', async () => {
    const { watched, flush } = watchedFlush();
    const store = await grouped(flush);
    expect(store.durable()).toBeUndefined();
    await organisation(store);
    const flushed = store.durable();
    expect(flushed).toBeInstanceOf(Promise);
    await flushed;
    expect(watched.flushes).toBe(1);
    expect(store.durable()).toBeUndefined();
    await store.organisations.list();
    await store.organisations.get(1);
    expect(store.durable()).toBeUndefined();
  });

  it('when a transaction writes several rows, then it is one commit for one flush', async () => {
    const { watched, flush } = watchedFlush();
    const store = await grouped(flush);
    await store.transaction(async (tx) => {
      await organisation(tx, 'A');
      await organisation(tx, 'B');
      expect(store.durable()).toBeUndefined(); // nothing committed yet
    });
    await store.durable();
    expect(watched.flushes).toBe(1);
  });

  it('when commits are made while a flush runs, then they all share the next flush', async () => {
    const { watched, flush, release } = watchedFlush();
    const store = await grouped(flush);
    watched.hold = true;
    await organisation(store, 'first');
    const first = store.durable()!;
    // Each promise wrapped: an async function returning it would wait for it.
    const next = await Promise.all(Array.from({ length: 20 }, async (_, i) => {
      await organisation(store, `org ${i}`);
      return { flushed: store.durable()! };
    }));
    expect(watched.flushes).toBe(1); // the first, held: the others wait for the one after it
    release();
    await first;
    await Promise.all(next.map((n) => n.flushed));
    expect(watched.flushes).toBe(2);
    expect(store.durable()).toBeUndefined();
    expect(await store.organisations.count()).toBe(21);
  });

  it('when someone asks while a flush that covers every commit runs, then they wait for that one, not another', async () => {
    const { watched, flush, release } = watchedFlush();
    const store = await grouped(flush);
    watched.hold = true;
    await organisation(store);
    const first = store.durable()!;
    const again = store.durable()!;
    release();
    await Promise.all([first, again]);
    expect(watched.flushes).toBe(1);
  });

  it('when a flush fails, then no commit is ever called durable again, even if later flushes would succeed', async () => {
    const { watched, flush } = watchedFlush();
    const store = await grouped(flush);
    watched.fail = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    await organisation(store);
    await expect(store.durable()).rejects.toThrow('EIO');
    watched.fail = undefined;
    await organisation(store, 'later');
    await expect(store.durable()).rejects.toThrow('EIO');
    expect(watched.flushes).toBe(1);
  });

  it('when the flushes run on their own thread (the default), then every commit is flushed and read back by the next process', async () => {
    const file = databaseFile();
    const store = await grouped(undefined, file);
    await Promise.all(Array.from({ length: 10 }, (_, i) => organisation(store, `org ${i}`)));
    await store.durable();
    expect(store.durable()).toBeUndefined();
    await store.close();
    stores.splice(0);
    const again = await openStore({ file });
    expect(await again.organisations.count()).toBe(10);
    await again.close();
  });

  it('when the store closes while a flush runs, then the flush ends and nothing waits for ever', async () => {
    const { watched, flush, release } = watchedFlush();
    const store = await grouped(flush);
    watched.hold = true;
    await organisation(store);
    const running = store.durable()!;
    await organisation(store, 'after');
    const next = expect(store.durable()!).rejects.toThrow('closed before');
    await store.close();
    stores.splice(0);
    await next;
    release();
    await running;
  });

  it('when a commit is made and nobody asks (a batch\'s progress), then it is flushed all the same', async () => {
    const { watched, flush } = watchedFlush();
    const store = await grouped(flush);
    await organisation(store);
    while (watched.flushes === 0) await new Promise((resolve) => setImmediate(resolve));
    await store.durable();
    expect(store.durable()).toBeUndefined();
  });

  it('when the file is reached through a symbolic link, then the WAL flushed is the one SQLite writes, beside the real file', async () => {
    const real = databaseFile();
    await (await openStore({ file: real })).close();
    const link = join(dirname(real), 'link.db');
    symlinkSync(real, link);
    writeFileSync(`${link}-wal`, ''); // a stale file by the link's name must not be the one flushed
    const flushed: string[] = [];
    const store = await grouped((fd, done) => {
      flushed.push(readlinkSync(`/proc/self/fd/${fd}`));
      fdatasync(fd, done);
    }, link);
    await organisation(store);
    await store.durable();
    expect(flushed).toEqual([`${real}-wal`]);
  });

  it('when the flushing thread has stopped, then a flush asked of it fails at once rather than never answering', async () => {
    const thread = flushThread();
    await thread.stop();
    const file = databaseFile();
    writeFileSync(file, '');
    const fd = openSync(file, 'r');
    try {
      await expect(new Promise<void>((resolve, reject) => thread(fd, (error) => (error ? reject(error) : resolve())))).rejects.toThrow('stopped');
    } finally {
      closeSync(fd);
    }
  });
});
