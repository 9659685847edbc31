import rule from './nacl-return-traffic.js';
import { office } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [{ name: 'the endpoint ACL lets replies out to ephemeral ports', model: office() }],
  invalid: [
    {
      name: 'the endpoint ACL has no outbound rule',
      model: office('set:vpcs.vpc1.networkAcls.endpoint-acl.egress=[]'),
      errors: [{ messageId: 'blocked', resource: 'vpc1/endpoint-acl', data: { client: 'office-pc' } }],
    },
  ],
});
