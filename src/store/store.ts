import { sql, type Kysely } from 'kysely';
import { AccountsRepository } from './accounts-repository.js';
import { AssessmentsRepository } from './assessments-repository.js';
import { AuditRepository } from './audit-repository.js';
import { BatchesRepository } from './batches-repository.js';
import { LoginFailuresRepository } from './login-failures-repository.js';
import type { Dialect } from './migration-files.js';
import { OrganisationsRepository } from './organisations-repository.js';
import { PublicationsRepository } from './publications-repository.js';
import { PlansRepository } from './plans-repository.js';
import { exclusive, OutsideTransactionGuard, rootQueries, transactionQueries, type Queries } from './queries.js';
import type { Schema } from './schema.js';
import { WorkshopsRepository } from './workshops-repository.js';
import { EventsRepository } from './events-repository.js';
import { EventWorkshopsRepository } from './event-workshops-repository.js';
import { EventParticipantsRepository } from './event-participants-repository.js';
import { ExpertProfilesRepository } from './expert-profiles-repository.js';

/** What differs between the two databases once their queries are written once: opening, copying, closing. */
export interface Backend {
  readonly dialect: Dialect;
  /** The database, as the operator named it (a file, or a URL without its password). */
  readonly name: string;
  /** The migrations applied when it was opened. */
  readonly migrated: number[];
  /** Undefined when every commit is on the disk (always, but for SQLite's grouped commits); else the promise that they will be. */
  durable?(): Promise<void> | undefined;
  /** A flush of grouped commits that failed: nothing is durable after it. */
  flushFailure?(): Error | undefined;
  backup(target: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The repositories over one database, SQLite or PostgreSQL, and the transaction that groups their
 * writes. Every method is asynchronous; a transaction is a function given a store of its own,
 * whose writes all land or none does.
 */
export class Store {
  readonly organisations: OrganisationsRepository;
  readonly accounts: AccountsRepository;
  readonly workshops: WorkshopsRepository;
  readonly assessments: AssessmentsRepository;
  readonly audit: AuditRepository;
  readonly plans: PlansRepository;
  readonly batches: BatchesRepository;
  readonly loginFailures: LoginFailuresRepository;
  readonly publications: PublicationsRepository;
  readonly events: EventsRepository;
  readonly eventWorkshops: EventWorkshopsRepository;
  readonly eventParticipants: EventParticipantsRepository;
  readonly expertProfiles: ExpertProfilesRepository;

  private constructor(private readonly backend: Backend, private readonly q: Queries, readonly inTransaction: boolean) {
    this.organisations = new OrganisationsRepository(q);
    this.accounts = new AccountsRepository(q);
    this.workshops = new WorkshopsRepository(q);
    this.assessments = new AssessmentsRepository(q);
    this.audit = new AuditRepository(q);
    this.plans = new PlansRepository(q);
    this.batches = new BatchesRepository(q);
    this.loginFailures = new LoginFailuresRepository(q);
    this.publications = new PublicationsRepository(q);
    this.events = new EventsRepository(q);
    this.eventWorkshops = new EventWorkshopsRepository(q);
    this.eventParticipants = new EventParticipantsRepository(q);
    this.expertProfiles = new ExpertProfilesRepository(q);
  }

  /** A store over a database opened by `sqlite-database.ts` or `postgres-database.ts`. */
  static over(backend: Backend, db: Kysely<Schema>): Store {
    const owner = {};
    return new Store(backend, rootQueries(db.withPlugin(new OutsideTransactionGuard(owner)), backend.dialect, owner), false);
  }

  get dialect(): Dialect {
    return this.backend.dialect;
  }

  get name(): string {
    return this.backend.name;
  }

  get migrated(): number[] {
    return this.backend.migrated;
  }

  /** The query builder itself, for the copy command and for tests that look under the repositories. */
  get db(): Kysely<Schema> {
    return this.q.db;
  }

  /**
   * Runs `work` in one transaction, given the store to use inside it: every write in it lands, or
   * none does. Inside a transaction, runs `work` in that same one.
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return this.q.atomic((db) => work(new Store(this.backend, transactionQueries(db, this.dialect), true)));
  }

  /** Inside a transaction: waits until no other transaction, on any instance, holds `key`, and holds it until this one ends. */
  async exclusive(key: string): Promise<void> {
    if (!this.inTransaction) throw new Error('store: exclusive() holds its key until the transaction ends: call it inside one');
    await exclusive(this.q.db, this.dialect, key);
  }

  /** Whether the database answers (readiness): a trivial query. */
  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.q.db);
  }

  /**
   * Undefined when every commit made so far is on the disk; otherwise the promise that they will
   * be. Whoever acknowledges a write (the service, before it answers) waits for it: with grouped
   * commits, SQLite's are flushed together after they are made (decision 018).
   */
  durable(): Promise<void> | undefined {
    return this.backend.durable?.();
  }

  /** The flush of grouped commits that failed, if one did: the service then acknowledges nothing more. */
  flushFailure(): Error | undefined {
    return this.backend.flushFailure?.();
  }

  backup(target: string): Promise<void> {
    return this.backend.backup(target);
  }

  close(): Promise<void> {
    return this.backend.close();
  }
}
