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
    // The engine's file readers are never called in the page (the model comes embedded). Each Node module it imports
    // is replaced by a stand-in with the same export names, each of which throws if it were ever called.
    plugins: [
      {
        name: 'wspl-node-stand-in',
        enforce: 'pre' as const,
        resolveId: (id: string) => (id.startsWith('node:') ? `\0wspl-node:${id.slice(5)}` : null),
        load: async (id: string) => {
          if (!id.startsWith('\0wspl-node:')) return null;
          const name = id.slice('\0wspl-node:'.length);
          const real = (await import(`node:${name}`)) as Record<string, unknown>;
          const names = Object.keys(real).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
          return [
            `const fail = (n) => () => { throw new Error('wspl report: node:${name} ' + n + ' is not available in the page'); };`,
            ...names.map((n) => `export const ${n} = fail(${JSON.stringify(n)});`),
            'export default {};',
          ].join('\n');
        },
      },
    ],
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
