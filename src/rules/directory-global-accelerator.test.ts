import rule from './directory-global-accelerator.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'Global Accelerator off', model: seed() },
    {
      name: 'a WorkSpace that inherits an off directory',
      model: seed('set:workspaces.dcv-desktop.globalAccelerator=inherited'),
    },
    {
      name: 'on, but the directory streams over the internet',
      model: seed('set:directories.corp.globalAccelerator=true', 'set:directories.corp.streamingEndpoint=null'),
    },
  ],
  invalid: [
    {
      name: 'on for the directory',
      model: seed('set:directories.corp.globalAccelerator=true'),
      errors: [{ messageId: 'directoryAga', resource: 'corp' }],
    },
    {
      name: 'on for one WorkSpace',
      model: seed('set:workspaces.dcv-desktop.globalAccelerator=enabled'),
      errors: [{ messageId: 'workspaceAga', resource: 'dcv-desktop', data: { directory: 'corp' } }],
    },
  ],
});
