// What-if over the whole matrix, from the page: apply the changes (the same `set:` / `delete:` changes as
// `wspl whatif`), predict every cell again, and say which cells change and which running sessions would drop.
import type { Model } from '../model/types.js';
import { fateText } from '../report/trace-words.js';
import { changeApplier } from '../sources/changes.js';
import { existingSessionFate } from '../workspaces/lifecycle.js';
import { predictMatrixEntries, type MatrixEntry } from '../workspaces/matrix.js';
import type { Trace } from '../workspaces/types.js';
import { buildWorld } from '../workspaces/world.js';
import { matrixView } from './matrix-view.js';
import { buildTopology } from './topology.js';
import type { CellKind, Topology, WhatifView } from './types.js';

/** How many changed cells and dropping sessions are listed by name; the counts are always complete. */
export const LIST_LIMIT = 1000;

function sameCell(a: CellKind, b: CellKind): boolean {
  return a.outcome === b.outcome && a.path === b.path && a.transport === b.transport && a.port === b.port;
}

export interface ChangedSetup {
  changes: string[];
  model: Model;
  entries: MatrixEntry[];
  topology: Topology;
}

/** The setup after the changes: the model, every cell predicted again, its picture. */
export function changedSetup(model: Model, changes: readonly string[], label: string): ChangedSetup {
  const apply = changeApplier(model, label);
  let changed = model;
  for (const change of changes) changed = apply(change);
  return {
    changes: [...changes],
    model: changed,
    entries: predictMatrixEntries(changed),
    topology: buildTopology(changed),
  };
}

/** Which cells the changes turn into something else, and which of the sessions connected before would drop. */
export function compareSetups(model: Model, before: readonly MatrixEntry[], setup: ChangedSetup): WhatifView {
  const changed = setup.model;
  const beforeView = matrixView(model, before);
  const after = matrixView(changed, setup.entries);
  const wsBefore = new Map(beforeView.workspaces.map((w, i) => [w.id, i]));
  const clientBefore = new Map(beforeView.clients.map((c, i) => [c.id, i]));
  const W0 = beforeView.workspaces.length;
  const W1 = after.workspaces.length;
  const view: WhatifView = {
    changes: setup.changes,
    after,
    topology: setup.topology,
    changed: [],
    changedCount: 0,
    sessions: { running: 0, dropping: [], droppingCount: 0 },
  };
  after.clients.forEach((c, ci) => {
    const c0 = clientBefore.get(c.id);
    if (c0 === undefined) return;
    after.workspaces.forEach((w, wi) => {
      const w0 = wsBefore.get(w.id);
      if (w0 === undefined) return;
      const k0 = beforeView.kinds[beforeView.cells[c0 * W0 + w0] ?? -1];
      const k1 = after.kinds[after.cells[ci * W1 + wi] ?? -1];
      if (!k0 || !k1 || sameCell(k0, k1)) return;
      view.changedCount++;
      if (view.changed.length < LIST_LIMIT)
        view.changed.push({ client: c.id, workspace: w.id, before: k0.outcome, after: k1.outcome });
    });
  });

  // Every connected cell is a session that may be running now. Cells share traces, so each shared trace is asked
  // once, for a WorkSpace of it that is still there; a cell whose WorkSpace or client is gone loses its session.
  const world = buildWorld(changed);
  const present = new Set(changed.workspaces.map((w) => w.id));
  const clientsNow = new Set(changed.clients.map((c) => c.id));
  const fates = new Map<Trace, ReturnType<typeof existingSessionFate>>();
  for (const e of before) {
    if (e.trace.outcome !== 'CONNECTED') continue;
    view.sessions.running++;
    let fate: ReturnType<typeof existingSessionFate>;
    if (!present.has(e.workspace) || !clientsNow.has(e.client)) {
      fate = { existing: 'disconnected', reason: { code: 'left-setup' }, inferred: false };
    } else {
      const known = fates.get(e.trace);
      fate = known ?? existingSessionFate({ ...e.trace, workspace: e.workspace }, changed, world);
      if (!known) fates.set(e.trace, fate);
    }
    if (fate.existing !== 'disconnected') continue;
    view.sessions.droppingCount++;
    if (view.sessions.dropping.length < LIST_LIMIT)
      view.sessions.dropping.push({
        client: e.client,
        workspace: e.workspace,
        reason: fateText(fate.reason),
        inferred: fate.inferred,
      });
  }
  return view;
}
