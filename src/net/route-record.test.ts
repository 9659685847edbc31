import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types.js';
import { loadDesignFile } from '../sources/design/load.js';
import { buildWorld } from '../workspaces/world.js';
import { clientContext } from '../workspaces/client-context.js';
import type { IpRange } from './cidr.js';
import type { Remote } from './filters.js';
import type { CrossOptions, Origin } from './flow.js';
import { Network } from './network.js';
import { walkRoute } from './route-record.js';
import { routeStep, type RouteContext, type RouteTarget } from './routing.js';
import type { Hop, NetBlocker } from './trace-types.js';

/** Writes down every call a walk makes, in order, as plain data. */
class CallLog implements RouteContext {
  readonly calls: unknown[] = [];
  constructor(readonly net: Network) {}
  get noRoute(): boolean {
    return false;
  }
  set noRoute(v: boolean) {
    this.calls.push(['noRoute', v]);
  }
  hop(h: Hop): void {
    this.calls.push(['hop', h]);
  }
  block(b: NetBlocker): void {
    this.calls.push(['block', b]);
  }
  unknown(what: string): void {
    this.calls.push(['unknown', what]);
  }
  crossAcl(subnet: string, direction: string, remote: IpRange, opts?: CrossOptions): void {
    this.calls.push(['acl', subnet, direction, remote.text, opts]);
  }
  nat(id: string): void {
    this.calls.push(['nat', id]);
  }
  checkSg(node: string, groups: readonly string[] | undefined, direction: string, remote: Remote): void {
    this.calls.push(['sg', node, groups, direction, remote.range.text, remote.securityGroups]);
  }
}

const ROOT = new URL('../../', import.meta.url).pathname;
const designFiles = [
  ...readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(ROOT, 'examples', f)),
  join(ROOT, 'test/scenarios/office-tgw.yaml'),
];

function modelOf(file: string): Model {
  const r = loadDesignFile(file);
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.diagnostics)}`);
  return r.model;
}

/** Every client's real origin, and one address in every subnet; every ENI, the internet, and the way back. */
function walks(model: Model, net: Network): [Origin, RouteTarget][] {
  const world = buildWorld(model);
  const origins: Origin[] = model.clients.map((c) => clientContext(world, c).origin);
  for (const s of model.subnets) {
    const first = net.range(s.cidr);
    origins.push({ kind: 'vpc', subnet: s.id, range: first, label: `in-${s.id}` });
  }
  const targets: RouteTarget[] = [{ kind: 'internet', address: net.range('52.95.0.10/32') }];
  for (const ep of model.endpoints)
    for (const a of ep.addresses) targets.push({ kind: 'eni', address: net.range(`${a.ip}/32`) });
  const out: [Origin, RouteTarget][] = [];
  for (const o of origins) {
    for (const t of targets) out.push([o, t]);
    for (const back of origins) out.push([o, { kind: 'return', address: back.range }]);
  }
  return out;
}

describe('a recorded route walk, replayed', () => {
  it.each(designFiles)('makes the calls a fresh walk makes, in order, with the same arrival (%s)', (file) => {
    const model = modelOf(file);
    const fresh = new Network(model);
    const shared = new Network(model);
    const pairs = walks(model, fresh);
    expect(pairs.length).toBeGreaterThan(10);
    let withEvents = 0;
    for (const [origin, target] of pairs) {
      const direct = new CallLog(fresh);
      const src = origin.kind === 'vpc' ? fresh.subnets.get(origin.subnet) : undefined;
      const arrival = routeStep(direct, fresh, origin, src, target);
      // The first walk records and replays; the second only replays.
      for (let i = 0; i < 2; i++) {
        const replayed = new CallLog(shared);
        expect(walkRoute(replayed, shared, origin, target)).toEqual(arrival);
        expect(replayed.calls).toEqual(direct.calls);
      }
      if (direct.calls.length > 1) withEvents++;
    }
    expect(withEvents).toBeGreaterThan(0);
  });
});
