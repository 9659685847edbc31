// Security groups (inline rules, rules given as their own resources, AWS's default egress rule) and network ACLs
// (entries, subnet associations, and the default ACL that holds every subnet no other ACL takes, allowing all).
import type { NaclRule, NetworkAcl, Peer, SecurityGroup, SgRule, Vpc } from '../../model/types.js';
import { scopeOf, type Assembly } from './assembly.js';
import type { RawNaclEntry, RawResource, RawRule } from './graph.js';

export const DEFAULT_NACL = 'default';
/** The group AWS creates in every VPC and gives to an interface endpoint that names none. */
export const DEFAULT_SG = 'default';

function peerOf(a: Assembly, owner: RawResource, rule: RawRule): Peer | undefined {
  const p = rule.peer;
  if ('cidr' in p) {
    const cidr = a.cidr(p.cidr, owner, 'rules', 'rule CIDR', false);
    return cidr === undefined ? undefined : { kind: 'cidr', cidr };
  }
  if ('sg' in p) {
    const g = a.resolve(p.sg, ['security-group'], owner, 'rules');
    if (!g) return undefined;
    if ('unknown' in g) {
      a.warn(
        'unknown-value',
        rule.prov,
        `a rule of ${a.label(owner)} names a security group that cannot be known before deployment (${g.unknown}); the rule is left out`,
      );
      return undefined;
    }
    const id = 'raw' in g ? a.ids.get(g.raw.key) : g.external;
    return id === undefined ? undefined : { kind: 'sg', id };
  }
  const list = a.resolve(p.prefixList, ['prefix-list'], owner, 'rules');
  if (!list) return undefined;
  if ('unknown' in list) {
    a.warn(
      'unknown-value',
      rule.prov,
      `a rule of ${a.label(owner)} names a prefix list that cannot be known before deployment (${list.unknown}); the rule is left out`,
    );
    return undefined;
  }
  return { kind: 'prefix-list', id: 'raw' in list ? list.raw.name : list.external };
}

function toSgRule(a: Assembly, owner: RawResource, rule: RawRule): SgRule | undefined {
  const peer = peerOf(a, owner, rule);
  if (!peer) return undefined;
  return {
    protocol: rule.protocol,
    fromPort: rule.fromPort,
    toPort: rule.toPort,
    peer,
    ...(rule.description !== undefined ? { description: rule.description } : {}),
    prov: rule.prov,
  };
}

export function assembleSecurityGroups(a: Assembly, vpc: Vpc): void {
  const groups = a.inVpc('security-group', vpc.id);
  for (const g of groups) {
    const ingress: SgRule[] = [];
    const egress: SgRule[] = [];
    for (const r of g.ingress) {
      const rule = toSgRule(a, g, r);
      if (rule) ingress.push(rule);
    }
    if (g.egress === 'aws-default') {
      // AWS gives a new group one egress rule: all traffic to 0.0.0.0/0.
      egress.push({
        protocol: 'all',
        fromPort: 0,
        toPort: 65535,
        peer: { kind: 'cidr', cidr: '0.0.0.0/0' },
        prov: g.prov,
      });
    } else {
      for (const r of g.egress) {
        const rule = toSgRule(a, g, r);
        if (rule) egress.push(rule);
      }
    }
    for (const s of a.linkedTo('sg-rule', 'group', (x) => x.group, g.key)) {
      const rule = toSgRule(a, s, s.rule);
      if (rule) (s.direction === 'ingress' ? ingress : egress).push(rule);
    }
    a.model.securityGroups.push({
      id: a.ids.get(g.key) ?? g.name,
      name: g.name,
      vpc: vpc.id,
      ...scopeOf(g),
      ingress,
      egress,
      prov: g.prov,
    });
  }
}

/** Rules given as resources for groups the input does not hold: said once each. */
export function checkRuleTargets(a: Assembly): void {
  for (const s of a.all('sg-rule')) {
    const target = a.resolve(s.group, ['security-group'], s, 'group');
    if (target && 'external' in target) {
      a.warn(
        'outside-input',
        s.prov,
        `${a.label(s)} adds a rule to security group ${target.external}, which is not in the input; it is left out`,
      );
    }
  }
}

/** The VPC's default security group (members reach each other; all egress), made when something uses it. */
export function defaultSecurityGroup(a: Assembly, vpc: Vpc): string {
  const id = `${vpc.id}/${DEFAULT_SG}`;
  if (!a.model.securityGroups.some((g) => g.id === id)) {
    const group: SecurityGroup = {
      id,
      name: DEFAULT_SG,
      vpc: vpc.id,
      ...scopeOf(vpc),
      ingress: [{ protocol: 'all', fromPort: 0, toPort: 65535, peer: { kind: 'sg', id }, prov: vpc.prov }],
      egress: [
        { protocol: 'all', fromPort: 0, toPort: 65535, peer: { kind: 'cidr', cidr: '0.0.0.0/0' }, prov: vpc.prov },
      ],
      prov: vpc.prov,
    };
    a.model.securityGroups.push(group);
  }
  return id;
}

function naclRule(a: Assembly, owner: RawResource, e: RawNaclEntry): NaclRule | undefined {
  const cidr = a.cidr(e.cidr, owner, 'entries', 'CidrBlock', false);
  if (cidr === undefined) return undefined;
  return {
    number: e.number,
    action: e.action,
    protocol: e.protocol,
    fromPort: e.fromPort,
    toPort: e.toPort,
    cidr,
    prov: e.prov,
  };
}

function allowAll(vpc: Vpc): NaclRule[] {
  const rule = (number: number, cidr: string): NaclRule => ({
    number,
    action: 'allow',
    protocol: 'all',
    fromPort: 0,
    toPort: 65535,
    cidr,
    prov: vpc.prov,
  });
  return vpc.ipv6Cidrs.length > 0 ? [rule(100, '0.0.0.0/0'), rule(101, '::/0')] : [rule(100, '0.0.0.0/0')];
}

export function assembleNetworkAcls(a: Assembly, vpc: Vpc): void {
  const acls: NetworkAcl[] = [];
  const owner = new Map<string, string>();
  const subnetsOfVpc = a.inVpc('subnet', vpc.id).flatMap((s) => a.subnetById.get(a.ids.get(s.key) ?? '') ?? []);
  const associate = (aclId: string, link: Parameters<Assembly['resolve']>[0], from: RawResource) => {
    const subnet = a.resolve(link, ['subnet'], from, 'subnets');
    const id = a.idOf(subnet);
    if (id === undefined || !subnetsOfVpc.some((s) => s.id === id)) return;
    const before = owner.get(id);
    if (before !== undefined && before !== aclId) {
      a.error('duplicate-association', from.prov, `subnet ${id} is already in network ACL ${before}`, 'subnets');
      return;
    }
    owner.set(id, aclId);
  };
  const nacls = a.inVpc('nacl', vpc.id);
  for (const n of nacls) {
    const id = n.isDefault ? `${vpc.id}/${DEFAULT_NACL}` : (a.ids.get(n.key) ?? n.name);
    const entries: { owner: RawResource; e: RawNaclEntry }[] = n.entries.map((e) => ({ owner: n, e }));
    for (const x of a.linkedTo('nacl-entry', 'nacl', (y) => y.nacl, n.key)) entries.push({ owner: x, e: x.entry });
    const ingress: NaclRule[] = [];
    const egress: NaclRule[] = [];
    const seen = new Set<string>();
    for (const { owner: from, e } of entries) {
      const key = `${e.egress ? 'egress' : 'ingress'}:${e.number}`;
      if (seen.has(key)) {
        a.error(
          'duplicate-rule-number',
          e.prov,
          `rule number ${e.number} is used twice for ${e.egress ? 'egress' : 'ingress'} in ${a.label(n)}`,
        );
        continue;
      }
      seen.add(key);
      const rule = naclRule(a, from, e);
      if (rule) (e.egress ? egress : ingress).push(rule);
    }
    acls.push({
      id,
      name: n.isDefault ? DEFAULT_NACL : n.name,
      vpc: vpc.id,
      ...scopeOf(n),
      subnets: [],
      ingress,
      egress,
      prov: n.prov,
    });
    for (const s of n.subnets) associate(id, s, n);
  }
  nacls.forEach((n, i) => {
    const acl = acls[i];
    if (acl)
      for (const x of a.linkedTo('nacl-association', 'nacl', (y) => y.nacl, n.key)) associate(acl.id, x.subnet, x);
  });
  let fallback = acls.find((n) => n.name === DEFAULT_NACL);
  if (!fallback) {
    // AWS creates every VPC with a default network ACL that allows everything both ways.
    fallback = {
      id: `${vpc.id}/${DEFAULT_NACL}`,
      name: DEFAULT_NACL,
      vpc: vpc.id,
      ...scopeOf(vpc),
      subnets: [],
      ingress: allowAll(vpc),
      egress: allowAll(vpc),
      prov: vpc.prov,
    };
    acls.push(fallback);
  }
  for (const acl of acls) {
    acl.subnets = subnetsOfVpc.map((s) => s.id).filter((id) => (owner.get(id) ?? fallback.id) === acl.id);
  }
  a.model.networkAcls.push(...acls);
}
