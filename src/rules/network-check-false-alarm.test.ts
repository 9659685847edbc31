import rule from './network-check-false-alarm.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the NAT also lets 4195 out: the check is green',
      model: seed(
        'set:vpcs.vpc1.securityGroups.nat-sg.egress=[tcp:443 to 0.0.0.0/0, udp:443 to 0.0.0.0/0, tcp:4195 to 0.0.0.0/0, udp:4195 to 0.0.0.0/0]',
        'delete:clients.home',
      ),
    },
    { name: 'home on the internet: its check is green', model: seed('delete:clients.ec2-client') },
  ],
  invalid: [
    {
      name: 'the seed (case 4-2): NAT lets only 443 out, the session works anyway',
      model: seed(),
      errors: [{ messageId: 'falseAlarm', resource: 'ec2-client', data: { detail: '4195' } }],
    },
  ],
});
