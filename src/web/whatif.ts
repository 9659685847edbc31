// What-if over the whole matrix, from the page: apply the changes (the same `set:` / `delete:` changes as
// `wspl whatif`), and say which cells change and which running sessions would drop. The comparison is `wspl whatif`'s
// own (whatifStep, one step for all the changes), so the page and the command cannot disagree, and only the cells a
// change can affect are predicted again.
import type { Model } from '../model/types.js';
import { fateText } from '../report/trace-words.js';
import { changeApplier } from '../sources/changes.js';
import { connectedCells, whatifStep, type EstateStep } from '../workspaces/estate-whatif.js';
import type { MatrixEntry } from '../workspaces/matrix.js';
import { matrixView } from './matrix-view.js';
import { buildTopology } from './topology.js';
import type { Topology, WhatifView } from './types.js';

/** How many changed cells and dropping sessions are listed by name; the counts are always complete. */
export const LIST_LIMIT = 1000;

export interface ChangedSetup {
  changes: string[];
  model: Model;
  /** Every cell of the changed setup, client by client (those the changes cannot affect are reused). */
  entries: MatrixEntry[];
  topology: Topology;
  /** What the changes do to the setup's cells and running sessions. */
  step: EstateStep;
}

/** The setup after the changes: the model, its cells, its picture, and what changed from `entries`. */
export function changedSetup(
  model: Model,
  entries: readonly MatrixEntry[],
  changes: readonly string[],
  label: string,
): ChangedSetup {
  const apply = changeApplier(model, label);
  let changed = model;
  for (const change of changes) changed = apply(change);
  const { step, entries: after } = whatifStep(model, changed, entries, connectedCells(entries), changes.join('\n'));
  return { changes: [...changes], model: changed, entries: after, topology: buildTopology(changed), step };
}

/** Which cells the changes turn into something else, and which of the sessions connected before would drop. */
export function compareSetups(setup: ChangedSetup): WhatifView {
  const { step } = setup;
  const view: WhatifView = {
    changes: setup.changes,
    after: matrixView(setup.model, setup.entries),
    topology: setup.topology,
    changed: [],
    changedCount: 0,
    sessions: { running: step.running, dropping: [], droppingCount: step.dropped.length },
  };
  // Cells added or taken away by the changes are not listed: the page compares cells that are in both matrices.
  for (const c of step.changed) {
    if (!c.before || !c.after) continue;
    view.changedCount++;
    if (view.changed.length < LIST_LIMIT)
      view.changed.push({ client: c.client, workspace: c.workspace, before: c.before.outcome, after: c.after.outcome });
  }
  for (const d of step.dropped.slice(0, LIST_LIMIT))
    view.sessions.dropping.push({
      client: d.client,
      workspace: d.workspace,
      reason: fateText(d.reason),
      inferred: d.inferred,
    });
  return view;
}
