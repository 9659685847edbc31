// The CDK package is linted with wspl's own rules (../eslint.config.js: the strict typed set, the tests' relaxations),
// run from this folder after its own `npm ci` (its types come from aws-cdk-lib, installed here only). What differs is
// this package's plain JavaScript, each file as it runs, linted without types: the Lambda handler is CommonJS on Node
// (handler/package.json), the worker an ES module the synth-time check starts with node, and this file.
import tseslint from 'typescript-eslint';
import wspl from '../eslint.config.js';

const NODE = { process: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', console: 'readonly' };
const untyped = tseslint.configs.disableTypeChecked;

export default tseslint.config(
  ...wspl,
  {
    files: ['*.js', '**/*.mjs', 'handler/**/*.js'],
    ...untyped,
    languageOptions: { ...untyped.languageOptions, globals: NODE },
  },
  {
    files: ['handler/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...NODE, require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
