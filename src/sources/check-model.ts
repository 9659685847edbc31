// Meaning checks on the model, the same for every source: what AWS itself would refuse (a Region nobody has, a
// subnet in a zone of another Region, peered VPCs with overlapping CIDRs, subnets that overlap) and references to
// things the input does not hold. A source only converts; it gets these checks for free.
import type { Diagnostic } from '../diagnostics.js';
import type { Model, Provenance, Scope } from '../model/types.js';
import { closestRegion, isKnownRegion, zoneInRegion } from '../model/regions.js';
import { contains, overlaps, parseRange } from '../net/cidr.js';
import type { FieldLocator, LoadResult } from './loader.js';

class Sink {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly locate?: FieldLocator) {}

  error(code: string, prov: Provenance, field: string | undefined, message: string): void {
    const path = field === undefined ? prov.path : prov.path ? `${prov.path}.${field}` : field;
    const fieldLine = field !== undefined ? prov.fields?.[field]?.line : undefined;
    const line = fieldLine ?? (path !== undefined ? this.locate?.(path) : undefined) ?? prov.line;
    this.diagnostics.push({
      severity: 'error',
      code,
      file: prov.file,
      ...(line !== undefined ? { line } : {}),
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

/** Endpoint and resolver addresses must sit in one of the resource's own subnets. */
function checkAddresses(model: Model, sink: Sink): void {
  const subnets = new Map(model.subnets.map((s) => [s.id, s]));
  for (const holder of [...model.endpoints, ...model.resolverEndpoints]) {
    for (const a of holder.addresses) {
      const subnet = subnets.get(a.subnet);
      const ip = parseRange(a.ip);
      const cidrs = subnet ? [subnet.cidr, ...(subnet.ipv6Cidr ? [subnet.ipv6Cidr] : [])] : [];
      const inside = cidrs.some((c) => {
        const r = parseRange(c);
        return r !== undefined && ip !== undefined && contains(r, ip);
      });
      if (!ip || inside) continue;
      sink.error(
        'address-outside-subnets',
        holder.prov,
        'addresses',
        `${a.ip} is not in subnet ${a.subnet}${subnet ? ` (${subnet.cidr})` : ''}`,
      );
    }
  }
}

/** Runs every meaning check; a non-empty result (all errors) means the model must not be used. */
export function checkModel(model: Model, locate?: FieldLocator): Diagnostic[] {
  const sink = new Sink(locate);
  checkRegions(model, sink);
  checkZones(model, sink);
  checkPeerings(model, sink);
  checkAddresses(model, sink);
  return sink.diagnostics;
}

/** A loader's result with the meaning checks applied: a model that fails them becomes a failed load. */
export function finishLoad(result: LoadResult): LoadResult {
  if (!result.ok) return result;
  const problems = checkModel(result.model, result.locate);
  if (problems.length === 0) return result;
  return { ok: false, diagnostics: [...result.diagnostics, ...problems] };
}
