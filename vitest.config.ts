import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Test files that replace a module with vi.mock need a module graph of their own; every other file shares one per
// worker, which keeps the suite's wall time close to the time its tests run instead of re-importing the CLI, the
// AWS SDK and the dashboard once per file (that import was two thirds of the suite).
const NEEDS_OWN_MODULES = ['src/cli/main.test.ts'];

const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NO_COLOR: '1' };
// Property tests run hundreds of loads; on a busy 2-core machine 5 s is too tight to tell slow from hung.
const testTimeout = 20_000;
// Outputs at 500,000 rows take minutes of CPU: `npm run test:scale` (and CI) runs them, `npm test` does not.
const scaleExcluded = process.env.WSPL_SCALE_TESTS === '1' ? [] : ['test/scale/**'];
// Installing from `npm pack` takes a minute or more: `npm run test:install` (and CI) runs it, `npm test` does not.
const installExcluded = process.env.WSPL_INSTALL_TESTS === '1' ? [] : ['test/install/**'];

export default defineConfig({
  test: {
    // One worker per core: vitest's default leaves one core idle, and on a 2-core machine that is half of it.
    maxWorkers: Math.max(1, availableParallelism()),
    projects: [
      {
        test: {
          name: 'shared',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...scaleExcluded, ...installExcluded, ...NEEDS_OWN_MODULES],
          isolate: false,
          testTimeout,
          env,
        },
      },
      { test: { name: 'isolated', include: NEEDS_OWN_MODULES, isolate: true, testTimeout, env } },
    ],
  },
});
