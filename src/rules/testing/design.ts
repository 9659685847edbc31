// Test environments in the design-file form: `design(yaml)` for a snippet, `seed(...changes)` for the seed's
// environment (examples/seed-tokyo.yaml) with whatif-style changes (`set:PATH=VALUE`, `delete:PATH`) applied.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { formatDiagnostic } from '../../diagnostics.js';
import type { Model } from '../../model/types.js';
import { applyChange } from '../../sources/design/change.js';
import { loadDesignText } from '../../sources/design/load.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples');
const texts = new Map<string, string>();

export function design(text: string, file = 'test.yaml'): Model {
  const result = loadDesignText(text, file);
  if (!result.ok) throw new Error(`test design does not load:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
  return result.model;
}

/** An example of examples/ as a document, with the changes applied. */
export function exampleDoc(file: string, ...changes: string[]): object {
  let text = texts.get(file);
  if (text === undefined) {
    text = readFileSync(path.join(EXAMPLES, file), 'utf8');
    texts.set(file, text);
  }
  let doc = parse(text) as object;
  for (const change of changes) doc = applyChange(doc, change);
  return doc;
}

export function example(file: string, ...changes: string[]): Model {
  return design(stringify(exampleDoc(file, ...changes)), file);
}

/** The seed environment after the changes, e.g. seed('set:vpcs.vpc1.endpoints.streaming.privateDns=false'). */
export function seed(...changes: string[]): Model {
  return example('seed-tokyo.yaml', ...changes);
}

/** The office reaching the endpoint over a transit gateway (examples/office-tgw.yaml). */
export function office(...changes: string[]): Model {
  return example('office-tgw.yaml', ...changes);
}
