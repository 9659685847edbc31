// Peerings, transit gateways (attachments, route tables, routes), and the on-premises sites AWS knows of: each
// site is the VPN connections that share a `Name` tag (or one connection, or one Direct Connect attachment), with
// the CIDRs routed to it. What AWS cannot say about a site (its DNS server and forwarders, its own internet
// breakout, its firewall) comes from an overlay (`--overlay`/`--clients`); until then the site has none of them.
import type { OnPremNetwork, PeeringConnection, TgwAttachment, TgwRouteTable } from '../../../model/types.js';
import { nameTag, obj, objs, str, strs, type Obj, type ScopeIndex } from './raw-index.js';
import { localName, type ConvertContext } from './context.js';
import { scopeOf, validCidr } from './network.js';

const PEERING_STATES: Record<string, PeeringConnection['state']> = {
  active: 'active',
  'pending-acceptance': 'pending-acceptance',
  'initiating-request': 'pending-acceptance',
  provisioning: 'pending-acceptance',
  rejected: 'rejected',
  failed: 'rejected',
  deleted: 'deleted',
  deleting: 'deleted',
  expired: 'deleted',
};

export function convertPeerings(ctx: ConvertContext, idx: ScopeIndex, seen: Set<string>): void {
  const scope = scopeOf(idx);
  for (const p of idx.items('ec2:DescribeVpcPeeringConnections', 'VpcPeeringConnections')) {
    const awsId = str(p, 'VpcPeeringConnectionId');
    const requester = obj(p, 'RequesterVpcInfo');
    const req = str(requester, 'VpcId');
    const acc = str(obj(p, 'AccepterVpcInfo'), 'VpcId');
    if (awsId === undefined || req === undefined || acc === undefined || seen.has(awsId)) continue;
    seen.add(awsId);
    const id = ctx.ids.ref('pcx', awsId);
    const code = str(obj(p, 'Status'), 'Code') ?? 'pending-acceptance';
    ctx.model.peerings.push({
      id,
      name: localName(id),
      // The peering belongs to the requester's account and Region, wherever it was read.
      account: str(requester, 'OwnerId') ?? scope.account,
      region: str(requester, 'Region') ?? scope.region,
      requesterVpc: ctx.ids.ref('vpc', req),
      accepterVpc: ctx.ids.ref('vpc', acc),
      state: PEERING_STATES[code] ?? 'pending-acceptance',
      prov: ctx.prov(scope, awsId),
    });
  }
}

const ATTACHMENT_KIND: Record<string, TgwAttachment['kind'] | undefined> = {
  vpc: 'vpc',
  vpn: 'vpn',
  'direct-connect-gateway': 'dx',
  peering: 'peering',
  'tgw-peering': 'peering',
};

/** The site a VPN connection or DX attachment stands for: `onprem/NAME`. */
export function siteOf(ctx: ConvertContext, idx: ScopeIndex, resourceId: string, attachment?: Obj): string {
  const vpn = idx
    .items('ec2:DescribeVpnConnections', 'VpnConnections')
    .find((v) => str(v, 'VpnConnectionId') === resourceId);
  const name = (vpn ? nameTag(vpn) : undefined) ?? (attachment ? nameTag(attachment) : undefined) ?? resourceId;
  return `onprem/${name.replace(/\//g, '-')}`;
}

export function convertTransitGateways(ctx: ConvertContext, idx: ScopeIndex, seen: Set<string>): void {
  const scope = scopeOf(idx);
  const attachmentsFailed = idx.failure('ec2:DescribeTransitGatewayAttachments');
  for (const t of idx.items('ec2:DescribeTransitGateways', 'TransitGateways')) {
    const awsId = str(t, 'TransitGatewayId');
    if (awsId === undefined || seen.has(awsId)) continue;
    if (attachmentsFailed) {
      // A gateway without its attachments would read as attached to nothing: leave it out, so routes to it are
      // UNKNOWN.
      ctx.unread(
        scope,
        'ec2:DescribeTransitGatewayAttachments',
        attachmentsFailed,
        `routes through ${awsId} are UNKNOWN`,
      );
      continue;
    }
    seen.add(awsId);
    const id = ctx.ids.ref('tgw', awsId);
    const routeTables: TgwRouteTable[] = [];
    for (const rt of idx.items('ec2:DescribeTransitGatewayRouteTables', 'TransitGatewayRouteTables')) {
      const rtAws = str(rt, 'TransitGatewayRouteTableId');
      if (rtAws === undefined || str(rt, 'TransitGatewayId') !== awsId) continue;
      const rtId = ctx.ids.ref('tgw-rtb', rtAws);
      const match = { TransitGatewayRouteTableId: rtAws };
      const failed = idx.failure('ec2:SearchTransitGatewayRoutes', match);
      if (failed) {
        // Left out: attachments associated with it then route UNKNOWN rather than nowhere.
        ctx.unread(scope, 'ec2:SearchTransitGatewayRoutes', failed, `the routes of ${rtId} are UNKNOWN`);
        continue;
      }
      const routes: TgwRouteTable['routes'] = [];
      for (const r of idx.items('ec2:SearchTransitGatewayRoutes', 'Routes', match)) {
        const destination = str(r, 'DestinationCidrBlock');
        const state = str(r, 'State');
        if (!validCidr(destination)) {
          if (str(r, 'PrefixListId') !== undefined)
            ctx.warn(
              scope,
              'aws-not-modelled',
              `${rtId}: a route to prefix list ${str(r, 'PrefixListId')} is not modelled`,
            );
          continue;
        }
        if (state !== 'active' && state !== 'blackhole') continue;
        const att = str(objs(r, 'TransitGatewayAttachments')[0], 'TransitGatewayAttachmentId');
        const propagated = str(r, 'Type') === 'propagated';
        routes.push({
          destination,
          ...(state === 'active' && att !== undefined ? { attachment: ctx.ids.ref('tgw-attach', att) } : {}),
          ...(propagated ? { propagated } : {}),
          prov: ctx.prov(scope, rtAws),
        });
      }
      routeTables.push({ id: rtId, name: localName(rtId), routes, prov: ctx.prov(scope, rtAws) });
    }
    const vpcAttachments = idx.items('ec2:DescribeTransitGatewayVpcAttachments', 'TransitGatewayVpcAttachments');
    const attachments: TgwAttachment[] = [];
    for (const a of idx.items('ec2:DescribeTransitGatewayAttachments', 'TransitGatewayAttachments')) {
      const aAws = str(a, 'TransitGatewayAttachmentId');
      const kind = ATTACHMENT_KIND[str(a, 'ResourceType') ?? ''];
      const resource = str(a, 'ResourceId');
      if (aAws === undefined || str(a, 'TransitGatewayId') !== awsId || resource === undefined) continue;
      const state = str(a, 'State');
      if (state === 'deleted' || state === 'deleting' || state === 'failed' || state === 'rejected') continue;
      const aId = ctx.ids.ref('tgw-attach', aAws);
      if (!kind) {
        ctx.warn(scope, 'aws-not-modelled', `${aId}: ${str(a, 'ResourceType')} attachments are not modelled`);
        continue;
      }
      const association = str(obj(a, 'Association'), 'TransitGatewayRouteTableId');
      if (association === undefined)
        ctx.warn(scope, 'aws-no-association', `${aId} is associated with no route table: traffic from it is UNKNOWN`);
      const common = {
        id: aId,
        name: localName(aId),
        routeTable: association !== undefined ? ctx.ids.ref('tgw-rtb', association) : `${id}/(no route table)`,
        prov: ctx.prov(scope, aAws),
      };
      if (kind === 'vpc') {
        const detail = vpcAttachments.find((v) => str(v, 'TransitGatewayAttachmentId') === aAws);
        const subnets = strs(detail, 'SubnetIds').map((s) => ctx.ids.ref('subnet', s));
        attachments.push({ ...common, kind, vpc: ctx.ids.ref('vpc', resource), subnets });
      } else if (kind === 'peering') attachments.push({ ...common, kind, peerTgw: ctx.ids.ref('tgw', resource) });
      else attachments.push({ ...common, kind, onPrem: siteOf(ctx, idx, resource, a) });
    }
    ctx.model.transitGateways.push({
      id,
      account: str(t, 'OwnerId') ?? scope.account,
      region: scope.region,
      routeTables,
      attachments,
      prov: ctx.prov(scope, awsId),
    });
  }
}

/** CIDRs routed to a site: static VPN routes, and transit gateway routes to its attachments (not default routes). */
function siteCidrs(ctx: ConvertContext, site: OnPremNetwork): string[] {
  const out = new Set<string>();
  for (const t of ctx.model.transitGateways)
    for (const rt of t.routeTables)
      for (const r of rt.routes) {
        const att = t.attachments.find((a) => a.id === r.attachment);
        if (att && (att.kind === 'vpn' || att.kind === 'dx') && att.onPrem === site.id) out.add(r.destination);
      }
  for (const c of site.cidrs) out.add(c);
  return [...out].filter((c) => c !== '0.0.0.0/0' && c !== '::/0');
}

export function convertSites(ctx: ConvertContext, indexes: readonly ScopeIndex[]): void {
  const sites = new Map<string, OnPremNetwork>();
  const site = (idx: ScopeIndex, id: string, awsId: string): OnPremNetwork => {
    let s = sites.get(id);
    if (!s) {
      s = {
        id,
        name: localName(id),
        cidrs: [],
        connections: [],
        dns: { forwarders: [] },
        prov: ctx.prov(scopeOf(idx), awsId),
      };
      sites.set(id, s);
    }
    return s;
  };
  for (const idx of indexes) {
    const vgwVpc = new Map<string, string>();
    for (const g of idx.items('ec2:DescribeVpnGateways', 'VpnGateways')) {
      const vpc = objs(g, 'VpcAttachments').find((a) => str(a, 'State') === 'attached');
      const gid = str(g, 'VpnGatewayId');
      const vid = str(vpc, 'VpcId');
      if (gid && vid) vgwVpc.set(gid, ctx.ids.ref('vpc', vid));
    }
    for (const v of idx.items('ec2:DescribeVpnConnections', 'VpnConnections')) {
      const awsId = str(v, 'VpnConnectionId');
      const state = str(v, 'State');
      if (awsId === undefined || state === 'deleted' || state === 'deleting') continue;
      const s = site(idx, siteOf(ctx, idx, awsId), awsId);
      for (const r of objs(v, 'Routes')) {
        const c = str(r, 'DestinationCidrBlock');
        if (validCidr(c)) s.cidrs.push(c);
      }
      const vgw = str(v, 'VpnGatewayId');
      const vpc = vgw !== undefined ? vgwVpc.get(vgw) : undefined;
      if (vpc !== undefined) s.connections.push({ kind: 'vpn', via: 'vgw', vpc });
    }
  }
  for (const t of ctx.model.transitGateways)
    for (const a of t.attachments) {
      if (a.kind !== 'vpn' && a.kind !== 'dx') continue;
      const s = sites.get(a.onPrem) ?? site(indexes[0] as ScopeIndex, a.onPrem, a.id);
      s.connections.push({ kind: a.kind, via: 'tgw', tgw: t.id, attachment: a.id });
    }
  for (const s of sites.values()) {
    s.cidrs = siteCidrs(ctx, s);
    if (s.cidrs.length === 0)
      ctx.warn(
        { account: ctx.model.account, region: ctx.model.region },
        'aws-site-without-cidrs',
        `${s.id}: no CIDR is routed to this site; give its CIDRs in an overlay`,
      );
    ctx.model.onPremises.push(s);
  }
}
