// Where CloudFormation offers the WorkSpaces directory resource type. The one table of it, with its source:
// the CloudFormation validator bundled with aws-cdk-lib 2.276.0 (@aws/cloudformation-validate 1.14.0, rule F3006,
// a warning on `cdk synth`), read on 2026-11-30 (research: next-round §0 item 1, §B.1). It comes from the validator's
// bundled resource schemas, not from live CloudFormation, and names only the Regions it was asked about: for any
// other Region the answer is unknown.

export const WORKSPACES_DIRECTORY_TYPE = 'AWS::WorkSpaces::Directory';

export const WORKSPACES_DIRECTORY_AVAILABILITY = {
  source: 'aws-cdk-lib 2.276.0 bundled CloudFormation validator (@aws/cloudformation-validate 1.14.0, F3006)',
  offered: ['us-east-1', 'us-west-2', 'eu-central-1', 'ap-south-1'],
  notOffered: [
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
  ],
} as const;

/** True or false where the table says; undefined for a Region it does not cover. */
export function cloudFormationOffersDirectory(region: string): boolean | undefined {
  const t = WORKSPACES_DIRECTORY_AVAILABILITY;
  if ((t.offered as readonly string[]).includes(region)) return true;
  if ((t.notOffered as readonly string[]).includes(region)) return false;
  return undefined;
}
