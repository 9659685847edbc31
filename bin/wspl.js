#!/usr/bin/env node
// The CLI is built into dist/bundle/ by `npm ci` (the prepare script): one bundled file starts in about half the
// time of the separate modules in dist/. Run it and hand back its exit code.
// With WSPL_DEBUG=1 a stack trace names the TypeScript source lines (the bundle carries source maps).
if (process.env.WSPL_DEBUG) process.setSourceMapsEnabled(true);
const { main } = await import('../dist/bundle/main.js');

process.exitCode = await main(process.argv.slice(2));
