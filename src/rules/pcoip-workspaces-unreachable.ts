import { ACCESS_ENDPOINT_CONFIG_API, STREAMING_ENDPOINTS_GUIDE } from './sources.js';
import { streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';
import { pcoipReachable } from '../workspaces/requirements.js';

// Seed 4-4: the broker answers RESOURCE_NOT_FOUND at once and the client shows an invalid-state error.
export default defineRule({
  meta: {
    id: 'pcoip-workspaces-unreachable',
    description: 'PCoIP WorkSpaces cannot connect in a directory with a streaming endpoint and no PCoIP fallback',
    severity: 'error',
    messages: {
      unreachable:
        'PCoIP WorkSpace {{workspace}} cannot connect: directory {{directory}} streams through an endpoint and has no PCoIP internet fallback',
    },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE, ACCESS_ENDPOINT_CONFIG_API],
    usesEngine: false,
  },
  check(model, ctx) {
    // Whether PCoIP can connect hangs on the access endpoint configuration; where it is unknown, so is the answer.
    for (const directory of model.directories) {
      if (directory.streamingEndpoint !== undefined) continue;
      for (const ws of model.workspaces) {
        if (ws.directory === directory.id && ws.protocol === 'pcoip')
          ctx.unknown({ resource: ws.id, missing: [`${directory.id}: access endpoint configuration`] });
      }
    }
    for (const { directory } of streamingSetups(model)) {
      for (const ws of model.workspaces) {
        if (ws.directory !== directory.id) continue;
        if (ws.protocol === undefined) {
          ctx.unknown({ resource: ws.id, missing: [`${ws.id}: streaming protocol (DCV or PCoIP)`] });
          continue;
        }
        if (ws.protocol !== 'pcoip') continue;
        if (pcoipReachable(directory, ws).violations.length === 0) ctx.pass(ws.id);
        else
          ctx.report({
            resource: ws.id,
            messageId: 'unreachable',
            data: { workspace: ws.id, directory: directory.id },
          });
      }
    }
  },
});
