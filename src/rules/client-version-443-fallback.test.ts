import rule from './client-version-443-fallback.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

// Home over the internet (no endpoint) behind a router that lets only 443 out.
const only443 = [
  'set:directories.corp.streamingEndpoint=null',
  'set:clients.home.egress=[tcp:443 to 0.0.0.0/0, udp:443 to 0.0.0.0/0]',
  'set:clients.home.os=windows',
  'delete:clients.ec2-client',
];

ruleTester(rule, {
  valid: [
    { name: 'a current client falls back to 443', model: seed(...only443, 'set:clients.home.version="5.29.1"') },
    {
      name: 'an old client with 4195 open',
      model: seed(
        'set:directories.corp.streamingEndpoint=null',
        'set:clients.home.version="5.20.0"',
        'delete:clients.ec2-client',
      ),
    },
  ],
  invalid: [
    {
      name: 'client 5.20.0 where only 443 passes',
      model: seed(...only443, 'set:clients.home.version="5.20.0"'),
      errors: [{ messageId: 'blocked', resource: 'home', data: { client: 'home' } }],
    },
  ],
});
