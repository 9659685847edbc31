import { STREAMING_ENDPOINTS_GUIDE, WORKSPACE_DIRECTORY_API } from './sources.js';
import { streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';
import { personalOnly } from '../workspaces/requirements.js';

export default defineRule({
  meta: {
    id: 'directory-workspace-type',
    description: 'Streaming endpoints work for WorkSpaces Personal only, not for Pools directories',
    severity: 'error',
    messages: {
      pools:
        'directory {{directory}} is a WorkSpaces Pools directory; streaming endpoints serve WorkSpaces Personal only',
    },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE, WORKSPACE_DIRECTORY_API],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const { directory } of streamingSetups(model)) {
      if (personalOnly(directory).violations.length > 0)
        ctx.report({ resource: directory.id, messageId: 'pools', data: { directory: directory.id } });
      else ctx.pass(directory.id);
    }
  },
});
