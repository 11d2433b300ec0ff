import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT } from '../support/test-store.js';
import { content, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => (h = await startHarness({ seed: false })));
afterAll(() => h.close());

describe('health and readiness', () => {
  it('when the process is asked whether it lives, then it says so without asking the database', async () => {
    const res = await fetch(`${h.url}/health`);
    expect([res.status, await res.json()]).toEqual([200, { status: 'ok', contentVersion: content.version }]);
  });

  it('when it is asked whether it is ready, then it names its store and says the database answers', async () => {
    const res = await fetch(`${h.url}/ready`);
    expect([res.status, await res.json()]).toEqual([200, { status: 'ready', store: TEST_DIALECT, database: 'ok', contentVersion: content.version }]);
  });
});
