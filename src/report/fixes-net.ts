// The fix for each way the network stops a flow (NetReason of src/net/trace-types.ts), with the ids of this setup.
// Where no AWS CLI command changes it (a design choice, a device outside AWS), the fix says what to change instead:
// fixes.test.ts holds the decision for every code, so a new code cannot ship without one.
import type { NaclRule, PeeringConnection } from '../model/types.js';
import { cidrContains } from '../net/cidr.js';
import type { FlowDesc, NetReason, PortRange } from '../net/trace-types.js';
import type { Blocker } from '../workspaces/types.js';
import { cidrOf, sh, type Fix, type FixContext } from './fixes-core.js';

function rangeArg(cidr: string): string {
  return cidr.includes(':') ? `Ipv6Ranges=[{CidrIpv6=${cidr}}]` : `IpRanges=[{CidrIp=${cidr}}]`;
}

function ipPermission(flow: FlowDesc): string {
  return `IpProtocol=${flow.protocol},FromPort=${flow.port},ToPort=${flow.port},${rangeArg(cidrOf(flow.remote))}`;
}

/** One allow entry of a network ACL, numbered before the rule that denies (or the implicit deny). */
function aclEntry(
  ctx: FixContext,
  acl: string,
  direction: 'inbound' | 'outbound',
  protocol: string,
  [from, to]: PortRange,
  remote: string,
  rule: NaclRule | undefined,
): string {
  return [
    `aws ec2 create-network-acl-entry --network-acl-id ${ctx.idArg(acl)}`,
    direction === 'outbound' ? '--egress' : '--ingress',
    `--rule-number ${sh(`<a free number below ${rule?.number ?? 32767}>`)}`,
    `--protocol ${protocol} --port-range From=${from},To=${to}`,
    `${remote.includes(':') ? '--ipv6-cidr-block' : '--cidr-block'} ${sh(cidrOf(remote))} --rule-action allow`,
  ].join(' ');
}

/** A route to `address` in `table`: create-route (or replace-route) with the target the model knows, else marked. */
function routeFix(
  ctx: FixContext,
  b: Blocker,
  verb: 'create-route' | 'replace-route',
  table: string | undefined,
  vpc: string,
  address: string,
  destination?: string,
): Fix {
  const way = ctx.routeTo(vpc, address);
  const dest = destination ?? way.destination;
  const target =
    way.target ?? sh(`<--transit-gateway-id, --vpc-peering-connection-id or --gateway-id of a way to ${address}>`);
  const cmd = `aws ec2 ${verb} --route-table-id ${ctx.tableArg(table, vpc)} ${ctx.destinationArg(dest)} ${target}`;
  return ctx.place(
    table ?? b.resource,
    [cmd],
    way.target
      ? undefined
      : `the input holds no peering, transit gateway or gateway that leads from ${vpc} to ${address}: create one, then route ${dest} to it`,
  );
}

export function netFix(ctx: FixContext, b: Blocker, r: NetReason): Fix {
  switch (r.code) {
    case 'sg-no-rule': {
      const verb = r.direction === 'ingress' ? 'authorize-security-group-ingress' : 'authorize-security-group-egress';
      const group = r.groups[0] ?? b.resource;
      return ctx.place(group, [
        `aws ec2 ${verb} --group-id ${ctx.idArg(group)} --ip-permissions ${sh(ipPermission(r.flow))}`,
      ]);
    }
    case 'sg-none-attached': {
      const inst = ctx.model.instances.find((i) => i.id === r.node);
      if (!inst)
        return ctx.place(
          b.resource,
          [],
          `attach a security group to ${r.node} that allows ${r.direction} ${r.flow.protocol} ${r.flow.port} ${r.flow.toward} ${r.flow.remote}`,
        );
      return ctx.place(
        inst.id,
        [
          `aws ec2 modify-instance-attribute --instance-id ${ctx.idArg(inst.id)} --groups ${sh('<id of a security group that allows it>')}`,
        ],
        `${inst.id} has no security group: attach one that allows ${r.direction} ${r.flow.protocol} ${r.flow.port} ${r.flow.toward} ${r.flow.remote}`,
      );
    }
    case 'acl-denied':
      return ctx.place(b.resource, [
        aclEntry(ctx, b.resource, r.direction, r.flow.protocol, [r.flow.port, r.flow.port], r.flow.remote, r.rule),
      ]);
    case 'acl-return-denied':
      return ctx.place(
        b.resource,
        r.ports.map((p) => aclEntry(ctx, b.resource, r.direction, r.protocol, p, r.remote, r.rule)),
      );
    case 'firewall-denied':
      return ctx.place(
        b.resource,
        [],
        `${r.node} is outside AWS: allow outbound ${r.flow.protocol.toUpperCase()} ${r.flow.port} to ${r.flow.remote} on its firewall (the overlay's egress rules state it)`,
      );
    case 'no-route':
      return routeFix(ctx, b, 'create-route', r.table, r.vpc, r.address);
    case 'blackhole-route':
      return routeFix(ctx, b, 'replace-route', r.table, r.vpc, r.route.split('/')[0] ?? r.route, r.route);
    case 'igw-private-address':
      return routeFix(ctx, b, 'create-route', r.table, r.vpc, r.address);
    case 'igw-not-attached':
      return ctx.place(r.vpc, [
        `aws ec2 attach-internet-gateway --internet-gateway-id ${ctx.idArg(r.igw)} --vpc-id ${ctx.idArg(r.vpc)}`,
      ]);
    case 'no-public-ip': {
      return ctx.place(
        b.resource,
        [],
        `${r.source} has no public IPv4 address: route its internet traffic through a NAT gateway or NAT instance, or give it an Elastic IP (aws ec2 associate-address)`,
      );
    }
    case 'nat-gateway-state':
    case 'nat-gateway-private':
      return natGatewayFix(ctx, r.natGateway, r.code === 'nat-gateway-private');
    case 'nat-instance-state':
      return ctx.place(r.instance, [`aws ec2 start-instances --instance-ids ${ctx.idArg(r.instance)}`]);
    case 'source-dest-check':
      return ctx.place(r.instance, [
        `aws ec2 modify-instance-attribute --instance-id ${ctx.idArg(r.instance)} --no-source-dest-check`,
      ]);
    case 'nat-no-public-ip':
      return ctx.place(r.instance, [
        'aws ec2 allocate-address --domain vpc',
        `aws ec2 associate-address --instance-id ${ctx.idArg(r.instance)} --allocation-id ${sh('<AllocationId printed by allocate-address>')}`,
      ]);
    case 'not-nat-instance':
      return ctx.place(
        r.instance,
        [],
        `${r.instance} is not set up as a NAT instance: IP forwarding and masquerading are set inside its operating system (no AWS command), or route through a NAT gateway instead; say nat: true in the overlay once it forwards`,
      );
    case 'nat-subnet-missing':
      return ctx.place(
        r.nat,
        [],
        `the input lacks subnet ${r.subnet} of ${r.nat}: add it to the input (or the overlay) so the path can be decided`,
      );
    case 'peering-state': {
      const pc = ctx.model.peerings.find((p) => p.id === r.peering);
      if (r.state === 'pending-acceptance')
        return ctx.place(r.peering, [
          `aws ec2 accept-vpc-peering-connection --vpc-peering-connection-id ${ctx.idArg(r.peering)}`,
        ]);
      return ctx.place(
        r.peering,
        pc ? [`aws ec2 create-vpc-peering-connection ${peeringArgs(ctx, pc)}`] : [],
        `a ${r.state} peering cannot be brought back: create a new one, accept it, and point the routes at it`,
      );
    }
    case 'tgw-no-route':
    case 'tgw-blackhole': {
      const address = r.code === 'tgw-no-route' ? r.address : (r.destination.split('/')[0] ?? r.destination);
      const att = attachmentToward(ctx, address);
      const verb = r.code === 'tgw-no-route' ? 'create-transit-gateway-route' : 'replace-transit-gateway-route';
      const dest = r.code === 'tgw-no-route' ? (att?.destination ?? cidrOf(r.address)) : r.destination;
      return ctx.place(r.table, [
        `aws ec2 ${verb} --transit-gateway-route-table-id ${ctx.idArg(r.table)} --destination-cidr-block ${sh(dest)} --transit-gateway-attachment-id ${att ? ctx.idArg(att.id) : sh(`<id of the attachment that leads to ${address}>`)}`,
      ]);
    }
    case 'attachment-no-subnet':
      return ctx.place(r.attachment, [
        `aws ec2 modify-transit-gateway-vpc-attachment --transit-gateway-attachment-id ${ctx.idArg(r.attachment)} --add-subnet-ids ${sh('<id of a subnet in each Availability Zone used>')}`,
      ]);
    case 'attachment-missing-az':
      return ctx.place(
        r.attachment,
        [
          `aws ec2 modify-transit-gateway-vpc-attachment --transit-gateway-attachment-id ${ctx.idArg(r.attachment)} --add-subnet-ids ${ctx.idArg(r.subnet)}`,
        ],
        `any subnet of ${r.az} in the attachment's VPC will do; ${r.subnet} is the one whose traffic is stopped`,
      );
    case 'vpc-not-attached': {
      const byAz = new Map<string, string>();
      for (const s of ctx.model.subnets) if (s.vpc === r.vpc && !byAz.has(s.az)) byAz.set(s.az, s.id);
      const subnets =
        byAz.size > 0
          ? [...byAz.values()].map((s) => ctx.idArg(s)).join(' ')
          : sh('<one subnet id per Availability Zone>');
      return ctx.place(
        r.tgw,
        [
          `aws ec2 create-transit-gateway-vpc-attachment --transit-gateway-id ${ctx.idArg(r.tgw)} --vpc-id ${ctx.idArg(r.vpc)} --subnet-ids ${subnets}`,
        ],
        "then route the far networks to the transit gateway in the VPC's route tables, and associate the attachment with a transit gateway route table",
      );
    }
    case 'vpc-dns-off':
      return ctx.place(r.vpc, [
        `aws ec2 modify-vpc-attribute --vpc-id ${ctx.idArg(r.vpc)} --enable-dns-support '{"Value":true}'`,
      ]);
    case 'forward-to-vpc-resolver': {
      const subnets = ctx.model.subnets.filter((s) => s.vpc === r.vpc).slice(0, 2);
      const ips =
        subnets.length === 2
          ? subnets.map((s) => `SubnetId=${ctx.idArg(s.id)}`).join(' ')
          : sh('<SubnetId=… of two subnets>');
      return ctx.place(
        b.resource,
        [
          `aws route53resolver create-resolver-endpoint --direction INBOUND --creator-request-id ${sh(`wspl-${r.vpc}`)} --security-group-ids ${sh('<id of a group allowing DNS (TCP and UDP 53) in>')} --ip-addresses ${ips}`,
        ],
        `then forward the name from ${r.from} to the new endpoint's addresses instead of ${r.target}`,
      );
    }
    case 'arrives-elsewhere':
    case 'reply-misrouted':
    case 'reply-through-nat':
    case 'no-subnet-holds':
    case 'attachment-wrong-site':
    case 'routing-loop':
    case 'peering-not-transitive':
    case 'no-site-behind-vgw':
    case 'no-link-from-site':
    case 'internet-private-address':
    case 'zone-no-records':
    case 'dhcp-servers-do-not-forward':
      return ctx.place(b.resource, [], DESIGN_NOTES[r.code]);
    case 'on-return-path':
    case 'dns-query-blocked':
      return netFix(ctx, b, r.reason);
  }
}

/** Reasons that are a matter of the network's design: no one command fixes them; what to change instead. */
const DESIGN_NOTES = {
  'arrives-elsewhere':
    'no single command: the routes send the packets to another place than the endpoint; fix the route tables on the way',
  'reply-misrouted':
    'no single command: the replies take another way back; give the far side a route back to the client through the way the packets came',
  'reply-through-nat':
    'no single command: add a route back to the client (through the way the packets came) that is more specific than the route to the NAT',
  'no-subnet-holds': 'no single command: the address is in no subnet of the VPC; check the address or add the subnet',
  'attachment-wrong-site':
    'no single command: the transit gateway route leads to a site that does not hold the address; point it at the attachment of the right site',
  'routing-loop': 'no single command: the routes lead back to where they started; fix the route tables on the way',
  'peering-not-transitive':
    'no single command: VPC peering does not carry traffic onward; peer the two VPCs directly or use a transit gateway',
  'no-site-behind-vgw':
    'no single command: no on-premises network behind the VPN gateway holds the address; check the address or the overlay',
  'no-link-from-site':
    'no single command: the site has no VPN or Direct Connect link toward the address; add one (outside the AWS CLI) or route through one that exists',
  'internet-private-address':
    'no single command: a private address is never reached over the internet; connect the client by VPN, Direct Connect or from inside the VPCs',
  'zone-no-records':
    'no single command: the private zone is managed by AWS; it has records once the endpoint has network interfaces in available state',
  'dhcp-servers-do-not-forward':
    'no single command: configure the DNS servers named by the DHCP options to forward the name to a Route 53 Resolver inbound endpoint (or use AmazonProvidedDNS)',
} as const satisfies Partial<Record<NetReason['code'], string>>;

/** The transit gateway attachment whose VPC or site holds `address`, and the CIDR to route. */
function attachmentToward(ctx: FixContext, address: string): { id: string; destination: string } | undefined {
  for (const tgw of ctx.model.transitGateways)
    for (const a of tgw.attachments) {
      const cidrs =
        a.kind === 'vpc'
          ? (ctx.model.vpcs.find((v) => v.id === a.vpc)?.cidrs ?? [])
          : a.kind === 'peering'
            ? []
            : (ctx.model.onPremises.find((o) => o.id === a.onPrem)?.cidrs ?? []);
      const cidr = cidrs.find((c) => cidrContains(c, address));
      if (cidr) return { id: a.id, destination: cidr };
    }
  return undefined;
}

/**
 * A NAT gateway cannot be started again once it failed or was deleted, nor turned public: it is replaced by a new
 * public one in the same subnet, and every route that pointed at the old one is moved to the new one.
 */
function natGatewayFix(ctx: FixContext, id: string, isPrivate: boolean): Fix {
  const ngw = ctx.model.natGateways.find((n) => n.id === id);
  const subnet = ngw ? ctx.idArg(ngw.subnet) : sh(`<id of a public subnet of the VPC>`);
  const cli = [
    'aws ec2 allocate-address --domain vpc',
    `aws ec2 create-nat-gateway --subnet-id ${subnet} --allocation-id ${sh('<AllocationId printed by allocate-address>')}`,
    ...ctx
      .tablesRoutingTo(id)
      .map(
        ({ table, destination }) =>
          `aws ec2 replace-route --route-table-id ${ctx.idArg(table.id)} ${ctx.destinationArg(destination)} --nat-gateway-id ${sh('<NatGatewayId printed by create-nat-gateway>')}`,
      ),
  ];
  return ctx.place(
    id,
    cli,
    isPrivate
      ? `${id} is a private NAT gateway: its connectivity cannot change; replace it with a public one and move its routes`
      : `a NAT gateway cannot be started again: replace ${id} with a new one and move its routes to it`,
  );
}

/**
 * The requester's VPC and the peer's, with the peer's account and Region when they differ from the requester's:
 * without them EC2 looks for the peer VPC in the caller's own account and Region and the request fails.
 */
function peeringArgs(ctx: FixContext, pc: PeeringConnection): string {
  const peer = ctx.model.vpcs.find((v) => v.id === pc.accepterVpc);
  const args = [`--vpc-id ${ctx.idArg(pc.requesterVpc)}`, `--peer-vpc-id ${ctx.idArg(pc.accepterVpc)}`];
  if (peer && peer.account !== pc.account) args.push(`--peer-owner-id ${sh(peer.account)}`);
  if (peer && peer.region !== pc.region) args.push(`--peer-region ${sh(peer.region)}`, `--region ${sh(pc.region)}`);
  return args.join(' ');
}
