import { describe, expect, it } from 'vitest';
import pcoipUnreachable from '../pcoip-workspaces-unreachable.js';
import { seed } from './design.js';
import { ruleTester } from './rule-tester.js';

describe('ruleTester hygiene', () => {
  it('rejects duplicate case names', () => {
    expect(() =>
      ruleTester(pcoipUnreachable, {
        valid: [
          { name: 'same', model: seed('set:directories.corp.pcoipOverInternet=true') },
          { name: 'same', model: seed('delete:workspaces.pcoip-desktop') },
        ],
        invalid: [],
      }),
    ).toThrow(/duplicate test case name "same"/);
  });

  it('rejects the same environment twice under different names', () => {
    const model = seed('set:directories.corp.pcoipOverInternet=true');
    expect(() =>
      ruleTester(pcoipUnreachable, {
        valid: [
          { name: 'a', model },
          { name: 'b', model },
        ],
        invalid: [],
      }),
    ).toThrow(/duplicates another case/);
  });

  it('rejects a messageId the rule does not have', () => {
    expect(() =>
      ruleTester(pcoipUnreachable, {
        valid: [],
        invalid: [{ name: 'typo', model: seed(), errors: [{ messageId: 'unreachabel', resource: 'pcoip-desktop' }] }],
      }),
    ).toThrow(/messageId 'unreachabel'/);
  });

  it('rejects an invalid case without expected errors', () => {
    expect(() =>
      ruleTester(pcoipUnreachable, { valid: [], invalid: [{ name: 'empty', model: seed(), errors: [] }] }),
    ).toThrow(/lists no errors/);
  });
});
