import { PORT_REQUIREMENTS } from './sources.js';
import { reportTaggedBlockers } from './support/engine-rules.js';
import { defineRule } from './types.js';

// NACLs are stateless: the answer to a client's flow comes back to an ephemeral port (1024-65535) and needs its
// own allow rule in both subnets it crosses.
export default defineRule({
  meta: {
    id: 'nacl-return-traffic',
    description: 'Network ACLs must let the return traffic (ephemeral ports) of streaming and login flows pass',
    severity: 'error',
    messages: {
      blocked: 'client {{client}}: a network ACL drops return traffic: {{detail}}',
    },
    sources: [PORT_REQUIREMENTS],
    usesEngine: true,
  },
  check(model, ctx) {
    reportTaggedBlockers(model, ctx, 'nacl-return-traffic', 'blocked');
  },
});
