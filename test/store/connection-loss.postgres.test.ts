import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { tcpProxy } from '../support/tcp-proxy.js';
import { freshPostgresDatabase } from '../support/test-store.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a PostgreSQL connection lost', () => {
  it('when the connection of a transaction is cut between two of its queries, then its next query fails, the loss is reported, and nothing is thrown elsewhere (the process lives)', async () => {
    const database = await freshPostgresDatabase();
    cleanups.push(database.drop);
    const direct = new URL(database.url);
    const proxy = await tcpProxy(direct.hostname, Number(direct.port));
    cleanups.push(proxy.close);
    const through = new URL(direct);
    through.port = String(proxy.port);
    // The loss is said either to the store's handler (fixed) or as an uncaught exception, which would end a service.
    const reported: string[] = [];
    const uncaught: string[] = [];
    let heard: () => void = () => undefined;
    const loss = new Promise<void>((resolve) => (heard = resolve));
    const onUncaught = (error: Error) => {
      uncaught.push(error.message);
      heard();
    };
    process.on('uncaughtException', onUncaught);
    cleanups.push(async () => void process.off('uncaughtException', onUncaught));
    const store = await openStore({ url: through.toString(), file: '' }, {
      onIdleError: (error) => {
        reported.push(error.message);
        heard();
      },
    });
    cleanups.push(() => store.close());
    const outcome = store.transaction(async (tx) => {
      await tx.organisations.count();
      await proxy.cut();
      await loss;
      return tx.organisations.count();
    });
    await expect(outcome).rejects.toThrow();
    expect([reported, uncaught]).toEqual([['Connection terminated unexpectedly'], []]);
  });
});
