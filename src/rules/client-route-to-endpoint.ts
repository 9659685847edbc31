import { STREAMING_ENDPOINTS_GUIDE } from './sources.js';
import { reportTaggedBlockers, sharedTracesByClient } from './support/engine-rules.js';
import { defineRule } from './types.js';

// Internet clients are skipped: a private endpoint is unreachable for them by design (internet-clients-cut-off).
export default defineRule({
  meta: {
    id: 'client-route-to-endpoint',
    description: 'Every client network must be able to reach an endpoint ENI on some streaming transport',
    severity: 'error',
    messages: {
      blocked: 'client {{client}} cannot reach the streaming endpoint: {{detail}}',
      addressUnreachable: 'client {{client}} reaches the endpoint, but not every address of its name: {{detail}}',
    },
    // One unreachable ENI does not stop the session (another address answers), but a client that tries it first
    // may fail or be slow to fall over: worth a warning, not an error.
    messageSeverity: { addressUnreachable: 'warning' },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE],
    usesEngine: true,
  },
  check(model, ctx) {
    reportTaggedBlockers(model, ctx, 'client-route-to-endpoint', 'blocked', { skipInternetClients: true });
    const byClient = sharedTracesByClient(
      ctx,
      model.clients.filter((c) => c.at.kind !== 'internet'),
    );
    for (const [client, traces] of byClient ?? []) {
      const seen = new Set<object>();
      for (const t of traces) {
        if (seen.has(t.warnings)) continue;
        seen.add(t.warnings);
        for (const w of t.warnings) {
          if (w.code === 'endpoint-address-unreachable')
            ctx.report({ resource: client, messageId: 'addressUnreachable', data: { client, detail: { warning: w } } });
        }
      }
    }
  },
});
