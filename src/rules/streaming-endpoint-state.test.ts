import rule from './streaming-endpoint-state.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [{ name: 'available (the default)', model: seed() }],
  invalid: [
    {
      name: 'pending',
      model: seed('set:vpcs.vpc1.endpoints.streaming.state=pending'),
      errors: [{ messageId: 'notAvailable', resource: 'vpc1/streaming', data: { state: 'pending' } }],
    },
    {
      name: 'deleted while the directory still names it',
      model: seed('set:vpcs.vpc1.endpoints.streaming.state=deleted'),
      errors: [{ messageId: 'notAvailable', resource: 'vpc1/streaming', data: { state: 'deleted' } }],
    },
  ],
});
