import rule from './streaming-endpoint-multi-az.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

const secondAz = [
  'set:vpcs.vpc1.subnets.endpoint-c={ cidr: 10.0.22.0/24, az: ap-northeast-1c, routeTable: private }',
  'set:vpcs.vpc1.endpoints.streaming.subnets=[endpoint-a, endpoint-c]',
];

ruleTester(rule, {
  valid: [{ name: 'subnets in two AZs', model: seed(...secondAz) }],
  invalid: [
    {
      name: 'the seed: one subnet in ap-northeast-1a',
      model: seed(),
      errors: [{ messageId: 'singleAz', resource: 'vpc1/streaming', data: { azs: 'ap-northeast-1a' } }],
    },
    {
      name: 'two subnets, same AZ',
      model: seed(
        'set:vpcs.vpc1.subnets.endpoint-a2={ cidr: 10.0.23.0/24, az: ap-northeast-1a, routeTable: private }',
        'set:vpcs.vpc1.endpoints.streaming.subnets=[endpoint-a, endpoint-a2]',
      ),
      errors: [{ messageId: 'singleAz', resource: 'vpc1/streaming' }],
    },
  ],
});
