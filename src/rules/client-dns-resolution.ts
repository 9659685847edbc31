import { RESOLVER_INBOUND_GUIDE, STREAMING_ENDPOINTS_GUIDE } from './sources.js';
import { reportTaggedBlockers } from './support/engine-rules.js';
import { defineRule } from './types.js';

// The private name answers only through the endpoint VPC's resolver; other networks need a forwarding path into
// it (Route 53 Resolver inbound endpoint). Internet clients are left to internet-clients-cut-off.
export default defineRule({
  meta: {
    id: 'client-dns-resolution',
    description: 'Every client network must resolve the private streaming name to the endpoint',
    severity: 'error',
    messages: {
      blocked: 'client {{client}} cannot resolve the private streaming name to the endpoint: {{detail}}',
    },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE, RESOLVER_INBOUND_GUIDE, 'inferred'],
    usesEngine: true,
  },
  check(model, ctx) {
    reportTaggedBlockers(model, ctx, 'client-dns-resolution', 'blocked', {
      skipInternetClients: true,
      // Private DNS off or VPC DNS off is the cause; those rules name the setting to change.
      coveredBy: ['streaming-endpoint-private-dns', 'streaming-endpoint-vpc-dns'],
    });
  },
});
