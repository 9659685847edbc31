// After a partial read (a call refused, an account or Region not read), some resources name others the model does
// not hold. The meaning checks refuse such references (check-model.ts), and rightly: a dangling id would read as
// "nothing there". Here each one becomes what is honestly known instead:
// - a security group known only by its id stays, with its rules unknown (what it allows is UNKNOWN, not nothing);
// - a resource that cannot stand without what it names (a subnet without its VPC, an instance or an endpoint
//   without its subnets, a WorkSpace without its directory, a peering to a VPC not read) is left out, and whatever
//   routes or points to it is UNKNOWN in the engine;
// - a directory keeps the vpce id of an endpoint left out (its traces say the endpoint is not in the input).
// Every one of these is a warning, counted per kind.
import type { Model, Scope } from '../../../model/types.js';
import { localName, type ConvertContext } from './context.js';

function ids(list: readonly { id: string }[]): Set<string> {
  return new Set(list.map((x) => x.id));
}

export function settleReferences(ctx: ConvertContext): void {
  const m = ctx.model;
  const left: Map<string, { scope: Scope; what: string[]; why: string }> = new Map();
  const leave = <T extends { id: string } & Partial<Scope>>(
    kind: string,
    list: T[],
    why: string,
    bad: (x: T) => boolean,
  ) => {
    const kept: T[] = [];
    for (const x of list) {
      if (!bad(x)) {
        kept.push(x);
        continue;
      }
      const entry = left.get(kind) ?? {
        scope: { account: x.account ?? m.account, region: x.region ?? m.region },
        what: [],
        why,
      };
      entry.what.push(x.id);
      left.set(kind, entry);
    }
    return kept;
  };

  const vpcs = ids(m.vpcs);
  m.subnets = leave('subnets', m.subnets, 'their VPC was not read', (s) => !vpcs.has(s.vpc));
  const subnets = ids(m.subnets);
  m.instances = leave('instances', m.instances, 'their subnet was not read', (i) => !subnets.has(i.subnet));
  m.natGateways = leave('NAT gateways', m.natGateways, 'their subnet was not read', (g) => !subnets.has(g.subnet));
  const incomplete = (e: { vpc: string; subnets: string[] }) =>
    !vpcs.has(e.vpc) || e.subnets.some((s) => !subnets.has(s));
  const endpointsBefore = m.endpoints;
  m.endpoints = leave('endpoints', m.endpoints, 'their VPC or subnets were not read', incomplete);
  m.resolverEndpoints = leave(
    'resolver endpoints',
    m.resolverEndpoints,
    'their VPC or subnets were not read',
    incomplete,
  );
  m.peerings = leave(
    'peerings',
    m.peerings,
    'they lead to a VPC not read (another account or Region?); routes through them are UNKNOWN',
    (p) => !vpcs.has(p.requesterVpc) || !vpcs.has(p.accepterVpc),
  );
  for (const t of m.transitGateways)
    for (const a of t.attachments) if (a.kind === 'vpc') a.subnets = a.subnets.filter((s) => subnets.has(s));

  const endpoints = ids(m.endpoints);
  for (const d of m.directories) {
    if (d.vpc !== undefined && !vpcs.has(d.vpc)) delete d.vpc;
    d.subnets = d.subnets.filter((s) => subnets.has(s));
    if (typeof d.streamingEndpoint === 'string' && !endpoints.has(d.streamingEndpoint)) {
      const gone = endpointsBefore.find((e) => e.id === d.streamingEndpoint);
      d.streamingEndpoint = null;
      if (gone?.awsId !== undefined) d.streamingEndpointAwsId = gone.awsId;
    }
  }
  const directories = ids(m.directories);
  m.workspaces = leave(
    'WorkSpaces',
    m.workspaces,
    'their directory was not read',
    (w) => !directories.has(w.directory),
  );

  placeholderGroups(ctx, m);
  for (const [kind, { scope, what, why }] of left) {
    const shown = what.slice(0, 5).join(', ') + (what.length > 5 ? ', …' : '');
    ctx.warn(scope, 'aws-left-out', `${what.length} ${kind} left out (${shown}): ${why}`);
  }
}

/** Groups that instances and endpoints name but the read did not return: known by id, rules unknown. */
function placeholderGroups(ctx: ConvertContext, m: Model): void {
  const groups = ids(m.securityGroups);
  const added: string[] = [];
  for (const holder of [...m.instances, ...m.endpoints, ...m.resolverEndpoints]) {
    for (const g of holder.securityGroups) {
      if (groups.has(g)) continue;
      groups.add(g);
      added.push(g);
      m.securityGroups.push({
        id: g,
        name: localName(g),
        vpc: holder.vpc,
        account: holder.account,
        region: holder.region,
        ingress: [],
        egress: [],
        rulesUnknown: `security group ${g} was not read`,
        prov: ctx.prov(holder, g),
      });
    }
  }
  if (added.length > 0)
    ctx.warn(
      m,
      'aws-groups-unknown',
      `${added.length} security group(s) are known only by id (${added.slice(0, 5).join(', ')}${added.length > 5 ? ', …' : ''}): what they allow is UNKNOWN`,
    );
}
