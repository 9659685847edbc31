import { GLOBAL_ACCELERATOR_API, STREAMING_ENDPOINTS_GUIDE, WORKSPACE_PROPERTIES_API } from './sources.js';
import { streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';
import { globalAcceleratorConflict } from '../workspaces/requirements.js';

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
      const workspaces = model.workspaces.filter((w) => w.directory === directory.id);
      // The same decision as the trace: per WorkSpace (its own mode wins), or the directory's when it has none.
      const conflicts = new Set(
        (workspaces.length > 0 ? workspaces : [undefined]).map((ws) => globalAcceleratorConflict(directory, ws)),
      );
      if (directory.globalAccelerator === undefined && !conflicts.has(directory.id)) {
        ctx.unknown({ resource: directory.id, missing: [`${directory.id}: Global Accelerator mode`] });
      } else if (conflicts.has(directory.id)) {
        ctx.report({
          resource: directory.id,
          messageId: 'directoryAga',
          data: { directory: directory.id, endpoint: endpointRef },
        });
      } else ctx.pass(directory.id);
      for (const ws of workspaces) {
        if (conflicts.has(ws.id)) {
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
