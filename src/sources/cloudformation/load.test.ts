import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceConnection } from '../../workspaces/trace.js';
import { brief, model, problems, read, template, TOKYO, writeFiles } from '../iac/fixtures.test-helpers.js';
import { groupSources, readSources } from '../index.js';

const SEED = readFileSync('test/iac/seed-tokyo.template.yaml', 'utf8');

const ENDPOINT = `  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: ep, VpcId: !Ref Vpc }
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: ap-northeast-1a }
  Ep:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      VpcId: !Ref Vpc
      ServiceName: !Sub com.amazonaws.\${AWS::Region}.highlander
      SubnetIds: [!Ref Subnet]
      SecurityGroupIds: [!Ref Sg]
`;

describe('CloudFormation templates', () => {
  it('keep the line and column of every resource and of the properties a finding points at', async () => {
    const m = await model({ 'seed.yaml': SEED });
    const ep = m.endpoints.find((e) => e.id === 'Vpc1/Streaming');
    expect(ep?.prov).toMatchObject({
      source: 'cloudformation',
      line: 161,
      column: 3,
      path: 'Resources.Streaming',
      originalId: 'Streaming',
    });
    expect(ep?.prov.fields?.privateDns).toEqual({ line: 169, column: 7 });
    expect(ep?.prov.template?.resourceType).toBe('AWS::EC2::VPCEndpoint');
    const rule = m.securityGroups.find((g) => g.id === 'Vpc1/EndpointSg')?.ingress[0];
    expect(rule?.prov).toMatchObject({ line: 98, column: 11 });
  });

  it('read JSON as they read YAML', async () => {
    const json = JSON.stringify(
      {
        Resources: {
          Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
          Subnet: {
            Type: 'AWS::EC2::Subnet',
            Properties: {
              VpcId: { Ref: 'Vpc' },
              CidrBlock: { 'Fn::Select': [0, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 2, 8] }] },
              AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
            },
          },
        },
      },
      null,
      2,
    );
    const yaml = template(
      '  Subnet:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]]\n      AvailabilityZone: !Select [0, !GetAZs ""]\n',
    );
    const a = await model({ 't.json': json });
    const b = await model({ 't.yaml': yaml });
    const strip = (x: unknown) =>
      JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'prov' || k === 'origin' ? undefined : v)));
    expect(strip(a)).toEqual(strip(b));
    expect(a.subnets[0]).toMatchObject({ cidr: '10.0.0.0/24', az: 'ap-northeast-1 zone #1 (Fn::GetAZs)' });
  });

  it('apply CloudFormation defaults: no PrivateDnsEnabled is false, no VpcEndpointType is Gateway, and say so', async () => {
    const m = await model({ 't.yaml': template(ENDPOINT) });
    const ep = m.endpoints[0];
    expect(ep).toMatchObject({
      type: 'Gateway',
      privateDns: false,
      service: 'com.amazonaws.ap-northeast-1.highlander',
    });
    expect(ep?.prov.template?.defaulted).toEqual(expect.arrayContaining(['type', 'privateDns']));
    // An Interface endpoint without DnsOptions gets the IPv4 records EC2 creates.
    const iface = await model({ 't.yaml': template(`${ENDPOINT}      VpcEndpointType: Interface\n`) });
    expect(iface.endpoints[0]).toMatchObject({
      type: 'Interface',
      privateDns: false,
      dnsRecordIpType: 'ipv4',
      ipAddressType: 'ipv4',
    });
  });

  it('an interface endpoint without security groups gets the VPC default group', async () => {
    const text = template(
      ENDPOINT.replace('      SecurityGroupIds: [!Ref Sg]\n', '      VpcEndpointType: Interface\n'),
    );
    const m = await model({ 't.yaml': text });
    expect(m.endpoints[0]?.securityGroups).toEqual(['Vpc/default']);
    expect(m.securityGroups.find((g) => g.id === 'Vpc/default')?.egress[0]?.peer).toEqual({
      kind: 'cidr',
      cidr: '0.0.0.0/0',
    });
  });

  it('skip types wspl does not model, listing them once', async () => {
    const text = template(
      '  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {}\n  Role:\n    Type: AWS::IAM::Role\n  Role2:\n    Type: AWS::IAM::Role\n  Alias:\n    Type: AWS::WorkSpaces::ConnectionAlias\n',
    );
    const ds = await problems({ 't.yaml': text });
    const skipped = ds.filter((d) => d.code === 'types-not-modelled');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ severity: 'warning', line: 5, column: 3 });
    expect(skipped[0]?.message).toContain(
      'AWS::Lambda::Function, AWS::IAM::Role (2), AWS::WorkSpaces::ConnectionAlias',
    );
  });

  it('leave out a resource whose Condition is false, and say when a Condition cannot be known', async () => {
    const head =
      'Parameters:\n  Nat: { Type: String, Default: "no" }\n  Ami: { Type: "AWS::SSM::Parameter::Value<String>", Default: /x }\nConditions:\n  WithNat: !Equals [!Ref Nat, "yes"]\n  FromSsm: !Equals [!Ref Ami, x]\n';
    const res =
      '  A:\n    Type: AWS::EC2::InternetGateway\n    Condition: WithNat\n  B:\n    Type: AWS::EC2::InternetGateway\n    Condition: FromSsm\n';
    const r = await read({ 't.yaml': template(res, head) });
    expect(brief(r.diagnostics)).toEqual(['16:5 condition-unknown']);
    expect(r.diagnostics[0]?.message).toMatch(
      /B exists only if condition FromSsm holds, which depends on parameter Ami, read from Systems Manager/,
    );
    const yes = await model(
      {
        't.yaml': template(
          `${res}  Attach:\n    Type: AWS::EC2::VPCGatewayAttachment\n    Condition: WithNat\n    Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref A }\n`,
          head,
        ),
      },
      { ...TOKYO, parameters: { Nat: 'yes' } },
    );
    expect(yes.vpcs[0]?.internetGateway).toBe('A');
  });

  it('a value that cannot be known makes an optional fact unknown, with a warning at its line', async () => {
    const text = template(
      `${ENDPOINT}      PrivateDnsEnabled: !ImportValue shared-PrivateDns\n      VpcEndpointType: Interface\n`,
    );
    const r = await read({ 't.yaml': text });
    expect(r.ok).toBe(true);
    const w = r.diagnostics.find((d) => d.code === 'unknown-value');
    expect(w).toMatchObject({ severity: 'warning', line: 18, column: 7 });
    expect(w?.message).toMatch(
      /PrivateDnsEnabled of Ep cannot be known before deployment: Fn::ImportValue shared-PrivateDns, exported by a stack/,
    );
    expect(r.ok && r.model.endpoints[0]?.privateDns).toBeUndefined();
  });

  it('a fact the model cannot do without that cannot be known is an error naming what to pass', async () => {
    const text =
      'Parameters:\n  Cidr: { Type: String }\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: { CidrBlock: !Ref Cidr }\n';
    const r = await read({ 't.yaml': text });
    expect(r.ok).toBe(false);
    expect(brief(r.diagnostics)).toEqual(['6:19 unknown-value']);
    expect(r.diagnostics[0]?.message).toMatch(/pass --parameter Cidr=VALUE/);
    expect((await read({ 't.yaml': text }, { ...TOKYO, parameters: { Cidr: '10.9.0.0/16' } })).ok).toBe(true);
  });

  it('an endpoint imported from a stack not given leaves the directory UNKNOWN, naming why', async () => {
    const text = SEED.replace('VpcEndpointId: !Ref Streaming', 'VpcEndpointId: !ImportValue shared-endpoint');
    const m = await model({ 't.yaml': text });
    expect(m.directories[0]).toMatchObject({
      streamingEndpoint: null,
      streamingEndpointAwsId: expect.stringMatching(/shared-endpoint/),
    });
    m.workspaces[0] = { ...m.workspaces[0]!, protocol: 'dcv' };
    m.clients.push({
      id: 'c',
      at: { kind: 'internet' },
      publicIp: '198.51.100.7',
      prov: { source: 'design', file: 'x' },
    });
    const t = traceConnection(m, 'c', 'DcvDesktop');
    expect(t.outcome).toBe('UNKNOWN');
    expect(t.missing.join()).toMatch(/shared-endpoint/);
  });

  it('read several stacks together: an import finds the export of another template', async () => {
    const network = `${template('')}Outputs:\n  VpcId:\n    Value: !Ref Vpc\n    Export: { Name: !Sub "\${AWS::StackName}-VpcId" }\n`;
    const app =
      'Parameters:\n  Network: { Type: String, Default: network }\nResources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: app\n      VpcId: !ImportValue { "Fn::Sub": "${Network}-VpcId" }\n';
    const m = await model({ 'network.yaml': network, 'app.yaml': app });
    expect(m.securityGroups.map((g) => g.id)).toEqual(['Vpc/Sg']);
    // Alone, the app stack's group sits in a VPC nobody gave: left out, said once.
    const alone = await read({ 'app.yaml': app });
    expect(brief(alone.diagnostics)).toEqual(['4:3 outside-input']);
  });

  it('read stacks together only from files: a pipe is read once, and telling its kind reads it', async () => {
    const [file = ''] = writeFiles({ 'network.yaml': template('') });
    await expect(readSources([file, '/dev/null'], TOKYO)).rejects.toThrow(/\/dev\/null is not a regular file/);
    // check groups templates only among files; a pipe stays a run of its own, never probed twice.
    expect(groupSources([file, '/dev/null'])).toEqual([['/dev/null'], [file]]);
  });

  it('the same logical id in two stacks gets the stack name in its model id', async () => {
    const m = await model({ 'a.yaml': template(''), 'b.yaml': template('').replace('10.0.0.0/16', '10.1.0.0/16') });
    expect(m.vpcs.map((v) => v.id)).toEqual(['a.Vpc', 'b.Vpc']);
  });

  it('need a Region: --region, or AWS_REGION', async () => {
    expect(brief(await problems({ 't.yaml': template('') }, { env: {} }))).toEqual(['-:- missing-region']);
    expect((await read({ 't.yaml': template('') }, { env: { AWS_REGION: 'eu-west-1' } })).ok).toBe(true);
  });

  it.each([
    [
      'a subnet whose VpcId names a security group',
      '  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties: { GroupDescription: x, VpcId: !Ref Vpc }\n  S:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Sg, CidrBlock: 10.0.1.0/24, AvailabilityZone: ap-northeast-1a }\n',
      '8:3 wrong-reference',
    ],
    [
      'a subnet outside its VPC',
      '  S:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.9.1.0/24, AvailabilityZone: ap-northeast-1a }\n',
      '7:36 subnet-outside-vpc',
    ],
    [
      'a CIDR with host bits',
      '  S:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.1/24, AvailabilityZone: ap-northeast-1a }\n',
      '7:36 bad-cidr',
    ],
    [
      'a zone of another Region',
      '  S:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a }\n',
      '7:60 zone-not-in-region',
    ],
    [
      'a route with two targets',
      '  T:\n    Type: AWS::EC2::RouteTable\n    Properties: { VpcId: !Ref Vpc }\n  R:\n    Type: AWS::EC2::Route\n    Properties: { RouteTableId: !Ref T, DestinationCidrBlock: 0.0.0.0/0, GatewayId: x, NatGatewayId: y }\n',
      '10:19 bad-route',
    ],
    [
      'a DependsOn on nothing',
      '  G:\n    Type: AWS::EC2::InternetGateway\n    DependsOn: [Nope]\n',
      '7:17 unknown-reference',
    ],
    ['a resource without Type', '  G:\n    Properties: {}\n', '5:3 missing-field'],
  ])('refuse %s, at its line and column', async (_what, resources, expected) => {
    const r = await read({ 't.yaml': template(resources) });
    expect(r.ok).toBe(false);
    expect(brief(r.diagnostics, 'error')).toContain(expected);
  });
});
