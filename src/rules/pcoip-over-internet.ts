import { ACCESS_ENDPOINT_CONFIG_API, STREAMING_ENDPOINTS_GUIDE } from './sources.js';
import { streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';

// Not an error: the fallback is a deliberate choice. Info so that "all traffic stays private" is never assumed.
export default defineRule({
  meta: {
    id: 'pcoip-over-internet',
    description: 'With PCoIP internet fallback on, PCoIP streams leave the private path',
    severity: 'info',
    messages: {
      fallbackOn:
        'directory {{directory}} lets PCoIP WorkSpaces stream over the internet ({{count}} PCoIP WorkSpace(s)); only DCV stays on the endpoint',
    },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE, ACCESS_ENDPOINT_CONFIG_API],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const { directory } of streamingSetups(model)) {
      if (!directory.pcoipOverInternet) continue;
      const count = model.workspaces.filter((w) => w.directory === directory.id && w.protocol === 'pcoip').length;
      ctx.report({ resource: directory.id, messageId: 'fallbackOn', data: { directory: directory.id, count } });
    }
  },
});
