// Meaning checks on the model, the same for every source: what AWS itself would refuse (a Region nobody has, a
// subnet in a zone of another Region, peered VPCs with overlapping CIDRs, subnets that overlap) and references to
// things the input does not hold. A source only converts; it gets these checks for free.
import { didYouMean } from './did-you-mean.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Model, Provenance, Scope, Subnet } from '../model/types.js';
import { closestRegion, isKnownRegion, zoneInRegion } from '../model/regions.js';
import { contains, overlaps, parseRange, type IpRange } from '../net/cidr.js';
import type { FieldLocator, LoadResult } from './loader.js';

class Sink {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly locate?: FieldLocator) {}

  error(code: string, prov: Provenance, field: string | undefined, message: string): void {
    const path = field === undefined ? prov.path : prov.path ? `${prov.path}.${field}` : field;
    const fieldPos = field !== undefined ? prov.fields?.[field] : undefined;
    const line = fieldPos?.line ?? (path !== undefined ? this.locate?.(path) : undefined) ?? prov.line;
    // Templates and plans know columns too: the field's, or the resource's when the line is the resource's.
    const column = fieldPos ? fieldPos.column : line === prov.line ? prov.column : undefined;
    this.diagnostics.push({
      severity: 'error',
      code,
      file: prov.file,
      ...(line !== undefined ? { line } : {}),
      ...(line !== undefined && column !== undefined ? { column } : {}),
      ...(path !== undefined ? { field: path } : {}),
      message,
    });
  }
}

function checkRegions(model: Model, sink: Sink): void {
  const seen = new Set<string>();
  const scoped: { scope: Scope; prov: Provenance }[] = [
    ...(model.origin ? [{ scope: model, prov: model.origin }] : []),
    ...[...model.vpcs, ...model.transitGateways, ...model.directories].map((x) => ({ scope: x, prov: x.prov })),
  ];
  for (const { scope, prov } of scoped) {
    // A resource that only inherits the file's Region is reported once, at the file's `region:`.
    if (isKnownRegion(scope.region) || seen.has(scope.region)) continue;
    seen.add(scope.region);
    const hint = closestRegion(scope.region);
    sink.error(
      'unknown-region',
      prov,
      prov.source === 'design' ? 'region' : undefined,
      `"${scope.region}" is not an AWS Region${hint ? `; did you mean ${hint}?` : ''}`,
    );
  }
}

function checkZones(model: Model, sink: Sink): void {
  for (const s of model.subnets) {
    if (zoneInRegion(s.az, s.region) === false) {
      sink.error(
        'zone-not-in-region',
        s.prov,
        'az',
        `Availability Zone ${s.az} is not in ${s.region}, the Region of ${s.vpc}`,
      );
    }
  }
}

/** AWS refuses to create a peering between VPCs whose CIDRs overlap (VPC Peering Guide, "limitations"). */
function checkPeerings(model: Model, sink: Sink): void {
  const vpcs = new Map(model.vpcs.map((v) => [v.id, v]));
  for (const p of model.peerings) {
    const a = vpcs.get(p.requesterVpc);
    const b = vpcs.get(p.accepterVpc);
    if (!a || !b) continue;
    for (const ca of [...a.cidrs, ...a.ipv6Cidrs]) {
      const ra = parseRange(ca);
      const clash = [...b.cidrs, ...b.ipv6Cidrs].find((cb) => {
        const rb = parseRange(cb);
        return ra && rb && overlaps(ra, rb);
      });
      if (clash !== undefined) {
        sink.error(
          'peering-overlap',
          p.prov,
          undefined,
          `${a.id} (${ca}) and ${b.id} (${clash}) overlap: AWS cannot peer VPCs with overlapping CIDRs`,
        );
        break;
      }
    }
  }
}

function rangesOf(cidrs: readonly string[]): IpRange[] {
  return cidrs.map(parseRange).filter((r): r is IpRange => r !== undefined);
}

/** A subnet lies inside its VPC's CIDRs, and no two subnets of a VPC overlap (AWS refuses both). */
function checkSubnets(model: Model, sink: Sink): void {
  const vpcs = new Map(model.vpcs.map((v) => [v.id, v]));
  const byVpc = new Map<string, { subnet: Subnet; range: IpRange; order: number; field: 'cidr' | 'ipv6Cidr' }[]>();
  model.subnets.forEach((subnet, order) => {
    const vpc = vpcs.get(subnet.vpc);
    for (const field of ['cidr', 'ipv6Cidr'] as const) {
      const text = subnet[field];
      const range = text !== undefined ? parseRange(text) : undefined;
      if (!range || text === undefined) continue;
      const own = rangesOf(field === 'cidr' ? (vpc?.cidrs ?? []) : (vpc?.ipv6Cidrs ?? []));
      if (vpc && (field === 'ipv6Cidr' || own.length > 0) && !own.some((r) => contains(r, range))) {
        const which = field === 'cidr' ? 'CIDRs' : 'IPv6 CIDRs';
        sink.error('subnet-outside-vpc', subnet.prov, field, `${text} is not inside the ${which} of VPC ${vpc.id}`);
      }
      const list = byVpc.get(subnet.vpc) ?? [];
      list.push({ subnet, range, order, field });
      byVpc.set(subnet.vpc, list);
    }
  });
  // Sorted by start, a range can only overlap the ranges before it that reach past its start: linear after the sort.
  for (const list of byVpc.values()) {
    list.sort(
      (a, b) =>
        a.range.version - b.range.version ||
        (a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : a.order - b.order),
    );
    let reach: (typeof list)[number] | undefined;
    for (const item of list) {
      if (reach && reach.range.version === item.range.version && overlaps(reach.range, item.range)) {
        // Name the subnet written later, as a reader of the file meets the clash there.
        const [first, later] = reach.order < item.order ? [reach, item] : [item, reach];
        sink.error(
          'overlapping-subnets',
          later.subnet.prov,
          later.field,
          `${later.subnet[later.field] ?? ''} overlaps subnet "${first.subnet.name}"`,
        );
      }
      if (!reach || reach.range.version !== item.range.version || item.range.end > reach.range.end) reach = item;
    }
  }
}

/** Endpoint and resolver addresses sit in one of the resource's own subnets; an instance's in its subnet. */
function checkAddresses(model: Model, sink: Sink): void {
  const subnets = new Map(model.subnets.map((s) => [s.id, s]));
  const inSubnet = (subnetId: string, ip: IpRange) => {
    const s = subnets.get(subnetId);
    return s !== undefined && rangesOf([s.cidr, ...(s.ipv6Cidr ? [s.ipv6Cidr] : [])]).some((r) => contains(r, ip));
  };
  for (const holder of [...model.endpoints, ...model.resolverEndpoints]) {
    holder.addresses.forEach((a, i) => {
      const ip = parseRange(a.ip);
      if (!ip || inSubnet(a.subnet, ip)) return;
      const names = holder.subnets.map((id) => subnets.get(id)?.name ?? id);
      sink.error(
        'address-outside-subnets',
        holder.prov,
        `addresses.${i}`,
        `${a.ip} is not in any of its subnets (${names.join(', ') || 'none'})`,
      );
    });
  }
  for (const inst of model.instances) {
    const ip = inst.privateIp !== undefined ? parseRange(inst.privateIp) : undefined;
    const subnet = subnets.get(inst.subnet);
    if (!ip || !subnet || inSubnet(inst.subnet, ip)) continue;
    sink.error(
      'address-outside-subnets',
      inst.prov,
      'privateIp',
      `${inst.privateIp ?? ''} is not in subnet ${subnet.name} (${subnet.cidr})`,
    );
  }
}

/** A transit gateway is regional: its VPC attachments are to VPCs of its own Region (peering crosses Regions). */
function checkTransitGateways(model: Model, sink: Sink): void {
  const vpcs = new Map(model.vpcs.map((v) => [v.id, v]));
  const sites = new Map(model.onPremises.map((o) => [o.id, o]));
  for (const tgw of model.transitGateways) {
    for (const att of tgw.attachments) {
      if (att.kind === 'vpn' || att.kind === 'dx') {
        // The link is one thing seen from two ends: the site must list the attachment it arrives through.
        const site = sites.get(att.onPrem);
        const listed = site?.connections.some((c) => c.via === 'tgw' && c.attachment === att.id);
        if (site && !listed) {
          sink.error(
            'attachment-not-listed-by-site',
            att.prov,
            undefined,
            `attachment ${att.id} is a ${att.kind.toUpperCase()} link of ${site.id}, but ${site.id} lists no connection through it; add { ${att.kind}: ${att.id} } to its connections`,
          );
        }
        continue;
      }
      if (att.kind !== 'vpc') continue;
      const vpc = vpcs.get(att.vpc);
      if (vpc && vpc.region !== tgw.region) {
        sink.error(
          'tgw-attachment-region',
          att.prov,
          undefined,
          `attachment ${att.id} joins ${vpc.id} (${vpc.region}) to ${tgw.id} (${tgw.region}): a transit gateway attaches only VPCs of its own Region`,
        );
      }
    }
  }
}

/**
 * Every id one resource names must be a resource of the model. Sources resolve their own names; this is the net
 * under all of them, so a reference a converter let through is an error, not a crash or a silent gap downstream.
 */
function checkReferences(model: Model, sink: Sink): void {
  const ids = (list: readonly { id: string }[]) => new Set(list.map((x) => x.id));
  const vpcs = ids(model.vpcs);
  const subnets = ids(model.subnets);
  const tables = ids(model.routeTables);
  const groups = ids(model.securityGroups);
  const directories = ids(model.directories);
  const endpoints = ids(model.endpoints);
  const instances = ids(model.instances);
  const sites = ids(model.onPremises);
  const need = (set: Set<string>, id: string | undefined, what: string, prov: Provenance, field: string) => {
    if (id !== undefined && id !== '' && !set.has(id))
      sink.error('unknown-reference', prov, field, `${what} ${id} is not in the input${didYouMean(id, set)}`);
  };
  for (const s of model.subnets) {
    need(vpcs, s.vpc, 'VPC', s.prov, 'vpc');
    need(tables, s.routeTable, 'route table', s.prov, 'routeTable');
  }
  for (const i of model.instances) {
    need(subnets, i.subnet, 'subnet', i.prov, 'subnet');
    i.securityGroups.forEach((g, n) => need(groups, g, 'security group', i.prov, `securityGroups.${n}`));
  }
  for (const e of [...model.endpoints, ...model.resolverEndpoints]) {
    need(vpcs, e.vpc, 'VPC', e.prov, 'vpc');
    e.subnets.forEach((x, n) => need(subnets, x, 'subnet', e.prov, `subnets.${n}`));
    e.securityGroups.forEach((g, n) => need(groups, g, 'security group', e.prov, `securityGroups.${n}`));
  }
  for (const d of model.directories) {
    need(vpcs, d.vpc, 'VPC', d.prov, 'vpc');
    d.subnets.forEach((x, n) => need(subnets, x, 'subnet', d.prov, `subnets.${n}`));
    need(endpoints, d.streamingEndpoint ?? undefined, 'endpoint', d.prov, 'streamingEndpoint');
  }
  for (const w of model.workspaces) need(directories, w.directory, 'directory', w.prov, 'directory');
  for (const c of model.clients) {
    if (c.at.kind === 'vpc') {
      need(subnets, c.at.subnet, 'subnet', c.prov, 'at');
      need(instances, c.at.instance, 'instance', c.prov, 'at');
    } else if (c.at.kind === 'onprem') need(sites, c.at.network, 'on-premises network', c.prov, 'at');
  }
  for (const p of model.peerings) {
    need(vpcs, p.requesterVpc, 'VPC', p.prov, 'requester');
    need(vpcs, p.accepterVpc, 'VPC', p.prov, 'accepter');
  }
}

/** Runs every meaning check; a non-empty result (all errors) means the model must not be used. */
export function checkModel(model: Model, locate?: FieldLocator): Diagnostic[] {
  const sink = new Sink(locate);
  checkRegions(model, sink);
  checkZones(model, sink);
  checkPeerings(model, sink);
  checkReferences(model, sink);
  checkSubnets(model, sink);
  checkAddresses(model, sink);
  checkTransitGateways(model, sink);
  return sink.diagnostics;
}

/** A loader's result with the meaning checks applied: a model that fails them becomes a failed load. */
export function finishLoad(result: LoadResult): LoadResult {
  if (!result.ok) return result;
  const problems = checkModel(result.model, result.locate);
  if (problems.length === 0) return result;
  return { ok: false, diagnostics: [...result.diagnostics, ...problems] };
}
