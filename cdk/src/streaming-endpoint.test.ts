import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as workspaces from 'aws-cdk-lib/aws-workspaces';
import { describe, expect, it } from 'vitest';
import { DirectoryAccess } from './directory-access.js';
import { StreamingEndpoint, StreamingTransport, type StreamingEndpointProps } from './streaming-endpoint.js';

const ZONES = ['ap-northeast-1a', 'ap-northeast-1c'];

function stackIn(region = 'ap-northeast-1'): { app: App; stack: Stack; vpc: ec2.Vpc } {
  const app = new App();
  const stack = new Stack(app, 'Test', { env: { account: '111122223333', region } });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
    availabilityZones: region === 'ap-northeast-1' ? ZONES : [`${region}a`, `${region}b`],
    natGateways: 0,
    subnetConfiguration: [{ name: 'endpoint', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
  return { app, stack, vpc };
}

function endpoint(overrides: Partial<StreamingEndpointProps> = {}, region?: string) {
  const { app, stack, vpc } = stackIn(region);
  const construct = new StreamingEndpoint(stack, 'Streaming', {
    vpc,
    clients: ['10.0.0.0/16'],
    directory: DirectoryAccess.ofDirectoryId('d-9567a1b2c3'),
    pcoipOverInternet: false,
    ...overrides,
  });
  return { app, stack, vpc, construct };
}

/** Every validation error of the stack's constructs: what `cdk synth` lists before it fails. */
function errors(stack: Stack): string[] {
  return stack.node.findAll().flatMap((c) => c.node.validate());
}

describe('StreamingEndpoint: what it creates', () => {
  it('an interface endpoint of highlander with private DNS in two zones, its security group and the setting', () => {
    const { stack } = endpoint();
    expect(errors(stack)).toEqual([]);
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.ap-northeast-1.highlander',
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: true,
      DnsOptions: { DnsRecordIpType: 'ipv4' },
    });
    const subnets = Object.values(t.findResources('AWS::EC2::VPCEndpoint'))[0]?.Properties.SubnetIds as unknown[];
    expect(subnets).toHaveLength(2);
    const group = Object.values(t.findResources('AWS::EC2::SecurityGroup'))[0]?.Properties as {
      SecurityGroupIngress: { IpProtocol: string; FromPort: number; ToPort: number; CidrIp: string }[];
      SecurityGroupEgress: { CidrIp: string }[];
    };
    expect(
      group.SecurityGroupIngress.map((r) => `${r.IpProtocol}:${r.FromPort}-${r.ToPort} ${r.CidrIp}`).sort(),
    ).toEqual(['tcp:443-443', 'tcp:4195-4195', 'udp:443-443', 'udp:4195-4195'].map((x) => `${x} 10.0.0.0/16`).sort());
    // Nothing out: CDK's sentinel rule that matches no packet.
    expect(group.SecurityGroupEgress).toEqual([expect.objectContaining({ CidrIp: '255.255.255.255/32' })]);
    // In Tokyo (no AWS::WorkSpaces::Directory) the setting is the custom resource, with fallback said explicitly.
    t.hasResourceProperties('Custom::WorkSpacesAccessEndpoint', {
      DirectoryId: 'd-9567a1b2c3',
      AccessEndpointConfig: {
        AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: { Ref: Match.anyValue() } }],
        InternetFallbackProtocols: [],
      },
    });
  });

  it('takes prefix lists and security groups as clients, and PCoIP over the internet as a choice', () => {
    const { stack, vpc } = stackIn();
    const clientsSg = new ec2.SecurityGroup(stack, 'Clients', { vpc });
    new StreamingEndpoint(stack, 'Streaming', {
      vpc,
      clients: [ec2.Peer.prefixList('pl-0123456789abcdef0'), clientsSg, '2001:db8::/56'],
      directory: DirectoryAccess.ofDirectoryId('d-9567a1b2c3'),
      pcoipOverInternet: true,
    });
    expect(errors(stack)).toEqual([]);
    const t = Template.fromStack(stack);
    // Every client network gets all four transports, inline or as rule resources (CDK's choice per peer).
    const inline = Object.values(t.findResources('AWS::EC2::SecurityGroup')).flatMap(
      (r) => (r.Properties as { SecurityGroupIngress?: Record<string, unknown>[] }).SecurityGroupIngress ?? [],
    );
    const separate = Object.values(t.findResources('AWS::EC2::SecurityGroupIngress')).map(
      (r) => r.Properties as Record<string, unknown>,
    );
    const rules = [...inline, ...separate].map((r) => {
      const peer = r.SourcePrefixListId ?? r.CidrIpv6 ?? r.CidrIp ?? (r.SourceSecurityGroupId ? 'sg' : '?');
      return `${String(r.IpProtocol)}:${String(r.FromPort)} ${typeof peer === 'string' ? peer : 'sg'}`;
    });
    for (const peer of ['pl-0123456789abcdef0', '2001:db8::/56', 'sg'])
      for (const t of ['tcp:443', 'udp:443', 'tcp:4195', 'udp:4195']) expect(rules).toContain(`${t} ${peer}`);
    expect(rules).toHaveLength(12);
    t.hasResourceProperties('Custom::WorkSpacesAccessEndpoint', {
      AccessEndpointConfig: Match.objectLike({ InternetFallbackProtocols: ['PCOIP'] }),
    });
  });

  it('the custom resource may call ModifyWorkspaceAccessProperties on its own directory only', () => {
    const t = Template.fromStack(endpoint().stack);
    const roles = Object.values(t.findResources('AWS::IAM::Role'));
    expect(roles).toHaveLength(1);
    const statements = (
      roles[0]?.Properties as {
        Policies: { PolicyDocument: { Statement: { Action: string[]; Resource: unknown }[] } }[];
      }
    ).Policies.flatMap((p) => p.PolicyDocument.Statement);
    const modify = statements.find((s) => s.Action.includes('workspaces:ModifyWorkspaceAccessProperties'));
    expect(JSON.stringify(modify?.Resource)).toContain(':directory/d-9567a1b2c3');
    expect(statements.flatMap((s) => s.Action).sort()).toEqual([
      'workspaces:DescribeWorkspaceDirectories',
      'workspaces:ModifyWorkspaceAccessProperties',
    ]);
  });

  it('uses AWS::WorkSpaces::Directory where CloudFormation offers it', () => {
    const { stack, vpc } = stackIn('us-east-1');
    const dir = new workspaces.CfnDirectory(stack, 'Dir', {
      workspaceDirectoryName: 'corp',
      workspaceType: 'PERSONAL',
    });
    new StreamingEndpoint(stack, 'Streaming', {
      vpc,
      clients: ['10.0.0.0/16'],
      directory: DirectoryAccess.ofCfnDirectory(dir),
      pcoipOverInternet: false,
    });
    expect(errors(stack)).toEqual([]);
    const t = Template.fromStack(stack);
    t.resourceCountIs('Custom::WorkSpacesAccessEndpoint', 0);
    t.hasResourceProperties('AWS::WorkSpaces::Directory', {
      WorkspaceAccessProperties: {
        AccessEndpointConfig: {
          AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: { Ref: Match.anyValue() } }],
          InternetFallbackProtocols: [],
        },
      },
    });
  });
});

describe('StreamingEndpoint: settings that cannot work fail synth with the wspl rule id', () => {
  it('one Availability Zone: cdk synth fails naming the construct and streaming-endpoint-multi-az', () => {
    const { app, stack, vpc } = stackIn();
    new StreamingEndpoint(stack, 'Streaming', {
      vpc,
      subnets: { availabilityZones: ['ap-northeast-1a'] },
      clients: ['10.0.0.0/16'],
      directory: DirectoryAccess.ofDirectoryId('d-9567a1b2c3'),
      pcoipOverInternet: false,
    });
    expect(() => app.synth()).toThrow(
      /Test\/Streaming[\s\S]*\[streaming-endpoint-multi-az\] the endpoint subnets span one Availability Zone \(ap-northeast-1a\)/,
    );
  });

  it.each([
    [{ privateDnsEnabled: false }, 'streaming-endpoint-private-dns', /privateDnsEnabled is false.*set it to true/],
    [
      { transports: [StreamingTransport.TCP_443, StreamingTransport.TCP_4195] },
      'streaming-endpoint-ports',
      /would not let in udp:4195, udp:443 \(without UDP the client cannot use QUIC\)/,
    ],
    [
      { dnsRecordIpType: ec2.VpcEndpointDnsRecordIpType.DUALSTACK },
      'streaming-endpoint-dns-record-ip-type',
      /dnsRecordIpType dualstack is not supported.*IPV4 or IPV6/,
    ],
    [{ clients: [] }, 'streaming-endpoint-ports', /no client networks are given/],
    [{ clients: ['10.0.0.0/33'] }, 'streaming-endpoint-ports', /"10\.0\.0\.0\/33" is not a CIDR/],
    [
      { directory: DirectoryAccess.ofDirectoryId('corp') },
      'streaming-endpoint-access-type',
      /"corp" is not a WorkSpaces directory id/,
    ],
  ] as const)('%o → %s', (props, rule, message) => {
    const found = errors(endpoint(props as Partial<StreamingEndpointProps>).stack);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`[${rule}]`);
    expect(found[0]).toMatch(message);
  });

  it('AWS::WorkSpaces::Directory in Tokyo, where CloudFormation does not offer it: cfn-directory-region-unsupported', () => {
    const { stack, vpc } = stackIn();
    const dir = new workspaces.CfnDirectory(stack, 'Dir', {
      workspaceType: 'POOLS',
      endpointEncryptionMode: 'FIPS_VALIDATED',
    });
    new StreamingEndpoint(stack, 'Streaming', {
      vpc,
      clients: ['10.0.0.0/16'],
      directory: DirectoryAccess.ofCfnDirectory(dir),
      pcoipOverInternet: false,
    });
    const found = errors(stack).join('\n');
    expect(found).toMatch(
      /\[cfn-directory-region-unsupported\] CloudFormation does not offer AWS::WorkSpaces::Directory in ap-northeast-1.*DirectoryAccess\.ofDirectoryId/,
    );
    expect(found).toContain('[directory-workspace-type]');
    expect(found).toContain('[directory-fips]');
  });

  it('zones unknown at synth (an environment-agnostic stack) are a warning, not a guess', () => {
    const app = new App();
    const stack = new Stack(app, 'Agnostic');
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      natGateways: 0,
      subnetConfiguration: [{ name: 'e', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    new StreamingEndpoint(stack, 'Streaming', {
      vpc,
      clients: ['10.0.0.0/16'],
      directory: DirectoryAccess.ofDirectoryId('d-9567a1b2c3'),
      pcoipOverInternet: false,
    });
    expect(errors(stack)).toEqual([]);
    Annotations.fromStack(stack).hasWarning(
      '/Agnostic/Streaming',
      Match.stringLikeRegexp('streaming-endpoint-multi-az'),
    );
  });
});
