// Between networks: peerings (listed in both sides' accounts and Regions, as AWS does), transit gateways with their
// attachments, route tables, associations, propagations and routes, and the VPN connections that stand for the
// on-premises sites of the model.
import type {
  TransitGatewayAttachmentResourceType,
  TransitGatewayPropagation,
  TransitGatewayRouteTableAssociation,
  VpcPeeringConnectionStateReasonCode,
} from '@aws-sdk/client-ec2';
import type { TgwAttachment } from '../../../model/types.js';
import { nameTag, type EstateBuild } from './estate.js';
import { vpcOf } from './estate-network.js';

const RESOURCE_TYPE: Record<TgwAttachment['kind'], TransitGatewayAttachmentResourceType> = {
  vpc: 'vpc',
  vpn: 'vpn',
  dx: 'direct-connect-gateway',
  peering: 'peering',
};

function addPeerings(b: EstateBuild): void {
  const { model, estate, ids } = b;
  for (const p of model.peerings) {
    const req = vpcOf(model, p.requesterVpc);
    const acc = vpcOf(model, p.accepterVpc);
    const side = (v: typeof req, id: string) => ({
      VpcId: ids.of('vpc', 'vpc', id),
      ...(v ? { OwnerId: v.account, Region: v.region, CidrBlock: v.cidrs[0] } : {}),
    });
    const peering = {
      VpcPeeringConnectionId: ids.of('pcx', 'pcx', p.id),
      Status: { Code: p.state as VpcPeeringConnectionStateReasonCode },
      RequesterVpcInfo: side(req, p.requesterVpc),
      AccepterVpcInfo: side(acc, p.accepterVpc),
      Tags: nameTag(p.name),
    };
    estate.scope(p.account, p.region).peerings.push(peering);
    if (acc && (acc.account !== p.account || acc.region !== p.region))
      estate.scope(acc.account, acc.region).peerings.push(structuredClone(peering));
  }
}

/** The AWS resource behind an attachment: the VPC, the site's VPN connection, a DX gateway, the peer TGW. */
function resourceOf(b: EstateBuild, tgwId: string, a: TgwAttachment): string {
  const { ids } = b;
  if (a.kind === 'vpc') return ids.of('vpc', 'vpc', a.vpc);
  if (a.kind === 'peering') return ids.of('tgw', 'tgw', a.peerTgw);
  if (a.kind === 'dx') return ids.of('dxgw', 'dxgw', a.id);
  return ids.of('vpn', 'vpn', `${a.onPrem}|${tgwId}|${a.id}`);
}

function addTransitGateways(b: EstateBuild): void {
  const { model, estate, ids } = b;
  for (const t of model.transitGateways) {
    const s = estate.scope(t.account, t.region);
    const tgwId = ids.of('tgw', 'tgw', t.id);
    s.transitGateways.push({
      TransitGatewayId: tgwId,
      OwnerId: t.account,
      State: 'available',
      Options: {
        DefaultRouteTableAssociation: 'disable',
        DefaultRouteTablePropagation: 'disable',
        DnsSupport: 'enable',
      },
      Tags: nameTag(t.id),
    });
    const attId = (id: string) => ids.of('tgw-attach', 'tgw-attach', id);
    const rtbId = (id: string) => ids.of('tgw-rtb', 'tgw-rtb', id);
    const ref = (a: TgwAttachment) => ({
      TransitGatewayAttachmentId: attId(a.id),
      ResourceId: resourceOf(b, t.id, a),
      ResourceType: RESOURCE_TYPE[a.kind],
    });
    for (const a of t.attachments) {
      const tableKnown = t.routeTables.some((rt) => rt.id === a.routeTable);
      s.tgwAttachments.push({
        ...ref(a),
        TransitGatewayId: tgwId,
        TransitGatewayOwnerId: t.account,
        ResourceOwnerId: a.kind === 'vpc' ? (vpcOf(model, a.vpc)?.account ?? t.account) : t.account,
        State: 'available',
        ...(tableKnown
          ? { Association: { TransitGatewayRouteTableId: rtbId(a.routeTable), State: 'associated' } }
          : {}),
        Tags: nameTag(a.name),
      });
      if (a.kind === 'vpc') {
        s.tgwVpcAttachments.push({
          TransitGatewayAttachmentId: attId(a.id),
          TransitGatewayId: tgwId,
          VpcId: ids.of('vpc', 'vpc', a.vpc),
          VpcOwnerId: vpcOf(model, a.vpc)?.account ?? t.account,
          SubnetIds: a.subnets.map((sn) => ids.of('subnet', 'subnet', sn)),
          State: 'available',
          Tags: nameTag(a.name),
        });
      }
    }
    for (const rt of t.routeTables) {
      const id = rtbId(rt.id);
      s.tgwRouteTables.push({
        TransitGatewayRouteTableId: id,
        TransitGatewayId: tgwId,
        State: 'available',
        DefaultAssociationRouteTable: false,
        DefaultPropagationRouteTable: false,
        Tags: nameTag(rt.name),
      });
      const attachment = (aid: string | undefined) => t.attachments.find((a) => a.id === aid);
      s.tgwRoutes.set(
        id,
        rt.routes.map((r) => {
          const a = attachment(r.attachment);
          return {
            DestinationCidrBlock: r.destination,
            Type: r.propagated ? 'propagated' : 'static',
            State: a ? 'active' : 'blackhole',
            ...(a ? { TransitGatewayAttachments: [ref(a)] } : {}),
          };
        }),
      );
      const associations: TransitGatewayRouteTableAssociation[] = t.attachments
        .filter((a) => a.routeTable === rt.id)
        .map((a) => ({ ...ref(a), State: 'associated' }));
      s.tgwAssociations.set(id, associations);
      const propagating = [...new Set(rt.routes.filter((r) => r.propagated).map((r) => r.attachment))];
      const propagations: TransitGatewayPropagation[] = propagating.flatMap((aid) => {
        const a = attachment(aid);
        return a ? [{ ...ref(a), TransitGatewayRouteTableId: id, State: 'enabled' as const }] : [];
      });
      s.tgwPropagations.set(id, propagations);
    }
  }
}

/** Each VPN connection of a site is named after the site, so the conversion can group them back into one. */
function addVpns(b: EstateBuild): void {
  const { model, estate, ids } = b;
  for (const o of model.onPremises) {
    for (const c of o.connections) {
      if (c.kind !== 'vpn') continue;
      if (c.via === 'tgw') {
        const tgw = model.transitGateways.find((t) => t.id === c.tgw);
        if (!tgw) continue;
        estate.scope(tgw.account, tgw.region).vpnConnections.push({
          VpnConnectionId: ids.of('vpn', 'vpn', `${o.id}|${c.tgw}|${c.attachment}`),
          CustomerGatewayId: ids.of('cgw', 'cgw', o.id),
          TransitGatewayId: ids.of('tgw', 'tgw', c.tgw),
          Type: 'ipsec.1',
          State: 'available',
          Category: 'VPN',
          Options: { StaticRoutesOnly: true },
          Routes: [],
          Tags: nameTag(o.name),
        });
      } else {
        const vpc = vpcOf(model, c.vpc);
        if (!vpc) continue;
        const s = estate.scope(vpc.account, vpc.region);
        const vpcId = ids.of('vpc', 'vpc', c.vpc);
        let vgw = s.vpnGateways.find((g) => g.VpcAttachments?.some((a) => a.VpcId === vpcId));
        if (!vgw) {
          vgw = {
            VpnGatewayId: ids.of('vgw', 'vgw', `${vpc.account}/${vpc.region}/vgw-of-${c.vpc}`),
            State: 'available',
            Type: 'ipsec.1',
            VpcAttachments: [{ VpcId: vpcId, State: 'attached' }],
            Tags: nameTag('vgw'),
          };
          s.vpnGateways.push(vgw);
        }
        s.vpnConnections.push({
          VpnConnectionId: ids.of('vpn', 'vpn', `${o.id}|vgw|${c.vpc}`),
          CustomerGatewayId: ids.of('cgw', 'cgw', o.id),
          VpnGatewayId: vgw.VpnGatewayId,
          Type: 'ipsec.1',
          State: 'available',
          Category: 'VPN',
          Options: { StaticRoutesOnly: true },
          Routes: o.cidrs.map((DestinationCidrBlock) => ({ DestinationCidrBlock, State: 'available' })),
          Tags: nameTag(o.name),
        });
      }
    }
  }
}

export function addTransit(b: EstateBuild): void {
  addPeerings(b);
  addTransitGateways(b);
  addVpns(b);
}
