// The pure conversion on hand-written raw answers: names and ids, what the model cannot follow, partial reads, and
// garbage that must never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../actions.js';
import type { RawCall, RawScope } from '../raw.js';
import { checkModel } from '../../check-model.js';
import { convertScopes } from './index.js';

const A = '111122223333';
const R = 'ap-northeast-1';
const tags = (name: string) => [{ Key: 'Name', Value: name }];

function call(action: Action, pages: Record<string, unknown>[], input: Record<string, unknown> = {}): RawCall {
  return { action, input, pages };
}

function scope(calls: RawCall[], account = A, region = R): RawScope {
  return { account, region, calls };
}

const vpc = (id: string, name?: string) => ({
  VpcId: id,
  OwnerId: A,
  CidrBlock: '10.0.0.0/16',
  CidrBlockAssociationSet: [{ CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } }],
  ...(name !== undefined ? { Tags: tags(name) } : {}),
});

/** The conversion, without the warning that these hand-written scopes lack most calls (tested on its own). */
function convert(...scopes: RawScope[]) {
  const c = convertScopes(scopes, { source: 'aws' }, 'aws:test');
  return { ...c, diagnostics: c.diagnostics.filter((d) => d.code !== 'aws-not-read') };
}

describe('ids from names', () => {
  it('uses Name tags, falls back to AWS ids, and never lets two resources share an id', () => {
    const c = convert(
      scope([
        call('ec2:DescribeVpcs', [
          { Vpcs: [vpc('vpc-1', 'prod'), vpc('vpc-2', 'prod'), vpc('vpc-3', 'a/b'), vpc('vpc-4')] },
        ]),
        call('ec2:DescribeSubnets', [
          {
            Subnets: [
              { SubnetId: 'subnet-1', VpcId: 'vpc-3', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'ap-northeast-1a' },
              {
                SubnetId: 'subnet-2',
                VpcId: 'vpc-3',
                CidrBlock: '10.0.2.0/24',
                AvailabilityZone: 'ap-northeast-1a',
                Tags: tags('web'),
              },
            ],
          },
        ]),
      ]),
      scope([call('ec2:DescribeVpcs', [{ Vpcs: [vpc('vpc-5', 'a-b')] }])], '444455556666'),
    );
    expect(c.model.vpcs.map((v) => v.id)).toEqual(['vpc-1', 'vpc-2', 'vpc-3', 'vpc-4', 'vpc-5']);
    expect(c.model.subnets.map((s) => s.id)).toEqual(['vpc-3/subnet-1', 'vpc-3/web']);
    expect(c.model.vpcs.map((v) => v.account)).toEqual([A, A, A, A, '444455556666']);
    expect(c.model.vpcs[4]?.prov).toMatchObject({
      source: 'aws',
      file: 'aws:444455556666/ap-northeast-1',
      originalId: 'vpc-5',
    });
  });
});

describe('what the model cannot follow', () => {
  it('routes through targets wspl does not model are UNKNOWN references with a warning; gateway endpoint routes are dropped', () => {
    const c = convert(
      scope([
        call('ec2:DescribeVpcs', [{ Vpcs: [vpc('vpc-1', 'v')] }]),
        call('ec2:DescribeRouteTables', [
          {
            RouteTables: [
              {
                RouteTableId: 'rtb-1',
                VpcId: 'vpc-1',
                Associations: [{ Main: true }],
                Routes: [
                  { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
                  { DestinationCidrBlock: '0.0.0.0/0', NetworkInterfaceId: 'eni-9', State: 'active' },
                  { DestinationPrefixListId: 'pl-s3', GatewayId: 'vpce-1', State: 'active' },
                  { DestinationCidrBlock: '192.168.0.0/16', NatGatewayId: 'nat-gone', State: 'blackhole' },
                ],
              },
            ],
          },
        ]),
      ]),
    );
    expect(c.model.routeTables[0]?.routes.map((r) => [r.destination, r.target])).toEqual([
      ['10.0.0.0/16', { kind: 'local' }],
      ['0.0.0.0/0', { kind: 'instance', id: 'eni-9' }],
      ['192.168.0.0/16', { kind: 'blackhole' }],
    ]);
    expect(c.diagnostics.map((d) => d.code)).toEqual(['aws-route-not-followed']);
    expect(c.model.vpcs[0]?.mainRouteTable).toBe('v/rtb-1');
  });

  it('keeps AWS-managed prefix lists only when used, drops ACL catch-alls, names the default ACL "default"', () => {
    const c = convert(
      scope([
        call('ec2:DescribeVpcs', [{ Vpcs: [vpc('vpc-1', 'v')] }]),
        call('ec2:DescribeManagedPrefixLists', [
          {
            PrefixLists: [
              { PrefixListId: 'pl-aws', PrefixListName: 'com.amazonaws.ap-northeast-1.s3', OwnerId: 'AWS' },
              { PrefixListId: 'pl-mine', PrefixListName: 'offices', OwnerId: A },
            ],
          },
        ]),
        call('ec2:GetManagedPrefixListEntries', [{ Entries: [{ Cidr: '192.0.2.0/24' }] }], { PrefixListId: 'pl-mine' }),
        call('ec2:DescribeNetworkAcls', [
          {
            NetworkAcls: [
              {
                NetworkAclId: 'acl-1',
                VpcId: 'vpc-1',
                IsDefault: true,
                Tags: tags('whatever'),
                Entries: [
                  {
                    RuleNumber: 100,
                    Protocol: '6',
                    RuleAction: 'allow',
                    Egress: false,
                    CidrBlock: '0.0.0.0/0',
                    PortRange: { From: 443, To: 443 },
                  },
                  { RuleNumber: 110, Protocol: '58', RuleAction: 'allow', Egress: false, Ipv6CidrBlock: '::/0' },
                  { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
                ],
              },
            ],
          },
        ]),
      ]),
    );
    expect(c.model.prefixLists.map((p) => [p.id, p.cidrs])).toEqual([['offices', ['192.0.2.0/24']]]);
    expect(c.model.networkAcls[0]).toMatchObject({
      id: 'v/default',
      ingress: [{ number: 100, protocol: 'tcp', fromPort: 443 }],
    });
    expect(c.model.networkAcls[0]?.ingress).toHaveLength(1);
  });

  it('takes the internet gateway from active routes when gateways could not be listed', () => {
    const c = convert(
      scope([
        call('ec2:DescribeVpcs', [{ Vpcs: [vpc('vpc-1', 'v')] }]),
        {
          action: 'ec2:DescribeInternetGateways',
          input: {},
          pages: [],
          error: { code: 'UnauthorizedOperation', message: 'no' },
        },
        call('ec2:DescribeRouteTables', [
          {
            RouteTables: [
              {
                RouteTableId: 'rtb-1',
                VpcId: 'vpc-1',
                Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-7', State: 'active' }],
              },
            ],
          },
        ]),
      ]),
    );
    expect(c.model.vpcs[0]?.internetGateway).toBe('igw-7');
    expect(c.diagnostics[0]).toMatchObject({ code: 'aws-access-denied', field: 'ec2:DescribeInternetGateways' });
  });

  it('reads endpoint states in any case, and says which ones it had to translate', () => {
    const ep = (id: string, State: string) => ({
      VpcEndpointId: id,
      VpcId: 'vpc-1',
      ServiceName: 's',
      VpcEndpointType: 'Interface',
      State,
    });
    const c = convert(
      scope([
        call('ec2:DescribeVpcs', [{ Vpcs: [vpc('vpc-1', 'v')] }]),
        call('ec2:DescribeVpcEndpoints', [
          { VpcEndpoints: [ep('vpce-1', 'available'), ep('vpce-2', 'Available'), ep('vpce-3', 'partial')] },
        ]),
      ]),
    );
    expect(c.model.endpoints.map((e) => e.state)).toEqual(['available', 'available', 'failed']);
    expect(c.diagnostics.map((d) => d.code)).toEqual(['aws-endpoint-state']);
  });

  it('skips terminated instances and takes one with the source/destination check off as a NAT instance (inferred)', () => {
    const inst = (id: string, state: string, check: boolean) => ({
      InstanceId: id,
      VpcId: 'vpc-1',
      SubnetId: 'subnet-1',
      State: { Name: state },
      SourceDestCheck: check,
    });
    const c = convert(
      scope([
        call('ec2:DescribeVpcs', [{ Vpcs: [vpc('vpc-1', 'v')] }]),
        call('ec2:DescribeSubnets', [
          {
            Subnets: [
              { SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'ap-northeast-1a' },
            ],
          },
        ]),
        call('ec2:DescribeInstances', [
          {
            Reservations: [
              {
                Instances: [
                  inst('i-1', 'running', false),
                  inst('i-2', 'terminated', true),
                  inst('i-3', 'stopping', true),
                ],
              },
            ],
          },
        ]),
      ]),
    );
    expect(c.model.instances.map((i) => [i.id, i.nat, i.state])).toEqual([
      ['v/i-1', true, 'running'],
      ['v/i-3', false, 'stopped'],
    ]);
  });
});

describe('partial and broken answers', () => {
  it('settles what a partial read names but does not hold, so the meaning checks pass and the gaps read UNKNOWN', () => {
    const c = convert(
      scope([
        call('ec2:DescribeVpcs', [{ Vpcs: [vpc('vpc-1', 'v')] }]),
        call('ec2:DescribeSubnets', [
          {
            Subnets: [
              { SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'ap-northeast-1a' },
            ],
          },
        ]),
        call('ec2:DescribeInstances', [
          {
            Reservations: [
              {
                Instances: [
                  {
                    InstanceId: 'i-1',
                    VpcId: 'vpc-1',
                    SubnetId: 'subnet-1',
                    State: { Name: 'running' },
                    SecurityGroups: [{ GroupId: 'sg-9' }],
                  },
                  { InstanceId: 'i-2', VpcId: 'vpc-1', SubnetId: 'subnet-gone', State: { Name: 'running' } },
                ],
              },
            ],
          },
        ]),
        call('ec2:DescribeVpcPeeringConnections', [
          {
            VpcPeeringConnections: [
              {
                VpcPeeringConnectionId: 'pcx-1',
                RequesterVpcInfo: { VpcId: 'vpc-1' },
                AccepterVpcInfo: { VpcId: 'vpc-elsewhere' },
                Status: { Code: 'active' },
              },
            ],
          },
        ]),
        call('ec2:DescribeVpcEndpoints', [
          {
            VpcEndpoints: [
              {
                VpcEndpointId: 'vpce-1',
                VpcId: 'vpc-1',
                ServiceName: 's',
                VpcEndpointType: 'Interface',
                State: 'available',
                SubnetIds: ['subnet-gone'],
              },
            ],
          },
        ]),
        call('workspaces:DescribeWorkspaceDirectories', [
          {
            Directories: [
              {
                DirectoryId: 'd-1',
                WorkspaceAccessProperties: {
                  AccessEndpointConfig: {
                    AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: 'vpce-1' }],
                  },
                },
              },
            ],
          },
        ]),
      ]),
    );
    expect(checkModel(c.model)).toEqual([]);
    expect(c.model.instances.map((i) => i.id)).toEqual(['v/i-1']);
    expect(c.model.securityGroups).toEqual([expect.objectContaining({ id: 'sg-9', rulesUnknown: expect.any(String) })]);
    expect(c.model.peerings).toEqual([]);
    expect(c.model.directories[0]).toMatchObject({ streamingEndpoint: null, streamingEndpointAwsId: 'vpce-1' });
    expect(c.diagnostics.map((d) => d.code).sort()).toEqual([
      'aws-groups-unknown',
      'aws-left-out',
      'aws-left-out',
      'aws-left-out',
    ]);
  });

  it('says which calls a snapshot lacks', () => {
    const c = convertScopes(
      [scope([call('ec2:DescribeVpcs', [{ Vpcs: [] }])])],
      { source: 'snapshot', file: 's.json' },
      's.json',
    );
    expect(c.diagnostics).toEqual([
      expect.objectContaining({
        code: 'aws-not-read',
        file: 's.json',
        message: expect.stringMatching(/^111122223333\/ap-northeast-1: not read: ec2:DescribeSubnets, /),
      }),
    ]);
  });

  it('a scope that could not be entered is one warning and nothing else', () => {
    const c = convert(scope([call('ec2:DescribeVpcs', [{ Vpcs: [vpc('vpc-1')] }])]), {
      account: '444455556666',
      region: R,
      calls: [],
      error: { code: 'AccessDenied', message: 'not authorized to perform: sts:AssumeRole' },
    });
    expect(c.nothingRead).toBe(false);
    expect(c.diagnostics).toEqual([
      expect.objectContaining({
        code: 'aws-access-denied',
        message: expect.stringMatching(/444455556666\/ap-northeast-1.*sts:AssumeRole/),
      }),
    ]);
  });

  it('never throws on arbitrary answers', () => {
    const junk = fc.jsonValue({ maxDepth: 4 });
    const actions: Action[] = [
      'ec2:DescribeVpcs',
      'ec2:DescribeRouteTables',
      'ec2:DescribeSecurityGroups',
      'workspaces:DescribeWorkspaceDirectories',
      'ec2:DescribeTransitGatewayAttachments',
      'ec2:DescribeVpcEndpoints',
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...actions), fc.array(junk, { maxLength: 3 }))), (calls) => {
        const raw = {
          account: A,
          region: R,
          calls: calls.map(([action, pages]) => ({ action, input: {}, pages })),
        } as unknown as RawScope;
        expect(() => convert(raw)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
