import rule from './streaming-endpoint-vpc-dns.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'the seed VPC has both DNS attributes on', model: seed() },
    {
      name: 'the WorkSpaces VPC (no endpoint) may keep the AWS defaults',
      model: seed('set:vpcs.vpc2.dns={ support: true, hostnames: false }'),
    },
  ],
  invalid: [
    {
      name: 'DNS hostnames off (the AWS default for a new VPC)',
      model: seed('delete:vpcs.vpc1.dns'),
      errors: [{ messageId: 'dnsHostnamesOff', resource: 'vpc1' }],
    },
    {
      name: 'both attributes off',
      model: seed('set:vpcs.vpc1.dns={ support: false, hostnames: false }'),
      errors: [
        { messageId: 'dnsSupportOff', resource: 'vpc1' },
        { messageId: 'dnsHostnamesOff', resource: 'vpc1' },
      ],
    },
  ],
  unknown: [
    {
      name: 'a source that does not say',
      model: () => {
        const m = seed();
        const vpc = m.vpcs.find((v) => v.id === 'vpc1');
        if (vpc) delete vpc.dnsHostnames;
        return m;
      },
      unknown: ['vpc1'],
    },
  ],
});
