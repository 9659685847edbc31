import { modelOf } from '../loader.js';
import { describe, expect, it } from 'vitest';
import { loadDesignText } from './load.js';

// A small valid file; each case below edits one line of it and expects one diagnostic at that line.
const BASE = `wspl: 1
account: "111122223333"
region: ap-northeast-1
vpcs:
  vpc1:
    cidr: 10.0.0.0/16
    internetGateway: igw1
    subnets:
      a: { cidr: 10.0.1.0/24, az: ap-northeast-1a, routeTable: rt }
      b: { cidr: 10.0.2.0/24, az: ap-northeast-1c }
    routeTables:
      rt: { 0.0.0.0/0: igw1 }
    securityGroups:
      sg:
        ingress: [tcp:443 from 10.0.0.0/16]
    instances:
      box: { subnet: a, securityGroups: [sg], privateIp: 10.0.1.5 }
    endpoints:
      ep: { service: com.amazonaws.ap-northeast-1.highlander, subnets: [a], securityGroups: [sg], addresses: [10.0.1.10] }
ipGroups:
  office: [192.0.2.0/24]
directories:
  corp: { vpc: vpc1, subnets: [a, b], streamingEndpoint: vpc1/ep, ipGroups: [office] }
workspaces:
  w: { directory: corp, protocol: dcv }
clients:
  c: { at: vpc1/box }
`;

function edit(line: number, text: string): string {
  const lines = BASE.split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
}

function errorsOf(text: string) {
  return loadDesignText(text, 'f.yaml').diagnostics.filter((d) => d.severity === 'error');
}

describe('design file errors', () => {
  it('a resolver rule must go through an outbound endpoint', () => {
    const text = BASE.replace(
      '    internetGateway: igw1\n',
      '    internetGateway: igw1\n    dns: { forwarders: [{ domain: corp.example, to: [192.168.0.53], via: r }] }\n    resolverEndpoints:\n      r: { subnets: [a] }\n',
    );
    const errs = errorsOf(text);
    expect(errs).toEqual([
      expect.objectContaining({ code: 'bad-reference', field: 'vpcs.vpc1.dns.forwarders.0.via', line: 8 }),
    ]);
    expect(errs[0]!.message).toMatch(/is inbound/);
    expect(errorsOf(text.replace('r: { subnets: [a] }', 'r: { direction: outbound, subnets: [a] }'))).toEqual([]);
  });

  it('propagation to a route table that does not exist is an unknown reference at its line', () => {
    const text =
      BASE +
      'transitGateways:\n  tgw1:\n    routeTables: { main: {} }\n    attachments:\n      a1: { vpc: vpc1, subnets: [a], propagateTo: [nope] }\n';
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        code: 'unknown-reference',
        field: 'transitGateways.tgw1.attachments.a1.propagateTo.0',
        line: 32,
      }),
    ]);
  });

  it('the base file is valid', () => {
    const r = loadDesignText(BASE, 'f.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(modelOf(r)).toBeDefined();
  });

  const cases: [string, number, string, string, string][] = [
    // [what, line, new text, code, field]
    ['host bits in a CIDR', 6, '    cidr: 10.0.0.1/16', 'bad-cidr', 'vpcs.vpc1.cidr'],
    [
      'a subnet outside its VPC',
      10,
      '      b: { cidr: 10.9.2.0/24, az: ap-northeast-1c }',
      'subnet-outside-vpc',
      'vpcs.vpc1.subnets.b.cidr',
    ],
    [
      'overlapping subnets',
      10,
      '      b: { cidr: 10.0.1.128/25, az: ap-northeast-1c }',
      'overlapping-subnets',
      'vpcs.vpc1.subnets.b.cidr',
    ],
    [
      'a subnet naming a missing route table',
      9,
      '      a: { cidr: 10.0.1.0/24, az: ap-northeast-1a, routeTable: nope }',
      'unknown-reference',
      'vpcs.vpc1.subnets.a.routeTable',
    ],
    [
      'a route target not found',
      12,
      '      rt: { 0.0.0.0/0: igw9 }',
      'unknown-reference',
      'vpcs.vpc1.routeTables.rt."0.0.0.0/0"',
    ],
    [
      'a port out of range',
      15,
      '        ingress: [tcp:70000 from 10.0.0.0/16]',
      'bad-port',
      'vpcs.vpc1.securityGroups.sg.ingress.0',
    ],
    [
      'a port range backwards',
      15,
      '        ingress: [tcp:500-400 from 10.0.0.0/16]',
      'bad-port',
      'vpcs.vpc1.securityGroups.sg.ingress.0',
    ],
    [
      'an unknown protocol',
      15,
      '        ingress: [sctp:443 from 10.0.0.0/16]',
      'unknown-value',
      'vpcs.vpc1.securityGroups.sg.ingress.0',
    ],
    [
      'an ingress rule reading `to`',
      15,
      '        ingress: [tcp:443 to 10.0.0.0/16]',
      'bad-rule',
      'vpcs.vpc1.securityGroups.sg.ingress.0',
    ],
    [
      'an unknown SG peer',
      15,
      '        ingress: [tcp:443 from other-sg]',
      'unknown-reference',
      'vpcs.vpc1.securityGroups.sg.ingress.0',
    ],
    [
      'an instance address outside its subnet',
      17,
      '      box: { subnet: a, securityGroups: [sg], privateIp: 10.0.2.5 }',
      'address-outside-subnets',
      'vpcs.vpc1.instances.box.privateIp',
    ],
    [
      'an endpoint naming a missing subnet',
      19,
      '      ep: { service: s, subnets: [zz], securityGroups: [sg] }',
      'unknown-reference',
      'vpcs.vpc1.endpoints.ep.subnets.0',
    ],
    [
      'an endpoint naming a missing SG',
      19,
      '      ep: { service: s, subnets: [a], securityGroups: [zz] }',
      'unknown-reference',
      'vpcs.vpc1.endpoints.ep.securityGroups.0',
    ],
    [
      'an endpoint address outside its subnets',
      19,
      '      ep: { service: s, subnets: [a], addresses: [10.0.2.10] }',
      'address-outside-subnets',
      'vpcs.vpc1.endpoints.ep.addresses.0',
    ],
    [
      'a bad IP',
      19,
      '      ep: { service: s, subnets: [a], addresses: [10.0.1.300] }',
      'bad-ip',
      'vpcs.vpc1.endpoints.ep.addresses.0',
    ],
    [
      'a directory naming a missing endpoint',
      23,
      '  corp: { vpc: vpc1, streamingEndpoint: vpc1/nope }',
      'unknown-reference',
      'directories.corp.streamingEndpoint',
    ],
    [
      'a directory naming a missing ipGroup',
      23,
      '  corp: { vpc: vpc1, ipGroups: [nope] }',
      'unknown-reference',
      'directories.corp.ipGroups.0',
    ],
    [
      'a workspace naming a missing directory',
      25,
      '  w: { directory: nope, protocol: dcv }',
      'unknown-reference',
      'workspaces.w.directory',
    ],
    [
      'an unknown workspace protocol',
      25,
      '  w: { directory: corp, protocol: rdp }',
      'unknown-value',
      'workspaces.w.protocol',
    ],
    ['a client at a missing instance', 27, '  c: { at: vpc1/nope }', 'unknown-reference', 'clients.c.at'],
    ['a client at a missing VPC', 27, '  c: { at: vpc9/box }', 'unknown-reference', 'clients.c.at'],
    [
      'a client at a missing on-premises network',
      27,
      '  c: { at: onprem/office }',
      'unknown-reference',
      'clients.c.at',
    ],
    [
      'a wrong type',
      17,
      '      box: { subnet: a, securityGroups: sg }',
      'wrong-type',
      'vpcs.vpc1.instances.box.securityGroups',
    ],
    [
      'an unknown enum value',
      17,
      '      box: { subnet: a, state: paused }',
      'unknown-value',
      'vpcs.vpc1.instances.box.state',
    ],
    [
      'an unknown nested field',
      17,
      '      box: { subnet: a, colour: red }',
      'unknown-key',
      'vpcs.vpc1.instances.box.colour',
    ],
    [
      'a missing required field',
      17,
      '      box: { securityGroups: [sg] }',
      'missing-field',
      'vpcs.vpc1.instances.box.subnet',
    ],
    [
      'a resolver rule through a missing endpoint',
      7,
      '    dns: { forwarders: [{ domain: corp.example, to: [192.168.0.53], via: nope }] }',
      'unknown-reference',
      'vpcs.vpc1.dns.forwarders.0.via',
    ],
    [
      'a resolver rule with a bad target',
      7,
      '    dns: { forwarders: [{ domain: corp.example, to: [192.168.0.300], via: nope }] }',
      'bad-ip',
      'vpcs.vpc1.dns.forwarders.0.to.0',
    ],
  ];

  it.each(cases)('%s', (_what, line, text, code, field) => {
    const errors = errorsOf(edit(line, text));
    expect(errors.map((e) => [e.code, e.field, e.line])).toContainEqual([code, field, line]);
    for (const e of errors) expect(e.file).toBe('f.yaml');
  });

  it('reports a missing wspl: 1', () => {
    const errors = errorsOf(BASE.replace('wspl: 1\n', ''));
    expect(errors.map((e) => e.code)).toEqual(['missing-version']);
  });

  it('reports an unsupported version at its line', () => {
    expect(errorsOf(edit(1, 'wspl: 2')).map((e) => [e.code, e.line])).toEqual([['unsupported-version', 1]]);
  });

  it('warns about unknown top-level keys, naming them', () => {
    const r = loadDesignText(BASE + 'colours: [red]\n', 'f.yaml');
    expect(modelOf(r)).toBeDefined();
    expect(r.diagnostics).toMatchObject([{ severity: 'warning', code: 'unknown-key', field: 'colours', line: 28 }]);
    expect(r.diagnostics[0]?.message).toContain('colours');
  });

  it('reports every error in the file, not only the first', () => {
    const text = edit(25, '  w: { directory: nope, protocol: dcv }').replace('10.0.0.0/16\n', '10.0.0.1/16\n');
    const codes = errorsOf(text).map((e) => e.code);
    expect(codes).toContain('bad-cidr');
    expect(codes).toContain('unknown-reference');
  });

  it('reports YAML syntax errors with their line', () => {
    const errors = errorsOf(edit(9, '      a: { cidr: 10.0.1.0/24, az: ap-northeast-1a'));
    expect(errors[0]?.code).toBe('yaml-syntax');
    expect(errors[0]?.line).toBeGreaterThanOrEqual(9);
  });

  it('rejects binary input without crashing', () => {
    expect(errorsOf('\u0000\u0001\u0002garbage').map((e) => e.code)).toEqual(['not-text']);
    expect(errorsOf('- just\n- a list\n').map((e) => e.code)).toEqual(['not-a-design-file']);
    expect(errorsOf('').map((e) => e.code)).toEqual(['not-a-design-file']);
  });
});
