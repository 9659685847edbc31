import rule from './expectation-not-met.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

const intents = (...list: string[]) => `set:expect=[${list.join(', ')}]`;

ruleTester(rule, {
  valid: [
    { name: 'no intents: nothing to check', model: () => seed() },
    {
      name: 'the seed as stated: the EC2 client streams over PrivateLink on QUIC, home and PCoIP are refused',
      model: () =>
        seed(
          intents(
            '{ client: ec2-client, workspace: dcv-desktop, outcome: CONNECTED, path: privatelink, transport: QUIC }',
            '{ client: home, workspace: "dcv-*", outcome: NO_REACHABLE_ENDPOINT }',
            '{ client: "*", workspace: pcoip-desktop, outcome: [RESOURCE_NOT_FOUND, REGISTRATION_FAILED] }',
          ),
        ),
    },
  ],
  invalid: [
    {
      name: 'home must connect but cannot: the blockers come with the finding',
      model: () => seed(intents('{ client: home, workspace: dcv-desktop, outcome: CONNECTED }')),
      errors: [
        {
          messageId: 'unmetBlocked',
          resource: 'expect[0]',
          data: { actual: 'NO_REACHABLE_ENDPOINT', blockers: 'home: public DNS cannot resolve' },
        },
      ],
    },
    {
      name: 'the right outcome over the wrong transport',
      model: () => seed(intents('{ client: ec2-client, workspace: dcv-desktop, outcome: CONNECTED, transport: TCP }')),
      errors: [
        { messageId: 'unmet', resource: 'expect[0]', data: { actual: 'CONNECTED via privatelink over QUIC 4195' } },
      ],
    },
    {
      name: 'a glob that matches no client is unmet, not silently true',
      model: () => seed(intents('{ client: "office-*", workspace: dcv-desktop, outcome: CONNECTED }')),
      errors: [{ messageId: 'matchesNothing', resource: 'expect[0]', data: { what: 'client', pattern: 'office-*' } }],
    },
    {
      name: 'the NAT stopped: every client fails registration, one finding per client',
      model: () =>
        seed(
          'set:vpcs.vpc1.instances.nat.state=stopped',
          intents('{ client: ec2-client, workspace: "*", outcome: CONNECTED }'),
        ),
      errors: [{ messageId: 'unmetBlocked', resource: 'expect[0]', data: { actual: 'REGISTRATION_FAILED' } }],
    },
  ],
  unknown: [
    {
      name: 'without the connection engine',
      model: () => seed(intents('{ client: home, workspace: dcv-desktop, outcome: CONNECTED }')),
      traceAll: () => undefined,
      unknown: ['expect[0]'],
    },
  ],
});
