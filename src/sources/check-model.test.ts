import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { seedDoc } from '../../test/scenarios/helpers.js';
import { loadDesignText } from './design/load.js';

function diagnosticsOf(doc: unknown) {
  const r = loadDesignText(stringify(doc), 'checks.yaml');
  return { ok: r.ok, errors: r.diagnostics.filter((d) => d.severity === 'error') };
}

describe('meaning checks on the model', () => {
  it('pass the seed', () => {
    expect(diagnosticsOf(seedDoc())).toEqual({ ok: true, errors: [] });
  });

  it('refuse a Region nobody has, with a suggestion and the line of the field', () => {
    const doc = seedDoc();
    doc.region = 'ap-northeast-01';
    const { ok, errors } = diagnosticsOf(doc);
    expect(ok).toBe(false);
    const e = errors.find((d) => d.code === 'unknown-region');
    expect(e?.message).toContain('did you mean ap-northeast-1');
    expect(e?.line).toBeGreaterThan(0);
  });

  it('refuse a subnet in a zone of another Region', () => {
    const doc = seedDoc();
    doc.vpcs.vpc2.subnets['ws-c'].az = 'eu-west-1c';
    const e = diagnosticsOf(doc).errors.find((d) => d.code === 'zone-not-in-region');
    expect(e).toMatchObject({ field: 'vpcs.vpc2.subnets.ws-c.az' });
    expect(e?.message).toBe('Availability Zone eu-west-1c is not in ap-northeast-1, the Region of vpc2');
    expect(e?.line).toBe(
      stringify(doc)
        .split('\n')
        .findIndex((l) => l.includes('eu-west-1c')) + 1,
    );
  });

  it('accept Local Zones and zone ids', () => {
    const doc = seedDoc();
    doc.vpcs.vpc2.subnets['ws-a'].az = 'apne1-az4';
    doc.vpcs.vpc2.subnets['ws-c'].az = 'ap-northeast-1-tpe-1a';
    expect(diagnosticsOf(doc).ok).toBe(true);
  });

  it('refuse a peering between VPCs whose CIDRs overlap (AWS cannot create it)', () => {
    const doc = seedDoc();
    doc.vpcs.vpc2.cidr = '10.0.128.0/17';
    doc.vpcs.vpc2.subnets['ws-a'].cidr = '10.0.201.0/24';
    doc.vpcs.vpc2.subnets['ws-c'].cidr = '10.0.202.0/24';
    doc.peerings = { pcx: { requester: 'vpc1', accepter: 'vpc2' } };
    const e = diagnosticsOf(doc).errors.find((d) => d.code === 'peering-overlap');
    expect(e?.field).toBe('peerings.pcx');
    expect(e?.message).toContain('overlap');
  });

  it('let VPCs with overlapping CIDRs exist side by side when they are not peered', () => {
    const doc = seedDoc();
    doc.vpcs.vpc2.cidr = '10.0.128.0/17';
    doc.vpcs.vpc2.subnets['ws-a'].cidr = '10.0.201.0/24';
    doc.vpcs.vpc2.subnets['ws-c'].cidr = '10.0.202.0/24';
    expect(diagnosticsOf(doc).ok).toBe(true);
  });
});
