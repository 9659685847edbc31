// Security-group rules, network ACLs and the peers they name.
import type { NaclRule, NetworkAcl, Peer, Scope, SecurityGroup, SgRule, Subnet } from '../../model/types.js';
import { parseAddress } from '../../net/cidr.js';
import { entries, type DesignContext, type Path } from './context.js';
import { parseNaclRule, parseTrafficRule, type Direction } from './rule-syntax.js';
import type { DesignDoc, DesignRule, DesignVpc } from './schema.js';
import { get, has } from './names.js';
import { didYouMean } from '../did-you-mean.js';
import { vpcNames } from './suggest.js';

/** Where a rule list lives: inside a VPC (security groups can be named) or outside (on premises, a client). */
export interface RuleScope {
  doc: DesignDoc;
  vpcName?: string;
}

function resolvePeer(ctx: DesignContext, scope: RuleScope, text: string, path: Path): Peer | undefined {
  const slash = text.indexOf('/');
  if (slash >= 0 && parseAddress(text.slice(0, slash)).ok) {
    return ctx.checkCidr(text, path) ? { kind: 'cidr', cidr: text } : undefined;
  }
  if (parseAddress(text).ok) {
    ctx.checkCidr(text, path); // reports the missing prefix length
    return undefined;
  }
  if (slash >= 0 && scope.vpcName !== undefined) {
    const vpcName = text.slice(0, slash);
    const sgName = text.slice(slash + 1);
    if (has(get(scope.doc.vpcs, vpcName)?.securityGroups, sgName)) return { kind: 'sg', id: text };
    ctx.error(
      'unknown-reference',
      path,
      `security group "${text}" not found (VPC/NAME)${didYouMean(text, vpcNames(scope.doc, 'securityGroups'))}`,
    );
    return undefined;
  }
  if (scope.vpcName !== undefined && has(get(scope.doc.vpcs, scope.vpcName)?.securityGroups, text)) {
    return { kind: 'sg', id: `${scope.vpcName}/${text}` };
  }
  if (has(scope.doc.prefixLists, text)) return { kind: 'prefix-list', id: text };
  const what = scope.vpcName !== undefined ? 'a CIDR, a security group or a prefix list' : 'a CIDR or a prefix list';
  const near = [
    ...(scope.vpcName !== undefined ? Object.keys(get(scope.doc.vpcs, scope.vpcName)?.securityGroups ?? {}) : []),
    ...Object.keys(scope.doc.prefixLists ?? {}),
  ];
  ctx.error('unknown-reference', path, `"${text}" is not ${what}${didYouMean(text, near)}`);
  return undefined;
}

/** Converts a list of rule strings; bad rules are reported and left out. */
export function convertRules(
  ctx: DesignContext,
  scope: RuleScope,
  list: DesignRule[],
  direction: Direction,
  listPath: Path,
): SgRule[] {
  const out: SgRule[] = [];
  list.forEach((item, i) => {
    const text = typeof item === 'string' ? item : item.rule;
    const path = typeof item === 'string' ? [...listPath, i] : [...listPath, i, 'rule'];
    const parsed = parseTrafficRule(text, direction);
    if ('code' in parsed) {
      ctx.error(parsed.code, path, parsed.message);
      return;
    }
    const peer = resolvePeer(ctx, scope, parsed.peer, path);
    if (!peer) return;
    const description = typeof item === 'string' ? undefined : item.description;
    out.push({
      protocol: parsed.protocol,
      fromPort: parsed.fromPort,
      toPort: parsed.toPort,
      peer,
      ...(description !== undefined ? { description } : {}),
      prov: ctx.prov([...listPath, i]),
    });
  });
  return out;
}

/** AWS gives a new group one egress rule: all traffic to 0.0.0.0/0. */
export function defaultEgress(ctx: DesignContext, path: Path): SgRule[] {
  return [
    { protocol: 'all', fromPort: 0, toPort: 65535, peer: { kind: 'cidr', cidr: '0.0.0.0/0' }, prov: ctx.prov(path) },
  ];
}

export function convertSecurityGroups(
  ctx: DesignContext,
  doc: DesignDoc,
  vpcScope: Scope,
  vpcName: string,
  raw: DesignVpc,
): SecurityGroup[] {
  return entries(raw.securityGroups).map(([name, sg]) => {
    const path = ['vpcs', vpcName, 'securityGroups', name];
    const scope = { doc, vpcName };
    return {
      id: `${vpcName}/${name}`,
      name,
      vpc: vpcName,
      ...vpcScope,
      ingress: convertRules(ctx, scope, sg.ingress ?? [], 'ingress', [...path, 'ingress']),
      egress: sg.egress ? convertRules(ctx, scope, sg.egress, 'egress', [...path, 'egress']) : defaultEgress(ctx, path),
      prov: ctx.prov(path, name),
    };
  });
}

function convertNaclRules(ctx: DesignContext, list: string[], direction: Direction, listPath: Path): NaclRule[] {
  const out: NaclRule[] = [];
  const seen = new Set<number>();
  list.forEach((text, i) => {
    const path = [...listPath, i];
    const parsed = parseNaclRule(text, direction);
    if ('code' in parsed) {
      ctx.error(parsed.code, path, parsed.message);
      return;
    }
    if (seen.has(parsed.number)) {
      ctx.error('duplicate-rule-number', path, `rule number ${parsed.number} is used twice`);
      return;
    }
    seen.add(parsed.number);
    if (!ctx.checkCidr(parsed.peer, path)) return;
    const { number, action, protocol, fromPort, toPort, peer } = parsed;
    out.push({ number, action, protocol, fromPort, toPort, cidr: peer, prov: ctx.prov(path) });
  });
  return out;
}

/** The rules AWS puts in a VPC's default network ACL: allow everything (IPv6 too when the VPC has IPv6). */
export function defaultNaclRules(ctx: DesignContext, path: Path, ipv6: boolean): NaclRule[] {
  const rule = (number: number, cidr: string): NaclRule => ({
    number,
    action: 'allow',
    protocol: 'all',
    fromPort: 0,
    toPort: 65535,
    cidr,
    prov: ctx.prov(path),
  });
  return ipv6 ? [rule(100, '0.0.0.0/0'), rule(101, '::/0')] : [rule(100, '0.0.0.0/0')];
}

export const DEFAULT_NACL = 'default';

/**
 * Network ACLs of one VPC. Every subnet not associated with a declared ACL belongs to the ACL named "default";
 * when the file declares none, it is created as AWS creates it (allow all both ways).
 */
export function convertNetworkAcls(
  ctx: DesignContext,
  scope: Scope,
  vpcName: string,
  raw: DesignVpc,
  subnets: Subnet[],
): NetworkAcl[] {
  const vpcPath = ['vpcs', vpcName];
  const owner = new Map<string, string>();
  const acls: NetworkAcl[] = entries(raw.networkAcls).map(([name, acl]) => {
    const path = [...vpcPath, 'networkAcls', name];
    const ids: string[] = [];
    (acl.subnets ?? []).forEach((subnetName, i) => {
      const at = [...path, 'subnets', i];
      if (!has(raw.subnets, subnetName)) {
        ctx.error('unknown-reference', at, `subnet "${subnetName}" not found in VPC ${vpcName}`);
        return;
      }
      const previous = owner.get(subnetName);
      if (previous !== undefined) {
        ctx.error('duplicate-association', at, `subnet "${subnetName}" is already in network ACL "${previous}"`);
        return;
      }
      owner.set(subnetName, name);
      ids.push(`${vpcName}/${subnetName}`);
    });
    return {
      id: `${vpcName}/${name}`,
      name,
      vpc: vpcName,
      ...scope,
      subnets: ids,
      ingress: convertNaclRules(ctx, acl.ingress ?? [], 'ingress', [...path, 'ingress']),
      egress: convertNaclRules(ctx, acl.egress ?? [], 'egress', [...path, 'egress']),
      prov: ctx.prov(path, name),
    };
  });
  let fallback = acls.find((a) => a.name === DEFAULT_NACL);
  if (!fallback) {
    const ipv6 = (raw.ipv6Cidrs ?? []).length > 0;
    fallback = {
      id: `${vpcName}/${DEFAULT_NACL}`,
      name: DEFAULT_NACL,
      vpc: vpcName,
      ...scope,
      subnets: [],
      ingress: defaultNaclRules(ctx, vpcPath, ipv6),
      egress: defaultNaclRules(ctx, vpcPath, ipv6),
      prov: ctx.prov(vpcPath),
    };
    acls.push(fallback);
  }
  // Keep the default ACL's subnets in subnet order so the model does not depend on how the file listed them.
  const fallbackSubnets = new Set(fallback.subnets);
  for (const s of subnets) if (!owner.has(s.name)) fallbackSubnets.add(s.id);
  fallback.subnets = subnets.map((s) => s.id).filter((id) => fallbackSubnets.has(id));
  return acls;
}
