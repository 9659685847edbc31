// Cases the property tests in test/properties/ found: each failed before its fix.
import { describe, expect, it } from 'vitest';
import { modelOf, seedDoc, trace } from './helpers.js';

describe('a blocker names one resource that exists', () => {
  it('an endpoint with two security groups that both refuse: the rule is the endpoint ports, the resource one of the groups', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.securityGroups['endpoint-sg'].ingress = [];
    doc.vpcs.vpc1.securityGroups['endpoint-sg2'] = { ingress: ['tcp:22 from 10.0.0.0/16'] };
    doc.vpcs.vpc1.endpoints.streaming.securityGroups = ['endpoint-sg2', 'endpoint-sg'];
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('NO_REACHABLE_ENDPOINT');
    const ids = new Set(modelOf(doc).securityGroups.map((g) => g.id));
    expect(t.blockers).toHaveLength(1);
    expect(t.blockers[0]).toMatchObject({ kind: 'security-group', ruleId: 'streaming-endpoint-ports' });
    expect(ids.has(t.blockers[0]!.resource)).toBe(true);
    // Both groups are still named, since a rule in either would do.
    expect(t.blockers[0]!.detail).toMatch(
      /vpc1\/endpoint-sg2, vpc1\/endpoint-sg|vpc1\/endpoint-sg, vpc1\/endpoint-sg2/,
    );
  });
});
