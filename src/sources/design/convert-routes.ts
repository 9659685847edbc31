// Route tables of one VPC. A table maps DESTINATION → TARGET name; local routes for the VPC's own CIDRs are
// implied (AWS adds them to every table and they cannot be removed), and are always listed first.
import type { Route, RouteTable, RouteTarget, Scope } from '../../model/types.js';
import { parseAddress } from '../../net/cidr.js';
import { entries, type DesignContext, type Path } from './context.js';
import { get, has } from './names.js';
import { didYouMean } from '../did-you-mean.js';
import type { DesignDoc, DesignVpc } from './schema.js';

export const MAIN_ROUTE_TABLE = 'main';
/** Route target word for the VPC's virtual private gateway when the file gives it no name. */
export const VGW_WORD = 'vgw';

/** The name of the VPC's main route table: `mainRouteTable`, else "main". */
export function mainRouteTableName(raw: DesignVpc): string {
  return raw.mainRouteTable ?? MAIN_ROUTE_TABLE;
}

/** Which kinds of thing a route target name could mean; more than one is ambiguous. */
function meanings(doc: DesignDoc, raw: DesignVpc, target: string): string[] {
  const found: [boolean, string][] = [
    [raw.internetGateway === target, 'the internet gateway'],
    [has(raw.natGateways, target), 'a NAT gateway'],
    [has(raw.instances, target), 'an instance'],
    [has(doc.peerings, target), 'a peering'],
    [has(doc.transitGateways, target), 'a transit gateway'],
    [raw.vpnGateway === target, 'the VPN gateway'],
  ];
  return found.filter(([hit]) => hit).map(([, what]) => what);
}

function resolveTarget(
  ctx: DesignContext,
  doc: DesignDoc,
  vpcName: string,
  raw: DesignVpc,
  target: string,
  path: Path,
): RouteTarget | undefined {
  const all = meanings(doc, raw, target);
  if (all.length > 1)
    ctx.warn('ambiguous-name', path, `route target "${target}" names ${all.join(' and ')}; ${all[0]} is used`);
  if (target === 'local') return { kind: 'local' };
  if (target === 'blackhole') return { kind: 'blackhole' };
  if (raw.internetGateway === target) return { kind: 'igw', id: target };
  if (has(raw.natGateways, target)) return { kind: 'nat-gateway', id: `${vpcName}/${target}` };
  if (has(raw.instances, target)) return { kind: 'instance', id: `${vpcName}/${target}` };
  const peering = get(doc.peerings, target);
  if (peering) {
    if (peering.requester !== vpcName && peering.accepter !== vpcName) {
      ctx.error('unknown-reference', path, `peering "${target}" does not connect VPC ${vpcName}`);
      return undefined;
    }
    return { kind: 'peering', id: target };
  }
  if (has(doc.transitGateways, target)) return { kind: 'tgw', id: target };
  if (target === VGW_WORD || target === raw.vpnGateway) return { kind: 'vgw', id: raw.vpnGateway ?? VGW_WORD };
  ctx.error(
    'unknown-reference',
    path,
    `route target "${target}" not found: expected local, blackhole, the internet gateway, a NAT gateway or instance of ${vpcName}, a peering, a transit gateway or vgw${didYouMean(target, targetNames(doc, raw))}`,
  );
  return undefined;
}

function localRoutes(ctx: DesignContext, cidrs: string[], path: Path): Route[] {
  return cidrs.map((destination) => ({ destination, target: { kind: 'local' }, prov: ctx.prov(path) }));
}

export function convertRouteTables(
  ctx: DesignContext,
  doc: DesignDoc,
  scope: Scope,
  vpcName: string,
  raw: DesignVpc,
  ownCidrs: string[],
): RouteTable[] {
  const vpcPath = ['vpcs', vpcName];
  const tables: RouteTable[] = entries(raw.routeTables).map(([name, routes]) => {
    const path = [...vpcPath, 'routeTables', name];
    const explicit: Route[] = [];
    for (const [destination, target] of Object.entries(routes)) {
      const at = [...path, destination];
      const slash = destination.indexOf('/');
      let prefixList = false;
      if (slash >= 0 && parseAddress(destination.slice(0, slash)).ok) {
        if (!ctx.checkCidr(destination, at)) continue;
      } else if (has(doc.prefixLists, destination)) {
        prefixList = true;
      } else {
        ctx.error(
          'unknown-reference',
          at,
          `route destination "${destination}" is neither a CIDR nor a prefix list name`,
        );
        continue;
      }
      if (typeof target !== 'string') continue;
      const resolved = resolveTarget(ctx, doc, vpcName, raw, target, at);
      if (!resolved) continue;
      if (resolved.kind === 'local' && ownCidrs.includes(destination)) continue; // implied, listed first below
      explicit.push({ destination, ...(prefixList ? { prefixList } : {}), target: resolved, prov: ctx.prov(at) });
    }
    return {
      id: `${vpcName}/${name}`,
      name,
      vpc: vpcName,
      ...scope,
      routes: [...localRoutes(ctx, ownCidrs, path), ...explicit],
      prov: ctx.prov(path, name),
    };
  });
  const main = mainRouteTableName(raw);
  if (!tables.some((t) => t.name === main)) {
    if (raw.mainRouteTable !== undefined) {
      ctx.error(
        'unknown-reference',
        [...vpcPath, 'mainRouteTable'],
        `route table "${main}" not found in VPC ${vpcName}`,
      );
    } else {
      // AWS creates every VPC with a main route table that holds only the local routes.
      tables.push({
        id: `${vpcName}/${main}`,
        name: main,
        vpc: vpcName,
        ...scope,
        routes: localRoutes(ctx, ownCidrs, vpcPath),
        prov: ctx.prov(vpcPath),
      });
    }
  }
  return tables;
}

/** What a route target of this VPC may name, for "did you mean". */
function targetNames(doc: DesignDoc, raw: DesignVpc): string[] {
  return [
    'local',
    'blackhole',
    VGW_WORD,
    ...(raw.internetGateway !== undefined ? [raw.internetGateway] : []),
    ...Object.keys(raw.natGateways ?? {}),
    ...Object.keys(raw.instances ?? {}),
    ...Object.keys(doc.peerings ?? {}),
    ...Object.keys(doc.transitGateways ?? {}),
  ];
}
