// wspl-cdk's custom resources (cdk/src/provider.ts) as the CloudFormation source reads them: a Simple AD registered
// with WorkSpaces, its access endpoint set apart from it, an instance kept stopped.
import { describe, expect, it } from 'vitest';
import { brief, model, problems, template } from '../iac/fixtures.test-helpers.js';
import { WSPL_CDK_TYPES } from './resources-wspl-cdk.js';

const BASE = `  A: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: ap-northeast-1a } }
  C: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: ap-northeast-1c } }
  Sg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: x, VpcId: !Ref Vpc } }
  Endpoint: { Type: AWS::EC2::VPCEndpoint, Properties: { VpcId: !Ref Vpc, ServiceName: com.amazonaws.ap-northeast-1.highlander, VpcEndpointType: Interface, PrivateDnsEnabled: true, SubnetIds: [!Ref A, !Ref C], SecurityGroupIds: [!Ref Sg] } }
  Ad: { Type: AWS::DirectoryService::SimpleAD, Properties: { Name: corp.example, Password: x, Size: Small, VpcSettings: { VpcId: !Ref Vpc, SubnetIds: [!Ref A, !Ref C] } } }
  Corp: { Type: Custom::WorkSpacesDirectoryRegistration, Properties: { ServiceToken: arn:aws:lambda:ap-northeast-1:111122223333:function:f, DirectoryId: !Ref Ad, SubnetIds: [!Ref A, !Ref C], Tenancy: SHARED } }
  Desk: { Type: AWS::WorkSpaces::Workspace, Properties: { DirectoryId: !GetAtt Corp.DirectoryId, BundleId: wsb-1, UserName: u } }
  Box: { Type: AWS::EC2::Instance, Properties: { ImageId: ami-1, SubnetId: !Ref A, SecurityGroupIds: [!Ref Sg] } }
`;
const access = (fallback: string, directory = '!GetAtt Corp.DirectoryId') =>
  `  Access: { Type: Custom::WorkSpacesAccessEndpoint, Properties: { ServiceToken: arn:aws:lambda:ap-northeast-1:111122223333:function:f, DirectoryId: ${directory}, AccessEndpointConfig: { AccessEndpoints: [{ AccessEndpointType: STREAMING_WSP, VpcEndpointId: !Ref Endpoint }], InternetFallbackProtocols: ${fallback} } } }\n`;
const state = (s: string) =>
  `  Stop: { Type: Custom::EC2InstanceState, Properties: { ServiceToken: arn:aws:lambda:ap-northeast-1:111122223333:function:f, InstanceId: !Ref Box, State: ${s} } }\n`;

describe("wspl-cdk's custom resources", () => {
  it('are the types cdk/ makes', () => {
    expect(Object.values(WSPL_CDK_TYPES).sort()).toEqual([
      'Custom::EC2InstanceState',
      'Custom::WorkSpacesAccessEndpoint',
      'Custom::WorkSpacesDirectoryRegistration',
    ]);
  });

  it('a registered directory gets the access endpoint set apart from it; its WorkSpaces are in it; the instance is stopped', async () => {
    const m = await model({ 't.yaml': template(BASE + access('[PCOIP]') + state('stopped')) });
    expect(m.directories).toMatchObject([
      {
        id: 'Corp',
        type: 'personal',
        vpc: 'Vpc',
        subnets: ['Vpc/A', 'Vpc/C'],
        streamingEndpoint: 'Vpc/Endpoint',
        pcoipOverInternet: true,
        encryption: 'standard-tls',
      },
    ]);
    expect(m.workspaces).toMatchObject([{ id: 'Desk', directory: 'Corp' }]);
    expect(m.instances).toMatchObject([{ id: 'Vpc/Box', state: 'stopped' }]);
  });

  it('named by the Directory Service directory too; without the setting a registered directory has no endpoint; running by default', async () => {
    const m = await model({ 't.yaml': template(BASE + access('[]', '!Ref Ad')) });
    expect(m.directories[0]).toMatchObject({ streamingEndpoint: 'Vpc/Endpoint', pcoipOverInternet: false });
    expect(m.instances[0]?.state).toBe('running');
    const bare = await model({ 't.yaml': template(BASE) });
    expect(bare.directories[0]).toMatchObject({ streamingEndpoint: null, pcoipOverInternet: false });
  });

  it('a state other than running or stopped is refused, naming the field; two settings for one directory are said', async () => {
    expect(brief(await problems({ 't.yaml': template(BASE + state('paused')) }), 'error')).toEqual([
      '13:148 wrong-type',
    ]);
    const twice = BASE + access('[]') + access('[PCOIP]').replace('Access:', 'Access2:');
    expect(brief(await problems({ 't.yaml': template(twice) }), 'warning')).toContain('14:3 several-access-settings');
  });
});
