import rule from './pcoip-workspaces-unreachable.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'PCoIP fallback on', model: seed('set:directories.corp.pcoipOverInternet=true') },
    {
      name: 'no endpoint: PCoIP streams over the internet as before',
      model: seed('set:directories.corp.streamingEndpoint=null'),
    },
    { name: 'only DCV WorkSpaces', model: seed('delete:workspaces.pcoip-desktop') },
  ],
  invalid: [
    {
      name: 'the seed (case 4-4): PCoIP WorkSpace, fallback off',
      model: seed(),
      errors: [{ messageId: 'unreachable', resource: 'pcoip-desktop', data: { directory: 'corp' } }],
    },
  ],
});
