import { describeService, parseServiceName } from '../workspaces/endpoint-services.js';
import { streamingServiceName } from '../workspaces/knowledge.js';
import { accessPropertiesKnown, accessPropertiesMissing, streamingService } from '../workspaces/requirements.js';
import { API_ENDPOINT_GUIDE, PRIVATELINK_SERVICES, STREAMING_ENDPOINTS_GUIDE } from './sources.js';
import { streamingSetups } from './support/streaming.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'streaming-endpoint-service',
    description: 'The streaming endpoint must be an Interface endpoint of com.amazonaws.<directory region>.highlander',
    severity: 'error',
    messages: {
      knownWrongService:
        'endpoint {{endpoint}} of directory {{directory}} uses {{service}} ({{product}}); streaming needs {{expected}}',
      wrongService: 'endpoint {{endpoint}} of directory {{directory}} uses {{service}}; streaming needs {{expected}}',
      wrongRegion:
        'endpoint {{endpoint}} uses {{service}} but directory {{directory}} is in {{region}}; streaming needs {{expected}}',
      notInterface:
        'endpoint {{endpoint}} is a {{type}} endpoint; streaming needs an Interface endpoint of {{expected}}',
    },
    sources: ['seed', PRIVATELINK_SERVICES, STREAMING_ENDPOINTS_GUIDE, API_ENDPOINT_GUIDE],
    usesEngine: false,
  },
  check(model, ctx) {
    // A directory whose access settings the source could not read (a live read denied
    // DescribeWorkspaceDirectories' access properties, say): whether it streams through an endpoint is not known, and
    // every cell behind it is UNKNOWN in the matrix; check says so too instead of passing over it.
    for (const directory of model.directories) {
      if (!accessPropertiesKnown(directory))
        ctx.unknown({ resource: directory.id, missing: [accessPropertiesMissing(directory)] });
    }
    for (const { directory, endpoint, endpointRef } of streamingSetups(model)) {
      if (!endpoint) {
        ctx.unknown({ resource: directory.id, missing: [`endpoint ${endpointRef} (not in the model)`] });
        continue;
      }
      if (streamingService(endpoint, directory.region).violations.length === 0) {
        ctx.pass(endpoint.id);
        continue;
      }
      // The requirement is broken; say which way, so the fix is obvious.
      const expected = streamingServiceName(directory.region);
      const data = { endpoint: endpoint.id, directory: directory.id, service: endpoint.service, expected };
      let ok = true;
      if (endpoint.type !== 'Interface') {
        ctx.report({ resource: endpoint.id, messageId: 'notInterface', data: { ...data, type: endpoint.type } });
        ok = false;
      }
      if (endpoint.service !== expected) {
        ok = false;
        const parsed = parseServiceName(endpoint.service);
        const known = describeService(endpoint.service);
        if (parsed?.suffix === 'highlander') {
          ctx.report({ resource: endpoint.id, messageId: 'wrongRegion', data: { ...data, region: directory.region } });
        } else if (known) {
          ctx.report({
            resource: endpoint.id,
            messageId: 'knownWrongService',
            data: { ...data, product: known.product },
          });
        } else {
          ctx.report({ resource: endpoint.id, messageId: 'wrongService', data });
        }
      }
      if (ok)
        ctx.report({ resource: endpoint.id, messageId: 'wrongRegion', data: { ...data, region: directory.region } });
    }
  },
});
