import { STREAMING_ENDPOINTS_GUIDE, VPC_ENDPOINT_API } from './sources.js';
import { distinctEndpoints, streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';
import { privateDnsOn } from '../workspaces/requirements.js';

// The client only ever asks for privatelink.prod.<region>.highlander.aws.a2z.com; without private DNS that name
// has no answer anywhere, so every probe fails.
export default defineRule({
  meta: {
    id: 'streaming-endpoint-private-dns',
    description: 'The streaming endpoint must have private DNS enabled',
    severity: 'error',
    messages: {
      privateDnsOff:
        'endpoint {{endpoint}} has private DNS off: privatelink.prod.{{region}}.highlander.aws.a2z.com will not resolve to it',
    },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE, VPC_ENDPOINT_API],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const { directory, endpoint } of distinctEndpoints(streamingSetups(model))) {
      if (!endpoint) continue;
      const v = privateDnsOn(endpoint);
      if (v.missing.length > 0) ctx.unknown({ resource: endpoint.id, missing: [`${endpoint.id}.privateDns`] });
      else if (v.violations.length > 0) {
        ctx.report({
          resource: endpoint.id,
          messageId: 'privateDnsOff',
          data: { endpoint: endpoint.id, region: directory.region },
        });
      } else ctx.pass(endpoint.id);
    }
  },
});
