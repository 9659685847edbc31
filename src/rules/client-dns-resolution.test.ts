import rule from './client-dns-resolution.js';
import { office, seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'the office forwards the private name to the inbound resolver', model: office() },
    { name: 'the seed: the EC2 client uses the endpoint VPC resolver', model: seed() },
    {
      name: 'private DNS off is reported by streaming-endpoint-private-dns, not here again',
      model: seed('set:vpcs.vpc1.endpoints.streaming.privateDns=false', 'delete:clients.home'),
    },
  ],
  invalid: [
    {
      name: 'the office has no conditional forwarder',
      model: office('set:onPremises.office.dns.forwarders=[]'),
      errors: [{ messageId: 'blocked', resource: 'onprem/office', data: { client: 'office-pc' } }],
    },
  ],
});
