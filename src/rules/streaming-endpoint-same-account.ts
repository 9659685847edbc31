import { STREAMING_ENDPOINTS_GUIDE, VPC_ENDPOINT_API } from './sources.js';
import { streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';
import { sameAccount } from '../workspaces/requirements.js';

export default defineRule({
  meta: {
    id: 'streaming-endpoint-same-account',
    description: 'The streaming endpoint must belong to the directory account and not sit in a VPC shared from another',
    severity: 'error',
    messages: {
      otherAccount:
        'endpoint {{endpoint}} is owned by account {{owner}}, but directory {{directory}} is in account {{account}}',
      sharedVpc:
        'endpoint {{endpoint}} is in VPC {{vpc}}, shared from account {{owner}}; endpoints in shared VPCs are unsupported',
    },
    sources: [STREAMING_ENDPOINTS_GUIDE, VPC_ENDPOINT_API],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const { directory, endpoint, vpc } of streamingSetups(model)) {
      if (!endpoint) continue;
      const { violations } = sameAccount(directory, endpoint, vpc);
      for (const v of violations) {
        if (v.reason.code === 'endpoint-other-account') {
          const { owner, account } = v.reason;
          ctx.report({
            resource: v.resource,
            messageId: 'otherAccount',
            data: { endpoint: endpoint.id, owner, directory: directory.id, account },
          });
        } else if (v.reason.code === 'endpoint-shared-vpc') {
          const { vpc: shared, owner } = v.reason;
          ctx.report({
            resource: v.resource,
            messageId: 'sharedVpc',
            data: { endpoint: endpoint.id, vpc: shared, owner },
          });
        }
      }
      if (violations.length === 0) ctx.pass(endpoint.id);
    }
  },
});
