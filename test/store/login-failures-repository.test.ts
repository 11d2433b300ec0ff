import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { later, NOW } from '../support/store-fixtures.js';
import { openTestStore, secondInstance } from '../support/test-store.js';

let store: Store;
let close: () => Promise<void>;
let location: { url?: string; file: string };
beforeEach(async () => ({ store, close, location } = await openTestStore(join(mkdtempSync(join(tmpdir(), 'impact-logins-')), 'db.sqlite'))));
afterEach(() => close());

const attempt = (s: Store, address: string, account: string, at = NOW) => s.loginFailures.reserve({ address, account, at, since: new Date(Date.parse(at) - 15 * 60_000).toISOString(), perAddress: 3, perAccount: 5 });

describe('login failures repository', () => {
  it('when attempts arrive together on two instances, then no more than the limit are let through', async () => {
    const { store: other, close: closeOther } = await secondInstance(store, location);
    try {
      const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(i % 2 ? other : store, '10.0.0.1', `user${i}@x.fr`)));
      expect(outcomes.filter((o) => 'id' in o)).toHaveLength(3);
      expect(await store.loginFailures.count()).toBe(3);
    } finally {
      await closeOther();
    }
  });

  it('when an account is over its limit, then attempts from any address are refused with the failures in the way; forgiven ones do not count', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const outcome = await attempt(store, `10.0.1.${i}`, 'chef@x.fr', later(i));
      if ('id' in outcome) ids.push(outcome.id);
    }
    expect(ids).toHaveLength(5);
    expect(await attempt(store, '10.0.2.1', 'chef@x.fr', later(6))).toEqual({ address: [], account: [0, 1, 2, 3, 4].map(later) });
    await store.loginFailures.forgive(ids[0]!);
    expect('id' in (await attempt(store, '10.0.2.1', 'chef@x.fr', later(6)))).toBe(true);
  });

  it('when failures leave the window, then they are forgotten', async () => {
    for (let i = 0; i < 3; i++) await attempt(store, '10.0.0.9', `a${i}@x.fr`, NOW);
    expect('address' in (await attempt(store, '10.0.0.9', 'b@x.fr', later(5)))).toBe(true);
    expect('id' in (await attempt(store, '10.0.0.9', 'b@x.fr', later(16)))).toBe(true);
    expect(await store.loginFailures.count()).toBe(1);
  });
});
