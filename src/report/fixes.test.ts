import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types.js';
import { runCheck } from '../rules/runner.js';
import { seed } from '../rules/testing/design.js';
import { traceConnection } from '../workspaces/trace.js';
import { FixFinder, findingFixes } from './fixes.js';
import { REPORT_WORDING } from './wording.js';

/** The seed without UDP on the endpoint SG and with private DNS off. */
const broken = () =>
  seed(
    'set:vpcs.vpc1.securityGroups.endpoint-sg.ingress=["tcp:443 from 10.0.0.0/16", "tcp:4195 from 10.0.0.0/16"]',
    'set:vpcs.vpc1.endpoints.streaming.privateDns=false',
  );

/** As a live read or a template would state it: the AWS id, or the logical id with its file and line. */
function asSource(model: Model, id: string, prov: Partial<Model['securityGroups'][number]['prov']>): Model {
  const sg = model.securityGroups.find((g) => g.id === id)!;
  sg.prov = { ...sg.prov, ...prov };
  return model;
}

function fixesOf(model: Model) {
  const result = runCheck(model, { wording: REPORT_WORDING });
  const fixes = findingFixes(new FixFinder(model), result.findings);
  return new Map([...fixes].map(([f, list]) => [f.rule, list]));
}

describe('fixes with the ids of this setup', () => {
  it('a design file knows no sg-… id: the command names the missing value in <…>, with the real CIDR and ports', () => {
    const byRule = fixesOf(broken());
    expect(byRule.get('streaming-endpoint-ports')?.[0]).toMatchObject({
      resource: 'vpc1/endpoint-sg',
      cli: [
        "aws ec2 authorize-security-group-ingress --group-id '<id of vpc1/endpoint-sg>' --ip-permissions " +
          "'IpProtocol=udp,FromPort=4195,ToPort=4195,IpRanges=[{CidrIp=10.0.10.15/32}]' " +
          "'IpProtocol=udp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=10.0.10.15/32}]'",
      ],
    });
    expect(byRule.get('streaming-endpoint-private-dns')?.[0]?.cli).toEqual([
      "aws ec2 modify-vpc-endpoint --vpc-endpoint-id '<id of vpc1/streaming>' --private-dns-enabled",
    ]);
  });

  it('a live read: the real group id in --group-id', () => {
    const model = asSource(broken(), 'vpc1/endpoint-sg', { source: 'aws', originalId: 'sg-0123456789abcdef0' });
    const fix = fixesOf(model).get('streaming-endpoint-ports')?.[0];
    expect(fix).toMatchObject({ resource: 'vpc1/endpoint-sg', awsId: 'sg-0123456789abcdef0' });
    expect(fix?.cli[0]).toMatch(/^aws ec2 authorize-security-group-ingress --group-id sg-0123456789abcdef0 /);
  });

  it('a template: the logical id and the Terraform address, file and line of the resource to edit', () => {
    const model = asSource(broken(), 'vpc1/endpoint-sg', {
      source: 'terraform-plan',
      originalId: 'EndpointSg',
      address: 'module.net.aws_security_group.endpoint',
      file: 'plan.json',
      line: 42,
    });
    expect(fixesOf(model).get('streaming-endpoint-ports')?.[0]).toMatchObject({
      logicalId: 'EndpointSg',
      address: 'module.net.aws_security_group.endpoint',
      file: 'plan.json',
      line: 42,
    });
  });

  it("a trace's blocker gets the command of its reason; a name from the input cannot act on the shell", () => {
    const model = seed('set:vpcs.vpc1.endpoints.streaming.privateDns=false');
    const t = traceConnection(model, 'ec2-client', 'dcv-desktop');
    const finder = new FixFinder(model);
    expect(t.blockers.map((b) => finder.forBlocker(b)?.cli)).toEqual([
      ["aws ec2 modify-vpc-endpoint --vpc-endpoint-id '<id of vpc1/streaming>' --private-dns-enabled"],
    ]);
    model.endpoints[0]!.awsId = "vpce-1'; rm -rf ~; '";
    expect(new FixFinder(model).forBlocker(t.blockers[0]!)?.cli[0]).toBe(
      "aws ec2 modify-vpc-endpoint --vpc-endpoint-id 'vpce-1'\\''; rm -rf ~; '\\''' --private-dns-enabled",
    );
  });
});
