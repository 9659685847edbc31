import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogDiagnosis, LogFileReport, LogOutcome, LogSession, OfferedEndpoint } from '../logs/types.js';
import { diagnosisArbitrary, sessionArbitrary } from './log-arbitraries.test-helpers.js';
import { testOutput } from './block-output.test-helpers.js';
import { JsonLogWriter } from './logs-json.js';
import { diagnosisToJson, sessionToJson } from './logs.js';

// The reference: the whole report as one object through JSON.stringify(…, null, 2), as the contract prints it.
function reference(sessions: LogSession[], diagnoses: LogDiagnosis[], files: LogFileReport[], many: boolean): string {
  const whole = {
    sessions: sessions.map((s) => sessionToJson(s, many)),
    diagnoses: diagnoses.map((d) => diagnosisToJson(d, many)),
    files,
  };
  return JSON.stringify(whole, null, 2) + '\n';
}

/** Writes through the streaming writer; bytes=true encodes into reused buffers (a sink that sometimes keeps them). */
function streamed(
  sessions: LogSession[],
  diagnoses: LogDiagnosis[],
  files: LogFileReport[],
  many: boolean,
  bytes: boolean,
) {
  const { out, written } = testOutput(bytes);
  const w = new JsonLogWriter(out, many);
  for (const s of sessions) w.session(s);
  w.diagnoses(diagnoses);
  w.end(files);
  return written();
}

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('WSP', 'PCOIP', 'a"b\\c\n\u0001'));
const endpoints = fc.array(
  fc.record({ hostname: text, transport: fc.constantFrom('QUIC', 'TCP'), port: fc.integer({ min: 0, max: 65535 }) }),
  { minLength: 1, maxLength: 4 },
);
const files = ['a.log', 'logs/b "x".log'];
const lineRefs = fc.array(fc.record({ file: fc.constantFrom(...files), line: fc.nat() }), { maxLength: 8 });

const parts = {
  text,
  lines: lineRefs,
  outcomes: ['CONNECTED', 'INCOMPLETE', 'UNKNOWN'] as LogOutcome[],
};
// Endpoints drawn from one pool, so the same object appears in many sessions (as the parser interns them).
const session = (pool: OfferedEndpoint[]) => sessionArbitrary({ ...parts, endpoint: fc.constantFrom(...pool) });
const diagnosis = diagnosisArbitrary(parts);

describe('JsonLogWriter', () => {
  it('writes byte for byte what JSON.stringify(report, null, 2) writes, as text and as bytes', () => {
    fc.assert(
      fc.property(
        endpoints.chain((pool) => fc.array(session(pool), { maxLength: 6 })),
        fc.array(diagnosis, { maxLength: 4 }),
        fc.boolean(),
        (sessions, diagnoses, many) => {
          const fileReports = [{ file: 'a.log', stats: { bytes: 1 }, notes: ['n'], skipped: false }] as LogFileReport[];
          const expected = reference(sessions, diagnoses, fileReports, many);
          expect(streamed(sessions, diagnoses, fileReports, many, false)).toBe(expected);
          expect(streamed(sessions, diagnoses, fileReports, many, true)).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('prints what JSON.stringify prints for values of unexpected types, and leaves out undefined fields', () => {
    const odd = {
      id: 'x',
      protocol: undefined,
      start: 5,
      path: 'internet',
      offered: [{ hostname: 'h', transport: 'TCP', port: Number.NaN, extra: [1, { a: undefined }] }],
      reachable: 'not a list',
      chosen: { hostname: 'h', transport: 'TCP', port: 443, toJSON: () => 'chosen' },
      outcome: 'CONNECTED',
      lines: [
        { file: 'a.log', line: -0 },
        { file: 'a.log', line: 1e21 },
      ],
      end: null,
      clientVersion: undefined,
      region: () => 'fn',
      brokerError: null,
      inferred: [undefined, 'protocol'],
    } as unknown as LogSession;
    const d = {
      severity: 'info',
      code: 'c',
      extra: undefined,
      session: null,
      message: 'm',
      inferred: false,
    } as unknown as LogDiagnosis;
    (d as { lines?: unknown }).lines = [{ file: 'a.log', line: 3 }];
    // A diagnosis with its keys in another order, and one whose line is not a whole number.
    const reordered = { message: 'm"', code: 'c', severity: 'error', session: 's', inferred: true, lines: [] };
    const fraction = { ...reordered, lines: [{ file: 'a.log', line: 2.5 }] };
    // A session whose chosen endpoint JSON leaves out (the field goes), and one with odd array items.
    const plain: LogSession = {
      id: 'é"\n',
      protocol: 'WSP',
      start: null,
      end: 't',
      clientVersion: null,
      path: 'privatelink',
      region: null,
      offered: [],
      reachable: [],
      chosen: null,
      outcome: 'INCOMPLETE',
      brokerError: null,
      lines: [{ file: 'a.log', line: 2 ** 31 }],
      inferred: [],
    };
    const hidden = { ...plain, chosen: { toJSON: () => undefined } } as unknown as LogSession;
    const items = { ...hidden, chosen: null, offered: [null, 3], inferred: [7, 'x'] } as unknown as LogSession;
    const sessions = [odd, plain, hidden, items, odd];
    const diagnoses = [d, reordered, fraction] as unknown as LogDiagnosis[];
    for (const many of [false, true]) {
      const expected = reference(sessions, diagnoses, [], many);
      // As text, and encoded straight into bytes (logs-json-bytes.ts, which hands these to the string renderer).
      expect(streamed(sessions, diagnoses, [], many, false)).toBe(expected);
      expect(streamed(sessions, diagnoses, [], many, true)).toBe(expected);
    }
  });

  it('never refills a block the sink kept, and hands a string longer than a block over whole', () => {
    const long = { id: 'é'.repeat(200_000), lines: [] } as unknown as LogSession;
    // About 1.5 MB of ordinary sessions around the long one: several blocks, every other one kept by the sink.
    const many = Array.from({ length: 1500 }, (_, i) => ({ ...long, id: `${i}-${'x'.repeat(1000)}` }));
    const sessions = [...many, long, { ...long, id: 'short' }, ...many];
    expect(streamed(sessions, [], [], false, true)).toBe(reference(sessions, [], [], false));
  });
});
