// Scenario helpers: start from the seed environment as a plain document, change it, load it as a user would.
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import type { Model } from '../../src/model/types.js';
import { loadDesignText } from '../../src/sources/design/load.js';
import { requireModel } from '../../src/sources/load.js';
import { traceConnection } from '../../src/workspaces/trace.js';
import { traceJson, type TraceJson } from '../../src/report/trace-json.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = any;

export function seedDoc(): Doc {
  return parse(readFileSync(new URL('../../examples/seed-tokyo.yaml', import.meta.url), 'utf8'));
}

export function docFile(path: string): Doc {
  return parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
}

export function modelOf(doc: Doc, file = 'scenario.yaml'): Model {
  return requireModel(loadDesignText(stringify(doc), file), file);
}

/** The trace as `wspl trace --format json` prints it: typed facts plus their words (`detail`, `action`). */
export function trace(doc: Doc, client: string, workspace: string): TraceJson {
  return traceJson(traceConnection(modelOf(doc), client, workspace));
}

export function ruleIds(t: Pick<TraceJson, 'blockers'>): string[] {
  return [...new Set(t.blockers.map((b) => b.ruleId ?? `(${b.kind})`))].sort();
}
