// Where CloudFormation offers AWS::WorkSpaces::Directory, the one resource type that can set a directory's streaming
// endpoint. Source: the CloudFormation validator bundled with aws-cdk-lib 2.276.0 (@aws/cloudformation-validate
// 1.14.0, rule F3006), read on 2026-11-30 (wspl research notes, next-round §0 item 1 and §B.1). It comes from the
// validator's bundled schemas, not from live CloudFormation, and names only the Regions it was asked about: for any
// other Region the answer is unknown.
//
// wspl's own rule `cfn-directory-region-unsupported` reads the same table (src/rules/support/
// cloudformation-availability.ts in the wspl repository); a test holds the two equal, so there is one set of facts.

export const WORKSPACES_DIRECTORY_TYPE = 'AWS::WorkSpaces::Directory';

export const DIRECTORY_AVAILABILITY_SOURCE =
  'the CloudFormation validator bundled with aws-cdk-lib 2.276.0 (@aws/cloudformation-validate 1.14.0, F3006)';

export const DIRECTORY_OFFERED: readonly string[] = ['us-east-1', 'us-west-2', 'eu-central-1', 'ap-south-1'];

export const DIRECTORY_NOT_OFFERED: readonly string[] = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'ca-central-1',
  'sa-east-1',
  'us-east-2',
  'af-south-1',
  'il-central-1',
  'us-gov-west-1',
  'us-gov-east-1',
];

/** True or false where the table says; undefined for a Region it does not cover (or a Region not known at synth). */
export function cloudFormationOffersDirectory(region: string): boolean | undefined {
  if (DIRECTORY_OFFERED.includes(region)) return true;
  if (DIRECTORY_NOT_OFFERED.includes(region)) return false;
  return undefined;
}
