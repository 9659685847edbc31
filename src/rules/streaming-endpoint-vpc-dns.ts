import { STREAMING_ENDPOINTS_GUIDE } from './sources.js';
import { distinctEndpoints, streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';
import { vpcDnsOn } from '../workspaces/requirements.js';

// Private DNS of an interface endpoint only works in a VPC with both DNS attributes on (EC2 refuses to enable it
// otherwise, and turning them off later silently breaks resolution).
export default defineRule({
  meta: {
    id: 'streaming-endpoint-vpc-dns',
    description: 'The VPC of the streaming endpoint must have DNS support and DNS hostnames enabled',
    severity: 'error',
    messages: {
      dnsSupportOff: 'VPC {{vpc}} of endpoint {{endpoint}} has DNS support (enableDnsSupport) off',
      dnsHostnamesOff: 'VPC {{vpc}} of endpoint {{endpoint}} has DNS hostnames (enableDnsHostnames) off',
    },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const { endpoint, vpc } of distinctEndpoints(streamingSetups(model))) {
      if (!endpoint) continue;
      if (!vpc) {
        ctx.unknown({ resource: endpoint.id, missing: [`VPC ${endpoint.vpc} (not in the model)`] });
        continue;
      }
      const data = { vpc: vpc.id, endpoint: endpoint.id };
      const v = vpcDnsOn(vpc, endpoint);
      for (const x of v.violations) {
        if (x.reason.code !== 'vpc-dns-attributes-off') continue;
        if (!x.reason.support) ctx.report({ resource: vpc.id, messageId: 'dnsSupportOff', data });
        if (!x.reason.hostnames) ctx.report({ resource: vpc.id, messageId: 'dnsHostnamesOff', data });
      }
      const missing = [
        ...(vpc.dnsSupport === undefined ? [`${vpc.id}.dnsSupport`] : []),
        ...(vpc.dnsHostnames === undefined ? [`${vpc.id}.dnsHostnames`] : []),
      ];
      if (missing.length > 0) ctx.unknown({ resource: vpc.id, missing });
      else if (v.violations.length === 0) ctx.pass(vpc.id);
    }
  },
});
