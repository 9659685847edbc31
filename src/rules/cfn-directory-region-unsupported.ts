import { CFN_DIRECTORY_RESOURCE } from './sources.js';
import { WORKSPACES_DIRECTORY_TYPE, cloudFormationOffersDirectory } from './support/cloudformation-availability.js';
import { defineRule } from './types.js';

// A template can only set the streaming endpoint through AWS::WorkSpaces::Directory, and that type is missing from
// most Regions (Tokyo, the seed's, among them): such a stack fails before anything is created.
export default defineRule({
  meta: {
    id: 'cfn-directory-region-unsupported',
    description: 'AWS::WorkSpaces::Directory must be offered by CloudFormation in the Region the template deploys to',
    severity: 'warning',
    messages: {
      notOffered:
        'directory {{directory}} is an AWS::WorkSpaces::Directory in {{region}}, where CloudFormation does not offer that type (per {{source}}): the stack would fail; register the directory and set its access endpoint with the WorkSpaces API instead',
    },
    sources: [CFN_DIRECTORY_RESOURCE, 'inferred'],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const d of model.directories) {
      if (d.prov.template?.resourceType !== WORKSPACES_DIRECTORY_TYPE) continue;
      const offered = cloudFormationOffersDirectory(d.region);
      if (offered === undefined) {
        ctx.unknown({
          resource: d.id,
          missing: [`whether CloudFormation offers ${WORKSPACES_DIRECTORY_TYPE} in ${d.region}`],
        });
      } else if (!offered) {
        ctx.report({
          resource: d.id,
          messageId: 'notOffered',
          data: { directory: d.id, region: d.region, source: 'the validator aws-cdk-lib 2.276.0 bundles' },
          // The table is the validator's bundled data, not an answer from CloudFormation itself.
          inferred: true,
        });
      } else ctx.pass(d.id);
    }
  },
});
