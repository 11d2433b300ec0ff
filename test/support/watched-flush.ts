import { fdatasync } from 'node:fs';
import type { DataSync } from '../../src/store/group-commit.js';

/**
 * The real fdatasync for grouped commits, counted, held while `hold` is set (the test sees a flush
 * start and lets it finish with `release`), or failing with `fail`.
 */
export function watchedFlush() {
  const watched = { flushes: 0, held: [] as (() => void)[], hold: false, fail: undefined as Error | undefined };
  const flush: DataSync = (fd, done) => {
    watched.flushes++;
    const run = () => (watched.fail ? done(watched.fail) : fdatasync(fd, done));
    if (watched.hold) watched.held.push(run);
    else run();
  };
  const release = () => {
    watched.hold = false;
    for (const run of watched.held.splice(0)) run();
  };
  return { watched, flush, release };
}
