import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers of docs/architecture: data flows one way. A layer may import only the layers listed for it, so a lower
// layer reaching up (or net/ learning about WorkSpaces) fails the lint instead of drifting in.
// `input` (reading bytes and YAML safely) and src/diagnostics.ts sit below everything.
const LAYERS = {
  input: [],
  model: ['input'],
  net: ['model', 'input'],
  workspaces: ['model', 'net', 'input'],
  sources: ['model', 'net', 'input'],
  rules: ['model', 'net', 'workspaces', 'input'],
  logs: ['model', 'net', 'workspaces', 'input'],
  probe: ['model', 'net', 'workspaces', 'input'],
  report: ['model', 'net', 'workspaces', 'rules', 'logs', 'probe', 'sources', 'input'],
  web: ['model', 'net', 'workspaces', 'rules', 'logs', 'sources', 'report', 'input'],
};
const ALL = ['input', 'model', 'net', 'workspaces', 'sources', 'rules', 'logs', 'probe', 'report', 'web', 'cli'];

function layerRules(layer, allowed) {
  const banned = ALL.filter((l) => l !== layer && !allowed.includes(l));
  return {
    files: [`src/${layer}/**/*.ts`],
    ignores: ['src/**/*.test.ts', 'src/**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: banned.flatMap((l) => [`../${l}/*`, `../../${l}/*`, `../../../${l}/*`, `../${l}`, `../../${l}`]),
              message: `src/${layer} may import only ${allowed.length ? allowed.join(', ') : 'nothing of wspl'} (docs/architecture: data flows one way)`,
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'cdk/**', 'web-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // The plain-JavaScript files: the executable and this config, linted without types (the parser options of
    // disableTypeChecked kept: replacing languageOptions whole would send them through the typed project service).
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Rules that need types: TypeScript only.
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // Tests read JSON outputs back (`any` by nature) and assert on known shapes; the strict set stays on for src.
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts', 'src/**/testing/**/*.ts', 'src/**/*.test-helpers.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // The log reader's hot loops index buffers and arrays whose bounds the loop itself checks; a `!` there costs
    // nothing, a branch per byte would (docs/benchmarks.md).
    // The same holds for the writers that encode a log's report straight into bytes.
    files: [
      'src/logs/**/*.ts',
      'src/report/block-output.ts',
      'src/report/held-diagnoses.ts',
      'src/report/logs-json-bytes.ts',
    ],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  ...Object.entries(LAYERS).map(([layer, allowed]) => layerRules(layer, allowed)),
);
