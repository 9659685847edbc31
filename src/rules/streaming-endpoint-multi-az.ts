import { STREAMING_ENDPOINTS_GUIDE } from './sources.js';
import { distinctEndpoints, streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';

// With one AZ, an AZ outage takes every PrivateLink stream down, and DCV then has no internet path to fall back to.
export default defineRule({
  meta: {
    id: 'streaming-endpoint-multi-az',
    description: 'The streaming endpoint should have subnets in at least two Availability Zones',
    severity: 'warning',
    messages: {
      singleAz: 'endpoint {{endpoint}} has ENIs in one Availability Zone only ({{azs}}); use subnets in two or more',
    },
    sources: [STREAMING_ENDPOINTS_GUIDE],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const { endpoint } of distinctEndpoints(streamingSetups(model))) {
      if (!endpoint) continue;
      const subnets = endpoint.subnets.map((id) => model.subnets.find((s) => s.id === id));
      const unknownSubnets = endpoint.subnets.filter((_, i) => subnets[i] === undefined);
      const azs = [...new Set(subnets.flatMap((s) => (s ? [s.az] : [])))];
      if (azs.length >= 2) ctx.pass(endpoint.id);
      else if (unknownSubnets.length > 0) {
        ctx.unknown({ resource: endpoint.id, missing: unknownSubnets.map((s) => `subnet ${s} (not in the model)`) });
      } else {
        ctx.report({
          resource: endpoint.id,
          messageId: 'singleAz',
          data: { endpoint: endpoint.id, azs: azs.join(', ') || 'none' },
        });
      }
    }
  },
});
