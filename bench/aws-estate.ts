// The benchmark's estate (bench/estate.ts) spread over several accounts and Regions, as the fake AWS serves it:
// VPC i and everything in it go to scope i mod N, a directory to its VPC's scope, a WorkSpace to its directory's.
// The transit gateway and its sites stay in the first scope; it keeps the attachments of the VPCs of its own Region
// (a transit gateway attaches only those).
import { stringify } from 'yaml';
import type { Model, Scope } from '../src/model/types.js';
import { loadDesignText } from '../src/sources/design/load.js';
import { requireModel } from '../src/sources/load.js';
import { generateEstate, sizeAt } from './estate.js';

export const ACCOUNTS = ['111122223333', '222233334444', '333344445555'];
export const REGIONS = ['ap-northeast-1', 'us-west-2'];
export const SCOPES: Scope[] = ACCOUNTS.flatMap((account) => REGIONS.map((region) => ({ account, region })));

function moveRegion<T>(value: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(value).split(from).join(to)) as T;
}

export function spreadEstate(scale = 1): Model {
  const base = requireModel(loadDesignText(stringify(generateEstate(sizeAt(scale))), 'estate.yaml'), 'estate.yaml');
  const from = base.region;
  const scopeOf = new Map(base.vpcs.map((v, i) => [v.id, SCOPES[i % SCOPES.length] as Scope]));
  const place = <T extends Scope & { vpc?: string }>(
    x: T,
    s = x.vpc !== undefined ? scopeOf.get(x.vpc) : undefined,
  ): T => (s ? { ...moveRegion(x, from, s.region), account: s.account, region: s.region } : x);
  const m: Model = { ...base };
  m.vpcs = base.vpcs.map((v) => place(v, scopeOf.get(v.id)));
  m.subnets = base.subnets.map((x) => place(x));
  m.routeTables = base.routeTables.map((x) => place(x));
  m.securityGroups = base.securityGroups.map((x) => place(x));
  m.networkAcls = base.networkAcls.map((x) => place(x));
  m.instances = base.instances.map((x) => place(x));
  m.natGateways = base.natGateways.map((x) => place(x));
  m.resolverEndpoints = base.resolverEndpoints.map((x) => place(x));
  m.endpoints = base.endpoints.map((x) => {
    const e = place(x);
    return { ...e, owner: e.account };
  });
  m.directories = base.directories.map((d) => place(d, d.vpc !== undefined ? scopeOf.get(d.vpc) : undefined));
  const dirScope = new Map(m.directories.map((d) => [d.id, { account: d.account, region: d.region }]));
  m.workspaces = base.workspaces.map((w) => ({ ...w, ...dirScope.get(w.directory) }));
  const region = new Map(m.vpcs.map((v) => [v.id, v.region]));
  m.transitGateways = base.transitGateways.map((t) => {
    const attachments = t.attachments.filter((a) => a.kind !== 'vpc' || region.get(a.vpc) === t.region);
    const kept = new Set(attachments.map((a) => a.id));
    const routeTables = t.routeTables.map((rt) => ({
      ...rt,
      routes: rt.routes.filter((r) => r.attachment === undefined || kept.has(r.attachment)),
    }));
    return { ...t, attachments, routeTables };
  });
  return m;
}
