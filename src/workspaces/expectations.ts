// Intents (contract.md, "Intents"): each `expect:` entry against the predictions of the cells it names. An intent
// holds when every matching client × WorkSpace has one of its outcomes (and its path and transport, when given). An
// intent that matches no client or no WorkSpace holds for nothing: it is reported as unmet, since a typo in a glob
// must not pass a CI gate silently.
import { InputError } from '../diagnostics.js';
import { anyOf, globMatcher } from '../input/glob.js';
import type { Expectation, Model } from '../model/types.js';
import { predictMatrixEntries, type CellSelector, type MatrixEntry } from './matrix.js';
import type { Trace } from './types.js';

export type IntentField = 'outcome' | 'path' | 'transport';

export interface IntentCell {
  client: string;
  workspace: string;
  trace: Trace;
  /** What differs from the intent, in the order outcome, path, transport. */
  wrong: IntentField[];
}

export interface IntentResult {
  expectation: Expectation;
  /** How many clients and WorkSpaces the globs match. */
  clients: number;
  workspaces: number;
  /** Cells checked. */
  checked: number;
  unmet: IntentCell[];
}

export function intentHolds(r: IntentResult): boolean {
  return r.unmet.length === 0 && r.clients > 0 && r.workspaces > 0;
}

/** Where a single trace departs from an intent (empty when it matches). */
export function intentMismatch(e: Pick<Expectation, 'outcome' | 'path' | 'transport'>, t: Trace): IntentField[] {
  const wrong: IntentField[] = [];
  if (!e.outcome.includes(t.outcome)) wrong.push('outcome');
  if (t.outcome === 'CONNECTED') {
    if (e.path !== undefined && t.path !== e.path) wrong.push('path');
    if (e.transport !== undefined && t.endpoint?.transport !== e.transport) wrong.push('transport');
  }
  return wrong;
}

/** The cells some intent of the model names, for computing only those. */
export function intentSelector(model: Model): CellSelector {
  const matchers = (model.expectations ?? []).map((e) => [globMatcher(e.client), globMatcher(e.workspace)] as const);
  return (client, workspace) => matchers.some(([c, w]) => c(client) && w(workspace));
}

/** Every intent of the model against the given cells (which must include every cell the intents name). */
export function evaluateIntents(
  model: Model,
  cells: Iterable<{ client: string; workspace: string; trace: Trace }>,
): IntentResult[] {
  const list = model.expectations ?? [];
  if (list.length === 0) return [];
  const results = list.map((expectation) => {
    const c = globMatcher(expectation.client);
    const w = globMatcher(expectation.workspace);
    return {
      expectation,
      matchClient: c,
      matchWorkspace: w,
      clients: model.clients.filter((x) => c(x.id)).length,
      workspaces: model.workspaces.filter((x) => w(x.id)).length,
      checked: 0,
      unmet: [] as IntentCell[],
    };
  });
  for (const cell of cells) {
    for (const r of results) {
      if (!r.matchClient(cell.client) || !r.matchWorkspace(cell.workspace)) continue;
      r.checked += 1;
      const wrong = intentMismatch(r.expectation, cell.trace);
      if (wrong.length > 0) r.unmet.push({ ...cell, wrong });
    }
  }
  return results.map(({ expectation, clients, workspaces, checked, unmet }) => ({
    expectation,
    clients,
    workspaces,
    checked,
    unmet,
  }));
}

/** `wspl matrix --client/--workspace`: names or globs; an empty list shows everything. */
export interface MatrixFilter {
  clients: readonly string[];
  workspaces: readonly string[];
}

/**
 * The cells a filter names, and a pattern that names nothing as bad input (exit 2) listing the choices: a typo in a
 * filter must not print an empty table that reads as "nothing to worry about".
 */
export function filterSelector(model: Model, filter: MatrixFilter): CellSelector | undefined {
  if (filter.clients.length === 0 && filter.workspaces.length === 0) return undefined;
  for (const [what, patterns, ids] of [
    ['client', filter.clients, model.clients.map((c) => c.id)],
    ['WorkSpace', filter.workspaces, model.workspaces.map((w) => w.id)],
  ] as const) {
    for (const p of patterns) {
      const m = globMatcher(p);
      if (!ids.some(m)) {
        throw new InputError(
          `--${what === 'client' ? 'client' : 'workspace'} "${p}" matches no ${what}; ${what}s: ${ids.join(', ') || '(none)'}`,
          [],
          what === 'client' ? 'unknown-client' : 'unknown-workspace',
        );
      }
    }
  }
  const c = anyOf(filter.clients);
  const w = anyOf(filter.workspaces);
  return (client, workspace) => c(client) && w(workspace);
}

export interface MatrixWithIntents {
  /** The cells to show (those the filter names). */
  entries: MatrixEntry[];
  /** Every intent, judged on every cell it names, shown or not. */
  intents: IntentResult[];
}

/** The matrix a filter names, and the model's intents judged on the cells they name (computed once each). */
export function matrixWithIntents(
  model: Model,
  filter: MatrixFilter = { clients: [], workspaces: [] },
  onProgress?: (done: number, total: number) => void,
): MatrixWithIntents {
  const shown = filterSelector(model, filter);
  const hasIntents = (model.expectations ?? []).length > 0;
  const named = hasIntents ? intentSelector(model) : undefined;
  const select: CellSelector | undefined =
    shown && named ? (c, w) => shown(c, w) || named(c, w) : shown && !hasIntents ? shown : undefined;
  const all = predictMatrixEntries(model, select, onProgress);
  const intents = hasIntents ? evaluateIntents(model, all) : [];
  return { entries: shown ? all.filter((e) => shown(e.client, e.workspace)) : all, intents };
}
