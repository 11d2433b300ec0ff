import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { aResult, later, NOW, people } from '../support/store-fixtures.js';
import { openTestStore, secondInstance } from '../support/test-store.js';

let store: Store;
let close: () => Promise<void>;
let location: { url?: string; file: string };
let advisorId: number;
let orgId: number;
beforeEach(async () => {
  ({ store, close, location } = await openTestStore(join(mkdtempSync(join(tmpdir(), 'impact-batches-')), 'db.sqlite')));
  ({ advisorId, orgId } = await people(store));
});
afterEach(() => close());

const lease = (instance: string, minutes = 1) => ({ instance, until: later(minutes) });
const upload = (s: Store, max = 10, instance = 'A') =>
  s.batches.admit({ userId: advisorId, inputFormat: 'csv', outputFormat: 'csv', store: true, lang: 'fr', options: { partial: true, suggestions: 2 } }, max, NOW, lease(instance));
async function ready(s: Store, hash = 'h1'): Promise<number> {
  const b = (await upload(s))!;
  await s.batches.received(b.id, { inputHash: hash, inputBytes: 100 });
  return b.id;
}

describe('batches repository: jobs any instance may run', () => {
  it('when uploads arrive together from two instances, then no more than the limit are admitted', async () => {
    const { store: other, close: closeOther } = await secondInstance(store, location);
    try {
      const admitted = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(i % 2 ? other : store, 2, i % 2 ? 'B' : 'A')));
      expect(admitted.filter(Boolean)).toHaveLength(2);
      expect(await store.batches.running(advisorId)).toBe(2);
    } finally {
      await closeOther();
    }
  });

  it('when a file is still arriving, then no instance claims its batch; once received, one does, with what the upload asked', async () => {
    const b = (await upload(store))!;
    expect(await store.batches.claim(lease('B'), NOW)).toBeUndefined();
    await store.batches.received(b.id, { inputHash: 'h', inputBytes: 5 });
    const claimed = await store.batches.claim(lease('B'), NOW);
    expect(claimed).toMatchObject({ attempt: 1, uploadLost: false, options: { partial: true, suggestions: 2 }, record: { id: b.id, status: 'running', inputBytes: 5 } });
    expect(await store.batches.claim(lease('C'), NOW)).toBeUndefined();
  });

  it('when two instances claim at the same time, then each batch is claimed exactly once', async () => {
    const ids = [] as number[];
    for (let i = 0; i < 8; i++) ids.push(await ready(store, `h${i}`));
    const { store: other, close: closeOther } = await secondInstance(store, location);
    try {
      const claimAll = async (s: Store, instance: string) => {
        const mine: number[] = [];
        for (let c = await s.batches.claim(lease(instance), NOW); c; c = await s.batches.claim(lease(instance), NOW)) mine.push(c.record.id);
        return mine;
      };
      const [a, b] = await Promise.all([claimAll(store, 'A'), claimAll(other, 'B')]);
      expect([...a, ...b].sort((x, y) => x - y)).toEqual(ids);
    } finally {
      await closeOther();
    }
  });

  it('when an instance stops extending its lease, then another takes the batch over as a new attempt, and the old attempt can write nothing more', async () => {
    const id = await ready(store);
    const first = (await store.batches.claim(lease('A', 1), NOW))!;
    expect(await store.batches.extend(id, first.attempt, lease('A', 2))).toBe(true);
    expect(await store.batches.claim(lease('B', 3), later(1))).toBeUndefined();
    const second = (await store.batches.claim(lease('B', 4), later(3)))!;
    expect(second).toMatchObject({ attempt: 2, record: { id } });
    expect(await store.batches.extend(id, first.attempt, lease('A', 5))).toBe(false);
    expect(await store.batches.progress(id, first.attempt, { rows: 9, bytesRead: 9, totalBytes: 9 })).toBe(false);
    expect(await store.batches.finish(id, { status: 'done', summary: { rows: 9 }, rows: 9 }, later(3), first.attempt)).toBe(false);
    expect(await store.batches.progress(id, second.attempt, { rows: 5, bytesRead: 50, totalBytes: 100 })).toBe(true);
    expect(await store.batches.finish(id, { status: 'done', summary: { rows: 7 }, rows: 7 }, later(4), second.attempt)).toBe(true);
    expect(await store.batches.get(id)).toMatchObject({ status: 'done', rows: 7, bytesRead: 100, totalBytes: 100, summary: { rows: 7 }, finishedAt: later(4) });
    expect(await store.batches.finish(id, { status: 'failed', error: 'late' }, later(5), second.attempt)).toBe(false);
    expect(await store.batches.claim(lease('C', 9), later(8))).toBeUndefined();
  });

  it('when the instance receiving a file dies, then the batch is claimed once its lease runs out, saying its file never arrived', async () => {
    const b = (await upload(store))!;
    expect(await store.batches.claim(lease('B'), later(2))).toMatchObject({ uploadLost: true, record: { id: b.id } });
  });

  it('when a SQLite service restarts, then the batches its previous process held are free at once', async () => {
    const id = await ready(store);
    await store.batches.claim(lease('A', 60), NOW);
    expect(await store.batches.releaseAll()).toBe(1);
    expect(await store.batches.claim(lease('B', 61), later(1))).toMatchObject({ attempt: 2, record: { id } });
  });

  it('when rows of one file are stored, then once per organisation, whichever batch of that file stores them', async () => {
    const first = await ready(store, 'same-file');
    const again = await ready(store, 'same-file');
    const a = await store.assessments.create({ organisationId: orgId, profile: {}, createdBy: advisorId }, NOW);
    await store.assessments.submit(a.id, 1, aResult(3), advisorId, NOW);
    expect(await store.batches.hasAssessment(again, orgId)).toBe(false);
    expect(await store.batches.linkAssessment(first, orgId, a.id)).toBe(true);
    expect(await store.batches.linkAssessment(again, orgId, a.id)).toBe(false);
    expect(await store.batches.hasAssessment(again, orgId)).toBe(true);
    expect((await store.batches.get(first))?.stored).toBe(1);
    expect((await store.batches.get(again))?.stored).toBe(0);
  });

  it('when files are counted and removed, then the quota and the retention schedule read the same numbers', async () => {
    const id = await ready(store);
    await store.batches.resultWritten(id, 1000);
    expect(await store.batches.storedBytes(advisorId)).toBe(1100);
    expect(await store.batches.endedWithFiles('input', later(10))).toEqual([]);
    await store.batches.finish(id, { status: 'failed', error: 'x' }, later(1));
    expect((await store.batches.endedWithFiles('input', later(10))).map((b) => b.id)).toEqual([id]);
    await store.batches.filesRemoved(id, 'input', later(2));
    expect(await store.batches.storedBytes(advisorId)).toBe(1000);
    await store.batches.filesRemoved(id, 'results', later(3));
    expect(await store.batches.get(id)).toMatchObject({ inputBytes: 0, resultBytes: 0, inputRemovedAt: later(2), resultsRemovedAt: later(3) });
    expect(await store.batches.storedBytes(advisorId)).toBe(0);
    expect(await store.batches.ids()).toEqual(new Set([id]));
    await store.batches.discard(id);
    expect(await store.batches.byUser(advisorId)).toEqual([]);
  });
});
