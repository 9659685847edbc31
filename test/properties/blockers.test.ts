// What a trace points at must exist: every blocker names a resource of the model (or the client, or an
// on-premises network) and every location is a line of the input. Probes follow the client's order and the
// endpoint chosen is the first reachable one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/model/types.js';
import { blockerText } from '../../src/report/reason-text.js';
import { predictMatrix } from '../../src/workspaces/matrix.js';
import type { Trace } from '../../src/workspaces/types.js';
import { modelOf } from '../scenarios/helpers.js';
import { stringify } from 'yaml';
import { build, estate, RUNS } from './estate.js';

function resourceIds(m: Model): Set<string> {
  const ids = new Set<string>();
  const add = (xs: readonly { id: string }[]) => xs.forEach((x) => ids.add(x.id));
  add(m.vpcs);
  add(m.subnets);
  add(m.routeTables);
  add(m.securityGroups);
  add(m.networkAcls);
  add(m.instances);
  add(m.natGateways);
  add(m.peerings);
  add(m.transitGateways);
  for (const t of m.transitGateways) {
    add(t.routeTables);
    add(t.attachments);
  }
  add(m.onPremises);
  add(m.endpoints);
  add(m.resolverEndpoints);
  add(m.prefixLists);
  add(m.ipGroups);
  add(m.directories);
  add(m.clients);
  add(m.workspaces);
  return ids;
}

function allBlockers(t: Trace) {
  return [...t.blockers, ...t.probes.flatMap((p) => p.blockers)];
}

describe('what a trace points at', () => {
  it('every blocker names a resource of the model and every location a line of the input', () => {
    fc.assert(
      fc.property(estate, (e) => {
        const text = stringify(build(e));
        const lines = text.split('\n').length;
        const model = modelOf(build(e), 'estate.yaml');
        const ids = resourceIds(model);
        for (const t of predictMatrix(model)) {
          for (const b of allBlockers(t)) {
            expect(
              ids.has(b.resource),
              `${t.client} → ${t.workspace}: blocker names "${b.resource}" (${blockerText(b)})`,
            ).toBe(true);
            if (b.location) {
              expect(b.location.file).toBe('estate.yaml');
              if (b.location.line !== undefined)
                expect(b.location.line >= 1 && b.location.line <= lines, `${b.resource}: line ${b.location.line}`).toBe(
                  true,
                );
            }
          }
          for (const h of [...t.steps.flatMap((s) => s.hops ?? []), ...t.probes.flatMap((p) => p.hops)]) {
            if (h.location?.line !== undefined)
              expect(h.location.line >= 1 && h.location.line <= lines, `${h.node}: line ${h.location.line}`).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it("probes come in the client's order and the endpoint is the first reachable one", () => {
    fc.assert(
      fc.property(estate, (e) => {
        const tcpFirst = e.preferredProtocol === 'tcp';
        for (const t of predictMatrix(modelOf(build(e)))) {
          const offered = t.offered.map((o) => `${o.transport} ${o.port}`);
          if (t.path === 'privatelink' || (t.path === 'internet' && t.workspace === 'dcv-desktop')) {
            const all = tcpFirst
              ? ['TCP 4195', 'TCP 443', 'QUIC 4195', 'QUIC 443']
              : ['QUIC 4195', 'QUIC 443', 'TCP 4195', 'TCP 443'];
            const order = (x: string) => all.indexOf(x);
            expect(offered.every((x) => order(x) >= 0)).toBe(true);
            expect([...offered].sort((a, b) => order(a) - order(b))).toEqual(offered);
            // The offered order is transport first, then port: 4195 before 443 within a transport.
            const tr = offered.map((x) => x.split(' ')[0]);
            expect(
              tr.indexOf(tcpFirst ? 'QUIC' : 'TCP') === -1 ||
                tr.lastIndexOf(tcpFirst ? 'TCP' : 'QUIC') < tr.indexOf(tcpFirst ? 'QUIC' : 'TCP'),
            ).toBe(true);
          }
          // Probes follow the offers in order.
          const probeOrder = t.probes.map((p) => offered.indexOf(`${p.transport} ${p.port}`));
          expect([...probeOrder].sort((a, b) => a - b)).toEqual(probeOrder);
          if (t.outcome === 'CONNECTED' && t.workspace === 'dcv-desktop') {
            const first = t.probes.find((p) => p.reachable === true)!;
            expect(t.endpoint).toEqual({
              hostname: first.hostname,
              transport: first.transport,
              port: first.port,
              address: first.address ?? null,
            });
          }
          if (t.outcome === 'CONNECTED') expect(t.probes.some((p) => p.reachable === true)).toBe(true);
          if (t.outcome === 'NO_REACHABLE_ENDPOINT')
            expect(t.probes.every((p) => p.reachable !== true) || t.workspace === 'pcoip-desktop').toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
