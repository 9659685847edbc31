import { PORT_REQUIREMENTS } from './sources.js';
import { reportTaggedBlockers } from './support/engine-rules.js';
import { defineRule } from './types.js';

// DCV over 443 came with Windows/macOS client 5.23.0 and Linux 2024.7 (AWS announcement, Nov 2024).
export default defineRule({
  meta: {
    id: 'client-version-443-fallback',
    description: 'Clients that must fall back to port 443 need a client version that can',
    severity: 'warning',
    messages: {
      blocked: 'client {{client}} is too old to stream over 443 where 4195 is blocked: {{detail}}',
    },
    sources: [PORT_REQUIREMENTS],
    usesEngine: true,
  },
  check(model, ctx) {
    reportTaggedBlockers(model, ctx, 'client-version-443-fallback', 'blocked');
  },
});
