// StreamingEndpoint: the interface endpoint WorkSpaces Personal streams through (com.amazonaws.<region>.highlander),
// its security group, and the directory's access endpoint config, made the way the AWS guide and the seed's tests
// say it works (wspl's rules R5, R11–R13). Settings that cannot work are refused at synth with the wspl rule id that
// would flag them after deployment.
import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { DirectoryAccess } from './directory-access.js';
import { reportProblems, type Problem } from './problems.js';
import { WSPL_RULE } from './rule-ids.js';

/** One protocol and port the endpoint must take from the clients. */
export enum StreamingTransport {
  TCP_443 = 'tcp:443',
  UDP_443 = 'udp:443',
  TCP_4195 = 'tcp:4195',
  UDP_4195 = 'udp:4195',
}

/** Every transport the client probes (QUIC and TCP on 4195 and 443): the endpoint security group needs all four. */
export const ALL_STREAMING_TRANSPORTS: readonly StreamingTransport[] = [
  StreamingTransport.TCP_4195,
  StreamingTransport.UDP_4195,
  StreamingTransport.TCP_443,
  StreamingTransport.UDP_443,
];

export interface StreamingEndpointProps {
  /** The VPC of the endpoint: one the clients can route to, in the directory's account and Region. */
  readonly vpc: ec2.IVpc;
  /**
   * Subnets for the endpoint's network interfaces, one per Availability Zone is used; they must span at least two
   * zones.
   * @default - the VPC's private subnets (CDK's default selection), one per zone
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * The client networks allowed in: CIDRs (`'10.0.0.0/16'`, `'2001:db8::/56'`), or any `ec2.IPeer` such as
   * `ec2.Peer.prefixList('pl-…')` or a security group of the clients.
   */
  readonly clients: readonly (string | ec2.IPeer)[];
  /** The directory whose access endpoint config points at this endpoint. */
  readonly directory: DirectoryAccess;
  /**
   * Whether PCoIP WorkSpaces of the directory may stream over the internet while the endpoint is set
   * (InternetFallbackProtocols: PCOIP). With `false`, PCoIP WorkSpaces cannot connect at all (the broker answers
   * RESOURCE_NOT_FOUND, the seed's case 4-4). No default: it is a choice to make.
   */
  readonly pcoipOverInternet: boolean;
  /**
   * DNS record IP type of the endpoint: IPV4 or IPV6. DUALSTACK and SERVICE_DEFINED are refused (not supported for
   * streaming).
   * @default ec2.VpcEndpointDnsRecordIpType.IPV4
   */
  readonly dnsRecordIpType?: ec2.VpcEndpointDnsRecordIpType;
  /**
   * Private DNS. Clients resolve only the private name, so `false` is refused; the prop exists so that a copied
   * setting fails loudly instead of being silently overridden.
   * @default true
   */
  readonly privateDnsEnabled?: boolean;
  /**
   * What the security group lets in from every client network. Fewer than all four is refused.
   * @default ALL_STREAMING_TRANSPORTS
   */
  readonly transports?: readonly StreamingTransport[];
}

/** The streaming endpoint, its security group and the directory's access endpoint setting. */
export class StreamingEndpoint extends Construct {
  readonly securityGroup: ec2.SecurityGroup;
  readonly endpoint: ec2.InterfaceVpcEndpoint;
  /** The endpoint id (`vpce-…`) as a token. */
  readonly vpcEndpointId: string;
  /** The construct holding the directory's access endpoint config (the CfnDirectory, or the custom resource). */
  readonly directorySetting: Construct;

  constructor(scope: Construct, id: string, props: StreamingEndpointProps) {
    super(scope, id);
    const problems: Problem[] = [];
    const dnsRecordIpType = props.dnsRecordIpType ?? ec2.VpcEndpointDnsRecordIpType.IPV4;
    problems.push(...checkDns(dnsRecordIpType, props.privateDnsEnabled ?? true));
    const transports = props.transports ?? ALL_STREAMING_TRANSPORTS;
    problems.push(...checkTransports(transports), ...checkClients(props.clients));

    const selection: ec2.SubnetSelection = { onePerAz: true, ...(props.subnets ?? {}) };
    const selected = props.vpc.selectSubnets(selection);
    problems.push(...checkZones(selected));

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'WorkSpaces streaming endpoint: TCP and UDP 443 and 4195 from the clients',
      // The endpoint answers; it opens nothing. CDK writes a rule that matches no packet to remove EC2's default.
      allowAllOutbound: false,
      allowAllIpv6Outbound: false,
    });
    for (const client of props.clients) {
      const peer = typeof client === 'string' ? cidrPeer(client) : client;
      if (!peer) continue;
      for (const t of new Set(transports)) this.securityGroup.addIngressRule(peer, portOf(t), `WorkSpaces ${t}`);
    }

    this.endpoint = new ec2.InterfaceVpcEndpoint(this, 'Endpoint', {
      vpc: props.vpc,
      service: new ec2.InterfaceVpcEndpointService(`com.amazonaws.${Stack.of(this).region}.highlander`, 443),
      subnets: selection,
      securityGroups: [this.securityGroup],
      // Only the rules above: `open` would add the whole VPC range on 443 alone.
      open: false,
      // Always written out: a template that omits PrivateDnsEnabled means false.
      privateDnsEnabled: true,
      dnsRecordIpType,
    });
    this.vpcEndpointId = this.endpoint.vpcEndpointId;

    const bound = props.directory._bind(this, {
      vpcEndpointId: this.vpcEndpointId,
      pcoipOverInternet: props.pcoipOverInternet,
    });
    this.directorySetting = bound.setting;
    problems.push(...bound.problems);
    reportProblems(this, problems);
  }
}

function checkDns(type: ec2.VpcEndpointDnsRecordIpType, privateDns: boolean): Problem[] {
  const problems: Problem[] = [];
  if (!privateDns) {
    problems.push({
      rule: WSPL_RULE.privateDns,
      severity: 'error',
      message:
        'privateDnsEnabled is false, but WorkSpaces clients connect only to the private name of the endpoint; remove the setting or set it to true',
    });
  }
  if (type !== ec2.VpcEndpointDnsRecordIpType.IPV4 && type !== ec2.VpcEndpointDnsRecordIpType.IPV6) {
    problems.push({
      rule: WSPL_RULE.dnsRecordIpType,
      severity: 'error',
      message: `dnsRecordIpType ${type} is not supported for streaming; use VpcEndpointDnsRecordIpType.IPV4 or IPV6`,
    });
  }
  return problems;
}

function checkTransports(transports: readonly StreamingTransport[]): Problem[] {
  const missing = ALL_STREAMING_TRANSPORTS.filter((t) => !transports.includes(t));
  if (missing.length === 0) return [];
  const udp = missing.some((t) => t.startsWith('udp')) ? ' (without UDP the client cannot use QUIC)' : '';
  return [
    {
      rule: WSPL_RULE.ports,
      severity: 'error',
      message: `the security group would not let in ${missing.join(', ')}${udp}; allow TCP and UDP on both 443 and 4195 (leave transports unset)`,
    },
  ];
}

function checkClients(clients: readonly (string | ec2.IPeer)[]): Problem[] {
  if (clients.length === 0) {
    return [
      {
        rule: WSPL_RULE.ports,
        severity: 'error',
        message:
          'no client networks are given, so nothing could reach the endpoint; list the clients’ CIDRs, prefix lists or security groups',
      },
    ];
  }
  return clients
    .filter((c): c is string => typeof c === 'string' && !Token.isUnresolved(c) && cidrPeer(c) === undefined)
    .map((c) => ({
      rule: WSPL_RULE.ports,
      severity: 'error' as const,
      message: `client network "${c}" is not a CIDR (like 10.0.0.0/16 or 2001:db8::/56); give a CIDR or an ec2.IPeer`,
    }));
}

function checkZones(selected: ec2.SelectedSubnets): Problem[] {
  const zones = selected.availabilityZones;
  if (zones.some((z) => Token.isUnresolved(z))) {
    return [
      {
        rule: WSPL_RULE.multiAz,
        severity: 'warning',
        message:
          'the Availability Zones of the endpoint subnets are not known at synth, so two zones cannot be checked',
      },
    ];
  }
  const distinct = new Set(zones);
  if (distinct.size >= 2) return [];
  return [
    {
      rule: WSPL_RULE.multiAz,
      severity: 'error',
      message: `the endpoint subnets span ${distinct.size === 0 ? 'no Availability Zone' : `one Availability Zone (${[...distinct].join('')})`}; select subnets in at least two zones so one zone's outage does not cut streaming`,
    },
  ];
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** A peer for a CIDR string, or undefined when it is not one. */
function cidrPeer(cidr: string): ec2.IPeer | undefined {
  if (Token.isUnresolved(cidr)) return ec2.Peer.ipv4(cidr);
  const v4 = IPV4_CIDR.exec(cidr);
  if (v4) {
    const [a, b, c, d, len] = v4.slice(1).map(Number) as [number, number, number, number, number];
    return [a, b, c, d].every((x) => x <= 255) && len <= 32 ? ec2.Peer.ipv4(cidr) : undefined;
  }
  if (/^[0-9a-fA-F:]+\/\d{1,3}$/.test(cidr) && cidr.includes(':') && Number(cidr.split('/')[1]) <= 128) {
    return ec2.Peer.ipv6(cidr);
  }
  return undefined;
}

function portOf(t: StreamingTransport): ec2.Port {
  const [proto, port] = t.split(':') as ['tcp' | 'udp', string];
  return proto === 'tcp' ? ec2.Port.tcp(Number(port)) : ec2.Port.udp(Number(port));
}
