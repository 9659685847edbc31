// Two builds of one page (package.json `build:web`): `app` is what `wspl serve` serves (it asks the server's API);
// `report` is one script that `wspl report --html` inlines into a single file together with the model, and that
// runs the engine in the page, since a file opened from disk has no server to ask.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig(({ mode }) => {
  const common = {
    root: here('.'),
    base: './',
    logLevel: 'warn' as const,
    build: { emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4096, reportCompressedSize: false },
  };
  if (mode !== 'report') return { ...common, build: { ...common.build, outDir: here('../web-dist/app') } };
  return {
    ...common,
    // The engine's file readers are never called in the page; these stand-ins keep Node's modules out of it.
    resolve: {
      alias: {
        'node:fs': here('src/stubs/node-fs.ts'),
        'node:path': here('src/stubs/node-path.ts'),
        'node:url': here('src/stubs/node-url.ts'),
      },
    },
    build: {
      ...common.build,
      outDir: here('../web-dist/report'),
      cssCodeSplit: false,
      lib: {
        entry: here('src/report.tsx'),
        formats: ['iife' as const],
        name: 'wsplReport',
        fileName: () => 'report.js',
      },
    },
  };
});
