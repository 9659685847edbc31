// Snapshot files on their own: what is refused, with which diagnostic, and what is skipped with a warning.
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from './file.js';

const valid = {
  wsplSnapshot: 1,
  createdAt: '2026-11-30T00:00:00.000Z',
  wsplVersion: '0.1.0',
  accounts: ['111122223333'],
  regions: ['ap-northeast-1'],
  redacted: false,
  scopes: [
    {
      account: '111122223333',
      region: 'ap-northeast-1',
      calls: [{ action: 'ec2:DescribeVpcs', input: {}, pages: [{ Vpcs: [] }] }],
    },
  ],
  failures: [],
};
const text = JSON.stringify(valid, null, 1);

describe('parseSnapshot', () => {
  it('reads a snapshot', () => {
    expect(parseSnapshot(text, 's.json')).toMatchObject({ snapshot: { accounts: ['111122223333'] }, warnings: [] });
  });

  it('refuses broken files with a diagnostic naming the line or the field', () => {
    const cut = parseSnapshot(text.slice(0, 200), 'cut.json');
    expect(cut).toMatchObject({ diagnostics: [{ severity: 'error', code: 'json-syntax', file: 'cut.json' }] });
    expect('diagnostics' in cut && cut.diagnostics[0]?.line).toBeGreaterThan(5);
    expect(parseSnapshot('{"snapshot": 1}', 'x.json')).toMatchObject({ diagnostics: [{ code: 'not-a-snapshot' }] });
    expect(parseSnapshot('{"wsplSnapshot": 9}', 'x.json')).toMatchObject({
      diagnostics: [{ code: 'unsupported-version' }],
    });
    const wrong = { ...valid, scopes: [{ ...valid.scopes[0], calls: 'none' }] };
    expect(parseSnapshot(JSON.stringify(wrong), 'x.json')).toMatchObject({
      diagnostics: [{ code: 'bad-snapshot', field: 'scopes.0.calls' }],
    });
  });

  it('skips answers of actions this version does not know, and says so', () => {
    const newer = structuredClone(valid) as { scopes: { calls: unknown[] }[] };
    newer.scopes[0]?.calls.push({ action: 'ec2:DescribeSomethingNew', input: {}, pages: [] });
    const parsed = parseSnapshot(JSON.stringify(newer), 'x.json');
    expect(parsed).toMatchObject({ warnings: [{ code: 'unknown-action' }] });
    expect('snapshot' in parsed && parsed.snapshot.scopes[0]?.calls.map((c) => c.action)).toEqual(['ec2:DescribeVpcs']);
  });
});
