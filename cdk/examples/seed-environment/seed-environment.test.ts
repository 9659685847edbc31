// The closed loop, without AWS: the seed app synthesizes (offline, Tokyo) for each case's context; the templates
// hold what the seed needs; wspl, reading the cdk.out with the seed's clients as an overlay, predicts what the
// seed's design files predict (wspl's examples/seed-*.yaml, the cases 4-1 to 4-4 observed on the seed); and wspl's
// validation plugin fails synth on the cases that cannot work, naming the construct.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { App, Aspects } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { WsplChecks } from '../../src/index.js';
import { buildSeedApp, SEED_OVERLAY } from './app.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'wspl-seed-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function synth(name: string, context: Record<string, boolean>) {
  const app = new App({ outdir: path.join(scratch, name), context });
  const stack = buildSeedApp(app);
  const assembly = app.synth();
  // Offline: nothing for the CDK CLI to look up in an account before it can synthesize.
  expect(assembly.manifest.missing ?? []).toEqual([]);
  return {
    template: Template.fromJSON(assembly.getStackByName(stack.stackName).template as object),
    dir: assembly.directory,
  };
}

interface Row {
  client: string;
  workspace: string;
  outcome: string;
  transport: string | null;
  port: number | null;
  blockers: { ruleId: string }[];
}

/** wspl's library, built in the repository (dist/), called as `wspl matrix --format json` calls it. */
const lib = async <T>(file: string) => (await import(pathToFileURL(path.join(REPO, 'dist', file)).href)) as T;
const { loadSources } = await lib<{ loadSources: (s: string[], o: { overlay?: string }) => Promise<unknown> }>(
  'sources/index.js',
);
const { predictMatrixEntries } = await lib<{ predictMatrixEntries: (m: unknown) => unknown[] }>('workspaces/matrix.js');
const { renderMatrixJson } = await lib<{ renderMatrixJson: (e: unknown[]) => string }>('report/matrix.js');

async function matrix(source: string, overlay?: string): Promise<Row[]> {
  const model = await loadSources([source], overlay !== undefined ? { overlay } : {});
  return (JSON.parse(renderMatrixJson(predictMatrixEntries(model))) as { rows: Row[] }).rows;
}

/** The seed's names for the app's WorkSpaces, to compare with its design files. */
const SEED_NAME: Record<string, string> = { DcvDesktop: 'dcv-desktop', PcoipDesktop: 'pcoip-desktop' };
const key = (r: Row) => `${r.client} → ${SEED_NAME[r.workspace] ?? r.workspace}`;
const outcomes = (rows: Row[]) =>
  Object.fromEntries(
    rows.map((r) => [key(r), `${r.outcome}${r.transport ? ` ${r.transport} ${String(r.port)}` : ''}`]),
  );

const seed = synth('seed', {});
const natStopped = synth('nat-stopped', { natStopped: true });
const pcoipOverInternet = synth('pcoip', { pcoipOverInternet: true });

describe('the seed app synthesizes what the seed set up', () => {
  it('the streaming endpoint in two zones, its directory setting with no PCoIP fallback, one DCV and one PCoIP WorkSpace', () => {
    const t = seed.template;
    t.resourceCountIs('AWS::EC2::VPC', 2);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.ap-northeast-1.highlander',
      PrivateDnsEnabled: true,
      DnsOptions: { DnsRecordIpType: 'ipv4' },
      SubnetIds: [Match.anyValue(), Match.anyValue()],
    });
    t.hasResourceProperties('Custom::WorkSpacesAccessEndpoint', {
      DirectoryId: { 'Fn::GetAtt': [Match.anyValue(), 'DirectoryId'] },
      AccessEndpointConfig: { InternetFallbackProtocols: [] },
    });
    t.hasResourceProperties('Custom::WorkSpacesDirectoryRegistration', { DirectoryId: { Ref: Match.anyValue() } });
    t.resourceCountIs('AWS::DirectoryService::SimpleAD', 1);
    t.resourceCountIs('AWS::WorkSpaces::Workspace', 2);
    t.resourceCountIs('AWS::WorkSpaces::Directory', 0); // not offered in Tokyo
    t.resourceCountIs('Custom::EC2InstanceState', 0);
  });

  it('a NAT instance whose security group lets only TCP and UDP 443 out; a Windows client behind EC2 Instance Connect', () => {
    const t = seed.template;
    t.hasResourceProperties('AWS::EC2::Instance', { SourceDestCheck: false });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Security Group for NAT instances',
      SecurityGroupEgress: [
        Match.objectLike({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }),
        Match.objectLike({ IpProtocol: 'udp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }),
      ],
    });
    t.resourceCountIs('AWS::EC2::InstanceConnectEndpoint', 1);
    t.hasResourceProperties('AWS::EC2::Instance', {
      ImageId: { Ref: Match.stringLikeRegexp('Windows') },
    });
  });

  it('context natStopped=true stops the NAT instance; pcoipOverInternet=true sets the PCoIP fallback', () => {
    natStopped.template.hasResourceProperties('Custom::EC2InstanceState', {
      State: 'stopped',
      InstanceId: { Ref: Match.anyValue() },
    });
    pcoipOverInternet.template.hasResourceProperties('Custom::WorkSpacesAccessEndpoint', {
      AccessEndpointConfig: { InternetFallbackProtocols: ['PCOIP'] },
    });
  });
});

describe('wspl on the synthesized cdk.out predicts the seed’s cases', () => {
  it('the seed as is (4-2 CONNECTED over QUIC 4195, 4-3 home NO_REACHABLE_ENDPOINT, 4-4 PCoIP RESOURCE_NOT_FOUND), as its design file does', async () => {
    const app = outcomes(await matrix(seed.dir, SEED_OVERLAY));
    expect(app).toEqual({
      'ec2-client → dcv-desktop': 'CONNECTED QUIC 4195',
      'ec2-client → pcoip-desktop': 'RESOURCE_NOT_FOUND',
      'home → dcv-desktop': 'NO_REACHABLE_ENDPOINT',
      'home → pcoip-desktop': 'RESOURCE_NOT_FOUND',
    });
    expect(app).toEqual(outcomes(await matrix(path.join(REPO, 'examples', 'seed-tokyo.yaml'))));
  });

  it('4-1: with the NAT instance stopped, registration fails, naming the NAT instance, as the seed-4-1 design file says', async () => {
    const rows = await matrix(natStopped.dir, SEED_OVERLAY);
    const dcv = rows.find((r) => key(r) === 'ec2-client → dcv-desktop');
    expect(dcv?.outcome).toBe('REGISTRATION_FAILED');
    expect(dcv?.blockers.map((b) => b.ruleId)).toContain('client-internet-for-auth');
    const designed = outcomes(await matrix(path.join(REPO, 'examples', 'seed-4-1-nat-stopped.yaml')));
    expect(outcomes(rows)['ec2-client → dcv-desktop']).toBe(designed['ec2-client → dcv-desktop']);
  });

  it('the opposite of 4-4: with PCoIP over the internet, home connects over PCoIP; the client is held by the NAT’s 443-only rule', async () => {
    expect(outcomes(await matrix(pcoipOverInternet.dir, SEED_OVERLAY))).toMatchObject({
      'home → pcoip-desktop': 'CONNECTED UDP 4172',
      'ec2-client → pcoip-desktop': 'NO_REACHABLE_ENDPOINT',
      'ec2-client → dcv-desktop': 'CONNECTED QUIC 4195',
    });
  });
});

describe('wspl at synth time: the validation plugin and the aspect', () => {
  it('the plugin fails synth on case 4-1 with the rule id and the construct path of the stopped NAT instance', () => {
    const app = new App({ outdir: path.join(scratch, 'plugin'), context: { natStopped: true, wsplChecks: true } });
    buildSeedApp(app);
    // CDK prints each violation: its message, the construct path, and the rule (as `wspl explain RULE`).
    expect(() => app.synth()).toThrow(
      /NAT instance \S+ is stopped \(wspl\)\s+SeedEnvironment\/Vpc1\/publicSubnet1\/NatInstance\/Resource[^\n]*\s+Suggested fix: wspl explain client-internet-for-auth/,
    );
    const report = readFileSync(path.join(scratch, 'plugin', 'validation-report.json'), 'utf8');
    const violations = (
      JSON.parse(report) as {
        pluginReports: {
          violations: { ruleName: string; severity: string; violatingConstructs: { constructPath?: string }[] }[];
        }[];
      }
    ).pluginReports.flatMap((r) => r.violations);
    const nat = violations.find((v) => v.ruleName === 'client-internet-for-auth');
    expect(nat?.severity).toBe('error');
    expect(nat?.violatingConstructs.map((c) => c.constructPath)).toContain(
      'SeedEnvironment/Vpc1/publicSubnet1/NatInstance/Resource',
    );
    expect(violations.map((v) => v.ruleName)).toContain('pcoip-workspaces-unreachable');
  });

  it('the aspect lets a setting that works synthesize, its warnings reported', () => {
    const app = new App({ outdir: path.join(scratch, 'aspect'), context: { pcoipOverInternet: true } });
    const stack = buildSeedApp(app);
    Aspects.of(stack).add(new WsplChecks({ overlay: SEED_OVERLAY }));
    expect(() => app.synth()).not.toThrow();
    const report = readFileSync(path.join(scratch, 'aspect', 'validation-report.json'), 'utf8');
    expect(report).toContain('internet-clients-cut-off');
    expect(report).not.toContain('"error"');
  });
});
