// Model ids for the resources of a template or plan, in the model's convention: a VPC by its name, what sits in a
// VPC as VPC/NAME, transit gateway parts as TGW/NAME, on-premises sites as onprem/NAME. A resource placed in a VPC the
// input does not hold (a VpcId given as a literal vpc-… or an import) cannot be modelled: it is left out, once, with
// a warning that says which VPC is missing.
import type { Assembly } from './assembly.js';
import type { RawOf, RawResource } from './graph.js';

const IN_VPC = new Set(['subnet', 'route-table', 'security-group', 'nacl', 'endpoint']);
const IN_SUBNET = new Set(['instance', 'nat-gateway']);
const TOP_LEVEL = new Set([
  'vpc',
  'igw',
  'vgw',
  'tgw',
  'peering',
  'prefix-list',
  'ip-group',
  'ws-directory',
  'workspace',
]);

/** The VPC (model id) a resource sits in, through its VpcId, its subnet, or its security groups. */
export function vpcIdOf(a: Assembly, r: RawResource): string | undefined {
  let link;
  if (IN_VPC.has(r.kind) && 'vpc' in r) link = r.vpc;
  else if (IN_SUBNET.has(r.kind) && 'subnet' in r) {
    const subnet = a.resolve(r.subnet, ['subnet'], r, 'subnet');
    return subnet && 'raw' in subnet ? vpcIdOf(a, subnet.raw) : undefined;
  } else if (r.kind === 'resolver-endpoint') {
    for (const addr of r.addresses) {
      const subnet = a.resolve(addr.subnet, ['subnet'], r, 'subnets');
      if (subnet && 'raw' in subnet) return vpcIdOf(a, subnet.raw);
    }
    return undefined;
  }
  if (link === undefined) return undefined;
  const vpc = a.resolve(link, ['vpc'], r, 'vpc');
  return vpc && 'raw' in vpc ? vpc.raw.name : undefined;
}

function describeMissingVpc(a: Assembly, r: RawResource): string {
  const link = 'vpc' in r ? r.vpc : 'subnet' in r ? r.subnet : undefined;
  const resolved = link ? a.resolve(link, ['vpc', 'subnet'], r, 'vpc') : undefined;
  if (resolved && 'external' in resolved) return `${resolved.external}, which is not in the input`;
  if (resolved && 'unknown' in resolved) return `a VPC that cannot be known before deployment (${resolved.unknown})`;
  return 'no VPC of the input';
}

export function assignIds(a: Assembly): void {
  for (const r of a.graph.resources) {
    if (TOP_LEVEL.has(r.kind)) a.ids.set(r.key, r.name);
    else if (r.kind === 'vpn') a.ids.set(r.key, `onprem/${r.name}`);
  }
  for (const r of a.graph.resources) {
    if (!IN_VPC.has(r.kind) && !IN_SUBNET.has(r.kind) && r.kind !== 'resolver-endpoint') continue;
    const vpc = vpcIdOf(a, r);
    if (vpc === undefined) {
      a.warn(
        'outside-input',
        r.prov,
        `${a.label(r)} sits in ${describeMissingVpc(a, r)}: it is left out (give the template or plan that holds the network too)`,
      );
      continue;
    }
    a.ids.set(r.key, `${vpc}/${r.name}`);
  }
  for (const r of a.all('tgw-route-table')) tgwPart(a, r, r.tgw);
  for (const r of a.all('tgw-vpc-attachment')) tgwPart(a, r, r.tgw);
}

function tgwPart(
  a: Assembly,
  r: RawOf<'tgw-route-table' | 'tgw-vpc-attachment'>,
  link: RawOf<'tgw-route-table'>['tgw'],
): void {
  const tgw = a.resolve(link, ['tgw'], r, 'tgw');
  if (tgw && 'raw' in tgw) a.ids.set(r.key, `${tgw.raw.name}/${r.name}`);
  else
    a.warn(
      'outside-input',
      r.prov,
      `${a.label(r)} belongs to a transit gateway that is not in the input: it is left out`,
    );
}
