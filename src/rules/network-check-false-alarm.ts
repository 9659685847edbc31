import { PORT_REQUIREMENTS, TROUBLESHOOTING_GUIDE } from './sources.js';
import { sharedTracesByClient } from './support/engine-rules.js';
import { defineRule } from './types.js';

// Seed 4-2: the client's network check probes public health-check servers on 4195/4172; from a network that lets
// only 443 out it shows failures while the PrivateLink session works. Said here so nobody chases a false outage.
export default defineRule({
  meta: {
    id: 'network-check-false-alarm',
    description: "The client's network check will show failures that do not matter for PrivateLink streaming",
    severity: 'info',
    messages: {
      falseAlarm: 'client {{client}}: {{detail}}',
    },
    sources: ['seed', PORT_REQUIREMENTS, TROUBLESHOOTING_GUIDE],
    usesEngine: true,
  },
  check(model, ctx) {
    const byClient = sharedTracesByClient(ctx, model.clients);
    if (!byClient) return;
    for (const [client, traces] of byClient) {
      let warning: (typeof traces)[number]['warnings'][number] | undefined;
      for (const t of traces) {
        warning = t.warnings.find((w) => w.code === 'network-check-false-alarm');
        if (warning) break;
      }
      if (warning) {
        ctx.report({
          resource: client,
          messageId: 'falseAlarm',
          data: { client, detail: { warning } },
          inferred: warning.inferred === true,
        });
      } else if (traces.length > 0) ctx.pass(client);
    }
  },
});
