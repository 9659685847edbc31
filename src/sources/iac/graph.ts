// The resources of a template or a plan, in one vocabulary: what CloudFormation's AWS::EC2::Subnet and Terraform's
// aws_subnet both say, with links between resources instead of ids. Each source translates its own resource types
// into these (cloudformation/resources-*.ts, terraform-plan/resources-*.ts); assemble*.ts then builds the model once,
// with AWS's implicit parts (main route table, default network ACL, local routes) and every reference checked.
import type { DeviceType, DnsRecordIpType, Protocol, Provenance, VpcEndpoint } from '../../model/types.js';
import type { Link, Unknown } from './values.js';

/** A setting that may be unknown before deployment. */
export type V<T> = T | Unknown;

interface Common {
  /** Unique in the input: a logical id (qualified by stack when several are given) or a Terraform address. */
  key: string;
  /** The name the model id is built from ("PublicSubnetA", "public_a"). */
  name: string;
  account: string;
  region: string;
  prov: Provenance;
}

export interface RawRule {
  protocol: Protocol;
  fromPort: number;
  toPort: number;
  peer: { cidr: V<string> } | { sg: Link } | { prefixList: Link };
  description?: string;
  prov: Provenance;
}

export type RawRouteTarget =
  | { kind: 'igw' | 'nat-gateway' | 'instance' | 'peering' | 'tgw' | 'vgw' | 'eni'; link: Link }
  | { kind: 'local' | 'blackhole' };

export interface RawRoute {
  destination: V<string> | { prefixList: Link };
  target: RawRouteTarget | Unknown;
  prov: Provenance;
}

export interface RawNaclEntry {
  number: number;
  action: 'allow' | 'deny';
  protocol: Protocol;
  fromPort: number;
  toPort: number;
  cidr: V<string>;
  egress: boolean;
  prov: Provenance;
}

export type RawResource = Common &
  (
    | { kind: 'vpc'; cidrs: V<string>[]; ipv6Cidrs: V<string>[]; dnsSupport?: V<boolean>; dnsHostnames?: V<boolean> }
    | { kind: 'vpc-cidr'; vpc: Link; cidr?: V<string>; ipv6Cidr?: V<string> }
    | { kind: 'subnet'; vpc: Link; cidr: V<string>; ipv6Cidr?: V<string>; az: V<string>; mapPublicIp?: boolean }
    | { kind: 'route-table'; vpc: Link; main?: boolean; routes: RawRoute[] }
    | { kind: 'route'; table: Link; route: RawRoute }
    | { kind: 'subnet-route-table'; subnet: Link; table: Link }
    | { kind: 'main-route-table'; vpc: Link; table: Link }
    | { kind: 'igw' | 'vgw' }
    | { kind: 'igw-attach' | 'vgw-attach'; gateway: Link; vpc: Link }
    | { kind: 'vgw-propagation'; gateway: Link; tables: Link[] }
    | { kind: 'nat-gateway'; subnet: Link; connectivity: 'public' | 'private'; allocation?: Link; publicIp?: V<string> }
    | { kind: 'eip'; address?: V<string>; instance?: Link }
    | { kind: 'eip-association'; instance: Link }
    | {
        kind: 'instance';
        subnet: Link;
        securityGroups: Link[];
        privateIp?: V<string>;
        publicIp?: V<string>;
        sourceDestCheck?: V<boolean>;
        state?: 'running' | 'stopped';
        /** A public address is asked for (AssociatePublicIpAddress); its value comes at deployment. */
        publicIpPending?: boolean;
      }
    | { kind: 'security-group'; vpc: Link; ingress: RawRule[]; egress: RawRule[] | 'aws-default' }
    | { kind: 'sg-rule'; group: Link; direction: 'ingress' | 'egress'; rule: RawRule }
    | { kind: 'nacl'; vpc: Link; isDefault?: boolean; entries: RawNaclEntry[]; subnets: Link[] }
    | { kind: 'nacl-entry'; nacl: Link; entry: RawNaclEntry }
    | { kind: 'nacl-association'; nacl: Link; subnet: Link }
    | {
        kind: 'endpoint';
        vpc: Link;
        service: V<string>;
        type: V<VpcEndpoint['type']>;
        subnets: Link[];
        securityGroups: Link[];
        privateDns?: V<boolean>;
        dnsRecordIpType?: V<DnsRecordIpType>;
        ipAddressType?: V<'ipv4' | 'ipv6' | 'dualstack'>;
        addresses: { subnet: Link; ip: string }[];
        state?: VpcEndpoint['state'];
        /** The vpce-… id, for an endpoint that exists already (a plan's no-op resources). */
        awsId?: string;
      }
    | { kind: 'endpoint-subnet' | 'endpoint-security-group'; endpoint: Link; target: Link }
    | { kind: 'peering'; requester: Link; accepter: Link; peerAccount?: V<string>; peerRegion?: V<string> }
    | { kind: 'tgw'; defaultAssociation: boolean; defaultPropagation: boolean }
    | {
        kind: 'tgw-vpc-attachment';
        tgw: Link;
        vpc: Link;
        subnets: Link[];
        defaultAssociation?: boolean;
        defaultPropagation?: boolean;
      }
    | { kind: 'tgw-route-table'; tgw: Link }
    | { kind: 'tgw-route'; table: Link; destination: V<string>; attachment?: Link; blackhole: boolean }
    | { kind: 'tgw-association' | 'tgw-propagation'; table: Link; attachment: Link }
    | { kind: 'customer-gateway'; ip?: V<string> }
    | { kind: 'vpn'; gateway: Link; via: 'vgw' | 'tgw'; customerGateway: Link; staticRoutes: V<string>[] }
    | { kind: 'vpn-route'; vpn: Link; cidr: V<string> }
    | { kind: 'prefix-list'; cidrs: V<string>[] }
    | { kind: 'dhcp-options'; servers: V<string>[] }
    | { kind: 'dhcp-association'; vpc: Link; options: Link }
    | {
        kind: 'resolver-endpoint';
        direction: 'inbound' | 'outbound';
        addresses: { subnet: Link; ip?: V<string> }[];
        securityGroups: Link[];
      }
    | { kind: 'resolver-rule'; ruleType: string; domain: V<string>; targets: V<string>[]; endpoint?: Link }
    | { kind: 'resolver-rule-association'; rule: Link; vpc: Link }
    | { kind: 'ad-directory'; adType: string; vpc: Link; subnets: Link[]; directoryId?: V<string> }
    | {
        kind: 'ws-directory';
        /** The AWS Directory Service directory it registers (Terraform's directory_id); CloudFormation has none. */
        registers?: Link;
        subnets: Link[];
        workspaceType?: V<'personal' | 'pools'>;
        /** Undefined: no AccessEndpointConfig; each entry as written. */
        accessEndpoints?: { type?: V<string>; endpoint?: Link; prov: Provenance }[];
        pcoipFallback?: V<boolean>;
        ipGroups: { link: Link; prov: Provenance }[];
        encryption?: V<'standard-tls' | 'fips-validated'>;
        globalAccelerator?: V<boolean>;
        preferredProtocol?: V<'udp' | 'tcp'>;
        deniedDeviceTypes: DeviceType[];
      }
    | {
        /** A directory's access endpoint set apart from the directory (wspl-cdk's Custom::WorkSpacesAccessEndpoint). */
        kind: 'directory-access';
        directory: Link;
        accessEndpoints: { type?: V<string>; endpoint?: Link; prov: Provenance }[];
        pcoipFallback: V<boolean>;
      }
    | { kind: 'instance-state'; instance: Link; state: 'running' | 'stopped' }
    | { kind: 'ip-group'; cidrs: V<string>[] }
    | { kind: 'workspace'; directory: Link }
    | { kind: 'pool'; directory: Link }
  );

export type RawKind = RawResource['kind'];
export type RawOf<K extends RawKind> = RawResource & { kind: K };

/** What a source hands to the assembler: its resources and what it knows about the whole input. */
export interface ResourceGraph {
  resources: RawResource[];
  /** Defaults for the model as a whole. */
  account: string;
  region: string;
  origin: Provenance;
}
