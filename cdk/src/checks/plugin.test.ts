// wspl's outcome as CDK's validation report: which findings fail synth, where each is reported, what an Aspect's
// scope keeps. (The plugin and the Aspect on a real synth: examples/seed-environment/seed-environment.test.ts.)
import { describe, expect, it } from 'vitest';
import { toReport } from './plugin.js';
import type { WsplOutcome } from './wspl-adapter.js';

const outcome: WsplOutcome = {
  ok: true,
  diagnostics: [],
  findings: [
    {
      rule: 'streaming-endpoint-ports',
      severity: 'warning',
      resource: 'Vpc/Sg',
      message: 'UDP 4195 is not allowed',
      location: {
        file: 'App.template.json',
        constructPath: 'App/Streaming/SecurityGroup/Resource',
        path: 'Resources.Sg',
      },
    },
    {
      rule: 'internet-clients-cut-off',
      severity: 'info',
      resource: 'home',
      message: 'home is cut off',
      location: { file: 'clients.yaml', line: 4 },
    },
  ],
  unknowns: [{ rule: 'client-route-to-endpoint', resource: 'laptop', missing: ['its addresses'] }],
};

describe('toReport', () => {
  it('reports each finding at its construct path (or its file and line), with the rule and how to read about it', () => {
    const r = toReport(outcome);
    expect(r.success).toBe(true);
    expect(r.violations.map((v) => [v.ruleName, v.severity, v.violatingResources[0]])).toEqual([
      [
        'streaming-endpoint-ports',
        'warning',
        { constructPath: 'App/Streaming/SecurityGroup/Resource', locations: ['Resources.Sg'] },
      ],
      ['internet-clients-cut-off', 'info', { locations: ['home (clients.yaml:4)'] }],
      ['client-route-to-endpoint', 'info', { locations: ['laptop'] }],
    ]);
    expect(r.violations[0]?.fix).toBe('wspl explain streaming-endpoint-ports');
    expect(r.violations[2]?.description).toBe('could not be decided for laptop: its addresses');
  });

  it('fails on warnings when asked; an Aspect’s scope keeps its constructs and those on no construct', () => {
    expect(toReport(outcome, { failOn: 'warning' }).success).toBe(false);
    const scoped = toReport(outcome, { scopes: ['Other'] });
    expect(scoped.violations.map((v) => v.ruleName)).toEqual(['internet-clients-cut-off', 'client-route-to-endpoint']);
  });

  it('a source wspl cannot read fails synth, saying why', () => {
    const r = toReport({
      ok: false,
      diagnostics: [{ severity: 'error', file: 'cdk.out/manifest.json', line: 3, message: 'broken' }],
    });
    expect(r.success).toBe(false);
    expect(r.violations[0]?.description).toBe(
      'wspl could not read the synthesized assembly: cdk.out/manifest.json:3 broken',
    );
  });
});
