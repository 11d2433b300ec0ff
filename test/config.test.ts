import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';

describe('configuration of the database', () => {
  it('when DATABASE_URL is unset or empty, then the SQLite file is used; when it names PostgreSQL, then PostgreSQL is', () => {
    const config = (env: NodeJS.ProcessEnv) => {
      const parsed = parseConfig(env);
      if (!parsed.ok) throw new Error(parsed.problems.join('; '));
      return parsed.config;
    };
    expect(config({}).DATABASE_URL).toBeUndefined();
    expect(config({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    expect(config({ DATABASE_URL: 'postgres://impact:secret@db:5432/impact' }).DATABASE_URL).toBe('postgres://impact:secret@db:5432/impact');
    expect(config({ DATABASE_URL: 'postgresql://db/impact' }).DATABASE_POOL_SIZE).toBe(10);
  });

  it('when DATABASE_URL names another database, then the start stops saying what is expected', () => {
    expect(parseConfig({ DATABASE_URL: 'mysql://db/impact' })).toEqual({ ok: false, problems: ['DATABASE_URL: postgres://user:password@host:port/database'] });
  });
});
