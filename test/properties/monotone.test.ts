// Opening a filter can only help, closing one can only hurt: a security group rule added anywhere, or an
// allow-all network ACL rule numbered below every other, never turns CONNECTED into a failure; taking away the
// NAT's or the client's outbound rules never turns a failure into CONNECTED.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockerText } from '../../src/report/reason-text.js';
import { predictMatrix } from '../../src/workspaces/matrix.js';
import type { Trace } from '../../src/workspaces/types.js';
import { modelOf, type Doc } from '../scenarios/helpers.js';
import { build, estate, RUNS, show } from './estate.js';

const groups: [string, string][] = [
  ['vpc1', 'endpoint-sg'],
  ['vpc1', 'nat-sg'],
  ['vpc1', 'client-sg'],
  ['vpc3', 'pc'],
];
const ingress = [
  'all from 0.0.0.0/0',
  'tcp:4195 from 10.0.0.0/16',
  'udp:443 from 10.0.10.15/32',
  'udp:0-65535 from 10.0.0.0/8',
  'tcp:443 from client-sg',
  'all from 192.168.0.0/16',
];
const egress = [
  'all to 0.0.0.0/0',
  'udp:4195 to 10.0.21.217/32',
  'tcp:443 to 3.114.164.0/22',
  'udp:443 to 0.0.0.0/0',
  'tcp:0-65535 to 10.0.0.0/8',
  'udp:53 to 10.0.0.0/16',
];

const opening = fc.record({
  group: fc.constantFrom(...groups),
  direction: fc.constantFrom('ingress', 'egress'),
  rule: fc.nat(),
  at: fc.nat(),
});

function addSgRule(doc: Doc, o: { group: [string, string]; direction: string; rule: number; at: number }): Doc {
  const [vpc, name] = o.group;
  const sg = doc.vpcs[vpc].securityGroups[name];
  const pool = o.direction === 'ingress' ? ingress : egress;
  const rule = pool[o.rule % pool.length]!;
  if (vpc !== 'vpc1' && rule.includes('client-sg')) return doc;
  // A group written without egress has AWS's default allow-all egress rule: adding to it keeps that rule.
  const rules: string[] = [...(sg[o.direction] ?? (o.direction === 'egress' ? ['all to 0.0.0.0/0'] : []))];
  rules.splice(o.at % (rules.length + 1), 0, rule);
  sg[o.direction] = rules;
  return doc;
}

function addAllowAll(doc: Doc, pick: number, direction: 'ingress' | 'egress'): Doc {
  const acls: Doc[] = [];
  for (const vpc of Object.values(doc.vpcs) as Doc[]) acls.push(...(Object.values(vpc.networkAcls ?? {}) as Doc[]));
  if (acls.length === 0) return doc;
  const acl = acls[pick % acls.length]!;
  const rule = direction === 'ingress' ? '1 allow all from 0.0.0.0/0' : '1 allow all to 0.0.0.0/0';
  acl[direction] = [...(acl[direction] ?? []), rule];
  return doc;
}

function stillConnected(before: Trace[], after: Trace[], doc: Doc): void {
  before.forEach((t, i) => {
    if (t.outcome === 'CONNECTED') {
      expect(
        after[i]!.outcome,
        `${t.client} → ${t.workspace}: ${after[i]!.blockers.map((b) => blockerText(b)).join('; ')} ${after[i]!.missing.join('; ')}\n${show(doc)}`,
      ).toBe('CONNECTED');
    }
  });
}

describe('opening and closing filters', () => {
  it('a security group rule added anywhere never breaks a connection that worked', () => {
    fc.assert(
      fc.property(estate, opening, (e, o) => {
        const before = predictMatrix(modelOf(build(e)));
        const doc = addSgRule(build(e), o);
        stillConnected(before, predictMatrix(modelOf(doc)), doc);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('an allow-all ACL rule numbered below every other never breaks a connection that worked', () => {
    fc.assert(
      fc.property(estate, fc.nat(), fc.constantFrom('ingress' as const, 'egress' as const), (e, pick, direction) => {
        const before = predictMatrix(modelOf(build(e)));
        const doc = addAllowAll(build(e), pick, direction);
        stillConnected(before, predictMatrix(modelOf(doc)), doc);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it("removing the NAT's or the client's outbound rules never turns a failure into CONNECTED", () => {
    fc.assert(
      fc.property(estate, fc.constantFrom('nat-sg', 'client-sg'), (e, group) => {
        const before = predictMatrix(modelOf(build(e)));
        const doc = build(e);
        doc.vpcs.vpc1.securityGroups[group].egress = [];
        const after = predictMatrix(modelOf(doc));
        after.forEach((t, i) => {
          if (t.outcome === 'CONNECTED')
            expect(before[i]!.outcome, `${t.client} → ${t.workspace}\n${show(doc)}`).toBe('CONNECTED');
        });
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
