// The CLI on the three IaC forms of the seed: findings and blockers point at the template line and column and name
// the resource as the user wrote it (construct path, Terraform address); bad templates exit 2 naming file:line:col.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';

const CDK = ['test/iac/seed-tokyo.cdk.out', '--overlay', 'test/iac/seed-tokyo.cdk.overlay.yaml'];
const PLAN = ['test/iac/seed-tokyo.tfplan.json', '--overlay', 'test/iac/seed-tokyo.tfplan.overlay.yaml'];

interface SarifResult {
  ruleId: string;
  locations: {
    physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } };
    logicalLocations: { name: string; fullyQualifiedName?: string }[];
  }[];
}

describe('the CLI on templates, cdk.out and plans', () => {
  it('SARIF points at the template line and column and names the construct path', async () => {
    const r = await runCli(['check', ...CDK, '--format', 'sarif', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    const results = (JSON.parse(r.out) as { runs: { results: SarifResult[] }[] }).runs[0]?.results ?? [];
    const multiAz = results.find((x) => x.ruleId === 'streaming-endpoint-multi-az');
    expect(multiAz?.locations[0]?.physicalLocation?.artifactLocation.uri).toBe(
      'test/iac/seed-tokyo.cdk.out/SeedNetwork.template.json',
    );
    expect(multiAz?.locations[0]?.physicalLocation?.region).toMatchObject({ startColumn: 5 });
    expect(multiAz?.locations[0]?.logicalLocations[0]).toEqual({
      name: 'Vpc1/StreamingE5CA015B',
      kind: 'resource',
      fullyQualifiedName: 'SeedNetwork/Streaming/Resource',
    });
    // The template rule of its own: Tokyo has no AWS::WorkSpaces::Directory in CloudFormation.
    expect(results.map((x) => x.ruleId)).toContain('cfn-directory-region-unsupported');
  });

  it('text findings and trace blockers name the Terraform address beside file:line:column', async () => {
    const check = await runCli(['check', ...PLAN, '--fail-on', 'never']);
    // The resource's line may wrap at 100 columns between the place and the address.
    expect(check.out.replace(/\s+/g, ' ')).toMatch(
      /test\/iac\/seed-tokyo\.tfplan\.json:\d+:5 \(module\.client_vpc\.aws_vpc_endpoint\.streaming\)/,
    );
    const trace = await runCli(['trace', ...PLAN, '--client', 'ec2-client', '--workspace', 'pcoip_desktop']);
    expect(trace.code).toBe(0);
    expect(trace.out).toContain('RESOURCE_NOT_FOUND');
    expect(trace.out).toMatch(/\(aws_workspaces_directory\.corp\)/);
  });

  it('without the overlay, what the plan cannot state is UNKNOWN, naming it', async () => {
    const overlay = join(mkdtempSync(join(tmpdir(), 'wspl-iac-cli-')), 'clients.yaml');
    writeFileSync(overlay, 'clients:\n  pc: { at: module.client_vpc.aws_instance.client }\n');
    const r = await runCli([
      'trace',
      'test/iac/seed-tokyo.tfplan.json',
      '--overlay',
      overlay,
      '--client',
      'pc',
      '--workspace',
      'dcv_desktop',
      '--format',
      'json',
    ]);
    const trace = JSON.parse(r.out) as { outcome: string; missing: string[] };
    expect(trace.outcome).toBe('UNKNOWN');
    // The NAT instance has an Elastic IP (address unknown, but there): what is missing is whether it translates.
    expect(trace.missing.join('\n')).toMatch(/instance\.nat: whether it is set up as a NAT instance/);
  });

  it('a broken template exits 2 naming file, line and column', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wspl-iac-cli-')), 'bad.template.yaml');
    writeFileSync(
      file,
      'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !GetAtt [Nope, CidrBlock]\n',
    );
    const r = await runCli(['matrix', file, '--region', 'ap-northeast-1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `${file}:5:18: error: Resources.Vpc.Properties.CidrBlock: Fn::GetAtt Nope.CidrBlock: no resource Nope in this template [unknown-reference]`,
    );
  });
});
