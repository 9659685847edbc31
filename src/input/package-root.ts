// The wspl package's own folder (where package.json, docs/ and web-dist/ sit), found by walking up from the running
// file. The same walk works from src/ (tests, tsx), from dist/ (compiled) and from dist/bundle/ (the bundled CLI),
// which sit at different depths; a path fixed relative to one of them would be wrong for the others.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

export function packageRoot(): string | undefined {
  if (found !== undefined) return found;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (isWsplPackage(path.join(dir, 'package.json'))) return (found = dir);
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Its own package.json, not one of a project wspl is installed into. */
function isWsplPackage(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'wspl';
  } catch {
    return false;
  }
}

/** The version in the package's package.json; 'unknown' when it cannot be read. */
export function packageVersion(): string {
  const root = packageRoot();
  if (root === undefined) return 'unknown';
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
