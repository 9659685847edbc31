// Properties of the whole engine on random estates (./estate.ts): whatever the routes, rules and ACLs, a trace ends,
// names an outcome of the contract, and backs it: a failure names at least one blocker, UNKNOWN names what is
// missing, CONNECTED names its endpoint and has no blocker. (Opening filters is in monotone.test.ts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../src/workspaces/types.js';
import { predictMatrix } from '../../src/workspaces/matrix.js';
import { modelOf } from '../scenarios/helpers.js';
import { build, estate, RUNS } from './estate.js';

const FAILURES = [
  'REGISTRATION_FAILED',
  'NO_REACHABLE_ENDPOINT',
  'RESOURCE_NOT_FOUND',
  'UNSUPPORTED_CONFIGURATION',
  'DEVICE_NOT_AUTHORIZED',
];

describe('the engine on random estates', () => {
  it(
    'always ends with a contract outcome that its blockers, missing facts or endpoint back',
    { timeout: 600_000 },
    () => {
      fc.assert(
        fc.property(estate, (e) => {
          const traces = predictMatrix(modelOf(build(e)));
          expect(traces).toHaveLength(4 * 2);
          for (const t of traces) {
            expect(OUTCOMES).toContain(t.outcome);
            if (t.outcome === 'CONNECTED') {
              expect(t.endpoint).not.toBeNull();
              expect(t.blockers).toEqual([]);
            } else {
              expect(t.endpoint).toBeNull();
            }
            if (t.outcome === 'UNKNOWN') expect(t.missing.length).toBeGreaterThan(0);
            if (FAILURES.includes(t.outcome)) {
              expect(t.blockers.length, `${t.client} → ${t.workspace}: ${t.outcome} with no blocker`).toBeGreaterThan(
                0,
              );
            }
          }
        }),
        { numRuns: RUNS },
      );
    },
  );
});
