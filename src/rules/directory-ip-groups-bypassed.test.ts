import rule from './directory-ip-groups-bypassed.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'no IP groups on the directory', model: seed() },
    {
      name: 'IP groups without an endpoint still apply',
      model: seed('set:directories.corp.ipGroups=[office-only]', 'set:directories.corp.streamingEndpoint=null'),
    },
  ],
  invalid: [
    {
      name: 'IP groups on a directory with an endpoint',
      model: seed('set:directories.corp.ipGroups=[office-only]'),
      errors: [
        { messageId: 'bypassed', resource: 'corp', data: { groups: 'office-only', endpoint: 'vpc1/streaming' } },
      ],
    },
  ],
});
