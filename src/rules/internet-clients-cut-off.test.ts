import rule from './internet-clients-cut-off.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'no streaming endpoint: home streams over the internet',
      model: seed('set:directories.corp.streamingEndpoint=null'),
    },
    { name: 'no internet client', model: seed('delete:clients.home') },
  ],
  invalid: [
    {
      name: 'the seed (case 4-3): home cannot reach the private endpoint',
      model: seed(),
      errors: [{ messageId: 'cutOff', resource: 'home', data: { workspace: 'dcv-desktop', directory: 'corp' } }],
    },
  ],
  unknown: [{ name: 'without the connection engine', model: seed(), traceAll: () => undefined, unknown: ['home'] }],
});
