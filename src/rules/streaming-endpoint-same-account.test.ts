import rule from './streaming-endpoint-same-account.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'the seed: one account', model: seed() },
    {
      name: 'owner written out as the same account',
      model: seed('set:vpcs.vpc1.endpoints.streaming.owner="111122223333"'),
    },
  ],
  invalid: [
    {
      name: 'endpoint owned by another account',
      model: seed('set:vpcs.vpc1.endpoints.streaming.owner="444455556666"'),
      errors: [
        {
          messageId: 'otherAccount',
          resource: 'vpc1/streaming',
          data: { owner: '444455556666', account: '111122223333' },
        },
      ],
    },
    {
      name: 'endpoint in a VPC shared from another account',
      model: seed('set:vpcs.vpc1.sharedFrom="444455556666"'),
      errors: [{ messageId: 'sharedVpc', resource: 'vpc1/streaming', data: { owner: '444455556666' } }],
    },
  ],
});
