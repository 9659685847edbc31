import { ACCESS_ENDPOINT_API, ACCESS_ENDPOINT_CONFIG_API } from './sources.js';
import { defineRule } from './types.js';
import { accessEndpointType } from '../workspaces/requirements.js';

// The design file has no AccessEndpointType (it is implied); CloudFormation, Terraform and the API carry it, and
// only STREAMING_WSP is valid (AppStream's STREAMING is the usual mistake).
export default defineRule({
  meta: {
    id: 'streaming-endpoint-access-type',
    description: 'The directory access endpoint must have AccessEndpointType STREAMING_WSP and a VpcEndpointId',
    severity: 'error',
    messages: {
      wrongType: 'directory {{directory}} has AccessEndpointType {{type}}; the only valid value is STREAMING_WSP',
      noVpcEndpointId: 'directory {{directory}} has an access endpoint ({{type}}) without a VpcEndpointId',
    },
    sources: ['seed', ACCESS_ENDPOINT_API, ACCESS_ENDPOINT_CONFIG_API],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const d of model.directories) {
      if (d.streamingEndpoint === undefined) {
        ctx.unknown({
          resource: d.id,
          missing: [`${d.id}: access endpoint configuration (WorkspaceAccessProperties)`],
        });
        continue;
      }
      const hasEndpoint = d.streamingEndpoint !== null || d.streamingEndpointAwsId !== undefined;
      const type = d.accessEndpointType;
      if (!hasEndpoint && type === undefined) continue;
      let ok = true;
      if (accessEndpointType(d).violations.length > 0) {
        ctx.report({ resource: d.id, messageId: 'wrongType', data: { directory: d.id, type: type || '(empty)' } });
        ok = false;
      }
      // An access endpoint entry with no VpcEndpointId: the broker's answer is not documented (the trace says UNKNOWN).
      if (!hasEndpoint) {
        ctx.report({ resource: d.id, messageId: 'noVpcEndpointId', data: { directory: d.id, type: type ?? '' } });
        ok = false;
      }
      if (ok) ctx.pass(d.id);
    }
  },
});
