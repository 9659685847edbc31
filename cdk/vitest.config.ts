import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'examples/**/*.test.ts'],
    // A synth of the seed app takes about a second; the first import of aws-cdk-lib several on a busy machine.
    testTimeout: 60_000,
    // CDK's built-in CloudFormation validator costs ~25 s per synth here and checks nothing wspl relies on; the
    // tests that need its verdict say so. The app's own setting (builtinCloudFormationValidation) wins over this.
    env: { CDK_VALIDATION: 'false', NO_COLOR: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
