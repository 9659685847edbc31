import { describe, expect, it } from 'vitest';
import { loadDesignText } from './load.js';
import { closestName } from '../did-you-mean.js';
import { suggestField } from './suggest.js';

describe('did you mean, for a field the design file does not have', () => {
  it('a name people use for another field, and a misspelling, in the map where it is written', () => {
    expect(suggestField(['directories', 'corp'], 'pcoipFallback')).toBe('pcoipOverInternet');
    expect(suggestField(['directories', 'corp'], 'streamingEndpiont')).toBe('streamingEndpoint');
    expect(suggestField(['vpcs', 'vpc1', 'endpoints', 'streaming'], 'privateDNS')).toBe('privateDns');
    // Nothing close: no guess.
    expect(suggestField(['directories', 'corp'], 'colour')).toBeUndefined();
    // A field of another map is not offered.
    expect(suggestField(['clients', 'home'], 'pcoipFallback')).toBeUndefined();
  });

  it('the loader says it, at the line', () => {
    const r = loadDesignText(
      'wspl: 1\naccount: "111111111111"\nregion: ap-northeast-1\ndirectories:\n  corp: { type: personal, subnets: [], pcoipFallback: true }\n',
      'd.yaml',
    );
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        line: 5,
        message: 'unknown field "pcoipFallback"; did you mean "pcoipOverInternet"?',
      }),
    );
  });
});

describe('did you mean, for a reference the design file does not have', () => {
  it('closestName: the full name a reference left its prefix off, else the closest name, else nothing', () => {
    expect(closestName('office-dx', ['tgw/office-dx', 'tgw/office-vpn', 'vpc1'])).toBe('tgw/office-dx');
    expect(closestName('endpoint-sgg', ['vpc1/endpoint-sg', 'endpoint-sg'])).toBe('endpoint-sg');
    expect(closestName('elsewhere', ['vpc1/streaming', 'corp'])).toBeUndefined();
  });

  const OFFICE = `wspl: 1
account: "111122223333"
region: eu-west-1
vpcs:
  vpc1:
    cidr: 10.0.0.0/16
    subnets:
      a: { cidr: 10.0.1.0/24, az: eu-west-1a }
transitGateways:
  tgw:
    routeTables: { rt: {} }
    attachments:
      vpc1-att: { vpc: vpc1, subnets: [a], routeTable: rt }
      office-dx: { dx: office, routeTable: rt }
onPremises:
  office:
    cidrs: [192.168.0.0/16]
    connections: [{ dx: office-dx }]
`;

  it('dx: office-dx for tgw/office-dx: an error at its line and field naming the full id', () => {
    const r = loadDesignText(OFFICE, 'office.yaml');
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'unknown-reference',
        file: 'office.yaml',
        line: 18,
        field: 'onPremises.office.connections.0.dx',
        message: '"office-dx" is neither a VPC nor a transit gateway; did you mean "tgw/office-dx"?',
      }),
    );
  });

  it('a streaming endpoint, a client place, a security group and a route target without their VPC', () => {
    const r = loadDesignText(
      OFFICE.replace('connections: [{ dx: office-dx }]', 'connections: [{ dx: tgw/office-dx }]').replace(
        '      a: { cidr: 10.0.1.0/24, az: eu-west-1a }\n',
        '      a: { cidr: 10.0.1.0/24, az: eu-west-1a }\n    endpoints:\n      streaming: { service: com.amazonaws.eu-west-1.highlander, subnets: [a] }\n',
      ) +
        `directories:
  corp: { type: personal, vpc: vpc1, subnets: [a], streamingEndpoint: streaming }
clients:
  pc: { at: a }
`,
      'refs.yaml',
    );
    const messages = r.diagnostics.map((d) => `${d.field}: ${d.message}`);
    expect(messages).toContain(
      'directories.corp.streamingEndpoint: streamingEndpoint "streaming" should read VPC/ENDPOINT; did you mean "vpc1/streaming"?',
    );
    expect(messages).toContain(
      'clients.pc.at: "a" should read internet, VPC/INSTANCE, VPC/SUBNET or onprem/NAME; did you mean "vpc1/a"?',
    );
  });
});
