import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { createApiToken, createUser } from '../../src/app/accounts.js';
import { createContext, type AppContext } from '../../src/app/app-context.js';
import { createBatchRunner } from '../../src/app/batch-runner.js';
import { createOrganisation } from '../../src/app/organisations.js';
import { createWorkshop } from '../../src/app/workshops.js';
import { testConfig, type Config } from '../../src/config.js';
import { loadContent } from '../../src/content/load-content.js';
import type { AnswersDocument, Content } from '../../src/core/content-model.js';
import { createApp } from '../../src/http/create-app.js';
import { openStore, type StoreOptions } from '../../src/store/open-store.js';
import { testLocation } from '../support/test-store.js';
import { apiContract } from '../support/api-contract.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues.slice(0, 3)));
export const content = loaded.value.content;
export const examples = new Map<string, AnswersDocument>(loaded.value.examples.map((e) => [e.file.replace(/^.*\/|\.json$/g, ''), e.data]));

export type Who = 'leaderA' | 'leaderB' | 'advisorA' | 'expertA' | 'admin';
export const PASSWORD = 'correct horse battery';

export interface Harness {
  url: string;
  ctx: AppContext;
  /** Where its data lives: another harness given it shares the database, as another instance would. */
  location: { url?: string; file: string };
  orgA: number;
  orgB: number;
  tokens: Record<Who, string> & Record<string, string>;
  /** Moves the injected clock (ctx.now) to this instant: what happens at the follow-up, say. */
  setNow(at: Date | string): void;
  /** Adds an account with a token, to call as `who` (an organiser, another expert…). */
  addUser(who: string, role: 'leader' | 'advisor' | 'expert' | 'admin' | 'organiser', organisations?: number[]): Promise<number>;
  /** A JSON request as `who` (bearer token), or anonymous. */
  call(who: Who | (string & {}) | null, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

/**
 * The real app on 127.0.0.1, port 0, over a real store of this run's database (SQLite in memory
 * unless a file is given, or a PostgreSQL database of its own; `database` a PostgreSQL database made
 * for the test, dropped at the end; `sameDatabaseAs` another harness's):
 * two organisations A and B, a leader of each, an advisor and an expert (workshop) of A, an admin.
 * `content` replaces the committed content (an earlier edition, say); `store` opens it as told
 * (SQLite's commits grouped, as the service does).
 */
export async function startHarness(options: { file?: string; database?: { url: string; drop: () => Promise<void> }; sameDatabaseAs?: Harness; config?: Partial<Config>; seed?: boolean; content?: Content; store?: StoreOptions } = {}): Promise<Harness> {
  const owned = options.sameDatabaseAs ? undefined : options.database ? { ...options.database, file: '' } : await testLocation(options.file);
  const location = options.sameDatabaseAs?.location ?? owned!;
  const config = testConfig({ DATABASE_FILE: location.file, DATABASE_URL: location.url, ...options.config });
  const store = await openStore(location, options.store);
  let now = new Date('2026-11-21T10:00:00Z');
  const ctx = createContext(store, options.content ?? content, () => now);
  const tokens = {} as Record<Who, string> & Record<string, string>;
  let orgA = 1;
  let orgB = 2;
  if (options.seed !== false) {
    const a = examples.get('insertion-esus')!;
    const b = examples.get('scop-40')!;
    orgA = unwrap(await createOrganisation(ctx, null, { name: 'Org A', profile: a.profile })).id;
    orgB = unwrap(await createOrganisation(ctx, null, { name: 'Org B', profile: b.profile })).id;
    const people: [Who, 'leader' | 'advisor' | 'expert' | 'admin', number[]][] = [
      ['leaderA', 'leader', [orgA]],
      ['leaderB', 'leader', [orgB]],
      ['advisorA', 'advisor', [orgA]],
      ['expertA', 'expert', []],
      ['admin', 'admin', []],
    ];
    for (const [who, role, orgs] of people) {
      unwrap(await createUser(ctx, { email: `${who}@test.org`, name: who, role, password: PASSWORD, organisations: orgs }));
      tokens[who] = unwrap(await createApiToken(ctx, `${who}@test.org`, 'tests')).token;
    }
    unwrap(await createWorkshop(ctx, null, { title: 'Atelier', expertEmail: 'expertA@test.org', date: '2026-10-10', place: 'Montpellier', organisationIds: [orgA] }));
  }
  const batches = createBatchRunner(ctx, config, () => undefined);
  const app = createApp(ctx, config, pino({ level: 'silent' }), { batches });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  const contract = apiContract(await (await fetch(`${url}/openapi.json`)).json() as Parameters<typeof apiContract>[0]);
  return {
    url,
    ctx,
    location,
    orgA,
    orgB,
    tokens,
    setNow(at) {
      now = new Date(at);
    },
    async addUser(who, role, organisations = []) {
      const user = unwrap(await createUser(ctx, { email: `${who}@test.org`, name: who, role, password: PASSWORD, organisations }));
      tokens[who] = unwrap(await createApiToken(ctx, `${who}@test.org`, 'tests')).token;
      return user.id;
    },
    async call(who, method, path, body, headers = {}) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(who && { authorization: `Bearer ${tokens[who]}` }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      const json = response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : text || undefined;
      const broken = contract(method, `${url}${path}`, response.status, json);
      if (broken) throw new Error(broken);
      return { status: response.status, body: json, headers: response.headers };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await batches.stop();
      await store.close();
      await owned?.drop();
    },
  };
}

export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
