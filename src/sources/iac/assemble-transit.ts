// What joins networks: VPC peering, transit gateways (route tables, VPC attachments, associations, propagations, the
// default route table AWS makes when default association or propagation is on), and VPN connections, which become
// on-premises networks when their routes say which CIDRs the site has.
import type { TgwAttachment, TgwRoute, TgwRouteTable, TransitGateway } from '../../model/types.js';
import { scopeOf, type Assembly } from './assembly.js';
import type { RawOf } from './graph.js';

export const DEFAULT_TGW_TABLE = 'default';

export function assemblePeerings(a: Assembly): void {
  for (const p of a.all('peering')) {
    const requester = a.resolve(p.requester, ['vpc'], p, 'requesterVpc');
    const accepter = a.resolve(p.accepter, ['vpc'], p, 'accepterVpc');
    if (!requester || !('raw' in requester)) continue;
    if (!accepter || !('raw' in accepter)) {
      const what =
        accepter && 'external' in accepter ? accepter.external : 'a VPC that cannot be known before deployment';
      a.warn(
        'outside-input',
        p.prov,
        `${a.label(p)} peers with ${what}, which is not in the input; it is left out`,
        'accepterVpc',
      );
      continue;
    }
    a.model.peerings.push({
      id: p.name,
      name: p.name,
      ...scopeOf(requester.raw),
      requesterVpc: requester.raw.name,
      accepterVpc: accepter.raw.name,
      state: 'active',
      prov: p.prov,
    });
  }
}

function belongsTo(
  a: Assembly,
  link: RawOf<'tgw-route-table'>['tgw'],
  owner: RawOf<'tgw-route-table' | 'tgw-vpc-attachment'>,
  tgw: RawOf<'tgw'>,
): boolean {
  const t = a.resolve(link, ['tgw'], owner, 'tgw');
  return t !== undefined && 'raw' in t && t.raw.key === tgw.key;
}

function vpcCidrs(a: Assembly, vpcName: string): string[] {
  const v = a.model.vpcs.find((x) => x.id === vpcName);
  return v ? [...v.cidrs, ...v.ipv6Cidrs] : [];
}

export function assembleTransitGateways(a: Assembly): void {
  for (const g of a.all('tgw')) {
    const tables: TgwRouteTable[] = a
      .all('tgw-route-table')
      .filter((t) => belongsTo(a, t.tgw, t, g))
      .map((t) => ({ id: `${g.name}/${t.name}`, name: t.name, routes: [], prov: t.prov }));
    const defaultTable = (): TgwRouteTable => {
      let table = tables.find((t) => t.name === DEFAULT_TGW_TABLE);
      if (!table) {
        // With default association or propagation on, AWS creates the transit gateway's default route table.
        table = { id: `${g.name}/${DEFAULT_TGW_TABLE}`, name: DEFAULT_TGW_TABLE, routes: [], prov: g.prov };
        tables.push(table);
      }
      return table;
    };
    const tableOf = (
      link: RawOf<'tgw-association'>['table'],
      owner: RawOf<'tgw-association' | 'tgw-propagation' | 'tgw-route'>,
    ) => {
      const t = a.resolve(link, ['tgw-route-table'], owner, 'table');
      return t && 'raw' in t ? tables.find((x) => x.id === `${g.name}/${t.raw.name}`) : undefined;
    };
    const attachments: TgwAttachment[] = [];
    const propagations: { att: TgwAttachment; table: TgwRouteTable; prov: TgwRoute['prov'] }[] = [];
    for (const raw of a.all('tgw-vpc-attachment').filter((x) => belongsTo(a, x.tgw, x, g))) {
      const vpc = a.resolve(raw.vpc, ['vpc'], raw, 'vpc');
      if (!vpc || !('raw' in vpc)) {
        a.warn(
          'outside-input',
          raw.prov,
          `${a.label(raw)} attaches a VPC that is not in the input; it is left out`,
          'vpc',
        );
        continue;
      }
      const subnets = raw.subnets.flatMap((s) => {
        const id = a.idOf(a.resolve(s, ['subnet'], raw, 'subnets'));
        return id === undefined ? [] : [id];
      });
      const assoc = a.linkedTo('tgw-association', 'attachment', (x) => x.attachment, raw.key)[0];
      let routeTable = assoc ? tableOf(assoc.table, assoc) : undefined;
      if (!routeTable && !assoc && (raw.defaultAssociation ?? g.defaultAssociation)) routeTable = defaultTable();
      if (!routeTable) {
        a.warn(
          'not-associated',
          raw.prov,
          `${a.label(raw)} is associated with no route table of ${g.name}: traffic from it is not routed`,
        );
      }
      const att: TgwAttachment = {
        id: `${g.name}/${raw.name}`,
        name: raw.name,
        kind: 'vpc',
        vpc: vpc.raw.name,
        subnets,
        routeTable: routeTable?.id ?? `${g.name}/(none)`,
        prov: raw.prov,
      };
      attachments.push(att);
      if (raw.defaultPropagation ?? g.defaultPropagation)
        propagations.push({ att, table: defaultTable(), prov: raw.prov });
    }
    for (const p of a.all('tgw-propagation')) {
      const table = tableOf(p.table, p);
      const target = a.resolve(p.attachment, ['tgw-vpc-attachment'], p, 'attachment');
      const att =
        target && 'raw' in target ? attachments.find((x) => x.id === `${g.name}/${target.raw.name}`) : undefined;
      if (table && att) propagations.push({ att, table, prov: p.prov });
    }
    for (const r of a.all('tgw-route')) {
      const table = tableOf(r.table, r);
      if (!table) continue;
      const destination = a.cidr(r.destination, r, 'destination', 'DestinationCidrBlock');
      if (destination === undefined) continue;
      if (r.blackhole) {
        table.routes.push({ destination, prov: r.prov });
        continue;
      }
      const target = a.resolve(r.attachment, ['tgw-vpc-attachment'], r, 'attachment');
      const att =
        target && 'raw' in target ? attachments.find((x) => x.id === `${g.name}/${target.raw.name}`) : undefined;
      if (att) table.routes.push({ destination, attachment: att.id, prov: r.prov });
      else
        a.warn(
          'outside-input',
          r.prov,
          `${a.label(r)} routes to an attachment that is not in the input; it is left out`,
        );
    }
    // Propagated routes come after the static ones: longest-prefix match prefers a static route of the same prefix.
    for (const { att, table, prov } of propagations) {
      const cidrs = att.kind === 'vpc' ? vpcCidrs(a, att.vpc) : [];
      for (const destination of cidrs) table.routes.push({ destination, attachment: att.id, propagated: true, prov });
    }
    const tgw: TransitGateway = { id: g.name, ...scopeOf(g), routeTables: tables, attachments, prov: g.prov };
    a.model.transitGateways.push(tgw);
  }
}

/** A VPN connection is an on-premises network when its static routes say which CIDRs the site has. */
export function assembleVpns(a: Assembly): void {
  for (const v of a.all('vpn')) {
    const cidrs: string[] = [];
    const routes = [...v.staticRoutes];
    for (const r of a.all('vpn-route')) {
      const target = a.resolve(r.vpn, ['vpn'], r, 'vpn');
      if (target && 'raw' in target && target.raw.key === v.key) routes.push(r.cidr);
    }
    for (const c of routes) {
      const cidr = a.cidr(c, v, 'routes', 'static route', false);
      if (cidr !== undefined) cidrs.push(cidr);
    }
    if (cidrs.length === 0) {
      a.warn(
        'site-unknown',
        v.prov,
        `${a.label(v)} has no static routes, so the site's networks are not known; describe the site in an overlay (onPremises)`,
      );
      continue;
    }
    const gw = a.resolve(v.gateway, v.via === 'vgw' ? ['vgw'] : ['tgw'], v, 'gateway');
    if (!gw || !('raw' in gw)) continue;
    const id = a.ids.get(v.key) ?? `onprem/${v.name}`;
    if (v.via === 'vgw') {
      const attach = a.all('vgw-attach').find((x) => {
        const g = a.resolve(x.gateway, ['vgw'], x, 'gateway');
        return g && 'raw' in g && g.raw.key === gw.raw.key;
      });
      const vpc = attach ? a.resolve(attach.vpc, ['vpc'], attach, 'vpc') : undefined;
      if (!vpc || !('raw' in vpc)) {
        a.warn(
          'outside-input',
          v.prov,
          `the VPN gateway of ${a.label(v)} is attached to no VPC of the input; it is left out`,
        );
        continue;
      }
      a.model.onPremises.push({
        id,
        name: v.name,
        cidrs,
        connections: [{ kind: 'vpn', via: 'vgw', vpc: vpc.raw.name }],
        dns: { forwarders: [] },
        prov: v.prov,
      });
      if (gw.raw.kind === 'vgw') addVgwPropagation(a, gw.raw, cidrs);
    } else {
      const tgw = a.model.transitGateways.find((t) => t.id === gw.raw.name);
      if (!tgw) continue;
      const table = tgw.routeTables.find((t) => t.name === DEFAULT_TGW_TABLE);
      const attachment = `${tgw.id}/${v.name}`;
      tgw.attachments.push({
        id: attachment,
        name: v.name,
        kind: 'vpn',
        onPrem: id,
        routeTable: table?.id ?? `${tgw.id}/(none)`,
        prov: v.prov,
      });
      if (table)
        for (const destination of cidrs) table.routes.push({ destination, attachment, propagated: true, prov: v.prov });
      a.model.onPremises.push({
        id,
        name: v.name,
        cidrs,
        connections: [{ kind: 'vpn', via: 'tgw', tgw: tgw.id, attachment }],
        dns: { forwarders: [] },
        prov: v.prov,
      });
    }
  }
}

/** Route propagation from a VPN gateway puts the site's CIDRs into the route tables it names. */
function addVgwPropagation(a: Assembly, vgw: RawOf<'vgw'>, cidrs: string[]): void {
  for (const p of a.all('vgw-propagation')) {
    const g = a.resolve(p.gateway, ['vgw'], p, 'gateway');
    if (!g || !('raw' in g) || g.raw.key !== vgw.key) continue;
    for (const link of p.tables) {
      const id = a.idOf(a.resolve(link, ['route-table'], p, 'tables'));
      const table = a.model.routeTables.find((t) => t.id === id);
      if (!table) continue;
      for (const destination of cidrs)
        table.routes.push({ destination, target: { kind: 'vgw', id: vgw.name }, prov: p.prov });
    }
  }
}
