import { STREAMING_ENDPOINTS_GUIDE, VPC_ENDPOINT_API } from './sources.js';
import { distinctEndpoints, streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';
import { endpointAvailable } from '../workspaces/requirements.js';

export default defineRule({
  meta: {
    id: 'streaming-endpoint-state',
    description: 'The streaming endpoint must be Available',
    severity: 'error',
    messages: {
      notAvailable: 'endpoint {{endpoint}} is {{state}}, not available: no stream can pass through it',
    },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE, VPC_ENDPOINT_API],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const { endpoint } of distinctEndpoints(streamingSetups(model))) {
      if (!endpoint) continue;
      if (endpointAvailable(endpoint).violations.length === 0) ctx.pass(endpoint.id);
      else
        ctx.report({
          resource: endpoint.id,
          messageId: 'notAvailable',
          data: { endpoint: endpoint.id, state: endpoint.state },
        });
    }
  },
});
