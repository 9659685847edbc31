import rule from './client-route-to-endpoint.js';
import { office, seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'the office reaches the endpoint over the transit gateway', model: office() },
    { name: 'the seed: home on the internet is left to internet-clients-cut-off', model: seed() },
  ],
  invalid: [
    {
      name: 'the transit gateway has no route to the endpoint VPC',
      model: office('set:transitGateways.tgw1.routeTables.main={ 192.168.0.0/16: office-vpn }'),
      errors: [{ messageId: 'blocked', resource: 'tgw1/main', data: { client: 'office-pc' } }],
    },
    {
      name: 'one endpoint ENI sits in an AZ where the attachment has no subnet: a warning for that address',
      model: office('set:transitGateways.tgw1.attachments.vpc1-att.subnets=[tgw-a]'),
      errors: [{ messageId: 'addressUnreachable', resource: 'office-pc', data: { client: 'office-pc' } }],
    },
  ],
  unknown: [
    { name: 'without the connection engine', model: office(), traceAll: () => undefined, unknown: ['office-pc'] },
  ],
});
