// The model as a picture: accounts and Regions holding VPCs, VPCs holding subnets, and in the subnets what sits
// there (instances, NAT devices, the endpoint's network interfaces, resolver endpoints, clients); gateways, peering,
// transit gateways, on-premises sites and the internet around them. Pure data: the page lays it out with elkjs.
// Settings that are not places (security groups, route tables, network ACLs) are not drawn as nodes; `aliases`
// maps them to the places they act on, so a trace hop or a finding on one still lights up the right box.
import type { Directory, Model, Provenance, RouteTarget } from '../model/types.js';
import { nthAddress, parseRange } from '../net/cidr.js';
import { streamingServiceName } from '../workspaces/knowledge.js';
import type { EdgeKind, PictureEdge, PictureNode, Topology } from './types.js';

function where(prov: Provenance | undefined): string | undefined {
  if (!prov) return undefined;
  return prov.line !== undefined ? `${prov.file}:${prov.line}` : prov.file;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * What the picture says of a directory's streaming endpoint. `undefined` in the model means the source did not say
 * (a live read without the access properties), which is not the same as "none": it is drawn as unknown.
 */
function streamingOf(dir: Directory): { detail?: string; unknown?: string } {
  // Short: a line on a box (the page's panel and the trace say the rest).
  if (dir.streamingEndpoint === undefined) return { unknown: 'streaming endpoint unknown' };
  if (typeof dir.streamingEndpoint === 'string') return { detail: `streams via ${dir.streamingEndpoint}` };
  if (dir.streamingEndpointAwsId !== undefined) return { unknown: `${dir.streamingEndpointAwsId} not in input` };
  if (dir.accessEndpointType !== undefined) return { unknown: 'access endpoint without an id' };
  return { detail: 'streams via public gateways' };
}

class TopologyBuilder {
  readonly nodes: PictureNode[] = [];
  readonly edges: PictureEdge[] = [];
  readonly aliases = new Map<string, string[]>();
  private readonly nodeIds = new Set<string>();
  private readonly edgeIds = new Set<string>();

  constructor(private readonly model: Model) {}

  node(n: PictureNode): void {
    if (this.nodeIds.has(n.id)) return;
    this.nodeIds.add(n.id);
    this.nodes.push(Object.fromEntries(Object.entries(n).filter(([, v]) => v !== undefined)) as PictureNode);
    if (n.resource !== undefined) this.alias(n.resource, n.id);
  }

  has(id: string): boolean {
    return this.nodeIds.has(id);
  }

  edge(source: string, target: string, kind: EdgeKind, label?: string): void {
    if (!this.nodeIds.has(source) || !this.nodeIds.has(target) || source === target) return;
    const id = `${kind}:${source}->${target}`;
    if (this.edgeIds.has(id)) return;
    this.edgeIds.add(id);
    this.edges.push(label !== undefined ? { id, source, target, kind, label } : { id, source, target, kind });
  }

  alias(resource: string, nodeId: string): void {
    const list = this.aliases.get(resource);
    if (!list) this.aliases.set(resource, [nodeId]);
    else if (!list.includes(nodeId)) list.push(nodeId);
  }

  /** Notes on a box a fact about it the source did not give (a live read that was refused). */
  markUnknown(nodeId: string, what: string): void {
    const n = this.nodes.find((x) => x.id === nodeId);
    if (n && !(n.unknown ?? '').includes(what)) n.unknown = n.unknown === undefined ? what : `${n.unknown}; ${what}`;
  }

  /** The Region box of a resource, creating its account box on the way. */
  scope(account: string, region: string): string {
    const acct = `account:${account}`;
    this.node({ id: acct, kind: 'account', label: `account ${account}` });
    const id = `region:${account}/${region}`;
    this.node({ id, kind: 'region', label: region, parent: acct });
    return id;
  }

  build(): Topology {
    this.outside();
    this.vpcs();
    this.subnetContents();
    this.endpoints();
    this.transitGateways();
    this.peerings();
    this.onPremises();
    this.directories();
    this.clients();
    this.routes();
    this.settings();
    return { nodes: this.nodes, edges: this.edges, aliases: Object.fromEntries(this.aliases) };
  }

  private outside(): void {
    this.node({ id: 'internet', kind: 'internet', label: 'Internet' });
    this.node({
      id: 'aws-services',
      kind: 'aws-services',
      label: 'WorkSpaces service',
      detail: 'registration · login · broker',
    });
    this.node({ id: 'public-dns', kind: 'public-dns', label: 'Public DNS' });
    this.node({ id: 'dcv-gateways', kind: 'dcv-gateways', label: 'Public streaming gateways' });
    this.edge('internet', 'aws-services', 'internet');
    this.edge('internet', 'public-dns', 'internet');
    this.edge('internet', 'dcv-gateways', 'internet');
    this.alias('public DNS', 'public-dns');
  }

  private vpcs(): void {
    const m = this.model;
    const subnetCount = new Map<string, number>();
    for (const s of m.subnets) subnetCount.set(s.vpc, (subnetCount.get(s.vpc) ?? 0) + 1);
    for (const vpc of m.vpcs) {
      const id = `vpc:${vpc.id}`;
      const first = vpc.cidrs[0] !== undefined ? parseRange(vpc.cidrs[0]) : undefined;
      this.node({
        id,
        kind: 'vpc',
        label: vpc.id,
        detail: vpc.cidrs.join(', '),
        parent: this.scope(vpc.account, vpc.region),
        collapsible: true,
        summary: plural(subnetCount.get(vpc.id) ?? 0, 'subnet'),
        resource: vpc.id,
        where: where(vpc.prov),
        ...(vpc.sharedFrom !== undefined ? { inactive: `shared from ${vpc.sharedFrom}` } : {}),
      });
      this.node({
        id: `resolver:${vpc.id}`,
        kind: 'vpc-resolver',
        label: 'VPC resolver',
        detail: first ? nthAddress(first, 2) : 'base + 2',
        parent: id,
        ...(vpc.dnsSupport === false ? { inactive: 'DNS support off' } : {}),
      });
      if (vpc.internetGateway !== undefined) {
        const igw = `igw:${vpc.id}`;
        this.node({ id: igw, kind: 'igw', label: vpc.internetGateway, detail: 'internet gateway', parent: id });
        this.alias(vpc.internetGateway, igw);
        this.edge(igw, 'internet', 'internet');
      }
    }
    for (const s of m.subnets) {
      this.node({
        id: `subnet:${s.id}`,
        kind: 'subnet',
        label: s.name,
        detail: `${s.cidr} · ${s.az}`,
        parent: `vpc:${s.vpc}`,
        resource: s.id,
        where: where(s.prov),
      });
    }
  }

  private subnetContents(): void {
    for (const inst of this.model.instances) {
      this.node({
        id: `instance:${inst.id}`,
        kind: inst.nat ? 'nat-instance' : 'instance',
        label: inst.nat ? `${inst.name} (NAT)` : inst.name,
        detail: [inst.privateIp, inst.publicIp].filter(Boolean).join(' · ') || undefined,
        parent: `subnet:${inst.subnet}`,
        resource: inst.id,
        where: where(inst.prov),
        ...(inst.state === 'stopped' ? { inactive: 'stopped' } : {}),
      });
    }
    for (const ngw of this.model.natGateways) {
      this.node({
        id: `natgw:${ngw.id}`,
        kind: 'nat-gateway',
        label: `${ngw.name} (NAT gateway)`,
        detail: [ngw.connectivity, ngw.publicIp].filter(Boolean).join(' · '),
        parent: `subnet:${ngw.subnet}`,
        resource: ngw.id,
        where: where(ngw.prov),
        ...(ngw.state !== 'available' ? { inactive: ngw.state } : {}),
      });
    }
    for (const r of this.model.resolverEndpoints) {
      const places = r.addresses.length > 0 ? r.addresses : r.subnets.map((subnet) => ({ subnet, ip: '' }));
      for (const a of places) {
        this.node({
          id: `reni:${r.id}#${a.ip || a.subnet}`,
          kind: 'resolver-eni',
          label: `${r.name} (${r.direction} resolver)`,
          detail: a.ip || undefined,
          parent: `subnet:${a.subnet}`,
          resource: r.id,
          where: where(r.prov),
        });
      }
    }
  }

  private endpoints(): void {
    for (const ep of this.model.endpoints) {
      const region = this.model.vpcs.find((v) => v.id === ep.vpc)?.region ?? ep.region;
      const streaming = ep.service === streamingServiceName(region);
      const shortService = ep.service.replace(/^com\.amazonaws\.[a-z0-9-]+\./, '');
      const inactive = ep.state !== 'available' ? { inactive: ep.state } : {};
      if (ep.type !== 'Interface' || (ep.addresses.length === 0 && ep.subnets.length === 0)) {
        this.node({
          id: `endpoint:${ep.id}`,
          kind: 'endpoint',
          label: `${ep.name} (${shortService})`,
          detail: ep.type,
          parent: `vpc:${ep.vpc}`,
          resource: ep.id,
          where: where(ep.prov),
          ...inactive,
        });
        continue;
      }
      const places = ep.addresses.length > 0 ? ep.addresses : ep.subnets.map((subnet) => ({ subnet, ip: '' }));
      for (const a of places) {
        this.node({
          id: `eni:${ep.id}#${a.ip || a.subnet}`,
          kind: streaming ? 'endpoint-eni' : 'endpoint',
          label: streaming ? `${ep.name} (streaming endpoint)` : `${ep.name} (${shortService})`,
          detail: a.ip || 'address not given',
          parent: `subnet:${a.subnet}`,
          resource: ep.id,
          where: where(ep.prov),
          ...inactive,
        });
        if (a.ip) this.alias(a.ip, `eni:${ep.id}#${a.ip}`);
      }
    }
  }

  private transitGateways(): void {
    for (const tgw of this.model.transitGateways) {
      const id = `tgw:${tgw.id}`;
      this.node({
        id,
        kind: 'tgw',
        label: tgw.id,
        detail: 'transit gateway',
        parent: this.scope(tgw.account, tgw.region),
        resource: tgw.id,
        where: where(tgw.prov),
      });
      for (const rt of tgw.routeTables) this.alias(rt.id, id);
      for (const att of tgw.attachments) this.alias(att.id, id);
    }
    for (const tgw of this.model.transitGateways) {
      for (const att of tgw.attachments) {
        const id = `tgw:${tgw.id}`;
        if (att.kind === 'vpc') {
          const targets = att.subnets.length > 0 ? att.subnets.map((s) => `subnet:${s}`) : [`vpc:${att.vpc}`];
          for (const t of targets) this.edge(id, t, 'tgw-attachment', att.name);
        } else if (att.kind === 'peering') {
          this.edge(id, `tgw:${att.peerTgw}`, 'peering', att.name);
        }
        // VPN and Direct Connect attachments are drawn from the on-premises side.
      }
    }
  }

  private peerings(): void {
    const vpcs = new Map(this.model.vpcs.map((v) => [v.id, v]));
    for (const pc of this.model.peerings) {
      const a = vpcs.get(pc.requesterVpc);
      const b = vpcs.get(pc.accepterVpc);
      // The connection sits with both VPCs: in their Region when they share one, else beside the accounts.
      const parent =
        a && b && a.account === b.account && a.region === b.region
          ? this.scope(a.account, a.region)
          : a && b && a.account === b.account
            ? `account:${a.account}`
            : undefined;
      const id = `pcx:${pc.id}`;
      this.node({
        id,
        kind: 'peering',
        label: pc.name,
        detail: 'peering',
        resource: pc.id,
        where: where(pc.prov),
        ...(parent !== undefined ? { parent } : {}),
        ...(pc.state !== 'active' ? { inactive: pc.state } : {}),
      });
      this.edge(`vpc:${pc.requesterVpc}`, id, 'peering');
      this.edge(id, `vpc:${pc.accepterVpc}`, 'peering');
    }
  }

  private onPremises(): void {
    for (const site of this.model.onPremises) {
      const id = `onprem:${site.id}`;
      this.node({
        id,
        kind: 'onprem',
        label: site.name,
        detail: `on premises · ${site.cidrs.join(', ')}`,
        collapsible: true,
        summary: 'on-premises site',
        resource: site.id,
        where: where(site.prov),
      });
      if (site.dns.server !== undefined || site.dns.forwarders.length > 0) {
        const dns = `onprem-dns:${site.id}`;
        this.node({ id: dns, kind: 'onprem-dns', label: 'DNS server', detail: site.dns.server, parent: id });
        this.alias(`${site.id} DNS`, dns);
      }
      if (site.internet) this.edge(id, 'internet', 'internet', 'breakout');
      for (const c of site.connections) {
        if (c.via === 'tgw') this.edge(id, `tgw:${c.tgw}`, c.kind, c.kind.toUpperCase());
        else {
          const vgw = `vgw:${c.vpc}`;
          this.node({ id: vgw, kind: 'vgw', label: 'VGW', detail: 'virtual private gateway', parent: `vpc:${c.vpc}` });
          this.edge(id, vgw, c.kind, c.kind.toUpperCase());
        }
      }
    }
  }

  private directories(): void {
    const counts = new Map<string, { all: number; dcv: number; pcoip: number }>();
    for (const w of this.model.workspaces) {
      const c = counts.get(w.directory) ?? { all: 0, dcv: 0, pcoip: 0 };
      c.all++;
      if (w.protocol === 'dcv') c.dcv++;
      if (w.protocol === 'pcoip') c.pcoip++;
      counts.set(w.directory, c);
      this.alias(w.id, `directory:${w.directory}`);
    }
    for (const dir of this.model.directories) {
      const c = counts.get(dir.id) ?? { all: 0, dcv: 0, pcoip: 0 };
      const id = `directory:${dir.id}`;
      const parent =
        dir.vpc !== undefined && this.has(`vpc:${dir.vpc}`) ? `vpc:${dir.vpc}` : this.scope(dir.account, dir.region);
      const streaming = streamingOf(dir);
      this.node({
        id,
        kind: 'directory',
        label: `${dir.id} (${dir.type === 'pools' ? 'Pools' : 'Personal'} directory)`,
        detail: [`${plural(c.all, 'WorkSpace')} · ${c.dcv} DCV · ${c.pcoip} PCoIP`, streaming.detail]
          .filter(Boolean)
          .join('\n'),
        parent,
        resource: dir.id,
        where: where(dir.prov),
        ...(streaming.unknown !== undefined ? { unknown: streaming.unknown } : {}),
      });
      for (const g of dir.ipGroups) this.alias(g, id);
      if (typeof dir.streamingEndpoint === 'string') {
        for (const n of this.aliases.get(dir.streamingEndpoint) ?? []) this.edge(id, n, 'uses-endpoint', 'streams via');
      }
    }
  }

  private clients(): void {
    for (const c of this.model.clients) {
      const at = c.at;
      if (at.kind === 'vpc' && at.instance !== undefined && this.has(`instance:${at.instance}`)) {
        this.alias(c.id, `instance:${at.instance}`);
        const inst = this.nodes.find((n) => n.id === `instance:${at.instance ?? ''}`);
        if (inst) inst.label = `${inst.label} · client ${c.id}`;
        continue;
      }
      const id = `client:${c.id}`;
      const parent =
        at.kind === 'vpc' ? `subnet:${at.subnet}` : at.kind === 'onprem' ? `onprem:${at.network}` : undefined;
      this.node({
        id,
        kind: 'client',
        label: `client ${c.id}`,
        detail: [c.privateIp, c.publicIp, c.version !== undefined ? `v${c.version}` : undefined]
          .filter(Boolean)
          .join(' · '),
        resource: c.id,
        where: where(c.prov),
        ...(parent !== undefined && this.has(parent) ? { parent } : {}),
      });
      if (at.kind === 'internet') this.edge(id, 'internet', 'internet');
    }
  }

  /** The default route of each subnet, drawn to where it leads: the way out that registration and login take. */
  private routes(): void {
    const tables = new Map(this.model.routeTables.map((t) => [t.id, t]));
    const mainOf = new Map(this.model.vpcs.map((v) => [v.id, v.mainRouteTable]));
    for (const s of this.model.subnets) {
      const tableId = s.routeTable ?? mainOf.get(s.vpc);
      const table = tableId !== undefined ? tables.get(tableId) : undefined;
      const def = table?.routes.find((r) => r.destination === '0.0.0.0/0');
      if (!def) continue;
      const target = this.routeTargetNode(def.target, s.vpc);
      if (target !== undefined) this.edge(`subnet:${s.id}`, target, 'default-route', '0.0.0.0/0');
    }
  }

  private routeTargetNode(t: RouteTarget, vpc: string): string | undefined {
    switch (t.kind) {
      case 'igw':
        return `igw:${vpc}`;
      case 'nat-gateway':
        return `natgw:${t.id}`;
      case 'instance':
        return `instance:${t.id}`;
      case 'peering':
        return `pcx:${t.id}`;
      case 'tgw':
        return `tgw:${t.id}`;
      case 'vgw':
        return `vgw:${vpc}`;
      default:
        return undefined;
    }
  }

  /** Security groups, route tables and network ACLs light up the places they act on (the VPC when none). */
  private settings(): void {
    const m = this.model;
    const users = new Map<string, string[]>();
    const use = (sg: string, node: string) => {
      const list = users.get(sg) ?? [];
      list.push(node);
      users.set(sg, list);
    };
    for (const i of m.instances) for (const g of i.securityGroups) use(g, `instance:${i.id}`);
    for (const ep of m.endpoints)
      for (const g of ep.securityGroups) for (const n of this.aliases.get(ep.id) ?? []) use(g, n);
    for (const r of m.resolverEndpoints)
      for (const g of r.securityGroups) for (const n of this.aliases.get(r.id) ?? []) use(g, n);
    for (const sg of m.securityGroups) {
      for (const n of users.get(sg.id) ?? [`vpc:${sg.vpc}`]) {
        this.alias(sg.id, n);
        if (sg.rulesUnknown !== undefined) this.markUnknown(n, 'security group rules unknown');
      }
    }
    const mainOf = new Map(m.vpcs.map((v) => [v.id, v.mainRouteTable]));
    for (const rt of m.routeTables) {
      const subnets = m.subnets.filter((s) => (s.routeTable ?? mainOf.get(s.vpc)) === rt.id);
      for (const n of subnets.length > 0 ? subnets.map((s) => `subnet:${s.id}`) : [`vpc:${rt.vpc}`])
        this.alias(rt.id, n);
    }
    for (const acl of m.networkAcls) {
      for (const n of acl.subnets.length > 0 ? acl.subnets.map((s) => `subnet:${s}`) : [`vpc:${acl.vpc}`]) {
        this.alias(acl.id, n);
        if (acl.rulesUnknown !== undefined) this.markUnknown(n, 'network ACL rules unknown');
      }
    }
  }
}

export function buildTopology(model: Model): Topology {
  return new TopologyBuilder(model).build();
}
