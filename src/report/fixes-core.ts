// What every fix is made of: the resource to change, named as the input names it (AWS id, logical id, CDK construct
// path, Terraform address, file and line), and AWS CLI commands filled with the real ids, CIDRs and ports of the
// input. Where the input does not state a value a command needs (a design file knows no sg-… id), it is written
// `<…>` and named so. Commands and notes per reason are in fixes-net.ts and fixes-service.ts.
import { cidrContains, isPrivate, parseRange } from '../net/cidr.js';
import type { Model, Provenance, RouteTable } from '../model/types.js';
import { provenanceIndex, type ProvenanceIndex } from '../rules/support/provenance.js';

export interface Fix {
  /** The model id of the resource to change. */
  resource: string;
  /** Its AWS id, when the input states it (live read, snapshot, or an id field of the design file). */
  awsId?: string;
  /** For a template source: what names it there. */
  logicalId?: string;
  constructPath?: string;
  address?: string;
  file?: string;
  line?: number;
  /** AWS CLI commands; a `<…>` is a value the input does not state. Empty when no command of the CLI fixes it. */
  cli: string[];
  /** What the commands cannot say: why there is no single command, or what to do before or after them. */
  note?: string;
}

/** Sources whose `originalId` is the AWS id itself. */
const AWS_ID_SOURCES = new Set(['aws', 'snapshot']);
const TEMPLATE_SOURCES = new Set(['cloudformation', 'cdk', 'terraform-plan']);
/** A name that already is an AWS id (a design file may name a resource by its id): used as it is. */
const AWS_ID =
  /^(vpc|subnet|pl|rtb|sg|acl|igw|nat|vgw|tgw|tgw-attach|tgw-rtb|pcx|vpce|i|eipalloc|rslvr-in|wsipg|ws|d|wsd)-[0-9a-z]+$/;

/** Single-quoted for a POSIX shell, so an id or CIDR from the input can never run as a command. */
export function sh(value: string): string {
  return /^[A-Za-z0-9_./:=,@+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A bare address as the CIDR of that one address. */
export function cidrOf(remote: string): string {
  if (remote.includes('/')) return remote;
  return remote.includes(':') ? `${remote}/128` : `${remote}/32`;
}

export class FixContext {
  private readonly prov: ProvenanceIndex;
  private readonly awsIds = new Map<string, string>();

  constructor(readonly model: Readonly<Model>) {
    this.prov = provenanceIndex(model);
    for (const e of model.endpoints) if (e.awsId) this.awsIds.set(e.id, e.awsId);
    for (const d of model.directories) if (d.directoryId) this.awsIds.set(d.id, d.directoryId);
  }

  private awsId(id: string, p: Provenance | undefined): string | undefined {
    const known = this.awsIds.get(id) ?? (p && AWS_ID_SOURCES.has(p.source) ? p.originalId : undefined);
    return known ?? (AWS_ID.test(id) ? id : undefined);
  }

  /** `sg-…` when the input knows the id; `'<id of vpc1/endpoint-sg>'` when it does not. Shell-safe either way. */
  idArg(id: string): string {
    const known = this.awsId(id, this.prov.get(id));
    return known ? sh(known) : sh(`<id of ${id}>`);
  }

  /** The fix of `resource` as the input names it, with its commands. */
  place(resource: string, cli: string[], note?: string): Fix {
    const p = this.prov.get(resource);
    const awsId = this.awsId(resource, p);
    const template = p && TEMPLATE_SOURCES.has(p.source);
    return {
      resource,
      ...(awsId ? { awsId } : {}),
      ...(template && p.originalId ? { logicalId: p.originalId } : {}),
      ...(p?.constructPath ? { constructPath: p.constructPath } : {}),
      ...(p?.address ? { address: p.address } : {}),
      ...(p ? { file: p.file } : {}),
      ...(p?.line !== undefined ? { line: p.line } : {}),
      cli,
      ...(note !== undefined ? { note } : {}),
    };
  }

  /** `--destination-cidr-block`, its IPv6 twin, or `--destination-prefix-list-id` for a route to a prefix list. */
  destinationArg(destination: string): string {
    if (parseRange(destination) === undefined) return `--destination-prefix-list-id ${this.idArg(destination)}`;
    return `${destination.includes(':') ? '--destination-ipv6-cidr-block' : '--destination-cidr-block'} ${sh(destination)}`;
  }

  /** The route table a subnet uses: its own, else its VPC's main one (which may not be in the input). */
  tableArg(table: string | undefined, vpc: string): string {
    if (table !== undefined) return this.idArg(table);
    const main = this.model.vpcs.find((v) => v.id === vpc)?.mainRouteTable;
    return main !== undefined ? this.idArg(main) : sh(`<id of the main route table of ${vpc}>`);
  }

  /** Route tables of the model with a route whose target is `target`. */
  tablesRoutingTo(target: string): { table: RouteTable; destination: string }[] {
    const out: { table: RouteTable; destination: string }[] = [];
    for (const t of this.model.routeTables)
      for (const r of t.routes)
        if ('id' in r.target && r.target.id === target) out.push({ table: t, destination: r.destination });
    return out;
  }

  /**
   * Where a route to `address` from `vpc` should lead, when the model knows a way: the CIDR to write and the CLI
   * option naming the target. Peering or transit gateway to another VPC; VPN gateway or transit gateway to an
   * on-premises network; NAT or the internet gateway for a public address.
   */
  routeTo(vpc: string, address: string): { destination: string; target?: string } {
    const m = this.model;
    const other = m.vpcs.find((v) => v.id !== vpc && v.cidrs.some((c) => cidrContains(c, address)));
    if (other) {
      const destination = other.cidrs.find((c) => cidrContains(c, address)) ?? cidrOf(address);
      const pcx = m.peerings.find(
        (p) =>
          p.state === 'active' &&
          ((p.requesterVpc === vpc && p.accepterVpc === other.id) ||
            (p.accepterVpc === vpc && p.requesterVpc === other.id)),
      );
      if (pcx) return { destination, target: `--vpc-peering-connection-id ${this.idArg(pcx.id)}` };
      const tgw = m.transitGateways.find((t) => {
        const attached = new Set(t.attachments.flatMap((a) => (a.kind === 'vpc' ? [a.vpc] : [])));
        return attached.has(vpc) && attached.has(other.id);
      });
      if (tgw) return { destination, target: `--transit-gateway-id ${this.idArg(tgw.id)}` };
      return { destination };
    }
    const site = m.onPremises.find((o) => o.cidrs.some((c) => cidrContains(c, address)));
    if (site) {
      const destination = site.cidrs.find((c) => cidrContains(c, address)) ?? cidrOf(address);
      for (const conn of site.connections) {
        if (conn.via === 'vgw' && conn.vpc === vpc) {
          const vgw = this.vgwOf(vpc);
          return {
            destination,
            target: `--gateway-id ${vgw ? this.idArg(vgw) : sh(`<id of the VPN gateway of ${vpc}>`)}`,
          };
        }
        if (conn.via === 'tgw') {
          const tgw = m.transitGateways.find((t) => t.id === conn.tgw);
          if (tgw?.attachments.some((a) => a.kind === 'vpc' && a.vpc === vpc))
            return { destination, target: `--transit-gateway-id ${this.idArg(tgw.id)}` };
        }
      }
      return { destination };
    }
    // Inside its own VPC, or a private address no network of the input holds: no target to name.
    const parsed = parseRange(address);
    if (
      !parsed ||
      isPrivate(parsed) ||
      m.vpcs.some((v) => v.id === vpc && v.cidrs.some((c) => cidrContains(c, address)))
    )
      return { destination: cidrOf(address) };
    const everywhere = address.includes(':') ? '::/0' : '0.0.0.0/0';
    const ngw = m.natGateways.find((n) => n.vpc === vpc && n.connectivity === 'public' && n.state === 'available');
    if (ngw) return { destination: everywhere, target: `--nat-gateway-id ${this.idArg(ngw.id)}` };
    const nat = m.instances.find((i) => i.vpc === vpc && i.nat === true && i.state === 'running');
    if (nat) return { destination: everywhere, target: `--instance-id ${this.idArg(nat.id)}` };
    const igw = m.vpcs.find((v) => v.id === vpc)?.internetGateway;
    if (igw) return { destination: everywhere, target: `--gateway-id ${this.idArg(igw)}` };
    return { destination: everywhere };
  }

  private vgwOf(vpc: string): string | undefined {
    for (const t of this.model.routeTables) {
      if (t.vpc !== vpc) continue;
      for (const r of t.routes) if (r.target.kind === 'vgw' && r.target.id !== 'vgw') return r.target.id;
    }
    return undefined;
  }
}
