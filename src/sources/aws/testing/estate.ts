// What the fake AWS serves: a model (usually a design file such as examples/seed-tokyo.yaml) turned into the
// answers AWS would give for it, per account and Region, in the SDK's own shapes (typed against the SDK, so a
// misspelt member fails the type check). Ids are made up but stable (a hash of the model id), names go into `Name`
// tags, and every list keeps the model's order so the conversion back can be compared field by field.
import { createHash } from 'node:crypto';
import type {
  DhcpOptions,
  InternetGateway,
  ManagedPrefixList,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  PrefixListEntry,
  Reservation,
  RouteTable,
  SecurityGroup,
  ServiceDetail,
  Subnet,
  Tag,
  TransitGateway,
  TransitGatewayAttachment,
  TransitGatewayPropagation,
  TransitGatewayRoute,
  TransitGatewayRouteTable,
  TransitGatewayRouteTableAssociation,
  TransitGatewayVpcAttachment,
  Vpc,
  VpcEndpoint,
  VpcPeeringConnection,
  VpnConnection,
  VpnGateway,
} from '@aws-sdk/client-ec2';
import type {
  IpAddressResponse,
  ResolverEndpoint,
  ResolverRule,
  ResolverRuleAssociation,
} from '@aws-sdk/client-route53resolver';
import type { Workspace, WorkspaceDirectory, WorkspacesIpGroup, WorkspacesPool } from '@aws-sdk/client-workspaces';
import type { Model } from '../../../model/types.js';
import { addNetwork } from './estate-network.js';
import { addServices } from './estate-services.js';
import { addTransit } from './estate-transit.js';

export interface ScopeState {
  account: string;
  region: string;
  vpcs: Vpc[];
  vpcAttributes: Map<string, { enableDnsSupport?: boolean; enableDnsHostnames?: boolean }>;
  subnets: Subnet[];
  routeTables: RouteTable[];
  internetGateways: InternetGateway[];
  natGateways: NatGateway[];
  reservations: Reservation[];
  securityGroups: SecurityGroup[];
  networkAcls: NetworkAcl[];
  prefixLists: ManagedPrefixList[];
  prefixListEntries: Map<string, PrefixListEntry[]>;
  peerings: VpcPeeringConnection[];
  transitGateways: TransitGateway[];
  tgwAttachments: TransitGatewayAttachment[];
  tgwVpcAttachments: TransitGatewayVpcAttachment[];
  tgwRouteTables: TransitGatewayRouteTable[];
  tgwRoutes: Map<string, TransitGatewayRoute[]>;
  tgwAssociations: Map<string, TransitGatewayRouteTableAssociation[]>;
  tgwPropagations: Map<string, TransitGatewayPropagation[]>;
  vpnConnections: VpnConnection[];
  vpnGateways: VpnGateway[];
  vpcEndpoints: VpcEndpoint[];
  networkInterfaces: NetworkInterface[];
  endpointServices: ServiceDetail[];
  dhcpOptions: DhcpOptions[];
  resolverEndpoints: ResolverEndpoint[];
  resolverIps: Map<string, IpAddressResponse[]>;
  resolverRules: ResolverRule[];
  resolverAssociations: ResolverRuleAssociation[];
  directories: WorkspaceDirectory[];
  workspaces: Workspace[];
  ipGroups: WorkspacesIpGroup[];
  pools: WorkspacesPool[];
}

export function emptyScope(account: string, region: string): ScopeState {
  return {
    account,
    region,
    vpcs: [],
    vpcAttributes: new Map(),
    subnets: [],
    routeTables: [],
    internetGateways: [],
    natGateways: [],
    reservations: [],
    securityGroups: [],
    networkAcls: [],
    prefixLists: [],
    prefixListEntries: new Map(),
    peerings: [],
    transitGateways: [],
    tgwAttachments: [],
    tgwVpcAttachments: [],
    tgwRouteTables: [],
    tgwRoutes: new Map(),
    tgwAssociations: new Map(),
    tgwPropagations: new Map(),
    vpnConnections: [],
    vpnGateways: [],
    vpcEndpoints: [],
    networkInterfaces: [],
    endpointServices: [],
    dhcpOptions: [],
    resolverEndpoints: [],
    resolverIps: new Map(),
    resolverRules: [],
    resolverAssociations: [],
    directories: [],
    workspaces: [],
    ipGroups: [],
    pools: [],
  };
}

/** The fake's whole world: one state per account and Region. */
export class FakeEstate {
  readonly scopes = new Map<string, ScopeState>();

  scope(account: string, region: string): ScopeState {
    const key = `${account}/${region}`;
    let s = this.scopes.get(key);
    if (!s) {
      s = emptyScope(account, region);
      this.scopes.set(key, s);
    }
    return s;
  }

  find(account: string, region: string): ScopeState | undefined {
    return this.scopes.get(`${account}/${region}`);
  }
}

/** A stable made-up AWS id: `vpc-` and 17 hex digits from the kind and the model id (as AWS ids look). */
export function fakeId(prefix: string, ...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${prefix}-${hex.slice(0, prefix === 'd' ? 10 : 17)}`;
}

export function nameTag(name: string): Tag[] {
  return [{ Key: 'Name', Value: name }];
}

/** Lookups from model ids to the AWS ids the estate gave them, shared by the builders. */
export class IdMap {
  private readonly ids = new Map<string, string>();

  constructor(private readonly salt: string) {}

  /** The AWS id of a model entity, made on first use. `kind` keeps namespaces apart (subnet vs SG of one name). */
  of(kind: string, prefix: string, modelId: string): string {
    const key = `${kind}|${modelId}`;
    let id = this.ids.get(key);
    if (!id) {
      id = fakeId(prefix, this.salt, kind, modelId);
      this.ids.set(key, id);
    }
    return id;
  }

  set(kind: string, modelId: string, awsId: string): void {
    this.ids.set(`${kind}|${modelId}`, awsId);
  }
}

export interface EstateBuild {
  model: Model;
  estate: FakeEstate;
  ids: IdMap;
}

/** The answers AWS would give for this model. `salt` varies the made-up ids (several estates in one fake). */
export function estateFromModel(model: Model, salt = ''): FakeEstate {
  const build: EstateBuild = { model, estate: new FakeEstate(), ids: new IdMap(salt) };
  addNetwork(build);
  addTransit(build);
  addServices(build);
  return build.estate;
}
