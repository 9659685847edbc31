import { IP_GROUPS_API, STREAMING_ENDPOINTS_GUIDE } from './sources.js';
import { streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';
import { ipGroupsBypassed } from '../workspaces/requirements.js';

// A silent security change: the admin still sees the IP groups on the directory, but nobody enforces them.
export default defineRule({
  meta: {
    id: 'directory-ip-groups-bypassed',
    description: 'IP access control groups stop applying once the directory has a streaming endpoint',
    severity: 'warning',
    messages: {
      bypassed:
        'directory {{directory}} has IP access control groups ({{groups}}) that no longer apply: it streams through endpoint {{endpoint}}',
    },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE, IP_GROUPS_API],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const { directory, endpointRef } of streamingSetups(model)) {
      const bypassed = ipGroupsBypassed(directory);
      if (bypassed.length === 0) {
        ctx.pass(directory.id);
        continue;
      }
      ctx.report({
        resource: directory.id,
        messageId: 'bypassed',
        data: { directory: directory.id, groups: bypassed.join(', '), endpoint: endpointRef },
      });
    }
  },
});
