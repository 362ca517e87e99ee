// The collection pass of `npm run fixcheck`: loads the rule tests with test/fixcheck/collect.ts,
// which records their invalid cases instead of running them.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/rules/**/*.test.ts', 'test/fix/unattended.test.ts'],
    setupFiles: ['test/setup.ts', 'test/fixcheck/collect.ts'],
    reporters: ['dot'],
  },
});
