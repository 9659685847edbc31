// The dashboard page, built by Vite into web-dist/ at `npm ci` (package.json `prepare`) and shipped in the package.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../diagnostics.js';
import { packageRoot } from '../input/package-root.js';

export type Bundle = 'app' | 'report';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export function webDistRoot(): string | undefined {
  const root = packageRoot();
  const candidate = root !== undefined ? path.join(root, 'web-dist') : undefined;
  return candidate !== undefined && existsSync(candidate) ? candidate : undefined;
}

/** The folder of a built bundle, or exit 2 saying how to build it. */
export function bundleDir(bundle: Bundle): string {
  const root = webDistRoot();
  const dir = root !== undefined ? path.join(root, bundle) : undefined;
  if (dir === undefined || !existsSync(dir)) {
    throw new InputError(
      `the dashboard's page is not built (no web-dist/${bundle}): run \`npm run build:web\` in the wspl folder`,
      [],
      'not-built',
    );
  }
  return dir;
}

export interface StaticFile {
  body: Uint8Array;
  type: string;
}

/** Every file of the built page, read once: a few hundred kilobytes, and no path from a request touches the disk. */
export function readBundle(bundle: Bundle): Map<string, StaticFile> {
  const root = bundleDir(bundle);
  const files = new Map<string, StaticFile>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else
        files.set('/' + path.relative(root, full).split(path.sep).join('/'), {
          body: readFileSync(full),
          type: TYPES[path.extname(name)] ?? 'application/octet-stream',
        });
    }
  };
  walk(root);
  return files;
}
