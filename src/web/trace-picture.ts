// A trace drawn on the picture: which boxes each leg passes (DNS lookups, the internet leg of registration and login,
// the broker's answer, every probe toward the endpoint) and where each blocker sits. Trace hops and blockers name
// model ids ("vpc1/endpoint-sg") or a few place names ("vpc1 resolver 10.0.0.2", "public DNS"); `nodesFor` is the
// one function that turns such a name into picture nodes. The page gets the trace as `wspl trace --format json`
// writes it: the typed facts and their words.
import type { Evaluated } from '../net/trace-types.js';
import { blockerJson, hopJson, traceJson } from '../report/trace-json.js';
import type { Hop, StepStatus, Trace } from '../workspaces/types.js';
import type { PictureBlocker, PictureLeg, PictureNode, Topology, TraceView } from './types.js';

interface Index {
  nodes: Map<string, PictureNode>;
}

const indexes = new WeakMap<Topology, Index>();

function indexOf(topology: Topology): Index {
  let index = indexes.get(topology);
  if (!index) {
    index = { nodes: new Map(topology.nodes.map((n) => [n.id, n])) };
    indexes.set(topology, index);
  }
  return index;
}

/** The picture nodes that stand for a resource id or a hop's node name (none when the picture does not show it). */
export function nodesFor(topology: Topology, name: string): string[] {
  const direct = topology.aliases[name];
  if (direct) return direct;
  // The data plane names resolvers by place and address: "vpc1 resolver 10.0.0.2", "onprem/office DNS 192.168.0.53".
  const resolver = /^(.+) resolver \S+$/.exec(name);
  if (resolver && indexOf(topology).nodes.has(`resolver:${resolver[1] ?? ''}`))
    return [`resolver:${resolver[1] ?? ''}`];
  const site = /^(.+ DNS) \S+$/.exec(name);
  if (site) return topology.aliases[site[1] ?? ''] ?? [];
  return [];
}

function ancestors(index: Index, id: string): string[] {
  const out: string[] = [];
  for (let n = index.nodes.get(id); n; n = n.parent !== undefined ? index.nodes.get(n.parent) : undefined)
    out.push(n.id);
  return out;
}

const INTERFACES: ReadonlySet<string> = new Set(['endpoint-eni', 'resolver-eni', 'endpoint']);

function within(index: Index, node: string, container: string): boolean {
  return ancestors(index, node).includes(container);
}

/**
 * The box a hop stands on, given the previous box. A setting on several boxes (a route table or network ACL on many
 * subnets) counts as the previous box's own container when it holds it, and is left out when none does: drawing a
 * guess would mislead.
 */
function place(index: Index, candidates: string[], previous: string | undefined, goal: string[]): string | undefined {
  if (candidates.length <= 1) return candidates[0];
  const aim = candidates.find((c) => goal.includes(c));
  if (aim !== undefined) return aim;
  if (previous === undefined) return undefined;
  const holder = candidates.find((c) => within(index, previous, c));
  if (holder !== undefined) return holder;
  // The network interfaces of one endpoint: any of them shows where the packet goes.
  return candidates.every((c) => INTERFACES.has(index.nodes.get(c)?.kind ?? 'vpc')) ? candidates[0] : undefined;
}

/** Name lookups the client makes before it sends anything: drawn as their own DNS leg. */
const LOOKUPS: ReadonlySet<Evaluated> = new Set(['dns-public', 'dns-private-zone', 'dns-resolver']);
const isLookup = (hop: Hop) => LOOKUPS.has(hop.evaluated);

class LegBuilder {
  readonly legs: PictureLeg[] = [];
  private readonly index: Index;

  constructor(
    private readonly topology: Topology,
    private readonly start: string | undefined,
  ) {
    this.index = indexOf(topology);
  }

  /** Where a hop sends the packet next (a route's target, a VPN's attachment), so gateways show on the path. */
  private routeTarget(hop: Hop): string[] {
    if (hop.result !== 'forwarded') return [];
    const d = hop.decision;
    if (d.code === 'route') return d.target === 'local' ? [] : nodesFor(this.topology, d.target);
    if (d.code === 'tgw-route' || d.code === 'to-tgw') return nodesFor(this.topology, d.attachment);
    if (d.code === 'to-vgw') return this.index.nodes.has(`vgw:${d.vpc}`) ? [`vgw:${d.vpc}`] : [];
    return [];
  }

  private mapHops(
    hops: Hop[],
    first: string | undefined,
    goal: string[],
  ): { nodes: string[]; hops: PictureLeg['hops'] } {
    const nodes: string[] = first !== undefined ? [first] : [];
    const mapped: PictureLeg['hops'] = [];
    // Where the last route sent the packet: drawn once the packet is seen leaving the current box.
    let pending: string | undefined;
    const push = (n: string) => {
      const last = nodes[nodes.length - 1];
      // Moving up to one's own subnet or VPC adds nothing to the picture; a loop is cut back to its start.
      if (last !== undefined && (last === n || within(this.index, last, n))) return;
      const seen = nodes.indexOf(n);
      if (seen >= 0) nodes.length = seen + 1;
      else nodes.push(n);
    };
    for (const hop of hops) {
      const node = place(this.index, nodesFor(this.topology, hop.node), nodes[nodes.length - 1], goal);
      mapped.push({ hop: hopJson(hop), nodes: node !== undefined ? [node] : [] });
      const last = nodes[nodes.length - 1];
      const leaves = node !== undefined && last !== undefined && node !== last && !within(this.index, last, node);
      if (pending !== undefined && (leaves || node === pending)) {
        push(pending);
        pending = undefined;
      }
      if (node !== undefined) push(node);
      pending = this.routeTarget(hop)[0] ?? pending;
    }
    if (pending !== undefined) push(pending);
    return { nodes, hops: mapped };
  }

  add(id: string, label: string, kind: PictureLeg['kind'], status: StepStatus, hops: Hop[], end: string[]): void {
    const { nodes, hops: mapped } = this.mapHops(hops, kind === 'broker' ? undefined : this.start, end);
    for (const n of end) if (nodes[nodes.length - 1] !== n) nodes.push(n);
    if (nodes.length < 2) return;
    // Legs that took the same boxes with the same result (four probes, two lookups) are one line, one label.
    const same = this.legs.find((l) => l.kind === kind && l.status === status && l.nodes.join('|') === nodes.join('|'));
    if (same) {
      same.label += ` · ${kind === 'stream' ? label.replace(/^probe /, '') : label}`;
      return;
    }
    this.legs.push({ id, label, kind, status, nodes, hops: mapped });
  }
}

function probeStatus(reachable: boolean | 'unknown'): StepStatus {
  return reachable === 'unknown' ? 'unknown' : reachable ? 'ok' : 'fail';
}

/**
 * The trace as legs and blockers on the picture. `fixFor` gives the "How to fix" text of a rule page.
 */
export function tracePicture(
  topology: Topology,
  trace: Trace,
  fixFor: (ruleId: string) => string | undefined = () => undefined,
): TraceView {
  const start = nodesFor(topology, trace.client)[0];
  const legs = new LegBuilder(topology, start);
  const named = new Set<string>([trace.client]);
  for (const step of trace.steps) {
    const hops = step.hops ?? [];
    for (const h of hops) named.add(h.node);
    if (step.step === 'broker') {
      legs.add(
        'broker',
        'broker',
        'broker',
        step.status,
        [],
        ['aws-services', ...step.evidence.flatMap((e) => nodesFor(topology, e).slice(0, 1))],
      );
      continue;
    }
    if (hops.length === 0) continue;
    if (step.step === 'dns') {
      legs.add('dns', 'dns', 'dns', step.status, hops, []);
      continue;
    }
    const lookups = hops.filter(isLookup);
    if (lookups.length > 0) legs.add(`${step.step}-dns`, `dns (${step.step})`, 'dns', step.status, lookups, []);
    const packets = hops.filter((h) => !isLookup(h));
    const reached = step.status === 'ok' ? ['internet', 'aws-services'] : [];
    if (packets.length > 0 || reached.length > 0)
      legs.add(step.step, step.step, 'internet', step.status, packets, reached);
  }
  for (const p of trace.probes) {
    for (const h of p.hops) named.add(h.node);
    const target =
      trace.path === 'internet'
        ? ['dcv-gateways']
        : p.address !== undefined
          ? nodesFor(topology, p.address).slice(0, 1)
          : [];
    legs.add(
      `probe-${p.transport}-${p.port}`,
      `probe ${p.transport} ${p.port}`,
      'stream',
      probeStatus(p.reachable),
      p.hops,
      target,
    );
  }
  const blockers: PictureBlocker[] = trace.blockers.map((b) => {
    named.add(b.resource);
    const fix = b.ruleId !== undefined ? fixFor(b.ruleId) : undefined;
    return { blocker: blockerJson(b), nodes: nodesFor(topology, b.resource), ...(fix !== undefined ? { fix } : {}) };
  });
  const unplaced = [...named].filter((n) => nodesFor(topology, n).length === 0);
  return { trace: traceJson(trace), legs: legs.legs, blockers, unplaced };
}
