// Indexes over the model for the data plane: lookups by id, parsed ranges, and each subnet's route table and ACL.
import type {
  Instance,
  Model,
  NatGateway,
  NetworkAcl,
  OnPremNetwork,
  PeeringConnection,
  PrefixList,
  RouteTable,
  SecurityGroup,
  Subnet,
  TransitGateway,
  Vpc,
} from '../model/types.js';
import { contains, range, type IpRange } from './cidr.js';

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

export class Network {
  readonly vpcs: Map<string, Vpc>;
  readonly subnets: Map<string, Subnet>;
  readonly routeTables: Map<string, RouteTable>;
  readonly securityGroups: Map<string, SecurityGroup>;
  readonly instances: Map<string, Instance>;
  readonly natGateways: Map<string, NatGateway>;
  readonly peerings: Map<string, PeeringConnection>;
  readonly transitGateways: Map<string, TransitGateway>;
  readonly onPremises: Map<string, OnPremNetwork>;
  readonly prefixLists: Map<string, PrefixList>;
  private readonly aclBySubnet = new Map<string, NetworkAcl>();
  private readonly subnetsByVpc = new Map<string, { subnet: Subnet; range: IpRange }[]>();
  private readonly rangeCache = new Map<string, IpRange>();
  private readonly memoCache = new Map<string, unknown>();

  constructor(readonly model: Model) {
    this.vpcs = byId(model.vpcs);
    this.subnets = byId(model.subnets);
    this.routeTables = byId(model.routeTables);
    this.securityGroups = byId(model.securityGroups);
    this.instances = byId(model.instances);
    this.natGateways = byId(model.natGateways);
    this.peerings = byId(model.peerings);
    this.transitGateways = byId(model.transitGateways);
    this.onPremises = byId(model.onPremises);
    this.prefixLists = byId(model.prefixLists);
    for (const acl of model.networkAcls) for (const s of acl.subnets) this.aclBySubnet.set(s, acl);
    for (const s of model.subnets) {
      const list = this.subnetsByVpc.get(s.vpc) ?? [];
      list.push({ subnet: s, range: this.range(s.cidr) });
      if (s.ipv6Cidr) list.push({ subnet: s, range: this.range(s.ipv6Cidr) });
      this.subnetsByVpc.set(s.vpc, list);
    }
  }

  /** Parsed once per distinct text: the same CIDR strings recur across thousands of rules. */
  range(text: string): IpRange {
    let r = this.rangeCache.get(text);
    if (!r) {
      r = range(text);
      this.rangeCache.set(text, r);
    }
    return r;
  }

  /** Derived data that many flows need (parsed route tables): computed once per model. */
  memo<T>(key: string, make: () => T): T {
    if (this.memoCache.has(key)) return this.memoCache.get(key) as T;
    const v = make();
    this.memoCache.set(key, v);
    return v;
  }

  vpcRanges(vpcId: string): IpRange[] {
    const v = this.vpcs.get(vpcId);
    return v ? [...v.cidrs, ...v.ipv6Cidrs].map((c) => this.range(c)) : [];
  }

  /** The subnet of a VPC whose range holds the address, if any. */
  subnetOf(vpcId: string, addr: IpRange): Subnet | undefined {
    return this.subnetsByVpc.get(vpcId)?.find((s) => contains(s.range, addr))?.subnet;
  }

  /** The network ACL of a subnet; undefined means the default ACL, which allows everything. */
  aclOf(subnetId: string): NetworkAcl | undefined {
    return this.aclBySubnet.get(subnetId);
  }

  routeTableOf(subnet: Subnet): RouteTable | undefined {
    const id = subnet.routeTable ?? this.vpcs.get(subnet.vpc)?.mainRouteTable;
    return id ? this.routeTables.get(id) : undefined;
  }

  /** CIDRs a security-group peer or route destination stands for (prefix lists expand to their entries). */
  prefixListRanges(id: string): IpRange[] | undefined {
    const pl = this.prefixLists.get(id);
    return pl?.cidrs.map((c) => this.range(c));
  }
}
