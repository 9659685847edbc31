// Many accounts and Regions in one model: every resource carries its own, and the engine uses them where AWS does.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadDesignText } from '../../src/sources/design/load.js';
import { docFile, modelOf, seedDoc, trace } from './helpers.js';

describe('accounts and Regions', () => {
  it('a transit gateway in a network account carries the office to WorkSpaces in another account', () => {
    const doc = docFile('../../examples/office-tgw.yaml');
    doc.transitGateways.tgw1.account = '999988887777';
    const model = modelOf(doc);
    expect(model.transitGateways[0]?.account).toBe('999988887777');
    expect(model.vpcs[0]?.account).toBe('111122223333');
    expect(trace(doc, 'office-pc', 'dcv-desktop').outcome).toBe('CONNECTED');
  });

  it('children inherit their VPC account and Region', () => {
    const doc = seedDoc();
    doc.vpcs.vpc2.account = '444455556666';
    const model = modelOf(doc);
    expect(model.subnets.filter((s) => s.vpc === 'vpc2').map((s) => s.account)).toEqual([
      '444455556666',
      '444455556666',
    ]);
    expect(model.endpoints[0]).toMatchObject({ account: '111122223333', region: 'ap-northeast-1' });
  });

  it('an endpoint in another Region than the directory is not the streaming service of the directory Region', () => {
    const doc = seedDoc();
    doc.vpcs.vpc1.region = 'eu-west-1';
    for (const s of Object.values(doc.vpcs.vpc1.subnets) as { az: string }[]) s.az = 'eu-west-1a';
    const t = trace(doc, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('UNSUPPORTED_CONFIGURATION');
    expect(t.blockers.map((b) => b.ruleId)).toEqual(['streaming-endpoint-service']);
  });

  it('a transit gateway attaches only VPCs of its own Region', () => {
    const doc = docFile('../../examples/office-tgw.yaml');
    doc.transitGateways.tgw1.region = 'us-east-1';
    const r = loadDesignText(stringify(doc), 'office.yaml');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('tgw-attachment-region');
  });
});
