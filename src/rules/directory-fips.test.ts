import rule from './directory-fips.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'standard TLS', model: seed() },
    {
      name: 'FIPS without a streaming endpoint',
      model: seed('set:directories.corp.encryption=fips-validated', 'set:directories.corp.streamingEndpoint=null'),
    },
  ],
  invalid: [
    {
      name: 'FIPS_VALIDATED with a streaming endpoint',
      model: seed('set:directories.corp.encryption=fips-validated'),
      errors: [{ messageId: 'fips', resource: 'corp' }],
    },
  ],
});
