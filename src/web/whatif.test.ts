import { describe, expect, it } from 'vitest';
import { changeApplier } from '../sources/changes.js';
import type { Model } from '../model/types.js';
import { existingSessionFate } from '../workspaces/lifecycle.js';
import { predictMatrixEntries, type MatrixEntry } from '../workspaces/matrix.js';
import { example } from './testing/examples.js';
import { changedSetup, compareSetups } from './whatif.js';

const SEED_CHANGES = [
  ['set:vpcs.vpc1.instances.nat.state=stopped'],
  ['set:directories.corp.streamingEndpoint=null'],
  ['set:directories.corp.streamingEndpoint=null', 'delete:vpcs.vpc1.endpoints.streaming'],
  ['set:clients.home.version=5.10.0'],
  ['delete:workspaces.dcv-desktop'],
  ['delete:clients.ec2-client'],
  ['set:clients.ec2-client.at=internet', 'set:clients.ec2-client.publicIp=198.51.100.8'],
  ['set:workspaces.pcoip-desktop.protocol=dcv', 'set:vpcs.vpc1.instances.nat.state=stopped'],
];

/** The oracle: every cell predicted again and every running session asked, as the page did before it was scoped. */
function fullComparison(model: Model, changes: readonly string[]) {
  const apply = changeApplier(model, 'seed-tokyo.yaml');
  let changed = model;
  for (const c of changes) changed = apply(c);
  const before = predictMatrixEntries(model);
  const after = predictMatrixEntries(changed);
  const old = new Map(before.map((e) => [`${e.client} ${e.workspace}`, e.trace]));
  const cells = after.flatMap((e) => {
    const b = old.get(`${e.client} ${e.workspace}`);
    const same =
      b?.outcome === e.trace.outcome &&
      b.path === e.trace.path &&
      b.endpoint?.transport === e.trace.endpoint?.transport &&
      b.endpoint?.port === e.trace.endpoint?.port;
    return b && !same ? [{ client: e.client, workspace: e.workspace, before: b.outcome, after: e.trace.outcome }] : [];
  });
  const running = before.filter((e) => e.trace.outcome === 'CONNECTED');
  const present = (e: MatrixEntry) =>
    changed.clients.some((c) => c.id === e.client) && changed.workspaces.some((w) => w.id === e.workspace);
  const dropping = running.flatMap((e) => {
    if (!present(e)) return [[e.client, e.workspace, false]];
    const fate = existingSessionFate({ ...e.trace, workspace: e.workspace }, changed);
    return fate.existing === 'disconnected' ? [[e.client, e.workspace, fate.inferred]] : [];
  });
  return { cells, running: running.length, dropping };
}

describe("the page's what-if", () => {
  const cases: { changed: number; dropping: number }[] = [];
  it.each(SEED_CHANGES)('seed-tokyo, %s …: what every cell predicted again says', (...changes) => {
    const model = example('seed-tokyo');
    const view = compareSetups(changedSetup(model, predictMatrixEntries(model), changes, 'seed-tokyo.yaml'));
    const full = fullComparison(model, changes);
    expect(view.changed).toEqual(full.cells);
    expect(view.changedCount).toBe(full.cells.length);
    expect(view.sessions.running).toBe(full.running);
    expect(view.sessions.dropping.map((d) => [d.client, d.workspace, d.inferred])).toEqual(full.dropping);
    expect(view.sessions.droppingCount).toBe(full.dropping.length);
    cases.push({ changed: full.cells.length, dropping: full.dropping.length });
  });

  it('(the cases above change cells and drop sessions: the comparison has something to compare)', () => {
    expect(cases.filter((c) => c.changed > 0).length).toBeGreaterThanOrEqual(3);
    expect(cases.filter((c) => c.dropping > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('a change to one client predicts again only that client’s cells; the others keep their traces', () => {
    const model = example('seed-tokyo');
    const entries = predictMatrixEntries(model);
    const setup = changedSetup(model, entries, ['set:clients.home.version=5.10.0'], 'seed-tokyo.yaml');
    expect(setup.step.traces).toEqual({ computed: 2, full: 4 });
    for (const [i, e] of setup.entries.entries()) {
      const before = entries[i];
      expect([e.client, e.workspace]).toEqual([before?.client, before?.workspace]);
      if (e.client === 'home') expect(e.trace).not.toBe(before?.trace);
      else expect(e.trace).toBe(before?.trace);
    }
  });

  it('a WorkSpace taken away: its cells are not listed (not in both matrices); its running session drops', () => {
    const model = example('seed-tokyo');
    const view = compareSetups(
      changedSetup(model, predictMatrixEntries(model), ['delete:workspaces.dcv-desktop'], 'seed-tokyo.yaml'),
    );
    expect(view.after.workspaces.map((w) => w.id)).toEqual(['pcoip-desktop']);
    expect(view.changed).toEqual([]);
    expect(view.sessions).toMatchObject({ running: 1, droppingCount: 1 });
    expect(view.sessions.dropping[0]).toMatchObject({
      client: 'ec2-client',
      workspace: 'dcv-desktop',
      inferred: false,
    });
  });
});
