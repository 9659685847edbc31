// What the assembly passes share: the resources by key, the model being built, model ids, diagnostics at the
// provenance of the resource at fault, and link resolution ("this SubnetId must name a subnet").
import type { Diagnostic } from '../../diagnostics.js';
import { emptyModel, type Model, type Provenance, type Subnet, type TemplateReference } from '../../model/types.js';
import { hasHostBits, parseRange } from '../../net/cidr.js';
import type { RawKind, RawOf, RawResource, ResourceGraph, V } from './graph.js';
import { ResourceRef, Unknown, type Link } from './values.js';

/** A link resolved: a resource of the input of an expected kind, an id the input does not define, or unknown. */
export type Resolved<K extends RawKind> = { raw: RawOf<K> } | { external: string } | { unknown: string } | undefined;

const KIND_WORDS: Partial<Record<RawKind, string>> = {
  vpc: 'a VPC',
  subnet: 'a subnet',
  'route-table': 'a route table',
  'security-group': 'a security group',
  nacl: 'a network ACL',
  igw: 'an internet gateway',
  vgw: 'a VPN gateway',
  'nat-gateway': 'a NAT gateway',
  instance: 'an instance',
  endpoint: 'a VPC endpoint',
  peering: 'a peering connection',
  tgw: 'a transit gateway',
  'tgw-route-table': 'a transit gateway route table',
  'tgw-vpc-attachment': 'a transit gateway attachment',
  'prefix-list': 'a prefix list',
  'ip-group': 'an IP access control group',
  'ws-directory': 'a WorkSpaces directory',
  'ad-directory': 'a Directory Service directory',
  'resolver-endpoint': 'a Resolver endpoint',
  'resolver-rule': 'a Resolver rule',
  'customer-gateway': 'a customer gateway',
  vpn: 'a VPN connection',
  eip: 'an Elastic IP',
  'dhcp-options': 'a DHCP option set',
};

export function kindWord(kind: RawKind): string {
  return KIND_WORDS[kind] ?? `a ${kind}`;
}

export class Assembly {
  readonly model: Model;
  readonly diagnostics: Diagnostic[] = [];
  readonly byKey = new Map<string, RawResource>();
  /** Model id of each resource that became (or belongs to) a model entity. */
  readonly ids = new Map<string, string>();
  /** Subnets of the model by id, as they are added. */
  readonly subnetById = new Map<string, Subnet>();
  private readonly reported = new Set<string>();
  private readonly kinds = new Map<RawKind, RawResource[]>();
  private readonly linkIndexes = new Map<string, Map<string, RawResource[]>>();
  private vpcIndex: Map<string, Map<RawKind, RawResource[]>> | undefined;

  constructor(readonly graph: ResourceGraph) {
    this.model = emptyModel(graph.account, graph.region);
    this.model.origin = graph.origin;
    for (const r of graph.resources) {
      this.byKey.set(r.key, r);
      const list = this.kinds.get(r.kind);
      if (list) list.push(r);
      else this.kinds.set(r.kind, [r]);
    }
  }

  all<K extends RawKind>(kind: K): RawOf<K>[] {
    return (this.kinds.get(kind) ?? []) as RawOf<K>[];
  }

  /**
   * Resources of `kind` whose link (`pick`) names the resource `key`: an index built once per kind and link, so
   * joining routes to tables or rules to groups stays linear on estates of thousands of resources.
   */
  linkedTo<K extends RawKind>(
    kind: K,
    linkName: string,
    pick: (r: RawOf<K>) => Link | undefined,
    key: string,
  ): RawOf<K>[] {
    const name = `${kind}|${linkName}`;
    let index = this.linkIndexes.get(name);
    if (!index) {
      index = new Map();
      for (const r of this.all(kind)) {
        const link = pick(r);
        if (!(link instanceof ResourceRef)) continue;
        const list = index.get(link.key);
        if (list) list.push(r);
        else index.set(link.key, [r]);
      }
      this.linkIndexes.set(name, index);
    }
    return (index.get(key) ?? []) as RawOf<K>[];
  }

  /** Resources of `kind` placed in the VPC with model id `vpcId` (once ids are assigned). */
  inVpc<K extends RawKind>(kind: K, vpcId: string): RawOf<K>[] {
    if (!this.vpcIndex) {
      this.vpcIndex = new Map();
      for (const r of this.graph.resources) {
        const id = this.ids.get(r.key);
        const slash = id?.indexOf('/') ?? -1;
        if (id === undefined || slash < 0 || r.kind === 'tgw-route-table' || r.kind === 'tgw-vpc-attachment') continue;
        const vpc = id.slice(0, slash);
        let kinds = this.vpcIndex.get(vpc);
        if (!kinds) this.vpcIndex.set(vpc, (kinds = new Map<RawKind, RawResource[]>()));
        const list = kinds.get(r.kind);
        if (list) list.push(r);
        else kinds.set(r.kind, [r]);
      }
    }
    return (this.vpcIndex.get(vpcId)?.get(kind) ?? []) as RawOf<K>[];
  }

  report(severity: Diagnostic['severity'], code: string, prov: Provenance, message: string, field?: string): void {
    const at = (field !== undefined ? prov.fields?.[field] : undefined) ?? { line: prov.line, column: prov.column };
    // Links are resolved more than once (for ids, then for settings): say each thing once.
    const signature = `${code}|${prov.file}|${prov.path ?? ''}|${field ?? ''}|${message}`;
    if (this.reported.has(signature)) return;
    this.reported.add(signature);
    this.diagnostics.push({
      severity,
      code,
      file: prov.file,
      ...(at.line !== undefined ? { line: at.line } : {}),
      ...(at.line !== undefined && at.column !== undefined ? { column: at.column } : {}),
      ...(prov.path !== undefined ? { field: field !== undefined ? `${prov.path}.${field}` : prov.path } : {}),
      message,
    });
  }

  error(code: string, prov: Provenance, message: string, field?: string): void {
    this.report('error', code, prov, message, field);
  }

  warn(code: string, prov: Provenance, message: string, field?: string): void {
    this.report('warning', code, prov, message, field);
  }

  /** A resource's name for messages: its original id (logical id, address). */
  label(r: RawResource): string {
    return r.prov.originalId ?? r.key;
  }

  resolve<K extends RawKind>(
    link: Link | undefined,
    kinds: readonly K[],
    owner: RawResource,
    field: string,
  ): Resolved<K> {
    if (link === undefined) return undefined;
    if (link instanceof Unknown) return { unknown: link.why };
    if (!(link instanceof ResourceRef)) return { external: link.aws };
    const raw = this.byKey.get(link.key);
    if (!raw) {
      this.error(
        'unknown-reference',
        owner.prov,
        `${this.label(owner)} refers to ${link.key}, which is not in the input`,
        field,
      );
      return { unknown: `${link.key} is not in the input` };
    }
    if (!(kinds as readonly string[]).includes(raw.kind)) {
      const want = kinds.map(kindWord).join(' or ');
      this.error(
        'wrong-reference',
        owner.prov,
        `${field} of ${this.label(owner)} must name ${want}; ${this.label(raw)} is ${kindWord(raw.kind)}`,
        field,
      );
      return { unknown: `${this.label(raw)} is not ${want}` };
    }
    return { raw: raw as RawOf<K> };
  }

  /** The model id of a linked resource that has become an entity, if it has. */
  idOf(resolved: Resolved<RawKind>): string | undefined {
    return resolved && 'raw' in resolved ? this.ids.get(resolved.raw.key) : undefined;
  }

  /**
   * A value the model needs: an unknown one is an error naming why it cannot be known and what to do; an optional
   * one becomes undefined with a warning.
   */
  known<T>(v: V<T> | undefined, owner: RawResource, field: string, what: string, required: boolean): T | undefined {
    if (!(v instanceof Unknown)) return v;
    const message = `${what} of ${this.label(owner)} cannot be known before deployment: ${v.why}`;
    if (required) this.error('unknown-value', owner.prov, message, field);
    else this.warn('unknown-value', owner.prov, `${message}; it is left unknown`, field);
    return undefined;
  }

  /** A CIDR the model can use: valid, without host bits; otherwise an error naming it. */
  cidr(v: V<string> | undefined, owner: RawResource, field: string, what: string, required = true): string | undefined {
    const text = this.known(v, owner, field, what, required);
    if (text === undefined) return undefined;
    const r = typeof text === 'string' && text.includes('/') ? parseRange(text) : undefined;
    if (!r) {
      this.error(
        'bad-cidr',
        owner.prov,
        `${what} of ${this.label(owner)}: ${JSON.stringify(text)} is not a CIDR such as 10.0.0.0/16`,
        field,
      );
      return undefined;
    }
    if (hasHostBits(text)) {
      this.error('bad-cidr', owner.prov, `${what} of ${this.label(owner)}: ${text} has host bits set`, field);
      return undefined;
    }
    return text;
  }

  ip(v: V<string> | undefined, owner: RawResource, field: string, what: string): string | undefined {
    const text = this.known(v, owner, field, what, false);
    if (text === undefined) return undefined;
    if (typeof text !== 'string' || text.includes('/') || !parseRange(text)) {
      this.error(
        'bad-ip',
        owner.prov,
        `${what} of ${this.label(owner)}: ${JSON.stringify(text)} is not an IP address`,
        field,
      );
      return undefined;
    }
    return text;
  }

  /** Records how a reference was written, for the rules that care (an ARN where an id is needed). */
  noteReference(owner: { prov: Provenance }, reference: TemplateReference): void {
    const t = owner.prov.template;
    if (!t) return;
    (t.references ??= []).push(reference);
  }
}

export function scopeOf(r: { account: string; region: string }): { account: string; region: string } {
  return { account: r.account, region: r.region };
}
