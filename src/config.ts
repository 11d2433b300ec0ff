import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from './content/package-root.js';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const UNITS = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 } as const;
/** A size such as "200mb", in bytes. */
const size = z.string().regex(/^\d+(kb|mb|gb)$/).transform((v) => Number.parseInt(v, 10) * UNITS[v.slice(-2) as keyof typeof UNITS]);

/** Every setting, from the environment, parsed once at start; docs/operations.md documents each. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_FILE: z.string().min(1).default(join(packageRoot(), 'var', 'impact-score.db')),
  // Set: PostgreSQL, and DATABASE_FILE is not used. Unset (or empty): the SQLite file.
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'postgres://user:password@host:port/database').optional()),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().max(1000).default(10),
  DATA_DIR: z.string().min(1).default(join(packageRoot(), 'var')),
  BATCH_UPLOAD_LIMIT: size.prefault('200mb'),
  BATCH_QUOTA: size.prefault('1gb'),
  BATCH_MAX_RUNNING: z.coerce.number().int().positive().default(2),
  BATCH_WORKERS: z.coerce.number().int().positive().max(64).default(2),
  BATCH_LEASE_SECONDS: z.coerce.number().positive().max(3600).default(30),
  BATCH_INPUT_DAYS: z.coerce.number().int().min(0).default(0),
  BATCH_RESULT_DAYS: z.coerce.number().int().min(0).default(14),
  CONTENT_DIR: z.string().min(1).optional(),
  DEMO_DATA: flag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
  COOKIE_SECURE: flag.default(false),
  TRUST_PROXY: flag.default(false),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  LOGIN_ACCOUNT_LIMIT: z.coerce.number().int().positive().default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().max(24 * 60).default(15),
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/).default('1mb'),
  // One core left to the event loop.
  PDF_WORKERS: z.coerce.number().int().min(1).max(64).default(Math.max(1, availableParallelism() - 1)),
});

export type Config = z.output<typeof schema>;

export function parseConfig(env: NodeJS.ProcessEnv = process.env): { ok: true; config: Config } | { ok: false; problems: string[] } {
  const parsed = schema.safeParse(env);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

/** The configuration tests use: in-memory database, no demo data, quiet logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const parsed = schema.parse({ DATABASE_FILE: ':memory:', DEMO_DATA: 'false', LOG_LEVEL: 'silent' });
  return { ...parsed, ...overrides };
}
