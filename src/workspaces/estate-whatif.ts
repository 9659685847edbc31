// `wspl whatif` without a client and a WorkSpace: the changes applied in order to the whole estate, and after each
// one what changes in the matrix (each cell whose outcome, path or transport changes) and which running sessions
// drop. Unchanged cells are only counted.
//
// Re-evaluation is scoped: a trace reads its own client, its own WorkSpace and that WorkSpace's directory, and the
// network (everything else of the model), never another client, WorkSpace or directory (trace.ts looks them up by
// id; the world is built from the network alone). So a change that touches only clients, WorkSpaces or directories
// re-predicts only the cells of those; a change to anything else re-predicts every cell. estate-whatif.test.ts
// holds the scoped result equal to a full re-evaluation.
import type { Model } from '../model/types.js';
import { existingSessionFate, type FateReason } from './lifecycle.js';
import { predictMatrixEntries, traceKey, type MatrixEntry } from './matrix.js';
import { traceConnection } from './trace.js';
import type { Trace } from './types.js';
import { buildWorld } from './world.js';

export type CellField = 'outcome' | 'path' | 'transport';

/** A cell whose prediction changes; `before`/`after` is undefined when its client or WorkSpace is added or removed. */
export interface CellChange {
  client: string;
  workspace: string;
  before?: Trace;
  after?: Trace;
  fields: CellField[];
}

export interface DroppedSession {
  client: string;
  workspace: string;
  reason: FateReason;
  inferred: boolean;
}

export interface EstateStep {
  change: string;
  changed: CellChange[];
  /** Cells in both matrices whose outcome, path and transport stay the same. */
  unchanged: number;
  /** Sessions running before this change (connected cells, less those dropped by earlier changes). */
  running: number;
  dropped: DroppedSession[];
  /** Traces predicted again for this change, and how many a full re-evaluation would predict. */
  traces: { computed: number; full: number };
}

export interface EstateWhatif {
  cells: number;
  connected: number;
  steps: EstateStep[];
}

/** What a change touched: ids of clients, WorkSpaces, directories, or `network` for anything else. */
interface Touched {
  network: boolean;
  clients: Set<string>;
  workspaces: Set<string>;
  directories: Set<string>;
}

/** Positions in the source change when the changed design is loaded again; they decide nothing. */
function factsOf(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => (key === 'prov' ? undefined : v));
}

function changedIds<T extends { id: string }>(a: readonly T[], b: readonly T[]): Set<string> {
  const before = new Map(a.map((x) => [x.id, factsOf(x)]));
  const out = new Set<string>();
  for (const x of b) if (before.get(x.id) !== factsOf(x)) out.add(x.id);
  const after = new Set(b.map((x) => x.id));
  for (const id of before.keys()) if (!after.has(id)) out.add(id);
  return out;
}

/** Model fields no trace reads: where the model came from, and the intents. */
const NOT_READ = new Set(['origin', 'expectations', 'clients', 'workspaces', 'directories']);

function touched(a: Model, b: Model): Touched {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  let network = false;
  for (const k of keys) {
    if (NOT_READ.has(k)) continue;
    if (factsOf((a as unknown as Record<string, unknown>)[k]) !== factsOf((b as unknown as Record<string, unknown>)[k]))
      network = true;
  }
  return {
    network,
    clients: changedIds(a.clients, b.clients),
    workspaces: changedIds(a.workspaces, b.workspaces),
    directories: changedIds(a.directories, b.directories),
  };
}

/** The cells by client, then WorkSpace: half a million cells need no string key each. */
type CellIndex = Map<string, Map<string, MatrixEntry>>;

function indexCells(entries: readonly MatrixEntry[]): CellIndex {
  const index: CellIndex = new Map();
  for (const e of entries) {
    let row = index.get(e.client);
    if (!row) index.set(e.client, (row = new Map<string, MatrixEntry>()));
    row.set(e.workspace, e);
  }
  return index;
}

/**
 * Finds the cells of a matrix (client by client, `width` WorkSpaces a row, as predictMatrixEntries gives it) by ids.
 * A change rarely moves a client or a WorkSpace, so a cell is first looked for where the same place in the grid
 * would hold it, and the ids checked; only when they differ is an index built (once), which for half a million
 * cells costs more than the rest of a what-if step.
 */
class CellFinder {
  private index: CellIndex | undefined;

  constructor(
    private readonly entries: readonly MatrixEntry[],
    private readonly width: number,
  ) {}

  /** The cell of `client` × `workspace`, whose places in the grid looked at are `row` and `column`. */
  find(row: number, column: number, client: string, workspace: string): MatrixEntry | undefined {
    const e = column < this.width ? this.entries[row * this.width + column] : undefined;
    if (e !== undefined && e.client === client && e.workspace === workspace) return e;
    this.index ??= indexCells(this.entries);
    return this.index.get(client)?.get(workspace);
  }
}

/** Distinct traces of a full matrix: one per client and trace key. */
function fullTraceCount(model: Model): number {
  return model.clients.length * new Set(model.workspaces.map(traceKey)).size;
}

/** The matrix after a change, predicting again only the cells the change can affect. */
function repredict(
  before: Model,
  after: Model,
  previous: readonly MatrixEntry[],
): { entries: MatrixEntry[]; computed: number; touched: Touched } {
  const t = touched(before, after);
  if (t.network) {
    const entries = predictMatrixEntries(after);
    return { entries, computed: new Set(entries.map((e) => e.trace)).size, touched: t };
  }
  const old = new CellFinder(previous, before.workspaces.length);
  let world: ReturnType<typeof buildWorld> | undefined;
  let computed = 0;
  const entries: MatrixEntry[] = [];
  for (const [ci, c] of after.clients.entries()) {
    const byKey = new Map<string, Trace>();
    const clientTouched = t.clients.has(c.id);
    for (const [wi, w] of after.workspaces.entries()) {
      const cell =
        clientTouched || t.workspaces.has(w.id) || t.directories.has(w.directory)
          ? undefined
          : old.find(ci, wi, c.id, w.id);
      if (cell) {
        // The very cell of before: nothing it reads has changed.
        entries.push(cell);
        continue;
      }
      const key = traceKey(w);
      let trace = byKey.get(key);
      if (!trace) {
        world ??= buildWorld(after);
        trace = traceConnection(after, c.id, w.id, world);
        byKey.set(key, trace);
        computed++;
      }
      entries.push({ client: c.id, workspace: w.id, trace });
    }
  }
  return { entries, computed, touched: t };
}

function differs(a: Trace, b: Trace): CellField[] {
  const fields: CellField[] = [];
  if (a.outcome !== b.outcome) fields.push('outcome');
  if (a.path !== b.path) fields.push('path');
  if (a.endpoint?.transport !== b.endpoint?.transport || a.endpoint?.port !== b.endpoint?.port)
    fields.push('transport');
  return fields;
}

/**
 * Applies the changes in order to the whole estate. `apply` turns the previous model and one change into the next
 * (the CLI applies them on the design-file form, as for one session).
 */
export function whatifEstate(
  model: Model,
  changes: readonly string[],
  apply: (m: Model, change: string) => Model,
  /** Called after the matrix before the changes and after each change (progress on a terminal, in the CLI). */
  onProgress?: (changesDone: number, changes: number) => void,
): EstateWhatif {
  let current = model;
  let entries = predictMatrixEntries(model);
  onProgress?.(0, changes.length);
  // The running sessions: the cells connected now, each with the trace it connected on.
  let running = connectedCells(entries);
  const result: EstateWhatif = { cells: entries.length, connected: running.length, steps: [] };
  for (const change of changes) {
    const next = apply(current, change);
    const step = whatifStep(current, next, entries, running, change);
    result.steps.push(step.step);
    onProgress?.(result.steps.length, changes.length);
    current = next;
    entries = step.entries;
    running = step.running;
  }
  return result;
}

/** The cells connected in a matrix: the sessions that may be running on it, each with the trace it connected on. */
export function connectedCells(entries: readonly MatrixEntry[]): MatrixEntry[] {
  return entries.filter((e) => e.trace.outcome === 'CONNECTED');
}

export interface WhatifStepResult {
  step: EstateStep;
  /** The matrix after the change (client by client, as predictMatrixEntries gives it). */
  entries: MatrixEntry[];
  /** The sessions still running after it. */
  running: MatrixEntry[];
}

/**
 * What going from `before` to `after` does: the matrix after it (predicting again only the cells the difference can
 * affect), each cell that changes, and which of the `running` sessions drop. The one home of this comparison:
 * `wspl whatif` takes a step per change, the dashboard's what-if one step for all its changes.
 */
export function whatifStep(
  before: Model,
  after: Model,
  entries: readonly MatrixEntry[],
  running: readonly MatrixEntry[],
  change: string,
): WhatifStepResult {
  const { entries: next, computed, touched: t } = repredict(before, after, entries);
  const step: EstateStep = {
    change,
    changed: [],
    unchanged: 0,
    running: running.length,
    dropped: [],
    traces: { computed, full: fullTraceCount(after) },
  };
  const beforeCells = new CellFinder(entries, before.workspaces.length);
  const width = after.workspaces.length;
  for (const [i, e] of next.entries()) {
    const b = beforeCells.find(Math.floor(i / width), i % width, e.client, e.workspace);
    if (!b) {
      step.changed.push({ client: e.client, workspace: e.workspace, after: e.trace, fields: ['outcome'] });
      continue;
    }
    const fields = b.trace === e.trace ? [] : differs(b.trace, e.trace);
    if (fields.length === 0) step.unchanged++;
    else step.changed.push({ client: e.client, workspace: e.workspace, before: b.trace, after: e.trace, fields });
  }
  const clientsNow = new Set(after.clients.map((c) => c.id));
  const workspacesNow = new Set(after.workspaces.map((w) => w.id));
  const present = (x: { client: string; workspace: string }) =>
    clientsNow.has(x.client) && workspacesNow.has(x.workspace);
  for (const b of entries)
    if (!present(b))
      step.changed.push({ client: b.client, workspace: b.workspace, before: b.trace, fields: ['outcome'] });

  // Each running session's fate on the changed model; sessions that share a trace share the answer.
  const world = running.length > 0 && (t.network || t.clients.size > 0) ? buildWorld(after) : undefined;
  const fates = new Map<Trace, ReturnType<typeof existingSessionFate>>();
  const stillRunning: MatrixEntry[] = [];
  for (const s of running) {
    let fate = fates.get(s.trace);
    if (!present(s)) {
      fate = { existing: 'disconnected', reason: { code: 'left-setup' }, inferred: false };
    } else if (!t.network && !t.clients.has(s.client)) {
      // Its packets meet the same network from the same client as before the change, so it runs on; directory
      // and broker settings apply to new sessions only (observed in seed 4-5).
      stillRunning.push(s);
      continue;
    } else if (!fate) {
      fate = existingSessionFate({ ...s.trace, workspace: s.workspace }, after, world);
      fates.set(s.trace, fate);
    }
    if (fate.existing === 'disconnected')
      step.dropped.push({ client: s.client, workspace: s.workspace, reason: fate.reason, inferred: fate.inferred });
    else stillRunning.push(s);
  }
  return { step, entries: next, running: stillRunning };
}

/** For CI, as for one session: a change drops a running session, or turns a connecting cell into a failing one. */
export function estateBreaksSomething(r: EstateWhatif): boolean {
  return r.steps.some(
    (s) =>
      s.dropped.length > 0 ||
      s.changed.some((c) => c.before?.outcome === 'CONNECTED' && c.after?.outcome !== 'CONNECTED'),
  );
}
