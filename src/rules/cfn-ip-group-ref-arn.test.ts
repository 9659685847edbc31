import rule from './cfn-ip-group-ref-arn.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';
import { cfn } from './testing/template.js';

function directory(ipGroupIds: string): string {
  return `Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Office:
    Type: AWS::WorkSpaces::WorkspaceIpGroup
    Properties: { GroupName: office, UserRules: [{ IpRule: 192.0.2.0/24 }] }
  Home:
    Type: AWS::WorkSpaces::WorkspaceIpGroup
    Properties: { GroupName: home, UserRules: [{ IpRule: 198.51.100.0/24 }] }
  Dir:
    Type: AWS::WorkSpaces::Directory
    Properties: { IpGroupIds: ${ipGroupIds} }
`;
}

ruleTester(rule, {
  valid: [
    { name: 'a design file names groups by name', model: seed('set:directories.corp.ipGroups=[office-only]') },
    {
      name: 'Fn::GetAtt GroupId, as CDK writes it',
      model: () => cfn(directory('[!GetAtt Office.GroupId, !GetAtt Home.GroupId]')),
    },
    { name: 'no IP groups', model: () => cfn(directory('[]')) },
  ],
  invalid: [
    {
      name: 'Ref gives the ARN',
      model: () => cfn(directory('[!Ref Office]')),
      errors: [{ messageId: 'refGivesArn', resource: 'Dir', data: { group: 'Office' } }],
    },
    {
      name: 'one of two by Ref, written through Fn::Sub',
      model: () => cfn(directory('[!GetAtt Office.GroupId, !Sub "${Home}"]')),
      errors: [{ messageId: 'refGivesArn', resource: 'Dir', data: { group: 'Home' } }],
    },
  ],
});
