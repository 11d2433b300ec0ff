import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // No wall-clock limit on tests: speed is measured in bench/, not asserted here.
    testTimeout: 0,
    hookTimeout: 0,
  },
});
