import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types.js';
import { runCheck } from '../rules/runner.js';
import { example, seed } from '../rules/testing/design.js';
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
    expect(t.blockers.map((b) => finder.forBlocker(b).cli)).toEqual([
      ["aws ec2 modify-vpc-endpoint --vpc-endpoint-id '<id of vpc1/streaming>' --private-dns-enabled"],
    ]);
    model.endpoints[0]!.awsId = "vpce-1'; rm -rf ~; '";
    expect(new FixFinder(model).forBlocker(t.blockers[0]!).cli[0]).toBe(
      "aws ec2 modify-vpc-endpoint --vpc-endpoint-id 'vpce-1'\\''; rm -rf ~; '\\''' --private-dns-enabled",
    );
  });
});

/** A model as a live read states it: each named entity's AWS id in its provenance. */
function withAwsIds(model: Model, ids: Record<string, string>): Model {
  const lists = [model.subnets, model.routeTables, model.instances, model.natGateways, model.vpcs, model.workspaces];
  for (const list of lists)
    for (const e of list) if (ids[e.id]) e.prov = { ...e.prov, source: 'aws', originalId: ids[e.id] };
  for (const t of model.transitGateways) if (ids[t.id]) t.prov = { ...t.prov, source: 'aws', originalId: ids[t.id] };
  return model;
}

function blockerFixes(model: Model, client: string, workspace: string) {
  const t = traceConnection(model, client, workspace);
  const finder = new FixFinder(model);
  return t.blockers.map((b) => ({ code: b.reason.code, ...finder.forBlocker(b, workspace) }));
}

describe('fixes for the other causes, with the ids of this setup', () => {
  it('a failed NAT gateway cannot be started: a new one in its subnet, and its routes moved to it', () => {
    const model = withAwsIds(example('hub-spoke.yaml', 'set:vpcs.hub.natGateways.natgw.state=failed'), {
      'hub/public-a': 'subnet-0pub',
      'hub/private': 'rtb-0priv',
      'hub/natgw': 'nat-0old',
    });
    const fix = blockerFixes(model, 'spoke-pc', 'dcv-desktop').find((f) => f.code === 'nat-gateway-state');
    expect(fix).toMatchObject({ resource: 'hub/natgw', awsId: 'nat-0old' });
    expect(fix?.note).toMatch(/cannot be started.*replace/);
    expect(fix?.cli).toEqual([
      'aws ec2 allocate-address --domain vpc',
      "aws ec2 create-nat-gateway --subnet-id subnet-0pub --allocation-id '<AllocationId printed by allocate-address>'",
      "aws ec2 replace-route --route-table-id rtb-0priv --destination-cidr-block 0.0.0.0/0 --nat-gateway-id '<NatGatewayId printed by create-nat-gateway>'",
    ]);
  });

  it('a stopped NAT instance is started, by its instance id; a template names its logical id, file and line', () => {
    const model = withAwsIds(seed('set:vpcs.vpc1.instances.nat.state=stopped'), { 'vpc1/nat': 'i-0abc' });
    expect(blockerFixes(model, 'ec2-client', 'dcv-desktop').find((f) => f.code === 'nat-instance-state')).toMatchObject(
      {
        resource: 'vpc1/nat',
        cli: ['aws ec2 start-instances --instance-ids i-0abc'],
      },
    );
    const nat = model.instances.find((i) => i.id === 'vpc1/nat')!;
    nat.prov = { source: 'cloudformation', file: 'stack.yaml', line: 88, originalId: 'NatInstance' };
    expect(blockerFixes(model, 'ec2-client', 'dcv-desktop').find((f) => f.code === 'nat-instance-state')).toMatchObject(
      {
        logicalId: 'NatInstance',
        file: 'stack.yaml',
        line: 88,
        cli: ["aws ec2 start-instances --instance-ids '<id of vpc1/nat>'"],
      },
    );
  });

  it('a missing route: create-route in the real table, to the CIDR and the target the model knows', () => {
    // The seed's private table without its default route: the way out is the running NAT instance.
    const model = withAwsIds(seed('set:vpcs.vpc1.routeTables.private={}'), {
      'vpc1/private': 'rtb-0priv',
      'vpc1/nat': 'i-0nat',
    });
    const routes = blockerFixes(model, 'ec2-client', 'dcv-desktop').filter((f) => f.code === 'no-route');
    expect(routes.map((f) => f.cli)).toContainEqual([
      'aws ec2 create-route --route-table-id rtb-0priv --destination-cidr-block 0.0.0.0/0 --instance-id i-0nat',
    ]);
    // Another VPC's address, across the transit gateway both VPCs are attached to.
    const hub = withAwsIds(example('hub-spoke.yaml'), { 'spoke/spoke': 'rtb-0spoke', tgw1: 'tgw-0hub' });
    const toHub = new FixFinder(hub).forBlocker({
      resource: 'spoke/spoke',
      kind: 'route',
      reason: { code: 'no-route', table: 'spoke/spoke', vpc: 'spoke', subnet: 'spoke/app-a', address: '10.10.21.10' },
    });
    expect(toHub.cli).toEqual([
      'aws ec2 create-route --route-table-id rtb-0spoke --destination-cidr-block 10.10.0.0/16 --transit-gateway-id tgw-0hub',
    ]);
  });

  it('a missing route with no known way there: the target is named and marked as a value to fill', () => {
    const model = example('hub-spoke.yaml');
    model.transitGateways = [];
    const fix = new FixFinder(model).forBlocker({
      resource: 'spoke/spoke',
      kind: 'route',
      reason: { code: 'no-route', table: 'spoke/spoke', vpc: 'spoke', subnet: 'spoke/app-a', address: '10.10.21.10' },
    });
    expect(fix.cli).toEqual([
      "aws ec2 create-route --route-table-id '<id of spoke/spoke>' --destination-cidr-block 10.10.0.0/16 '<--transit-gateway-id, --vpc-peering-connection-id or --gateway-id of a way to 10.10.21.10>'",
    ]);
    expect(fix.note).toMatch(/no peering, transit gateway or gateway that leads from spoke to 10\.10\.21\.10/);
  });

  it('a blackhole route to a prefix list is replaced by its prefix list id, not as a CIDR', () => {
    const fix = new FixFinder(seed()).forBlocker({
      resource: 'vpc1/private',
      kind: 'route',
      reason: { code: 'blackhole-route', route: 'pl-0abc', table: 'vpc1/private', vpc: 'vpc1' },
    });
    expect(fix.cli[0]).toMatch(
      /^aws ec2 replace-route --route-table-id '<id of vpc1\/private>' --destination-prefix-list-id pl-0abc /,
    );
  });

  it('a PCoIP WorkSpace behind an endpoint without fallback: the fallback on the real directory, or DCV for it', () => {
    const model = withAwsIds(seed(), { 'pcoip-desktop': 'ws-0pcoip' });
    const fix = blockerFixes(model, 'ec2-client', 'pcoip-desktop').find((f) => f.code === 'pcoip-no-fallback');
    expect(fix?.cli).toEqual([
      'aws workspaces modify-workspace-access-properties --resource-id d-9567a1b2c3 --workspace-access-properties ' +
        `'{"AccessEndpointConfig":{"AccessEndpoints":[{"AccessEndpointType":"STREAMING_WSP","VpcEndpointId":"<id of vpc1/streaming>"}],"InternetFallbackProtocols":["PCOIP"]}}'`,
      `aws workspaces modify-workspace-properties --workspace-id ws-0pcoip --workspace-properties '{"Protocols":["WSP"]}'`,
    ]);
    expect(fix?.note).toMatch(/either command/);
  });
});

describe('a peering to re-create', () => {
  /** The seed with a second VPC, in another account or Region, peered with vpc1 by a peering now deleted. */
  function peeredWith(account: string, region: string) {
    const model = seed();
    const vpc1 = model.vpcs.find((v) => v.id === 'vpc1')!;
    model.vpcs.push({ ...vpc1, id: 'far', account, region });
    model.peerings.push({
      id: 'pcx-far',
      name: 'pcx-far',
      requesterVpc: 'vpc1',
      accepterVpc: 'far',
      state: 'deleted',
      account: vpc1.account,
      region: vpc1.region,
      prov: vpc1.prov,
    });
    const fix = new FixFinder(model).forBlocker({
      resource: 'pcx-far',
      kind: 'peering',
      reason: { code: 'peering-state', peering: 'pcx-far', state: 'deleted' },
    });
    return { fix };
  }

  it("names the peer's account and Region when they are not the requester's", () => {
    const { fix } = peeredWith('444455556666', 'eu-west-1');
    expect(fix.cli[0]).toMatch(/create-vpc-peering-connection .*--peer-owner-id 444455556666/);
    expect(fix.cli[0]).toMatch(/--peer-region eu-west-1 --region ap-northeast-1$/);
  });

  it('leaves them out when the peer is in the same account and Region', () => {
    const model = seed();
    const vpc1 = model.vpcs.find((v) => v.id === 'vpc1')!;
    const same = peeredWith(vpc1.account, vpc1.region).fix;
    expect(same.cli[0]).toMatch(/create-vpc-peering-connection --vpc-id '<id of vpc1>' --peer-vpc-id '<id of far>'$/);
  });
});
