// Random sessions and diagnoses for the log writers' property tests: every field of the reader's types, the texts,
// endpoints and lines chosen by each test (what its writer must get right).
import fc from 'fast-check';
import type { LineRef, LogDiagnosis, LogOutcome, LogSession, OfferedEndpoint } from '../logs/types.js';

export const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

export interface LogParts {
  text: fc.Arbitrary<string>;
  endpoint: fc.Arbitrary<OfferedEndpoint>;
  lines: fc.Arbitrary<LineRef[]>;
  outcomes: LogOutcome[];
  /** Diagnosis messages (default: `text`). */
  message?: fc.Arbitrary<string>;
}

export function sessionArbitrary(p: LogParts): fc.Arbitrary<LogSession> {
  const { text } = p;
  const endpoints = fc.array(p.endpoint, { maxLength: 5 });
  return fc.record({
    id: nullable(text),
    protocol: nullable(text),
    start: nullable(text),
    end: nullable(text),
    clientVersion: nullable(text),
    path: fc.constantFrom('privatelink', 'internet', null) as fc.Arbitrary<LogSession['path']>,
    region: nullable(text),
    offered: endpoints,
    reachable: endpoints,
    chosen: nullable(p.endpoint),
    outcome: fc.constantFrom(...p.outcomes),
    brokerError: nullable(text),
    lines: p.lines,
    inferred: fc.array(text, { maxLength: 2 }),
  });
}

export function diagnosisArbitrary(p: Pick<LogParts, 'text' | 'lines' | 'message'>): fc.Arbitrary<LogDiagnosis> {
  return fc.record({
    code: p.text,
    severity: fc.constantFrom('error', 'warning', 'info') as fc.Arbitrary<LogDiagnosis['severity']>,
    session: nullable(p.text),
    message: p.message ?? p.text,
    lines: p.lines,
    inferred: fc.boolean(),
  });
}
