import { STREAMING_ENDPOINTS_GUIDE } from './sources.js';
import { cellsByClient } from './support/engine-rules.js';
import { directoryHasEndpoint } from './support/streaming.js';
import { defineRule } from './types.js';

// Seed 4-3: from home the network check is all green, yet "No endpoints are reachable": once a directory has a
// streaming endpoint, the broker offers only the private name, so DCV over the internet is gone (R4).
export default defineRule({
  meta: {
    id: 'internet-clients-cut-off',
    description: 'Internet-only clients lose DCV streaming once the directory has a streaming endpoint',
    severity: 'warning',
    messages: {
      cutOff:
        'internet client {{client}} cannot stream DCV WorkSpace {{workspace}}: directory {{directory}} offers only its private endpoint',
    },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE],
    usesEngine: true,
  },
  check(model, ctx) {
    const internetClients = model.clients.filter((c) => c.at.kind === 'internet');
    const byClient = cellsByClient(ctx, internetClients);
    if (!byClient) return;
    const workspaces = new Map(model.workspaces.map((w) => [w.id, w]));
    const withEndpoint = new Set(model.directories.filter((d) => directoryHasEndpoint(model, d.id)).map((d) => d.id));
    for (const [client, cells] of byClient) {
      // One finding per client and directory: large estates have thousands of WorkSpaces per directory.
      const cutByDirectory = new Map<string, string[]>();
      for (const { workspace, trace } of cells) {
        const ws = workspaces.get(workspace);
        if (!ws || ws.protocol === 'pcoip' || !withEndpoint.has(ws.directory)) continue;
        if (ws.protocol === undefined) {
          ctx.unknown({ resource: client, missing: [`${ws.id}.protocol`] });
          continue;
        }
        if (trace.outcome === 'NO_REACHABLE_ENDPOINT') {
          const list = cutByDirectory.get(ws.directory) ?? [];
          list.push(ws.id);
          cutByDirectory.set(ws.directory, list);
        } else if (trace.outcome === 'UNKNOWN') {
          ctx.unknown({ resource: client, missing: trace.missing });
        }
      }
      for (const [directory, list] of cutByDirectory) {
        const workspace =
          list.length <= 3 ? list.join(', ') : `${list.slice(0, 3).join(', ')} and ${list.length - 3} more`;
        ctx.report({ resource: client, messageId: 'cutOff', data: { client, workspace, directory } });
      }
      if (cutByDirectory.size === 0) ctx.pass(client);
    }
  },
});
