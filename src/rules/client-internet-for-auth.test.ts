import rule from './client-internet-for-auth.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'the seed: the NAT lets TCP and UDP 443 out (case 4-2)', model: seed() },
    { name: 'a home client on the internet', model: seed('delete:clients.ec2-client') },
  ],
  invalid: [
    {
      name: 'NAT instance stopped (case 4-1): registration fails',
      model: seed('set:vpcs.vpc1.instances.nat.state=stopped'),
      errors: [{ messageId: 'blocked', resource: 'vpc1/nat', data: { client: 'ec2-client' } }],
    },
    {
      name: 'NAT lets only TCP 443 out: a warning, login still predicted to work over TCP',
      model: seed('set:vpcs.vpc1.securityGroups.nat-sg.egress=[tcp:443 to 0.0.0.0/0]'),
      errors: [{ messageId: 'partly', resource: 'ec2-client' }],
    },
  ],
  unknown: [
    {
      name: 'without the connection engine every client is undecided',
      model: seed(),
      traceAll: () => undefined,
      unknown: ['ec2-client', 'home'],
    },
  ],
});
