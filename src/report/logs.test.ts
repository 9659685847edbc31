import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogDiagnosis, LogFileReport, LogOutcome, LogSession } from '../logs/types.js';
import { diagnosisArbitrary, sessionArbitrary } from './log-arbitraries.test-helpers.js';
import { testOutput } from './block-output.test-helpers.js';
import { TextLogWriter } from './logs.js';

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('WSP', 'a b\u001b[31m', 'é—x', 'x'.repeat(90)));
const endpoint = fc.record({
  hostname: fc.constantFrom('h.example', 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com'),
  transport: fc.constantFrom('QUIC', 'TCP'),
  port: fc.constantFrom(443, 4195),
});
// Runs of lines long enough to pass the width, and lines the byte path leaves to the string one.
const line = fc.oneof(fc.nat(3000), fc.constantFrom(2 ** 31, 1.5, -2));
// File names as a folder may hold them: plain, with a control character (escaped in the text), not ASCII.
const file = fc.constantFrom('a.log', 'b.log', 'c\u001b[2J.log', 'é—.log');
const lines = fc.array(fc.record({ file, line }), { maxLength: 40 });

const parts = {
  text,
  endpoint,
  // Mostly a few lines that fit the row, sometimes runs long enough to pass the width.
  lines: fc
    .array(fc.record({ file: fc.constantFrom('a.log'), line: fc.nat(20) }), { maxLength: 3 })
    .chain((few) => fc.oneof(fc.constant(few), lines)),
  outcomes: ['CONNECTED', 'INCOMPLETE', 'NO_REACHABLE_ENDPOINT'] as LogOutcome[],
  message: fc.oneof(text, fc.constant('a message '.repeat(30))),
};
const session = sessionArbitrary(parts);
const diagnosis = diagnosisArbitrary({ ...parts, lines });

/** The text writer's output as text, or through bytes (blocks copied by the sink, every other one kept). */
function written(
  sessions: LogSession[],
  diagnoses: LogDiagnosis[],
  opts: { many: boolean; width: number; color: boolean },
  bytes: boolean,
) {
  const { out: block, written: result } = testOutput(bytes);
  const w = new TextLogWriter(block, opts.many, { width: opts.width, color: opts.color });
  for (const s of sessions) w.session(s);
  w.diagnoses(diagnoses);
  const files = [{ file: 'a.log', stats: { lines: 1, entries: 1, bytes: 10 }, notes: [], skipped: false }];
  w.end(files as unknown as LogFileReport[]);
  return result();
}

describe('TextLogWriter', () => {
  it('writes the same text into bytes (digits, messages encoded once) as into a string', () => {
    fc.assert(
      fc.property(
        fc.array(session, { maxLength: 5 }),
        fc.array(diagnosis, { maxLength: 3 }),
        fc.record({ many: fc.boolean(), width: fc.integer({ min: 40, max: 120 }), color: fc.boolean() }),
        (sessions, diagnoses, opts) => {
          expect(written(sessions, diagnoses, opts, true)).toBe(written(sessions, diagnoses, opts, false));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('wraps a lines row one column too long, and keeps one that just fits, the same way in bytes', () => {
    const base = fc.sample(session, { numRuns: 1, seed: 7 })[0]!;
    const refs = [1, 2, 3, 7, 9, 10, 200, 4000, 4001].map((n) => ({ file: 'a.log', line: n }));
    const s = { ...base, lines: refs, inferred: ['protocol'] };
    // "  lines      1-3, 7, 9-10, 200, 4000-4001" is 41 columns: every width around it, the boundary included.
    for (let width = 36; width <= 46; width++) {
      const opts = { many: false, width, color: false };
      expect(written([s], [], opts, true)).toBe(written([s], [], opts, false));
    }
  });
});
