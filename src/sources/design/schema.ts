// The shape of a design file (`wspl: 1`), as one zod schema. The loader validates with it and `wspl schema`
// publishes it as JSON Schema, so editors and the loader can never disagree. It checks structure, types and enum
// values only; CIDRs, rule strings and references are checked by the loader, which can point at the exact line.
import { z } from 'zod';
import { OUTCOMES, STREAM_PATHS, TRANSPORTS } from '../../model/outcomes.js';

const name = z.string().min(1);
const cidr = z.string().describe('A network in CIDR notation with no host bits set, e.g. 10.0.0.0/16 or 2001:db8::/56');
const ip = z.string().describe('An IPv4 or IPv6 address, e.g. 10.0.21.217');
const account = z
  .union([z.string(), z.number()])
  .describe('A 12-digit AWS account id; quote it ("011122223333") so YAML keeps leading zeros');
const region = z.string().describe('An AWS Region code, e.g. ap-northeast-1');
const names = (what: string) => z.array(name).describe(what);

const ruleText = z
  .string()
  .describe(
    'PROTO[:PORT[-PORT]] from|to PEER. PROTO: tcp, udp, icmp, all. PEER: a CIDR, a security group name (VPC/NAME for another VPC) or a prefix list name. Ingress reads `from`, egress `to`.',
  );
const sgRule = z.union([
  ruleText,
  z.strictObject({ rule: ruleText, description: z.string().optional() }).describe('A rule with a description'),
]);
const rules = (what: string) => z.array(sgRule).describe(what);
const naclRule = z
  .string()
  .describe(
    'NUMBER allow|deny PROTO[:PORT[-PORT]] from|to CIDR, e.g. "100 allow tcp:443 from 10.0.0.0/16". Lowest number wins; no match denies.',
  );

const subnet = z.strictObject({
  cidr,
  ipv6Cidr: cidr.optional(),
  az: z.string().describe('Availability Zone, e.g. ap-northeast-1a'),
  routeTable: name.optional().describe("Route table name in this VPC; omitted: the VPC's main route table"),
});

const routeTable = z
  .record(z.string(), z.string())
  .describe(
    'DESTINATION: TARGET. Destination: a CIDR or a prefix list name. Target: local, blackhole, the internet gateway, a NAT gateway, an instance (NAT instance), a peering, a transit gateway, or vgw / the vpnGateway name. Local routes for the VPC CIDRs are implied.',
  );

const securityGroup = z.strictObject({
  ingress: rules('Inbound rules; omitted: none').optional(),
  egress: rules('Outbound rules; omitted: all traffic to 0.0.0.0/0, as AWS creates a group').optional(),
});

const networkAcl = z.strictObject({
  subnets: names(
    'Subnets associated with this ACL. The ACL named "default" also takes every subnet no other ACL has',
  ).optional(),
  ingress: z.array(naclRule).describe('Inbound rules').optional(),
  egress: z.array(naclRule).describe('Outbound rules').optional(),
});

export const instanceSchema = z.strictObject({
  subnet: name,
  securityGroups: names('Security group names in this VPC').optional(),
  privateIp: ip.optional(),
  publicIp: ip.describe('An IPv4 address, or `unknown`: it has one, assigned at deployment').optional(),
  nat: z.boolean().describe('Acts as a NAT instance').optional(),
  state: z.enum(['running', 'stopped']).describe('Default: running').optional(),
  sourceDestCheck: z.boolean().describe('Default: false for a NAT instance, true otherwise').optional(),
});

const natGateway = z.strictObject({
  subnet: name,
  connectivity: z.enum(['public', 'private']).describe('Default: public').optional(),
  publicIp: ip.optional(),
  state: z.enum(['available', 'pending', 'failed', 'deleting', 'deleted']).describe('Default: available').optional(),
});

const endpoint = z.strictObject({
  id: z.string().describe('The AWS id (vpce-…), when known').optional(),
  service: z.string().describe('Service name, e.g. com.amazonaws.ap-northeast-1.highlander'),
  type: z
    .enum(['Interface', 'Gateway', 'GatewayLoadBalancer', 'Resource', 'ServiceNetwork'])
    .describe('Default: Interface')
    .optional(),
  subnets: names('Subnet names in this VPC').optional(),
  securityGroups: names('Security group names in this VPC').optional(),
  privateDns: z.boolean().describe('Default for Interface endpoints: true, as the EC2 API does').optional(),
  dnsRecordIpType: z
    .enum(['ipv4', 'ipv6', 'dualstack', 'service-defined'])
    .describe('Default for Interface endpoints: ipv4')
    .optional(),
  ipAddressType: z.enum(['ipv4', 'ipv6', 'dualstack']).describe('Default for Interface endpoints: ipv4').optional(),
  addresses: z.array(ip).describe('ENI addresses; each must lie in one of the endpoint subnets').optional(),
  owner: account.describe("Owning account id; default: the VPC's account").optional(),
  state: z
    .enum(['available', 'pending', 'deleting', 'deleted', 'rejected', 'failed'])
    .describe('Default: available')
    .optional(),
});

const resolverEndpoint = z.strictObject({
  direction: z
    .enum(['inbound', 'outbound'])
    .describe('Default: inbound (other networks forward queries into this VPC)')
    .optional(),
  subnets: names('Subnet names in this VPC'),
  addresses: z.array(ip).describe('Inbound addresses; each must lie in one of the subnets').optional(),
  securityGroups: names('Security group names in this VPC').optional(),
});

const vpc = z.strictObject({
  account: account.describe("Owner account; default: the file's").optional(),
  region: region.describe("Default: the file's").optional(),
  cidr: cidr.describe('Primary IPv4 CIDR'),
  secondaryCidrs: z.array(cidr).describe('More IPv4 CIDRs').optional(),
  ipv6Cidrs: z.array(cidr).optional(),
  dns: z
    .strictObject({
      support: z.boolean().describe('enableDnsSupport; default true').optional(),
      hostnames: z.boolean().describe('enableDnsHostnames; default false').optional(),
      forwarders: z
        .array(
          z.strictObject({
            domain: z.string().describe('Domain the rule forwards (the name itself or a parent)'),
            to: z.array(ip).describe('Target resolver addresses, e.g. an inbound resolver endpoint of another VPC'),
            via: name.describe('The outbound resolver endpoint the queries leave from: NAME in this VPC or VPC/NAME'),
          }),
        )
        .describe('Route 53 Resolver forwarding rules associated with this VPC; they win over private zones')
        .optional(),
    })
    .describe('Default: { support: true, hostnames: false }, as AWS creates a VPC')
    .optional(),
  sharedFrom: account.describe("Set when another account shares this VPC (RAM): the owner's account id").optional(),
  dhcpOptions: z
    .strictObject({
      domainNameServers: z
        .array(z.string())
        .min(1)
        .describe('DNS server addresses, or AmazonProvidedDNS (the VPC resolver); instances ask the first'),
    })
    .describe("The VPC's DHCP option set; omitted: AmazonProvidedDNS")
    .optional(),
  internetGateway: name.describe('Name of the attached internet gateway').optional(),
  vpnGateway: name.describe('Name of the attached virtual private gateway').optional(),
  mainRouteTable: name
    .describe('Route table used by subnets without one; default: "main" (only local routes unless declared)')
    .optional(),
  subnets: z.record(z.string(), subnet).optional(),
  routeTables: z.record(z.string(), routeTable).optional(),
  securityGroups: z.record(z.string(), securityGroup).optional(),
  networkAcls: z
    .record(z.string(), networkAcl)
    .describe('Subnets in no ACL use "default", which allows everything unless declared')
    .optional(),
  instances: z.record(z.string(), instanceSchema).optional(),
  natGateways: z.record(z.string(), natGateway).optional(),
  endpoints: z.record(z.string(), endpoint).describe('VPC endpoints').optional(),
  resolverEndpoints: z.record(z.string(), resolverEndpoint).describe('Route 53 Resolver inbound endpoints').optional(),
});

const peering = z.strictObject({
  requester: name.describe('VPC name'),
  accepter: name.describe('VPC name'),
  state: z.enum(['active', 'pending-acceptance', 'deleted', 'rejected']).describe('Default: active').optional(),
});

const tgwAttachment = z
  .strictObject({
    vpc: name.describe('VPC attachment: the VPC name').optional(),
    subnets: names('VPC attachment subnets').optional(),
    vpn: name.describe('VPN attachment: the on-premises network name').optional(),
    dx: name.describe('Direct Connect attachment: the on-premises network name').optional(),
    peering: name.describe('Peering attachment: the other transit gateway name').optional(),
    routeTable: name.describe('Associated route table; default: the only one').optional(),
    propagateTo: names(
      'Route tables this attachment propagates its CIDRs to (the VPC CIDRs, or the site CIDRs for vpn/dx); a static route for the same prefix wins',
    ).optional(),
  })
  .describe('Exactly one of vpc, vpn, dx, peering');

const transitGateway = z.strictObject({
  account: account.optional(),
  region: region.optional(),
  routeTables: z
    .record(z.string(), z.record(z.string(), z.string()).describe('CIDR: ATTACHMENT name or blackhole'))
    .describe('Static routes; attachments add propagated ones with propagateTo')
    .optional(),
  attachments: z.record(z.string(), tgwAttachment).optional(),
});

const onPremConnection = z
  .strictObject({
    vpn: name.describe('A VPC (its virtual private gateway), a transit gateway, or TGW/ATTACHMENT').optional(),
    dx: name.describe('A VPC (its virtual private gateway), a transit gateway, or TGW/ATTACHMENT').optional(),
  })
  .describe('Exactly one of vpn, dx');

export const onPremisesSchema = z.strictObject({
  cidr: cidr.describe('Shorthand for one CIDR').optional(),
  cidrs: z.array(cidr).optional(),
  connections: z.array(onPremConnection).optional(),
  dns: z
    .strictObject({
      server: ip.describe("The site's resolver").optional(),
      forwarders: z
        .array(z.strictObject({ domain: z.string(), to: z.array(ip).describe('Resolver addresses') }))
        .describe('Conditional forwarders')
        .optional(),
    })
    .optional(),
  internet: z
    .strictObject({ publicIp: ip.optional() })
    .describe('Direct internet breakout of the site; omit when the site has none')
    .optional(),
  egress: rules('Site firewall outbound rules; omitted: everything allowed out').optional(),
});

export const directorySchema = z.strictObject({
  id: z.string().describe('AWS directory id (d-… or wsd-…)').optional(),
  account: account.optional(),
  region: region.optional(),
  type: z.enum(['personal', 'pools']).describe('Default: personal').optional(),
  vpc: name.optional(),
  subnets: names('Subnet names in the directory VPC').optional(),
  streamingEndpoint: z
    .union([z.string(), z.null()])
    .describe('VPC/ENDPOINT (or a vpce- id) used for streaming; null or omitted: none')
    .optional(),
  accessEndpointType: z.string().describe('Default: STREAMING_WSP when streamingEndpoint is set').optional(),
  pcoipOverInternet: z.boolean().describe('InternetFallbackProtocols holds PCOIP; default false').optional(),
  ipGroups: names('IP access control group names; default none').optional(),
  encryption: z.enum(['standard-tls', 'fips-validated']).describe('Default: standard-tls').optional(),
  globalAccelerator: z.boolean().describe('Default: false').optional(),
  preferredProtocol: z.enum(['udp', 'tcp']).optional(),
  denyDeviceTypes: z
    .array(z.enum(['windows', 'macos', 'linux', 'web', 'ios', 'android', 'chromeos', 'zeroclient']))
    .describe('Client device types set to DENY in the directory access properties; default none')
    .optional(),
});

export const workspaceSchema = z.strictObject({
  directory: name,
  protocol: z
    .enum(['dcv', 'pcoip'])
    .describe('Streaming protocol; omitted: unknown (what templates and plans give), and predictions for it say so')
    .optional(),
  globalAccelerator: z.enum(['inherited', 'enabled', 'disabled']).optional(),
});

export const clientSchema = z.strictObject({
  at: z.string().describe('internet, VPC/INSTANCE, VPC/SUBNET or onprem/NAME'),
  publicIp: ip.optional(),
  privateIp: ip.optional(),
  version: z.union([z.string(), z.number()]).describe('Client version, e.g. "5.29.1"; omitted: the newest').optional(),
  os: z.enum(['windows', 'macos', 'linux']).optional(),
  egress: rules("Outbound rules of the device's network (home router, …)").optional(),
});

const outcome = z.enum(OUTCOMES);

/** One intent of an `expect:` section (contract.md, "Intents"). */
export const expectationSchema = z
  .strictObject({
    client: name.describe('Client name or glob (* any run of characters, ? one character), e.g. office-*'),
    workspace: name.describe('WorkSpace name or glob'),
    outcome: z
      .union([outcome, z.array(outcome).min(1)])
      .describe('The outcome that must be predicted, or a list of outcomes any of which will do'),
    path: z.enum(STREAM_PATHS).describe('With CONNECTED: the path the stream must take').optional(),
    transport: z.enum(TRANSPORTS).describe('With CONNECTED: the transport the client must pick').optional(),
  })
  .describe('What must hold for every matching client × WorkSpace');

export const expectSectionSchema = z
  .array(expectationSchema)
  .describe('Intents checked by wspl check (rule expectation-not-met), wspl matrix and wspl trace');

export const designSchema = z
  .looseObject({
    wspl: z.literal(1).describe('Design file format version'),
    account: account.describe('Default account of everything in the file'),
    region: region.describe('Default Region of everything in the file'),
    vpcs: z.record(z.string(), vpc).optional(),
    peerings: z.record(z.string(), peering).describe('VPC peering connections').optional(),
    transitGateways: z.record(z.string(), transitGateway).optional(),
    onPremises: z.record(z.string(), onPremisesSchema).describe('On-premises networks').optional(),
    prefixLists: z.record(z.string(), z.array(cidr)).describe('Managed prefix lists: name → CIDRs').optional(),
    ipGroups: z.record(z.string(), z.array(cidr)).describe('IP access control groups: name → allowed CIDRs').optional(),
    directories: z.record(z.string(), directorySchema).describe('WorkSpaces directories').optional(),
    workspaces: z.record(z.string(), workspaceSchema).optional(),
    clients: z.record(z.string(), clientSchema).describe('WorkSpaces client devices').optional(),
    expect: expectSectionSchema.optional(),
  })
  .describe('wspl design file: an Amazon WorkSpaces Personal environment streaming over AWS PrivateLink')
  .meta({ title: 'wspl design file (wspl: 1)' });

export const TOP_LEVEL_KEYS = Object.keys(designSchema.shape);

export type DesignDoc = z.infer<typeof designSchema>;
export type DesignVpc = z.infer<typeof vpc>;
export type DesignRule = z.infer<typeof sgRule>;
export type DesignTgw = z.infer<typeof transitGateway>;
export type DesignOnPrem = z.infer<typeof onPremisesSchema>;
export type DesignDirectory = z.infer<typeof directorySchema>;
export type DesignClient = z.infer<typeof clientSchema>;
export type DesignExpectation = z.infer<typeof expectationSchema>;

export function designJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(designSchema, { target: 'draft-2020-12', io: 'input' });
}
