import { STREAMING_ENDPOINTS_GUIDE, PORT_REQUIREMENTS } from './sources.js';
import { reportTaggedBlockers } from './support/engine-rules.js';
import { defineRule } from './types.js';

// Seed 4-1: with the NAT stopped the client fails while entering the registration code; PrivateLink carries only
// the stream.
export default defineRule({
  meta: {
    id: 'client-internet-for-auth',
    description: 'Every client network needs internet TCP and UDP 443 for registration, login and the broker',
    severity: 'error',
    messages: {
      blocked: 'client {{client}} cannot reach the internet on TCP/UDP 443 for registration and login: {{detail}}',
      partly: 'client {{client}}: {{detail}}',
    },
    messageSeverity: { partly: 'warning' },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE, PORT_REQUIREMENTS],
    usesEngine: true,
  },
  check(model, ctx) {
    reportTaggedBlockers(model, ctx, 'client-internet-for-auth', 'blocked', { warningMessageId: 'partly' });
  },
});
