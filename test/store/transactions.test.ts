import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { NOW } from '../support/store-fixtures.js';
import { openTestStore } from '../support/test-store.js';

let store: Store;
let close: () => Promise<void>;
beforeEach(async () => ({ store, close } = await openTestStore()));
afterEach(() => close());

describe('transactions', () => {
  it('when the work of a transaction throws, then none of its writes lands', async () => {
    await expect(store.transaction(async (tx) => {
      await tx.organisations.create({ name: 'A', siren: null, profile: {} }, NOW);
      await tx.audit.record({ at: NOW, userId: null, organisationId: null, action: 'create', entity: 'organisation', entityId: 1, detail: {} });
      throw new Error('stop');
    })).rejects.toThrow('stop');
    expect(await store.organisations.count()).toBe(0);
  });

  it('when a transaction succeeds, then every write lands, and a transaction inside it is the same one', async () => {
    const id = await store.transaction(async (tx) => {
      const org = await tx.organisations.create({ name: 'A', siren: null, profile: {} }, NOW);
      await tx.transaction(async (inner) => inner.organisations.update(org.id, { name: 'B' }));
      return org.id;
    });
    expect((await store.organisations.get(id))?.name).toBe('B');
  });

  it('when code inside a transaction queries the store outside it, then it is refused at once (it would wait forever on SQLite)', async () => {
    await expect(store.transaction(async () => store.organisations.count())).rejects.toThrow(/outside the transaction/);
    // Other work, not inside that transaction, is not refused.
    const [count] = await Promise.all([store.organisations.count(), store.transaction(async (tx) => tx.organisations.count())]);
    expect(count).toBe(0);
  });

  it('when exclusive is asked outside a transaction, then it is refused (it would hold nothing)', async () => {
    await expect(store.exclusive('x')).rejects.toThrow(/inside one/);
  });

  it('when many transactions hold the same key, then they run one at a time: none reads a count another is about to change', async () => {
    const org = await store.organisations.create({ name: 'compteur', siren: null, profile: { n: 0 } }, NOW);
    await Promise.all(Array.from({ length: 8 }, () => store.transaction(async (tx) => {
      await tx.exclusive(`counter:${org.id}`);
      const n = (await tx.organisations.get(org.id))!.profile.n as number;
      await tx.organisations.update(org.id, { profile: { n: n + 1 } });
    })));
    expect((await store.organisations.get(org.id))!.profile.n).toBe(8);
  });

  it('when the database is asked whether it answers, then it does', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
