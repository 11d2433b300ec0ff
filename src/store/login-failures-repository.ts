import { exclusive, type Queries } from './queries.js';

/** The recent failures that keep an attempt out: their times, oldest first, per limit reached. */
export interface LoginRefusal {
  address: string[];
  account: string[];
}

/** Failed logins per source address and per account, shared by every instance using the database. */
export class LoginFailuresRepository {
  constructor(private readonly q: Queries) {}

  /**
   * Forgets failures older than `since`, then counts those of the address and of the account. Under
   * both limits, records this attempt as a failure (until `forgive` says it succeeded) and returns
   * its id; otherwise returns the failures in the way. Attempts through one address or on one
   * account, on this instance or another, are counted one at a time: two of them cannot both read
   * the count before either is written.
   */
  async reserve(input: { address: string; account: string; at: string; since: string; perAddress: number; perAccount: number }): Promise<{ id: number } | LoginRefusal> {
    return this.q.atomic(async (db) => {
      // Address first, then account, in every transaction: two of them never wait for each other in a circle.
      await exclusive(db, this.q.dialect, `login-address:${input.address}`);
      await exclusive(db, this.q.dialect, `login-account:${input.account}`);
      await db.deleteFrom('login_failures').where('at', '<', input.since).execute();
      const times = async (column: 'address' | 'account', value: string) =>
        (await db.selectFrom('login_failures').select('at').where(column, '=', value).orderBy('at').orderBy('id').execute()).map((r) => r.at);
      const address = await times('address', input.address);
      const account = await times('account', input.account);
      if (address.length >= input.perAddress || account.length >= input.perAccount) {
        return { address: address.length >= input.perAddress ? address : [], account: account.length >= input.perAccount ? account : [] };
      }
      const { id } = await db.insertInto('login_failures').values({ at: input.at, address: input.address, account: input.account }).returning('id').executeTakeFirstOrThrow();
      return { id };
    });
  }

  /** The attempt succeeded (or never got an answer): it is not a failure. */
  async forgive(id: number): Promise<void> {
    await this.q.db.deleteFrom('login_failures').where('id', '=', id).execute();
  }

  async count(): Promise<number> {
    const row = await this.q.db.selectFrom('login_failures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
