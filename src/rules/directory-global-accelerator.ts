import { GLOBAL_ACCELERATOR_API, STREAMING_ENDPOINTS_GUIDE, WORKSPACE_PROPERTIES_API } from './sources.js';
import { streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'directory-global-accelerator',
    description: 'Global Accelerator does not apply to streams through a streaming endpoint',
    severity: 'warning',
    messages: {
      directoryAga:
        'directory {{directory}} has Global Accelerator on, but streams through endpoint {{endpoint}} cannot use it',
      workspaceAga:
        'WorkSpace {{workspace}} has Global Accelerator on, but its directory {{directory}} streams through an endpoint',
    },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE, GLOBAL_ACCELERATOR_API, WORKSPACE_PROPERTIES_API],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const { directory, endpointRef } of streamingSetups(model)) {
      if (directory.globalAccelerator) {
        ctx.report({
          resource: directory.id,
          messageId: 'directoryAga',
          data: { directory: directory.id, endpoint: endpointRef },
        });
      } else ctx.pass(directory.id);
      for (const ws of model.workspaces.filter((w) => w.directory === directory.id)) {
        // `inherited` follows the directory, already reported above.
        if (ws.globalAccelerator === 'enabled') {
          ctx.report({
            resource: ws.id,
            messageId: 'workspaceAga',
            data: { workspace: ws.id, directory: directory.id },
          });
        }
      }
    }
  },
});
