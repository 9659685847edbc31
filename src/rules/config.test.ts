// The check configuration file on bad input: diagnostics with the line and field, in the words of a YAML file.
import { describe, expect, it } from 'vitest';
import { parseCheckConfig } from './config.js';

const errorsOf = (text: string) => {
  const r = parseCheckConfig(text, 'wspl.config.yaml');
  expect(r.policy).toBeUndefined();
  return r.diagnostics;
};

describe('parseCheckConfig', () => {
  it('an empty file is the defaults', () => {
    expect(parseCheckConfig('', 'wspl.config.yaml').policy).toEqual({ preset: 'recommended', overrides: [] });
  });

  it('an alias bomb is a diagnostic, not an exception', () => {
    const lines = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(',')}]`,
      );
    expect(errorsOf(lines.join('\n'))).toEqual([
      expect.objectContaining({ code: 'yaml-syntax', message: expect.stringContaining('aliases') }),
    ]);
  });

  it('a file that is not a map says what a configuration is', () => {
    expect(errorsOf('- strict\n')).toEqual([
      expect.objectContaining({ code: 'bad-config', line: 1, message: expect.stringContaining('found a list') }),
    ]);
  });

  it('shape mistakes name the field, the expected form and what was found', () => {
    expect(
      errorsOf('preset: 3\nrules:\n  pcoip-workspaces-unreachable: { severity: fatal, reason: x, resource: [a] }\n'),
    ).toEqual([
      expect.objectContaining({ field: 'preset', line: 1, message: 'expected a string, found number 3' }),
      expect.objectContaining({
        field: 'rules.pcoip-workspaces-unreachable.severity',
        line: 3,
        message: '"fatal" is not one of: error, warning, info, off',
      }),
      expect.objectContaining({
        field: 'rules.pcoip-workspaces-unreachable.resource',
        line: 3,
        message: 'unknown field "resource"',
      }),
    ]);
  });

  it('keeps the reason message and the unknown rule id', () => {
    const d = errorsOf(
      'rules:\n  pcoip-workspaces-unreachable:\n    severity: off\n  no-such-rule: { severity: off, reason: x }\n',
    );
    expect(d.map((x) => x.code).sort()).toEqual(['bad-config', 'unknown-rule']);
    expect(d.find((x) => x.code === 'bad-config')?.message).toContain('a reason is required');
  });

  it('raising a severity needs no reason; lowering or silencing one does', () => {
    const raised = parseCheckConfig('rules:\n  streaming-endpoint-multi-az: { severity: error }\n', 'c.yaml');
    expect(raised.diagnostics).toEqual([]);
    expect(raised.policy?.overrides).toEqual([{ rule: 'streaming-endpoint-multi-az', severity: 'error' }]);
    const lowered = parseCheckConfig('rules:\n  streaming-endpoint-private-dns:\n    - severity: warning\n', 'c.yaml');
    expect(lowered.policy).toBeUndefined();
    expect(lowered.diagnostics).toEqual([
      expect.objectContaining({
        line: 3,
        message:
          'a reason is required: say why the rule is changed (lowering streaming-endpoint-private-dns from error to warning)',
      }),
    ]);
  });
});
