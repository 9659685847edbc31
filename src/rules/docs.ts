// Where the docs pages live: docs/rules/<id>.md and docs/outcomes/<OUTCOME>.md at the package root.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../input/package-root.js';

export function docsRoot(): string {
  const root = packageRoot();
  if (root === undefined || !existsSync(path.join(root, 'docs', 'rules')))
    throw new Error('wspl: cannot find the docs folder of the package');
  return path.join(root, 'docs');
}

export function readRuleDoc(id: string): string {
  return readFileSync(path.join(docsRoot(), 'rules', `${id}.md`), 'utf8');
}

export function readOutcomeDoc(outcome: string): string {
  return readFileSync(path.join(docsRoot(), 'outcomes', `${outcome}.md`), 'utf8');
}
