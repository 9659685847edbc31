// The order in which rules, routes and attached security groups are written is not a setting: security groups
// allow if any rule allows, route tables pick the longest prefix, network ACLs go by rule number. Shuffling them never changes a prediction.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/workspaces/types.js';
import { predictMatrix } from '../../src/workspaces/matrix.js';
import { modelOf, type Doc } from '../scenarios/helpers.js';
import { build, estate, RUNS, shuffle, shuffleKeys } from './estate.js';

/** What the user acts on: the outcome, the endpoint chosen, and which settings block (as sets). */
function verdicts(ts: Trace[]): unknown[] {
  return ts.map((t) => ({
    outcome: t.outcome,
    endpoint: t.endpoint,
    blockers: [...new Set(t.blockers.map((b) => `${b.resource}|${b.kind}|${b.phase ?? ''}`))].sort(),
    missing: t.missing.length > 0,
    probes: t.probes.map((p) => `${p.transport} ${p.port} ${p.address ?? ''} ${String(p.reachable)}`),
  }));
}

function reorder(doc: Doc, seed: number): Doc {
  for (const vpc of Object.values(doc.vpcs) as Doc[]) {
    for (const sg of Object.values(vpc.securityGroups ?? {}) as Doc[]) {
      if (sg.ingress) sg.ingress = shuffle(sg.ingress, seed);
      if (sg.egress) sg.egress = shuffle(sg.egress, seed + 1);
    }
    for (const holder of [...Object.values(vpc.instances ?? {}), ...Object.values(vpc.endpoints ?? {})] as Doc[]) {
      if (holder.securityGroups) holder.securityGroups = shuffle(holder.securityGroups, seed + 6);
    }
    for (const [name, rt] of Object.entries(vpc.routeTables ?? {}))
      vpc.routeTables[name] = shuffleKeys(rt as Record<string, string>, seed + 2);
    for (const acl of Object.values(vpc.networkAcls ?? {}) as Doc[]) {
      if (acl.ingress) acl.ingress = shuffle(acl.ingress, seed + 3);
      if (acl.egress) acl.egress = shuffle(acl.egress, seed + 4);
    }
  }
  for (const tgw of Object.values(doc.transitGateways ?? {}) as Doc[]) {
    for (const [name, rt] of Object.entries(tgw.routeTables ?? {}))
      tgw.routeTables[name] = shuffleKeys(rt as Record<string, string>, seed + 5);
  }
  return doc;
}

describe('the written order of rules and routes', () => {
  it('never changes an outcome, the endpoint chosen or the settings that block', () => {
    fc.assert(
      fc.property(estate, fc.integer({ min: 1 }), (e, seed) => {
        const before = verdicts(predictMatrix(modelOf(build(e))));
        const after = verdicts(predictMatrix(modelOf(reorder(build(e), seed))));
        expect(after).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
