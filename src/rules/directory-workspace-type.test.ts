import rule from './directory-workspace-type.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a Personal directory', model: seed() },
    {
      name: 'a Pools directory without an endpoint',
      model: seed('set:directories.corp.type=pools', 'set:directories.corp.streamingEndpoint=null'),
    },
  ],
  invalid: [
    {
      name: 'a Pools directory with a streaming endpoint',
      model: seed('set:directories.corp.type=pools'),
      errors: [{ messageId: 'pools', resource: 'corp' }],
    },
  ],
});
