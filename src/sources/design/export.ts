// The model written back out as a design file: the same nested, name-keyed shape a person would write, so that
// `whatif` paths such as vpcs.vpc1.instances.nat.state address it. Reloading the export gives an equal model
// (provenance aside). Values the loader would fill in by default are left out, except the ones a reader looks for
// (states, DNS settings, the directory's endpoint settings), which are always written.
import { Document, isCollection, visit, type Node } from 'yaml';
import type { Model, NetworkAcl, RouteTable, RouteTarget, SgRule, Vpc } from '../../model/types.js';
import { DEFAULT_NACL } from './convert-rules.js';
import { MAIN_ROUTE_TABLE, VGW_WORD } from './convert-routes.js';
import {
  ENDPOINT_DEFAULT_STATE,
  ENDPOINT_DEFAULT_TYPE,
  NAT_GATEWAY_DEFAULTS,
  PEERING_DEFAULT_STATE,
  PENDING_ADDRESS,
  STREAMING_ACCESS_ENDPOINT_TYPE,
  instanceDefaults,
} from './defaults.js';
import { formatNaclRule, formatTrafficRule, type Direction } from './rule-syntax.js';

type Obj = Record<string, unknown>;

/** Drops undefined values so the output has no `key: undefined` (which YAML would print as null). */
function clean(o: Obj): Obj {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** An empty list the loader would default to anyway is left out. */
function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

function tail(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

function byId<T extends { id: string }>(list: T[]): (id: string) => T | undefined {
  const map = new Map(list.map((x) => [x.id, x]));
  return (id) => map.get(id);
}

function keyed<T>(list: T[], key: (x: T) => string, value: (x: T) => unknown): Obj | undefined {
  if (list.length === 0) return undefined;
  return Object.fromEntries(list.map((x) => [key(x), value(x)]));
}

class Exporter {
  readonly prefixList;
  readonly routeTable;
  readonly natGateway;
  readonly instance;

  constructor(readonly model: Model) {
    this.prefixList = byId(model.prefixLists);
    this.routeTable = byId(model.routeTables);
    this.natGateway = byId(model.natGateways);
    this.instance = byId(model.instances);
  }

  /** A subnet, SG or route table reference from inside VPC `vpc`: its bare name there, VPC/NAME elsewhere. */
  local(id: string, vpc: string): string {
    return id.startsWith(`${vpc}/`) ? id.slice(vpc.length + 1) : id;
  }

  rule(r: SgRule, direction: Direction, vpc?: string): unknown {
    const peer =
      r.peer.kind === 'cidr'
        ? r.peer.cidr
        : r.peer.kind === 'sg'
          ? vpc
            ? this.local(r.peer.id, vpc)
            : r.peer.id
          : (this.prefixList(r.peer.id)?.name ?? r.peer.id);
    const text = formatTrafficRule({ protocol: r.protocol, fromPort: r.fromPort, toPort: r.toPort, peer }, direction);
    return r.description !== undefined ? { rule: text, description: r.description } : text;
  }

  target(t: RouteTarget): string {
    switch (t.kind) {
      case 'local':
      case 'blackhole':
        return t.kind;
      case 'nat-gateway':
        return this.natGateway(t.id)?.name ?? tail(t.id);
      case 'instance':
        return this.instance(t.id)?.name ?? tail(t.id);
      default:
        return t.id;
    }
  }

  /** True for the main table AWS creates by itself, which the loader recreates when the file leaves it out. */
  impliedMainTable(t: RouteTable, vpc: Vpc): boolean {
    return (
      t.name === MAIN_ROUTE_TABLE &&
      vpc.mainRouteTable === t.id &&
      t.routes.every((r) => r.target.kind === 'local' && this.ownCidr(vpc, r.destination))
    );
  }

  ownCidr(vpc: Vpc, destination: string): boolean {
    return vpc.cidrs.includes(destination) || vpc.ipv6Cidrs.includes(destination);
  }

  impliedDefaultAcl(a: NetworkAcl, vpc: Vpc): boolean {
    const allowAll = (rules: NetworkAcl['ingress']) =>
      rules.map((r) => formatNaclRule({ ...r, peer: r.cidr }, 'ingress')).join() ===
      ['100 allow all from 0.0.0.0/0', ...(vpc.ipv6Cidrs.length > 0 ? ['101 allow all from ::/0'] : [])].join();
    return a.name === DEFAULT_NACL && allowAll(a.ingress) && allowAll(a.egress);
  }

  vpc(v: Vpc): Obj {
    const m = this.model;
    const mine = <T extends { vpc: string }>(list: T[]) => list.filter((x) => x.vpc === v.id);
    const names = (ids: string[]) => ids.map((id) => this.local(id, v.id));
    const tables = mine(m.routeTables);
    const vgw = tables.flatMap((t) => t.routes).find((r) => r.target.kind === 'vgw')?.target;
    const mainName = v.mainRouteTable ? (this.routeTable(v.mainRouteTable)?.name ?? tail(v.mainRouteTable)) : undefined;
    return clean({
      account: v.account !== m.account ? v.account : undefined,
      region: v.region !== m.region ? v.region : undefined,
      cidr: v.cidrs[0],
      secondaryCidrs: v.cidrs.length > 1 ? v.cidrs.slice(1) : undefined,
      ipv6Cidrs: v.ipv6Cidrs.length > 0 ? v.ipv6Cidrs : undefined,
      dns: clean({
        support: v.dnsSupport,
        hostnames: v.dnsHostnames,
        forwarders: v.resolverRules?.map((r) => ({
          domain: r.domain,
          to: r.to,
          via: r.via.startsWith(`${v.id}/`) ? r.via.slice(v.id.length + 1) : r.via,
        })),
      }),
      sharedFrom: v.sharedFrom,
      dhcpOptions: v.dhcpOptions ? { domainNameServers: v.dhcpOptions.domainNameServers } : undefined,
      internetGateway: v.internetGateway,
      vpnGateway: vgw?.kind === 'vgw' && vgw.id !== VGW_WORD ? vgw.id : undefined,
      mainRouteTable: mainName !== undefined && mainName !== MAIN_ROUTE_TABLE ? mainName : undefined,
      subnets: keyed(
        mine(m.subnets),
        (s) => s.name,
        (s) =>
          clean({
            cidr: s.cidr,
            ipv6Cidr: s.ipv6Cidr,
            az: s.az,
            routeTable: s.routeTable && (this.routeTable(s.routeTable)?.name ?? tail(s.routeTable)),
          }),
      ),
      routeTables: keyed(
        tables.filter((t) => !this.impliedMainTable(t, v)),
        (t) => t.name,
        (t) =>
          Object.fromEntries(
            t.routes
              .filter((r) => !(r.target.kind === 'local' && this.ownCidr(v, r.destination)))
              .map((r) => [
                r.prefixList ? (this.prefixList(r.destination)?.name ?? r.destination) : r.destination,
                this.target(r.target),
              ]),
          ),
      ),
      securityGroups: keyed(
        mine(m.securityGroups),
        (g) => g.name,
        (g) => ({
          ingress: g.ingress.map((r) => this.rule(r, 'ingress', v.id)),
          egress: g.egress.map((r) => this.rule(r, 'egress', v.id)),
        }),
      ),
      networkAcls: keyed(
        mine(m.networkAcls).filter((a) => !this.impliedDefaultAcl(a, v)),
        (a) => a.name,
        (a) =>
          clean({
            subnets: a.name === DEFAULT_NACL ? undefined : names(a.subnets),
            ingress: a.ingress.map((r) => formatNaclRule({ ...r, peer: r.cidr }, 'ingress')),
            egress: a.egress.map((r) => formatNaclRule({ ...r, peer: r.cidr }, 'egress')),
          }),
      ),
      instances: keyed(
        mine(m.instances),
        (i) => i.name,
        (i) =>
          clean({
            subnet: this.local(i.subnet, v.id),
            securityGroups: nonEmpty(names(i.securityGroups)),
            privateIp: i.privateIp,
            publicIp: i.publicIp ?? (i.publicIpPending ? PENDING_ADDRESS : undefined),
            nat: i.nat || undefined,
            state: i.state,
            sourceDestCheck:
              i.sourceDestCheck !== instanceDefaults(i.nat ?? false).sourceDestCheck ? i.sourceDestCheck : undefined,
          }),
      ),
      natGateways: keyed(
        mine(m.natGateways),
        (g) => g.name,
        (g) =>
          clean({
            subnet: this.local(g.subnet, v.id),
            connectivity: g.connectivity !== NAT_GATEWAY_DEFAULTS.connectivity ? g.connectivity : undefined,
            publicIp: g.publicIp,
            state: g.state,
          }),
      ),
      endpoints: keyed(
        mine(m.endpoints),
        (e) => e.name,
        (e) =>
          clean({
            id: e.awsId,
            service: e.service,
            type: e.type !== ENDPOINT_DEFAULT_TYPE ? e.type : undefined,
            subnets: nonEmpty(names(e.subnets)),
            securityGroups: nonEmpty(names(e.securityGroups)),
            privateDns: e.privateDns,
            dnsRecordIpType: e.dnsRecordIpType,
            ipAddressType: e.ipAddressType,
            addresses: nonEmpty(e.addresses.map((a) => a.ip)),
            owner: e.owner !== v.account ? e.owner : undefined,
            state: e.state !== ENDPOINT_DEFAULT_STATE ? e.state : undefined,
          }),
      ),
      resolverEndpoints: keyed(
        mine(m.resolverEndpoints),
        (r) => r.name,
        (r) => ({
          ...(r.direction === 'outbound' ? { direction: r.direction } : {}),
          subnets: names(r.subnets),
          addresses: r.addresses.map((a) => a.ip),
          securityGroups: names(r.securityGroups),
        }),
      ),
    });
  }

  document(): Obj {
    const m = this.model;
    const other = (x: { account: string; region: string }) => ({
      account: x.account !== m.account ? x.account : undefined,
      region: x.region !== m.region ? x.region : undefined,
    });
    return clean({
      wspl: 1,
      account: m.account,
      region: m.region,
      vpcs: keyed(
        m.vpcs,
        (v) => v.id,
        (v) => this.vpc(v),
      ),
      peerings: keyed(
        m.peerings,
        (p) => p.name,
        (p) =>
          clean({
            requester: p.requesterVpc,
            accepter: p.accepterVpc,
            state: p.state !== PEERING_DEFAULT_STATE ? p.state : undefined,
          }),
      ),
      transitGateways: keyed(
        m.transitGateways,
        (t) => t.id,
        (t) =>
          clean({
            ...other(t),
            routeTables: keyed(
              t.routeTables,
              (rt) => rt.name,
              (rt) =>
                Object.fromEntries(
                  rt.routes
                    .filter((r) => !r.propagated)
                    .map((r) => [
                      r.destination,
                      r.attachment !== undefined ? this.local(r.attachment, t.id) : 'blackhole',
                    ]),
                ),
            ),
            attachments: keyed(
              t.attachments,
              (a) => a.name,
              (a) => {
                const routeTable = this.local(a.routeTable, t.id);
                // Propagation shows as the tables that hold routes learned from this attachment.
                const tables = t.routeTables
                  .filter((rt) => rt.routes.some((r) => r.propagated && r.attachment === a.id))
                  .map((rt) => rt.name);
                const propagateTo = tables.length > 0 ? { propagateTo: tables } : {};
                if (a.kind === 'vpc')
                  return {
                    vpc: a.vpc,
                    subnets: a.subnets.map((s) => this.local(s, a.vpc)),
                    routeTable,
                    ...propagateTo,
                  };
                if (a.kind === 'peering') return { peering: a.peerTgw, routeTable, ...propagateTo };
                return { [a.kind]: tail(a.onPrem), routeTable, ...propagateTo };
              },
            ),
          }),
      ),
      onPremises: keyed(
        m.onPremises,
        (o) => o.name,
        (o) =>
          clean({
            cidrs: o.cidrs,
            connections: o.connections.map((c) => ({
              [c.kind]: c.via === 'vgw' ? c.vpc : `${c.tgw}/${this.local(c.attachment, c.tgw)}`,
            })),
            dns: clean({
              server: o.dns.server,
              forwarders: o.dns.forwarders.map((f) => ({ domain: f.domain, to: f.to })),
            }),
            internet: o.internet && clean({ publicIp: o.internet.publicIp }),
            egress: o.egress?.map((r) => this.rule(r, 'egress')),
          }),
      ),
      prefixLists: keyed(
        m.prefixLists,
        (p) => p.name,
        (p) => p.cidrs,
      ),
      ipGroups: keyed(
        m.ipGroups,
        (g) => g.name,
        (g) => g.cidrs,
      ),
      directories: keyed(
        m.directories,
        (d) => d.id,
        (d) => {
          const endpoint = d.streamingEndpoint ?? d.streamingEndpointAwsId ?? null;
          const impliedType = endpoint !== null ? STREAMING_ACCESS_ENDPOINT_TYPE : undefined;
          return clean({
            id: d.directoryId,
            ...other(d),
            type: d.type,
            vpc: d.vpc,
            subnets: d.vpc !== undefined ? d.subnets.map((s) => this.local(s, d.vpc ?? '')) : undefined,
            streamingEndpoint: endpoint,
            accessEndpointType: d.accessEndpointType !== impliedType ? d.accessEndpointType : undefined,
            pcoipOverInternet: d.pcoipOverInternet,
            ipGroups: d.ipGroups,
            encryption: d.encryption,
            globalAccelerator: d.globalAccelerator,
            preferredProtocol: d.preferredProtocol,
            denyDeviceTypes: d.deniedDeviceTypes,
          });
        },
      ),
      workspaces: keyed(
        m.workspaces,
        (w) => w.id,
        (w) => clean({ directory: w.directory, protocol: w.protocol, globalAccelerator: w.globalAccelerator }),
      ),
      clients: keyed(
        m.clients,
        (c) => c.id,
        (c) =>
          clean({
            at:
              c.at.kind === 'internet'
                ? 'internet'
                : c.at.kind === 'onprem'
                  ? c.at.network
                  : (c.at.instance ?? c.at.subnet),
            publicIp: c.publicIp,
            privateIp: c.privateIp,
            version: c.version,
            os: c.os,
            egress: c.egress?.map((r) => this.rule(r, 'egress')),
          }),
      ),
      expect: m.expectations?.map((e) =>
        clean({
          client: e.client,
          workspace: e.workspace,
          outcome: e.outcome.length === 1 ? e.outcome[0] : e.outcome,
          path: e.path,
          transport: e.transport,
        }),
      ),
    });
  }
}

/** The model as a design document (plain data), in the shape `wspl: 1` files are written. */
export function exportDesign(model: Model): Obj {
  return new Exporter(model).document();
}

/** Short collections go on one line, as people write them ({ cidr: …, az: … }, [tcp:443 from …]). */
const FLOW_WIDTH = 100;

export function designToYaml(doc: object, header?: string): string {
  const yaml = new Document(doc);
  visit(yaml, {
    Map: (_key, node, path) => markFlow(node, path.length),
    Seq: (_key, node, path) => markFlow(node, path.length),
  });
  if (header !== undefined) yaml.commentBefore = header;
  return yaml.toString({ lineWidth: 0 });
}

function markFlow(node: Node, depth: number): void {
  // Depth counts documents, pairs and collections on the way down: sections such as `vpcs:` stay in block style.
  if (!isCollection(node) || depth < 4 || node.items.length === 0) return;
  const value: unknown = node.toJSON();
  const children = Array.isArray(value) ? value : Object.values(value as object);
  const nestedMap = children.some((c) => c !== null && typeof c === 'object' && !Array.isArray(c));
  if (!nestedMap && JSON.stringify(value).length <= FLOW_WIDTH) node.flow = true;
}

export function toDesignYaml(model: Model): string {
  return designToYaml(
    exportDesign(model),
    ' Exported by wspl: the model as a design file (wspl: 1). Reload it with any wspl command.',
  );
}

/**
 * Facts the model holds as unknown that a design file cannot write as unknown (a live read that was refused):
 * written out, they would read back as known. The export command warns about each.
 */
export function exportLosses(model: Model): string[] {
  const out: string[] = [];
  for (const d of model.directories)
    if (d.streamingEndpoint === undefined)
      out.push(
        `directory ${d.id}: its access endpoint configuration is unknown; the design file says it has no streaming endpoint`,
      );
  for (const a of model.networkAcls)
    if (a.rulesUnknown !== undefined)
      out.push(
        `network ACL ${a.id}: its rules are unknown (${a.rulesUnknown}); the design file lists none, which denies everything`,
      );
  return out;
}
