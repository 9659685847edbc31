import { STREAMING_ENDPOINTS_GUIDE, WORKSPACE_DIRECTORY_API } from './sources.js';
import { streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';
import { noFips } from '../workspaces/requirements.js';

export default defineRule({
  meta: {
    id: 'directory-fips',
    description: 'FIPS endpoint encryption (FIPS_VALIDATED) cannot be used with a streaming endpoint',
    severity: 'error',
    messages: {
      fips: 'directory {{directory}} uses FIPS_VALIDATED endpoint encryption, which streaming endpoints do not support',
    },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE, WORKSPACE_DIRECTORY_API],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const { directory } of streamingSetups(model)) {
      const verdict = noFips(directory);
      if (verdict.missing.length > 0) {
        ctx.unknown({ resource: directory.id, missing: verdict.missing });
      } else if (verdict.violations.length > 0) {
        ctx.report({ resource: directory.id, messageId: 'fips', data: { directory: directory.id } });
      } else ctx.pass(directory.id);
    }
  },
});
