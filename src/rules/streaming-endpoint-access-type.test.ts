import rule from './streaming-endpoint-access-type.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'the seed (type implied by the design file)', model: seed() },
    { name: 'STREAMING_WSP written out', model: seed('set:directories.corp.accessEndpointType=STREAMING_WSP') },
    { name: 'no access endpoint at all', model: seed('set:directories.corp.streamingEndpoint=null') },
  ],
  invalid: [
    {
      name: "AppStream's STREAMING instead of STREAMING_WSP",
      model: seed('set:directories.corp.accessEndpointType=STREAMING'),
      errors: [{ messageId: 'wrongType', resource: 'corp', data: { type: 'STREAMING' } }],
    },
    {
      name: 'an access endpoint type without a VpcEndpointId',
      model: seed(
        'set:directories.corp.accessEndpointType=STREAMING_WSP',
        'set:directories.corp.streamingEndpoint=null',
      ),
      errors: [{ messageId: 'noVpcEndpointId', resource: 'corp' }],
    },
  ],
});
