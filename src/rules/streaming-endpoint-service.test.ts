import type { Model } from '../model/types.js';
import rule from './streaming-endpoint-service.js';
import { seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

const service = (name: string) => `set:vpcs.vpc1.endpoints.streaming.service=${name}`;

/** The seed as a source that could not read the directory's access settings. */
function accessSettingsUnread(): Model {
  const model = seed();
  for (const d of model.directories) delete d.streamingEndpoint;
  return model;
}

ruleTester(rule, {
  valid: [
    { name: 'the seed uses com.amazonaws.ap-northeast-1.highlander', model: seed() },
    {
      name: 'a directory without an endpoint has nothing to check',
      model: seed(service('com.amazonaws.ap-northeast-1.workspaces'), 'set:directories.corp.streamingEndpoint=null'),
    },
  ],
  invalid: [
    {
      name: 'the WorkSpaces API service instead of highlander (the seed table mix-up)',
      model: seed(service('com.amazonaws.ap-northeast-1.workspaces')),
      errors: [
        {
          messageId: 'knownWrongService',
          resource: 'vpc1/streaming',
          data: { expected: 'com.amazonaws.ap-northeast-1.highlander', product: 'Amazon WorkSpaces (API)' },
        },
      ],
    },
    {
      name: 'Managed Prometheus, which only shares the word workspaces',
      model: seed(service('com.amazonaws.ap-northeast-1.aps-workspaces')),
      errors: [{ messageId: 'knownWrongService', resource: 'vpc1/streaming', data: { product: 'Prometheus' } }],
    },
    {
      name: 'highlander of another region',
      model: seed(service('com.amazonaws.us-east-1.highlander')),
      errors: [{ messageId: 'wrongRegion', resource: 'vpc1/streaming', data: { region: 'ap-northeast-1' } }],
    },
    {
      name: 'the blog typo com.amazonaws.<region>.prod.highlander',
      model: seed(service('com.amazonaws.ap-northeast-1.prod.highlander')),
      errors: [{ messageId: 'wrongService', resource: 'vpc1/streaming' }],
    },
    {
      name: 'a Gateway endpoint',
      model: seed('set:vpcs.vpc1.endpoints.streaming.type=Gateway'),
      errors: [{ messageId: 'notInterface', resource: 'vpc1/streaming', data: { type: 'Gateway' } }],
    },
  ],
  unknown: [
    {
      name: 'the directory names a vpce id that is not in the input',
      model: seed('set:directories.corp.streamingEndpoint=vpce-0123456789abcdef0'),
      unknown: ['corp'],
    },
    {
      name: "the source could not read the directory's access settings (every cell behind it is UNKNOWN)",
      model: accessSettingsUnread(),
      unknown: ['corp'],
    },
  ],
});
