import { describe, expect, it } from 'vitest';
import pcoipUnreachable from './pcoip-workspaces-unreachable.js';
import { runCheck } from './runner.js';
import { seed } from './testing/design.js';
import type { RuleId } from '../workspaces/rule-ids.js';
import { defineRule, INTERNAL_ERROR } from './types.js';

const throwing = defineRule({
  meta: {
    // Ids outside the contract, only for this test.
    id: 'always-throws' as RuleId,
    description: 'test',
    severity: 'error',
    messages: { x: 'x' },
    sources: ['inferred'],
    usesEngine: false,
  },
  check() {
    throw new Error('boom');
  },
});

const mutating = defineRule({
  meta: {
    id: 'mutates' as RuleId,
    description: 'test',
    severity: 'error',
    messages: { x: 'x' },
    sources: ['inferred'],
    usesEngine: false,
  },
  check(model) {
    (model.directories[0] as { pcoipOverInternet: boolean }).pcoipOverInternet = true;
  },
});

describe('runCheck', () => {
  it('turns a throwing rule into an internal-error finding and keeps running the others', () => {
    const r = runCheck(seed(), { rules: [throwing, pcoipUnreachable] });
    expect(r.results.map((x) => x.status)).toEqual(['internal-error', 'findings']);
    expect(r.findings[0]).toMatchObject({ rule: INTERNAL_ERROR, severity: 'error', resource: 'always-throws' });
    expect(r.findings[0]?.message).toContain('boom');
    expect(r.findings[1]?.rule).toBe('pcoip-workspaces-unreachable');
  });

  it('runs rules on a frozen copy: writes throw, the caller model is untouched', () => {
    const model = seed();
    const r = runCheck(model, { rules: [mutating, pcoipUnreachable] });
    expect(r.results[0]?.status).toBe('internal-error');
    expect(r.results[1]?.status).toBe('findings');
    expect(model.directories[0]?.pcoipOverInternet).toBe(false);
    expect(Object.isFrozen(model)).toBe(false);
  });

  it('gives findings the provenance of their resource', () => {
    const f = runCheck(seed(), { rules: [pcoipUnreachable] }).findings[0];
    expect(f?.location?.file).toBe('seed-tokyo.yaml');
    expect(f?.location?.line).toBeGreaterThan(0);
  });

  it('shows undecided rules as unknown, never as pass', () => {
    const r = runCheck(seed());
    const withoutEngine = runCheck(seed(), { traceAll: () => undefined });
    const status = (res: typeof r, id: string) => res.results.find((x) => x.rule === id)?.status;
    expect(status(r, 'client-internet-for-auth')).toBe('pass');
    expect(status(withoutEngine, 'client-internet-for-auth')).toBe('unknown');
    expect(withoutEngine.summary.unknown).toBeGreaterThan(0);
  });

  it('reports not-applicable when a rule finds nothing to check', () => {
    const r = runCheck(seed('set:directories.corp.streamingEndpoint=null'), { rules: [pcoipUnreachable] });
    expect(r.results[0]?.status).toBe('not-applicable');
  });

  it('applies presets and per-resource overrides with their reasons', () => {
    const strict = runCheck(seed(), { policy: { preset: 'strict', overrides: [] } });
    expect(strict.findings.find((f) => f.rule === 'streaming-endpoint-multi-az')?.severity).toBe('error');
    expect(strict.findings.find((f) => f.rule === 'network-check-false-alarm')?.severity).toBe('warning');
    const waived = runCheck(seed(), {
      policy: {
        preset: 'recommended',
        overrides: [
          {
            rule: 'pcoip-workspaces-unreachable',
            severity: 'off',
            resources: ['pcoip-desktop'],
            reason: 'retired next week',
          },
        ],
      },
    });
    const f = waived.findings.find((x) => x.rule === 'pcoip-workspaces-unreachable');
    expect(f?.suppressed).toEqual({ reason: 'retired next week' });
    expect(waived.summary.error).toBe(0);
    expect(waived.summary.suppressed).toBe(1);
    const off = runCheck(seed(), {
      policy: {
        preset: 'recommended',
        overrides: [{ rule: 'streaming-endpoint-multi-az', severity: 'off', reason: 'test env' }],
      },
    });
    expect(off.results.find((x) => x.rule === 'streaming-endpoint-multi-az')?.status).toBe('off');
  });

  it('freezes the model where it is when the caller hands it over, with the same result as on a copy', () => {
    const copied = seed();
    const handed = seed();
    const fromCopy = runCheck(copied);
    const fromHanded = runCheck(handed, { freezeModel: true });
    expect(fromHanded).toEqual(fromCopy);
    expect(Object.isFrozen(handed.vpcs[0])).toBe(true);
    expect(Object.isFrozen(copied.vpcs[0])).toBe(false);
  });
});
