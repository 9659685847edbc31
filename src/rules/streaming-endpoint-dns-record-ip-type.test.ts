import rule from './streaming-endpoint-dns-record-ip-type.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

const ipType = (t: string) => `set:vpcs.vpc1.endpoints.streaming.dnsRecordIpType=${t}`;

ruleTester(rule, {
  valid: [
    { name: 'ipv4, as in the seed', model: seed() },
    { name: 'ipv6, supported by the current guide', model: seed(ipType('ipv6')) },
  ],
  invalid: [
    {
      name: 'dualstack',
      model: seed(ipType('dualstack')),
      errors: [{ messageId: 'dualstack', resource: 'vpc1/streaming' }],
    },
    {
      name: 'service-defined (A and AAAA, inferred)',
      model: seed(ipType('service-defined')),
      errors: [{ messageId: 'serviceDefined', resource: 'vpc1/streaming' }],
    },
  ],
  unknown: [
    {
      name: 'the source does not say',
      model: () => {
        const m = seed();
        for (const e of m.endpoints) delete e.dnsRecordIpType;
        return m;
      },
      unknown: ['vpc1/streaming'],
    },
  ],
});
