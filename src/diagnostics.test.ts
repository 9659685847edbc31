import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics.js';

describe('formatDiagnostic', () => {
  it('prints file:line, severity, field, message and code', () => {
    expect(
      formatDiagnostic({
        severity: 'error',
        code: 'bad-cidr',
        file: 'd.yaml',
        line: 3,
        field: 'vpcs.a.cidr',
        message: 'bad',
      }),
    ).toBe('d.yaml:3: error: vpcs.a.cidr: bad [bad-cidr]');
  });

  it('shortens a message that quotes a huge value, keeping both ends and the code', () => {
    const value = '1'.repeat(50_000);
    const line = formatDiagnostic({
      severity: 'error',
      code: 'bad-port',
      file: 'd.yaml',
      line: 23,
      message: `port ${value}x is outside 0-65535`,
    });
    expect(line.length).toBeLessThan(500);
    expect(line).toMatch(/^d\.yaml:23: error: port 1+ … 1+x is outside 0-65535 \[bad-port\]$/);
  });
});
