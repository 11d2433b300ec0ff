import type { Db } from './database.js';

/** The recent failures that keep an attempt out: their times, oldest first, per limit reached. */
export interface LoginRefusal {
  address: string[];
  account: string[];
}

/** Failed logins per source address and per account, shared by every instance using the database. */
export class LoginFailuresRepository {
  constructor(private readonly db: Db) {}

  /**
   * Forgets failures older than `since`, then counts those of the address and of the account. Under
   * both limits, records this attempt as a failure (until `forgive` says it succeeded) and returns
   * its id; otherwise returns the failures in the way. One immediate transaction: two attempts, from
   * this process or another, cannot both read the count before either is written.
   */
  reserve(input: { address: string; account: string; at: string; since: string; perAddress: number; perAccount: number }): { id: number } | LoginRefusal {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM login_failures WHERE at < ?').run(input.since);
      const times = (column: 'address' | 'account', value: string) =>
        this.db.prepare(`SELECT at FROM login_failures WHERE ${column} = ? ORDER BY at, id`).pluck().all(value) as string[];
      const address = times('address', input.address);
      const account = times('account', input.account);
      if (address.length >= input.perAddress || account.length >= input.perAccount) {
        return { address: address.length >= input.perAddress ? address : [], account: account.length >= input.perAccount ? account : [] };
      }
      const id = this.db.prepare('INSERT INTO login_failures (at, address, account) VALUES (?, ?, ?)').run(input.at, input.address, input.account).lastInsertRowid;
      return { id: Number(id) };
    }).immediate();
  }

  /** The attempt succeeded (or never got an answer): it is not a failure. */
  forgive(id: number): void {
    this.db.prepare('DELETE FROM login_failures WHERE id = ?').run(id);
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM login_failures').pluck().get() as number;
  }
}
