// Templates in the shapes people publish (test/iac/real-world/, written for these tests): a network stack and an
// application stack joined by exports, conditions and AWS::NoValue, DependsOn and Metadata, resources wspl does not
// model, and an older JSON hub-and-spoke template. They load, unknown types are listed once, and the predictions
// follow from what the templates say.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';
import type { Model } from '../../src/model/types.js';
import { readSources } from '../../src/sources/index.js';
import type { LoadOptions } from '../../src/sources/loader.js';
import { traceConnection } from '../../src/workspaces/trace.js';

const DIR = 'test/iac/real-world';
const NETWORK = `${DIR}/network.yaml`;
const APP = `${DIR}/workspaces.yaml`;
const HUB = `${DIR}/hub.template.json`;
const VIRGINIA: LoadOptions = { region: 'us-east-1', account: '111122223333' };

async function load(files: string[], options: LoadOptions = VIRGINIA) {
  const r = await readSources(files, options);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).join('\n'));
  return { model: r.model, diagnostics: r.diagnostics };
}

function withClient(m: Model, protocol: 'dcv' | 'pcoip'): Model {
  return {
    ...m,
    workspaces: m.workspaces.map((w) => ({ ...w, protocol })),
    clients: [
      {
        id: 'home',
        at: { kind: 'internet' },
        publicIp: '198.51.100.7',
        os: 'windows',
        prov: { source: 'design', file: 'x' },
      },
    ],
  };
}

describe('published shapes of templates', () => {
  it('a network stack and an app stack read together: imports, Fn::Split of a joined export, conditions', async () => {
    const { model: m, diagnostics } = await load([NETWORK, APP]);
    // Flow logs, their role and log group, the alarm: skipped and named once for the whole run.
    expect(diagnostics.map((d) => d.code)).toEqual(['types-not-modelled']);
    expect(diagnostics[0]?.message).toBe(
      'skipped, as they do not bear on streaming: AWS::Logs::LogGroup, AWS::IAM::Role, AWS::EC2::FlowLog, AWS::CloudWatch::Alarm',
    );
    const dir = m.directories[0];
    expect(dir).toMatchObject({
      streamingEndpoint: 'VPC/StreamingEndpoint',
      subnets: ['VPC/PrivateSubnet1', 'VPC/PrivateSubnet2'],
      pcoipOverInternet: true,
      ipGroups: ['OfficeIpGroup'],
      deniedDeviceTypes: ['web'],
    });
    // The endpoint group's rules come from the network stack's exported CIDR.
    expect(m.securityGroups.find((g) => g.id === 'VPC/EndpointSecurityGroup')?.ingress.map((r) => r.peer)).toEqual(
      Array(4).fill({ kind: 'cidr', cidr: '10.20.0.0/16' }),
    );
    // Two zones from Fn::GetAZs: the endpoint spans two, so the multi-AZ rule has nothing to say.
    expect(new Set(m.subnets.filter((s) => s.name.startsWith('Private')).map((s) => s.az)).size).toBe(2);
    expect(m.natGateways.map((g) => g.id)).toEqual(['VPC/NatGateway1']);
    // An S3 endpoint left to CloudFormation's default is a Gateway endpoint, which is right for S3.
    expect(m.endpoints.find((e) => e.id === 'VPC/S3Endpoint')).toMatchObject({ type: 'Gateway', privateDns: false });
  });

  it('parameters switch conditions: no NAT gateway, no private default route', async () => {
    const { model: m } = await load([NETWORK, APP], { ...VIRGINIA, parameters: { CreateNatGateways: 'false' } });
    expect(m.natGateways).toEqual([]);
    expect(m.routeTables.find((t) => t.id === 'VPC/PrivateRouteTable')?.routes.map((r) => r.target.kind)).toEqual([
      'local',
    ]);
  });

  it('AWS::NoValue in Fn::If removes the access endpoint: DCV streams over the internet', async () => {
    const { model: m } = await load([NETWORK, APP], { ...VIRGINIA, parameters: { UsePrivateLink: 'no' } });
    expect(m.directories[0]).toMatchObject({ streamingEndpoint: null });
    expect(m.endpoints.map((e) => e.id)).toEqual(['VPC/S3Endpoint']);
    expect(traceConnection(withClient(m, 'dcv'), 'home', 'AnalystDesktop')).toMatchObject({ path: 'internet' });
  });

  it('the app stack alone: what sits on the missing network is left out, said once each, and the trace is UNKNOWN', async () => {
    const { model: m, diagnostics } = await load([APP]);
    expect(diagnostics.filter((d) => d.code === 'outside-input').map((d) => `${d.line}:${d.column}`)).toEqual([
      '23:3',
      '39:3',
    ]);
    expect(m.directories[0]).toMatchObject({
      streamingEndpoint: null,
      streamingEndpointAwsId: 'StreamingEndpoint',
      subnets: [],
    });
    const t = traceConnection(withClient(m, 'dcv'), 'home', 'AnalystDesktop');
    expect(t.outcome).toBe('UNKNOWN');
    expect(t.missing.join()).toContain('StreamingEndpoint');
  });

  it('an older JSON hub: transit gateway tables and propagations, Resolver, DHCP, peering; a VPN site it cannot size', async () => {
    const { model: m, diagnostics } = await load([HUB]);
    const tgw = m.transitGateways[0];
    expect(tgw?.routeTables.map((t) => t.id)).toEqual(['Tgw/TgwRoutes']);
    expect(
      tgw?.routeTables[0]?.routes.map(
        (r) => `${r.destination}>${r.attachment ?? 'blackhole'}${r.propagated ? ' (propagated)' : ''}`,
      ),
    ).toEqual([
      '10.99.0.0/16>blackhole',
      '10.50.0.0/16>Tgw/SharedAttachment (propagated)',
      '10.60.0.0/16>Tgw/SpokeAttachment (propagated)',
    ]);
    expect(tgw?.attachments.map((a) => a.routeTable)).toEqual(['Tgw/TgwRoutes', 'Tgw/TgwRoutes']);
    expect(m.resolverEndpoints[0]?.addresses.map((a) => a.ip)).toEqual(['10.50.1.10', '10.50.2.10']);
    expect(m.vpcs.find((v) => v.id === 'SpokeVpc')?.dhcpOptions?.domainNameServers).toEqual(['AmazonProvidedDNS']);
    expect(m.peerings[0]).toMatchObject({ requesterVpc: 'SpokeVpc', accepterVpc: 'SharedVpc' });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['105:5 site-unknown']);
  });

  it('wspl check reads the stacks as one run and points at template lines; matrix takes them together too', async () => {
    const check = await runCli([
      'check',
      NETWORK,
      APP,
      '--region',
      'us-east-1',
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(check.code).toBe(0);
    const report = JSON.parse(check.out) as {
      findings: { rule: string; resource: string; location?: { file: string; line?: number; column?: number } }[];
    };
    const bypass = report.findings.find((f) => f.rule === 'directory-ip-groups-bypassed');
    expect(bypass).toMatchObject({ resource: 'Directory', location: { file: APP, line: 60, column: 3 } });
    const matrix = await runCli(['matrix', NETWORK, APP, '--region', 'us-east-1', '--overlay', `${DIR}/overlay.yaml`]);
    expect(matrix.code).toBe(0);
    expect(matrix.out).toMatch(/home\s+AnalystDesktop\s+NO_REACHABLE_ENDPOINT\s+privatelink/);
  });

  it('bad usage of the new flags exits 2 with a message', async () => {
    const bad = await runCli(['check', NETWORK, '--region', 'us-east-1', '--parameter', 'NoEquals']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/expected KEY=VALUE/);
    const account = await runCli(['check', NETWORK, '--region', 'us-east-1', '--account', '12']);
    expect(account.code).toBe(2);
    expect(account.err).toMatch(/12 digits/);
    const mixed = await runCli(['matrix', NETWORK, 'examples/seed-tokyo.yaml', '--region', 'us-east-1']);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/only CloudFormation templates can be read together/);
  });
});
