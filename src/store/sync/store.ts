import { AccountsRepository } from './accounts-repository.js';
import { AssessmentsRepository } from './assessments-repository.js';
import { AuditRepository } from './audit-repository.js';
import { BatchesRepository } from './batches-repository.js';
import { backupDatabase, openDatabase, type Db } from './database.js';
import { LoginFailuresRepository } from './login-failures-repository.js';
import { OrganisationsRepository } from './organisations-repository.js';
import { PlansRepository } from './plans-repository.js';
import { WorkshopsRepository } from './workshops-repository.js';

/** The repositories over one database, and the transaction that groups their writes. */
export class Store {
  readonly organisations: OrganisationsRepository;
  readonly accounts: AccountsRepository;
  readonly workshops: WorkshopsRepository;
  readonly assessments: AssessmentsRepository;
  readonly audit: AuditRepository;
  readonly plans: PlansRepository;
  readonly batches: BatchesRepository;
  readonly loginFailures: LoginFailuresRepository;

  constructor(readonly db: Db) {
    this.organisations = new OrganisationsRepository(db);
    this.accounts = new AccountsRepository(db);
    this.workshops = new WorkshopsRepository(db);
    this.assessments = new AssessmentsRepository(db);
    this.audit = new AuditRepository(db);
    this.plans = new PlansRepository(db);
    this.batches = new BatchesRepository(db);
    this.loginFailures = new LoginFailuresRepository(db);
  }

  static open(file: string): Store {
    return new Store(openDatabase(file));
  }

  /** Runs `work` in one transaction: every write in it lands, or none does. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  backup(target: string): Promise<void> {
    return backupDatabase(this.db, target);
  }

  close(): void {
    this.db.close();
  }
}
