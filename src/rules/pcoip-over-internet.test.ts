import rule from './pcoip-over-internet.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'fallback off', model: seed() },
    {
      name: 'fallback on but no endpoint (everything is on the internet anyway)',
      model: seed('set:directories.corp.pcoipOverInternet=true', 'set:directories.corp.streamingEndpoint=null'),
    },
  ],
  invalid: [
    {
      name: 'fallback on with an endpoint',
      model: seed('set:directories.corp.pcoipOverInternet=true'),
      errors: [{ messageId: 'fallbackOn', resource: 'corp', data: { count: 1 } }],
    },
  ],
});
