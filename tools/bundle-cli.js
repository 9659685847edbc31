// Bundles the CLI into dist/bundle/: Node's ESM loader spends most of wspl's start-up resolving and compiling some
// 330 small modules one at a time; one file (plus lazily loaded chunks for live AWS and the dashboard server, which
// most commands never need) starts in about half the time. Run by `npm run build` after tsc.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry a hash of their content: without this, every build would leave the previous chunks behind.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  // The parallel log reader's worker threads load their own entry (src/report/logs-parallel.ts finds it beside the
  // chunk that starts it).
  entryPoints: { main: 'src/cli/main.ts', 'logs-worker': 'src/report/logs-worker.ts' },
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
