import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Outputs at 500,000 rows take minutes of CPU: `npm run test:scale` (and CI) runs them, `npm test` does not.
    exclude: process.env.WSPL_SCALE_TESTS === '1' ? [] : ['test/scale/**'],
    // Property tests run hundreds of loads; on a busy 2-core machine 5 s is too tight to tell slow from hung.
    testTimeout: 20_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NO_COLOR: '1' },
  },
});
