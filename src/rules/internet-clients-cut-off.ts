import { STREAMING_ENDPOINTS_GUIDE } from './sources.js';
import { tracesByClient } from './support/engine-rules.js';
import { directoryHasEndpoint } from './support/streaming.js';
import { defineRule } from './types.js';

// Seed 4-3: from home the network check is all green, yet "No endpoints are reachable": once a directory has a
// streaming endpoint, the broker offers only the private name, so DCV over the internet is gone (R4).
export default defineRule({
  meta: {
    id: 'internet-clients-cut-off',
    description: 'Internet-only clients lose DCV streaming once the directory has a streaming endpoint',
    severity: 'warning',
    messages: {
      cutOff:
        'internet client {{client}} cannot stream DCV WorkSpace {{workspace}}: directory {{directory}} offers only its private endpoint',
    },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE],
    usesEngine: true,
  },
  check(model, ctx) {
    const internetClients = model.clients.filter((c) => c.at.kind === 'internet');
    const byClient = tracesByClient(ctx, internetClients);
    if (!byClient) return;
    for (const [client, traces] of byClient) {
      let cut = false;
      for (const trace of traces) {
        const ws = model.workspaces.find((w) => w.id === trace.workspace);
        if (!ws || ws.protocol !== 'dcv' || !directoryHasEndpoint(model, ws.directory)) continue;
        if (trace.outcome === 'NO_REACHABLE_ENDPOINT') {
          cut = true;
          ctx.report({
            resource: client,
            messageId: 'cutOff',
            data: { client, workspace: ws.id, directory: ws.directory },
          });
        } else if (trace.outcome === 'UNKNOWN') {
          ctx.unknown({ resource: client, missing: trace.missing });
        }
      }
      if (!cut) ctx.pass(client);
    }
  },
});
