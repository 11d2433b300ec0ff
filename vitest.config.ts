import { configDefaults, defineConfig } from 'vitest/config';

// No wall-clock limit on tests: speed is measured in bench/, not asserted here.
const shared = { testTimeout: 0, hookTimeout: 0 };

/**
 * Two runs of the suite. `sqlite`: every test, on SQLite (in memory, or a file for the service's
 * processes). `postgres`: the repository, API and fault tests again, each on a database of its own
 * on a PostgreSQL server (TEST_DATABASE_URL, or one test/postgres-setup.ts starts), plus the tests
 * only PostgreSQL has (several instances). `*.sqlite.test.ts` and `*.postgres.test.ts` run in
 * their own project only.
 */
export default defineConfig({
  test: {
    // Builds dist/ (the bin and the web interface) once for both projects.
    globalSetup: ['test/global-setup.ts'],
    projects: [
      {
        test: { ...shared, name: 'sqlite', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, '**/*.postgres.test.ts'] },
      },
      {
        test: {
          ...shared,
          name: 'postgres',
          include: ['test/store/**/*.test.ts', 'test/http/**/*.test.ts', 'test/faults.test.ts', 'test/**/*.postgres.test.ts'],
          exclude: [...configDefaults.exclude, '**/*.sqlite.test.ts'],
          env: { TEST_STORE: 'postgres' },
          globalSetup: ['test/postgres-setup.ts'],
        },
      },
    ],
  },
});
