import rule from './streaming-endpoint-private-dns.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'the seed endpoint has private DNS on', model: seed() },
    {
      name: 'an endpoint with private DNS off that no directory uses is not checked',
      model: seed('set:vpcs.vpc1.endpoints.streaming.privateDns=false', 'set:directories.corp.streamingEndpoint=null'),
    },
  ],
  invalid: [
    {
      name: 'private DNS off',
      model: seed('set:vpcs.vpc1.endpoints.streaming.privateDns=false'),
      errors: [{ messageId: 'privateDnsOff', resource: 'vpc1/streaming', data: { region: 'ap-northeast-1' } }],
    },
  ],
});
