// The version of wspl that wrote a snapshot, from package.json (the same file in a checkout and an install).
import { readFileSync } from 'node:fs';

export function wsplVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
