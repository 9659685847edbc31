// Where the docs pages live: docs/rules/<id>.md and docs/outcomes/<OUTCOME>.md at the package root. Found by
// walking up from this file, which works from src/ (tests, tsx) and from dist/ (the installed binary).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function docsRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'docs', 'rules'))) return path.join(dir, 'docs');
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('wspl: cannot find the docs folder of the package');
    dir = parent;
  }
}

export function readRuleDoc(id: string): string {
  return readFileSync(path.join(docsRoot(), 'rules', `${id}.md`), 'utf8');
}

export function readOutcomeDoc(outcome: string): string {
  return readFileSync(path.join(docsRoot(), 'outcomes', `${outcome}.md`), 'utf8');
}
