import { STREAMING_ENDPOINTS_GUIDE } from './sources.js';
import { reportTaggedBlockers } from './support/engine-rules.js';
import { defineRule } from './types.js';

// Internet clients are skipped: a private endpoint is unreachable for them by design (internet-clients-cut-off).
export default defineRule({
  meta: {
    id: 'client-route-to-endpoint',
    description: 'Every client network must be able to reach an endpoint ENI on some streaming transport',
    severity: 'error',
    messages: {
      blocked: 'client {{client}} cannot reach the streaming endpoint: {{detail}}',
    },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE],
    usesEngine: true,
  },
  check(model, ctx) {
    reportTaggedBlockers(model, ctx, 'client-route-to-endpoint', 'blocked', { skipInternetClients: true });
  },
});
