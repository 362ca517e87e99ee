import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/fixtures/**', 'test/corpus/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    // An internal error fails the test that meets it, with its stack, instead of becoming a finding.
    env: { ESLINT_PLUGIN_LEAKS_STRICT: '1' },
    testTimeout: 60_000,
    // The default report for people, and a JSON one from which .ci/run prints its closing line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    hookTimeout: 120_000,
  },
});
