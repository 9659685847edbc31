// Every resource type the CloudFormation source reads, in one template, and what each becomes in the model.
import { describe, expect, it } from 'vitest';
import { brief, read } from '../iac/fixtures.test-helpers.js';
import { MODELLED_TYPES } from './convert.js';

const TEMPLATE = `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Extra: { Type: AWS::EC2::VPCCidrBlock, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.9.0.0/16 } }
  Peer: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.1.0.0/16 } }
  A: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a } }
  B: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.9.1.0/24, AvailabilityZone: us-east-1b } }
  P: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Peer, CidrBlock: 10.1.1.0/24, AvailabilityZone: us-east-1a } }
  Igw: { Type: AWS::EC2::InternetGateway }
  IgwAttach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
  Vgw: { Type: AWS::EC2::VPNGateway, Properties: { Type: ipsec.1 } }
  VgwAttach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, VpnGatewayId: !Ref Vgw } }
  Cgw: { Type: AWS::EC2::CustomerGateway, Properties: { IpAddress: 198.51.100.9, BgpAsn: 65000, Type: ipsec.1 } }
  Vpn: { Type: AWS::EC2::VPNConnection, Properties: { Type: ipsec.1, CustomerGatewayId: !Ref Cgw, VpnGatewayId: !Ref Vgw, StaticRoutesOnly: true } }
  VpnRoute: { Type: AWS::EC2::VPNConnectionRoute, Properties: { VpnConnectionId: !Ref Vpn, DestinationCidrBlock: 192.168.0.0/16 } }
  Rt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  Propagation: { Type: AWS::EC2::VPNGatewayRoutePropagation, DependsOn: VgwAttach, Properties: { VpnGatewayId: !Ref Vgw, RouteTableIds: [!Ref Rt] } }
  ToIgw: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }
  ToPeer: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Rt, DestinationCidrBlock: 10.1.0.0/16, VpcPeeringConnectionId: !Ref Peering } }
  ToList: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Rt, DestinationPrefixListId: !Ref List, GatewayId: !Ref Vgw } }
  AAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref A, RouteTableId: !Ref Rt } }
  List: { Type: AWS::EC2::PrefixList, Properties: { PrefixListName: office, AddressFamily: IPv4, MaxEntries: 2, Entries: [{ Cidr: 192.168.0.0/16 }] } }
  Peering: { Type: AWS::EC2::VPCPeeringConnection, Properties: { VpcId: !Ref Vpc, PeerVpcId: !Ref Peer } }
  Eip: { Type: AWS::EC2::EIP, Properties: { Domain: vpc } }
  Nat: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: !Ref A, AllocationId: !GetAtt Eip.AllocationId } }
  Sg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: x, VpcId: !Ref Vpc, SecurityGroupEgress: [] } }
  SgIn: { Type: AWS::EC2::SecurityGroupIngress, Properties: { GroupId: !Ref Sg, IpProtocol: tcp, FromPort: 443, ToPort: 443, SourcePrefixListId: !Ref List } }
  SgOut: { Type: AWS::EC2::SecurityGroupEgress, Properties: { GroupId: !Ref Sg, IpProtocol: "-1", DestinationSecurityGroupId: !Ref Sg } }
  Box: { Type: AWS::EC2::Instance, Properties: { ImageId: ami-1, NetworkInterfaces: [{ DeviceIndex: "0", SubnetId: !Ref A, GroupSet: [!Ref Sg], AssociatePublicIpAddress: true }] } }
  BoxEip: { Type: AWS::EC2::EIPAssociation, Properties: { InstanceId: !Ref Box, AllocationId: !GetAtt Eip.AllocationId } }
  Acl: { Type: AWS::EC2::NetworkAcl, Properties: { VpcId: !Ref Vpc } }
  AclIn: { Type: AWS::EC2::NetworkAclEntry, Properties: { NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: { From: 443, To: 443 } } }
  AclOut: { Type: AWS::EC2::NetworkAclEntry, Properties: { NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: -1, RuleAction: deny, Egress: true, CidrBlock: 0.0.0.0/0 } }
  AclB: { Type: AWS::EC2::SubnetNetworkAclAssociation, Properties: { NetworkAclId: !Ref Acl, SubnetId: !Ref B } }
  Endpoint: { Type: AWS::EC2::VPCEndpoint, Properties: { VpcId: !Ref Vpc, ServiceName: com.amazonaws.us-east-1.highlander, VpcEndpointType: Interface, PrivateDnsEnabled: true, SubnetIds: [!Ref A, !Ref B], SecurityGroupIds: [!Ref Sg], DnsOptions: { DnsRecordIpType: dualstack }, IpAddressType: dualstack } }
  Tgw: { Type: AWS::EC2::TransitGateway }
  TgwRt: { Type: AWS::EC2::TransitGatewayRouteTable, Properties: { TransitGatewayId: !Ref Tgw } }
  TgwAtt: { Type: AWS::EC2::TransitGatewayVpcAttachment, Properties: { TransitGatewayId: !Ref Tgw, VpcId: !Ref Peer, SubnetIds: [!Ref P] } }
  TgwAtt2: { Type: AWS::EC2::TransitGatewayAttachment, Properties: { TransitGatewayId: !Ref Tgw, VpcId: !Ref Vpc, SubnetIds: [!Ref A] } }
  TgwAssoc: { Type: AWS::EC2::TransitGatewayRouteTableAssociation, Properties: { TransitGatewayRouteTableId: !Ref TgwRt, TransitGatewayAttachmentId: !Ref TgwAtt2 } }
  TgwProp: { Type: AWS::EC2::TransitGatewayRouteTablePropagation, Properties: { TransitGatewayRouteTableId: !Ref TgwRt, TransitGatewayAttachmentId: !Ref TgwAtt2 } }
  TgwRoute: { Type: AWS::EC2::TransitGatewayRoute, Properties: { TransitGatewayRouteTableId: !Ref TgwRt, DestinationCidrBlock: 10.1.0.0/16, TransitGatewayAttachmentId: !Ref TgwAtt } }
  Dhcp: { Type: AWS::EC2::DHCPOptions, Properties: { DomainNameServers: [10.0.1.10] } }
  DhcpAssoc: { Type: AWS::EC2::VPCDHCPOptionsAssociation, Properties: { VpcId: !Ref Peer, DhcpOptionsId: !Ref Dhcp } }
  Inbound: { Type: AWS::Route53Resolver::ResolverEndpoint, Properties: { Direction: INBOUND, SecurityGroupIds: [!Ref Sg], IpAddresses: [{ SubnetId: !Ref A, Ip: 10.0.1.53 }, { SubnetId: !Ref B }] } }
  Outbound: { Type: AWS::Route53Resolver::ResolverEndpoint, Properties: { Direction: OUTBOUND, SecurityGroupIds: [!Ref Sg], IpAddresses: [{ SubnetId: !Ref A }, { SubnetId: !Ref B }] } }
  Rule: { Type: AWS::Route53Resolver::ResolverRule, Properties: { DomainName: corp.example., RuleType: FORWARD, ResolverEndpointId: !Ref Outbound, TargetIps: [{ Ip: 192.168.0.53, Port: 53 }] } }
  RuleAssoc: { Type: AWS::Route53Resolver::ResolverRuleAssociation, Properties: { ResolverRuleId: !Ref Rule, VPCId: !Ref Vpc } }
  Ad: { Type: AWS::DirectoryService::SimpleAD, Properties: { Name: corp.example, Password: x, Size: Small, VpcSettings: { VpcId: !Ref Vpc, SubnetIds: [!Ref A, !Ref B] } } }
  Managed: { Type: AWS::DirectoryService::MicrosoftAD, Properties: { Name: ms.example, Password: x, VpcSettings: { VpcId: !Ref Vpc, SubnetIds: [!Ref A, !Ref B] } } }
  LegacyDesk: { Type: AWS::WorkSpaces::Workspace, Properties: { DirectoryId: !Ref Ad, BundleId: wsb-1, UserName: u } }
  Group: { Type: AWS::WorkSpaces::WorkspaceIpGroup, Properties: { GroupName: g, UserRules: [{ IpRule: 192.0.2.0/24 }] } }
  Dir:
    Type: AWS::WorkSpaces::Directory
    Properties:
      SubnetIds: [!Ref A, !Ref B]
      IpGroupIds: [!GetAtt Group.GroupId]
      EndpointEncryptionMode: FIPS_VALIDATED
      StreamingProperties: { GlobalAccelerator: { Mode: ENABLED_AUTO }, StreamingExperiencePreferredProtocol: TCP }
      WorkspaceAccessProperties:
        DeviceTypeLinux: DENY
        AccessEndpointConfig: { AccessEndpoints: [{ AccessEndpointType: STREAMING_WSP, VpcEndpointId: !Ref Endpoint }], InternetFallbackProtocols: [PCOIP] }
  Desk: { Type: AWS::WorkSpaces::Workspace, Properties: { DirectoryId: !GetAtt Dir.DirectoryId, BundleId: wsb-1, UserName: u } }
  Pool: { Type: AWS::WorkSpaces::WorkspacesPool, Properties: { PoolName: p, BundleId: wsb-1, DirectoryId: !GetAtt Dir.DirectoryId, Capacity: { DesiredUserSessions: 1 } } }
`;

describe('every resource type the CloudFormation source reads', () => {
  it('is in one template, and each becomes what AWS makes of it', async () => {
    const used = new Set([...TEMPLATE.matchAll(/Type: (AWS::[A-Za-z0-9:]+)/g)].map((m) => m[1]));
    // wspl-cdk's custom resource types have their own test (resources-wspl-cdk.test.ts).
    for (const t of MODELLED_TYPES.filter((x) => x.startsWith('AWS::'))) expect(used, t).toContain(t);
    const r = await read({ 't.yaml': TEMPLATE }, { region: 'us-east-1', account: '111122223333' });
    expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
    if (!r.ok) return;
    const m = r.model;
    expect(brief(r.diagnostics)).toEqual(['51:3 workspaces-left-out']);
    expect(r.diagnostics[0]?.message).toMatch(/LegacyDesk .* Ad is registered with WorkSpaces outside the input/);
    expect(m.vpcs.find((v) => v.id === 'Vpc')).toMatchObject({
      cidrs: ['10.0.0.0/16', '10.9.0.0/16'],
      internetGateway: 'Igw',
    });
    expect(
      m.routeTables
        .find((t) => t.id === 'Vpc/Rt')
        ?.routes.map((x) => `${x.destination}${x.prefixList ? ' (list)' : ''}>${x.target.kind}`),
    ).toEqual([
      '10.0.0.0/16>local',
      '10.9.0.0/16>local',
      '0.0.0.0/0>igw',
      '10.1.0.0/16>peering',
      'List (list)>vgw',
      '192.168.0.0/16>vgw',
    ]);
    expect(m.onPremises).toMatchObject([
      { id: 'onprem/Vpn', cidrs: ['192.168.0.0/16'], connections: [{ kind: 'vpn', via: 'vgw', vpc: 'Vpc' }] },
    ]);
    expect(m.prefixLists).toMatchObject([{ id: 'List', cidrs: ['192.168.0.0/16'] }]);
    expect(m.peerings).toMatchObject([{ requesterVpc: 'Vpc', accepterVpc: 'Peer', state: 'active' }]);
    expect(m.natGateways).toMatchObject([{ id: 'Vpc/Nat', subnet: 'Vpc/A', connectivity: 'public' }]);
    const sg = m.securityGroups.find((g) => g.id === 'Vpc/Sg');
    expect(sg?.ingress.map((x) => x.peer)).toEqual([{ kind: 'prefix-list', id: 'List' }]);
    expect(sg?.egress.map((x) => x.peer)).toEqual([{ kind: 'sg', id: 'Vpc/Sg' }]);
    expect(m.instances).toMatchObject([
      { id: 'Vpc/Box', subnet: 'Vpc/A', securityGroups: ['Vpc/Sg'], publicIpPending: true },
    ]);
    const acl = m.networkAcls.find((n) => n.id === 'Vpc/Acl');
    expect(acl).toMatchObject({
      subnets: ['Vpc/B'],
      ingress: [{ number: 100, protocol: 'tcp', fromPort: 443, toPort: 443 }],
      egress: [{ action: 'deny', protocol: 'all' }],
    });
    expect(m.networkAcls.find((n) => n.id === 'Vpc/default')?.subnets).toEqual(['Vpc/A']);
    expect(m.endpoints[0]).toMatchObject({
      type: 'Interface',
      dnsRecordIpType: 'dualstack',
      ipAddressType: 'dualstack',
      subnets: ['Vpc/A', 'Vpc/B'],
    });
    // TgwAtt takes the default table (default association and propagation are on); TgwAtt2 is associated with TgwRt
    // by hand and propagates into both.
    const tgw = m.transitGateways[0];
    expect(tgw?.attachments.map((x) => [x.id, x.routeTable])).toEqual([
      ['Tgw/TgwAtt', 'Tgw/default'],
      ['Tgw/TgwAtt2', 'Tgw/TgwRt'],
    ]);
    expect(
      tgw?.routeTables.map((t) => [
        t.id,
        t.routes.map((x) => `${x.destination}>${x.attachment ?? '-'}${x.propagated ? '*' : ''}`),
      ]),
    ).toEqual([
      ['Tgw/TgwRt', ['10.1.0.0/16>Tgw/TgwAtt', '10.0.0.0/16>Tgw/TgwAtt2*', '10.9.0.0/16>Tgw/TgwAtt2*']],
      ['Tgw/default', ['10.1.0.0/16>Tgw/TgwAtt*', '10.0.0.0/16>Tgw/TgwAtt2*', '10.9.0.0/16>Tgw/TgwAtt2*']],
    ]);
    expect(m.vpcs.find((v) => v.id === 'Peer')?.dhcpOptions).toMatchObject({ domainNameServers: ['10.0.1.10'] });
    expect(m.resolverEndpoints.map((x) => [x.id, x.direction, x.addresses.map((y) => y.ip)])).toEqual([
      ['Vpc/Inbound', 'inbound', ['10.0.1.53']],
      ['Vpc/Outbound', 'outbound', []],
    ]);
    expect(m.vpcs.find((v) => v.id === 'Vpc')?.resolverRules).toMatchObject([
      { domain: 'corp.example', to: ['192.168.0.53'], via: 'Vpc/Outbound' },
    ]);
    expect(m.directories[0]).toMatchObject({
      id: 'Dir',
      streamingEndpoint: 'Vpc/Endpoint',
      pcoipOverInternet: true,
      ipGroups: ['Group'],
      encryption: 'fips-validated',
      globalAccelerator: true,
      preferredProtocol: 'tcp',
      deniedDeviceTypes: ['linux'],
    });
    expect(m.workspaces.map((w) => w.id)).toEqual(['Desk']);
  });
});
