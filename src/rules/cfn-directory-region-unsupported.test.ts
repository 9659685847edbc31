import rule from './cfn-directory-region-unsupported.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';
import { cfn } from './testing/template.js';

const DIRECTORY = `Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Dir:
    Type: AWS::WorkSpaces::Directory
    Properties: { WorkspaceDirectoryName: corp }
`;

ruleTester(rule, {
  valid: [
    { name: 'a directory of a design file is not a CloudFormation resource', model: seed() },
    {
      name: 'AWS::WorkSpaces::Directory in us-east-1, where CloudFormation offers it',
      model: () => cfn(DIRECTORY, { region: 'us-east-1' }),
    },
    { name: 'in eu-central-1', model: () => cfn(DIRECTORY, { region: 'eu-central-1' }) },
  ],
  invalid: [
    {
      name: 'in Tokyo, the seed Region, which the validator data leaves out',
      model: () => cfn(DIRECTORY),
      errors: [{ messageId: 'notOffered', resource: 'Dir', data: { region: 'ap-northeast-1' } }],
    },
    {
      name: 'in eu-west-1',
      model: () => cfn(DIRECTORY, { region: 'eu-west-1' }),
      errors: [{ messageId: 'notOffered', resource: 'Dir', data: { region: 'eu-west-1' } }],
    },
  ],
  unknown: [
    {
      name: 'in a Region the table does not cover',
      model: () => cfn(DIRECTORY, { region: 'eu-north-1' }),
      unknown: ['Dir'],
    },
  ],
});
