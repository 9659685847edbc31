// What a Terraform resource adapter receives: the planned attributes, the provenance (the plan's own line and column,
// the address), and emit() to hand graph resources to the assembler.
import type { Protocol, Provenance, SourcePosition } from '../../model/types.js';
import type { RawResource, RawRule } from '../iac/graph.js';
import type { DocSink } from '../iac/sink.js';
import { ResourceRef, Unknown } from '../iac/values.js';
import type { TfAttrs } from './attributes.js';
import type { PlanResource } from './plan.js';

type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RawBody = Without<RawResource, 'key' | 'name' | 'account' | 'region' | 'prov'>;

export interface TfContext {
  resource: PlanResource;
  attrs: TfAttrs;
  prov: Provenance;
  sink: DocSink;
  emit(body: RawBody, suffix?: string): void;
  partProv(position: SourcePosition | undefined, path: string): Provenance;
  /** Marks a model field as the provider's default (the configuration does not set it). */
  defaulted(field: string): void;
}

export type TfAdapter = (ctx: TfContext) => void;

const PROTOCOLS: Record<string, Protocol> = {
  '-1': 'all',
  all: 'all',
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  icmp: 'icmp',
  '1': 'icmp',
};

export function protocolOf(
  ctx: TfContext,
  text: string | Unknown | undefined,
  at: TfAttrs,
  attr: string,
): Protocol | undefined {
  if (text === undefined || text instanceof Unknown) return undefined;
  const p = PROTOCOLS[text.toLowerCase()];
  if (!p) {
    ctx.sink.warn(
      'not-modelled',
      `protocol ${text} of ${ctx.resource.address} is not modelled (only tcp, udp, icmp and -1); the rule is left out`,
      {
        container: at.after,
        key: attr,
        field: `${at.field}.${attr}`,
      },
    );
  }
  return p;
}

export function portsOf(protocol: Protocol, from: number | undefined, to: number | undefined): [number, number] {
  if (protocol === 'all') return [0, 65535];
  const f = from ?? -1;
  const t = to ?? -1;
  if (protocol === 'icmp') return f < 0 ? [0, 65535] : [f, f];
  return f < 0 ? [0, 65535] : [f, t < 0 ? 65535 : t];
}

/** Inline rule blocks of aws_security_group (one per peer: each CIDR, group, prefix list, or the group itself). */
export function inlineRules(ctx: TfContext, side: 'ingress' | 'egress'): RawRule[] {
  const out: RawRule[] = [];
  ctx.attrs.blocks(side).forEach((b, i) => {
    const protocol = protocolOf(ctx, b.str('protocol'), b, 'protocol');
    if (!protocol) return;
    const [fromPort, toPort] = portsOf(protocol, b.int('from_port'), b.int('to_port'));
    const prov = ctx.partProv(ctx.attrs.itemPosition(side, i), b.field);
    const description = b.str('description');
    const base = { protocol, fromPort, toPort, prov, ...(typeof description === 'string' ? { description } : {}) };
    for (const cidr of [...b.strings('cidr_blocks'), ...b.strings('ipv6_cidr_blocks')])
      out.push({ ...base, peer: { cidr } });
    for (const sg of b.links('security_groups')) out.push({ ...base, peer: { sg } });
    for (const prefixList of b.links('prefix_list_ids')) out.push({ ...base, peer: { prefixList } });
    if (b.bool('self') === true) out.push({ ...base, peer: { sg: new ResourceRef(ctx.resource.address) } });
  });
  return out;
}
