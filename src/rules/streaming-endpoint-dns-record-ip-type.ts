import { DNS_OPTIONS_API, STREAMING_ENDPOINTS_GUIDE } from './sources.js';
import { distinctEndpoints, streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';
import { dnsRecordIpType } from '../workspaces/requirements.js';

export default defineRule({
  meta: {
    id: 'streaming-endpoint-dns-record-ip-type',
    description: 'The streaming endpoint DNS record IP type must be ipv4 or ipv6 (dualstack is unsupported)',
    severity: 'error',
    messages: {
      dualstack: 'endpoint {{endpoint}} has DNS record IP type dualstack, which streaming endpoints do not support',
      // The guide names only dualstack; service-defined publishes the same A and AAAA pair, so it is treated alike.
      serviceDefined:
        'endpoint {{endpoint}} has DNS record IP type service-defined (A and AAAA records, like dualstack); use ipv4 or ipv6',
    },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE, DNS_OPTIONS_API, 'inferred'],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const { endpoint } of distinctEndpoints(streamingSetups(model))) {
      if (!endpoint) continue;
      const data = { endpoint: endpoint.id };
      const v = dnsRecordIpType(endpoint);
      const bad = v.violations[0];
      if (v.missing.length > 0) ctx.unknown({ resource: endpoint.id, missing: v.missing });
      else if (bad?.reason.code === 'dns-record-ip-type' && bad.reason.type === 'service-defined')
        ctx.report({ resource: endpoint.id, messageId: 'serviceDefined', data, inferred: true });
      else if (bad) ctx.report({ resource: endpoint.id, messageId: 'dualstack', data });
      else ctx.pass(endpoint.id);
    }
  },
});
