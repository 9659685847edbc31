import { STREAMING_ENDPOINTS_GUIDE, VPC_ENDPOINT_API } from './sources.js';
import { streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';

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
      let ok = true;
      if (endpoint.owner !== directory.account) {
        ok = false;
        ctx.report({
          resource: endpoint.id,
          messageId: 'otherAccount',
          data: { endpoint: endpoint.id, owner: endpoint.owner, directory: directory.id, account: directory.account },
        });
      }
      if (vpc?.sharedFrom !== undefined && vpc.sharedFrom !== directory.account) {
        ok = false;
        ctx.report({
          resource: endpoint.id,
          messageId: 'sharedVpc',
          data: { endpoint: endpoint.id, vpc: vpc.id, owner: vpc.sharedFrom },
        });
      }
      if (ok) ctx.pass(endpoint.id);
    }
  },
});
