import { CFN_DIRECTORY_RESOURCE } from './sources.js';
import { defineRule } from './types.js';

// Ref of an AWS::WorkSpaces::WorkspaceIpGroup gives its ARN; IpGroupIds takes group ids (wsipg-…), which only
// Fn::GetAtt … GroupId gives. CDK writes GetAtt (next-round §B.3); hand-written templates often write Ref.
export default defineRule({
  meta: {
    id: 'cfn-ip-group-ref-arn',
    description: 'IpGroupIds must take Fn::GetAtt <group>.GroupId, not Ref (which gives the group ARN)',
    severity: 'error',
    messages: {
      refGivesArn:
        'directory {{directory}} names IP access control group {{group}} with Ref, which gives its ARN; IpGroupIds takes the group id: write Fn::GetAtt {{group}}.GroupId',
    },
    // The WorkspaceIpGroup page is cited by title in the docs page: its address is not among the verified ones.
    sources: [CFN_DIRECTORY_RESOURCE],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const d of model.directories) {
      const refs = (d.prov.template?.references ?? []).filter(
        (r) => r.field === 'ipGroups' && r.targetType === 'AWS::WorkSpaces::WorkspaceIpGroup',
      );
      if (refs.length === 0) continue;
      let clean = true;
      for (const r of refs) {
        if (r.form !== 'Ref') continue;
        clean = false;
        const group = model.ipGroups.find((g) => g.id === r.target)?.prov.originalId ?? r.target;
        ctx.report({ resource: d.id, messageId: 'refGivesArn', data: { directory: d.id, group } });
      }
      if (clean) ctx.pass(d.id);
    }
  },
});
