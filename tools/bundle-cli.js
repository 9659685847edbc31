// Bundles the CLI into dist/bundle/: Node's ESM loader spends most of wspl's start-up resolving and compiling some
// 330 small modules one at a time; one file (plus lazily loaded chunks for live AWS and the dashboard server, which
// most commands never need) starts in about half the time. Run by `npm run build` after tsc.
import { build } from 'esbuild';

await build({
  // Worker threads load their own entries, found beside the chunk that starts them: a large matrix is predicted on
  // two threads (src/workspaces/matrix-parallel.ts), a folder of logs can be read on several (src/report/logs-parallel.ts).
  entryPoints: {
    main: 'src/cli/main.ts',
    'matrix-worker': 'src/workspaces/matrix-worker.ts',
    'logs-worker': 'src/report/logs-worker.ts',
  },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // The maps point at src/ lines for WSPL_DEBUG stack traces; the sources themselves stay out of the package.
  sourcesContent: false,
  logLevel: 'warning',
  // Bundled CommonJS packages (yaml, the AWS SDK) call require() for Node's own modules; ESM has no require.
  banner: {
    js: "import { createRequire as wsplCreateRequire } from 'node:module';\nconst require = wsplCreateRequire(import.meta.url);",
  },
});
