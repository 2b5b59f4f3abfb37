import { defineConfig } from 'vitest/config';

// Timeouts fit for PDF work on a loaded 2-core machine: a test never depends on vitest's 5 s default.
// A test that reads many PDFs or spawns processes still states its own, larger timeout.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ['default', './test/helpers/skip-reporter.ts'],
  },
});
