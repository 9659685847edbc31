// Reality against the prediction, on the seed's environment: each kind of difference with its likely cause.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../model/types.js';
import { loadSource } from '../sources/index.js';
import { traceConnection } from '../workspaces/trace.js';
import { compareWithPrediction } from './compare.js';
import { answered, dropped, ENI, run, silent, streaming, vn, open } from './testing/observations.js';
import { planProbe } from './plan.js';
import type { ProbeReport } from './types.js';

let seed: Model;
beforeAll(async () => {
  seed = await loadSource('examples/seed-tokyo.yaml');
});

const hint = { path: 'privatelink' as const, why: 'the seed setup' };
const compare = (report: ProbeReport, client = 'ec2-client', workspace = 'dcv-desktop', model = seed) =>
  compareWithPrediction(report, traceConnection(model, client, workspace));

describe('ec2-client → dcv-desktop (predicted CONNECTED through the endpoint, QUIC 4195 to 10.0.21.217)', () => {
  it('a run that matches: no difference, and the agreements say what matched', () => {
    const c = compare(run({}, { hint }));
    expect(c.predicted).toEqual({
      outcome: 'CONNECTED',
      path: 'privatelink',
      endpoint: { transport: 'QUIC', port: 4195, address: ENI },
    });
    expect(c.differences).toEqual([]);
    expect(c.agreements.join('\n')).toMatch(
      /DNS: .* resolves to 10\.0\.21\.217 \(private, 10\.0\.0\.0\/8\), as predicted/,
    );
    expect(c.agreements).toContain('TCP 4195 10.0.21.217: reachable, as predicted');
    expect(c.agreements).toContain('connects with QUIC 4195 to 10.0.21.217, as predicted');
  });

  it('TCP dropped where the model lets it through: a firewall outside the model', () => {
    const c = compare(run({ streaming: streaming(ENI, vn, vn, dropped, open) }, { hint }));
    expect(c.differences).toEqual([
      expect.objectContaining({
        aspect: 'probe',
        check: `TCP:4195@${ENI}`,
        predicted: 'reachable',
        likelyCause: expect.stringMatching(/^a firewall outside the model drops it/),
      }),
    ]);
  });

  it('a reset where the model lets it through: AWS filters never reset, so something else answered', () => {
    const c = compare(run({ streaming: streaming(ENI, vn, vn, open, { status: 'refused', rttMs: 1 }) }, { hint }));
    expect(c.differences[0]?.likelyCause).toMatch(/never send a reset/);
  });

  it('QUIC silence is undecided, not a difference; the chosen transport differs and says why', () => {
    const c = compare(run({ streaming: streaming(ENI, silent, silent, open, open) }, { hint }));
    expect(c.undecided.join('\n')).toMatch(
      /QUIC 4195 10\.0\.21\.217: predicted reachable; here no answer \(silence is not proof/,
    );
    expect(c.differences).toEqual([
      expect.objectContaining({
        aspect: 'endpoint',
        predicted: 'QUIC 4195 to 10.0.21.217',
        observed: 'first confirmed: TCP 4195 to 10.0.21.217',
      }),
    ]);
    expect(c.differences[0]?.likelyCause).toMatch(/QUIC went unanswered here/);
  });

  it('the name does not resolve here though the model says it does: a resolver that does not forward', () => {
    const c = compare(run({ system: { status: 'not-found', rttMs: 9 }, targets: [], streaming: [] }, { hint }));
    const dns = c.differences.find((d) => d.aspect === 'dns');
    expect(dns?.likelyCause).toMatch(/does not forward the name as the model says/);
  });

  it('an answer the model does not know: another endpoint, or a stale source', () => {
    const c = compare(
      run(
        {
          system: answered('10.0.99.9'),
          targets: [{ address: '10.0.99.9', from: ['system'] }],
          streaming: streaming('10.0.99.9', vn, vn, open, open),
        },
        { hint },
      ),
    );
    expect(c.differences.find((d) => d.aspect === 'dns')?.likelyCause).toMatch(
      /10\.0\.99\.9 is not an endpoint address of the model/,
    );
  });

  it('no HTTPS to the broker though the model has internet: a firewall or proxy outside it', () => {
    const p = planProbe({ region: 'ap-northeast-1' });
    const internet = p.internet.map((host) => ({
      host,
      lookup: answered('54.239.0.1'),
      address: '54.239.0.1',
      tls: { status: 'timeout' as const, waitedMs: 2400, stage: 'connect' as const },
    }));
    const c = compare(run({ internet }, { hint }));
    expect(c.differences.find((d) => d.aspect === 'internet')?.likelyCause).toMatch(
      /firewall or proxy outside the model/,
    );
  });
});

describe('home → dcv-desktop (predicted NO_REACHABLE_ENDPOINT: public DNS cannot resolve the name)', () => {
  it('the name resolves here: a resolver path the source does not hold; probes are not held against hypothetical ones', () => {
    const c = compare(run({}, { hint }), 'home');
    expect(c.predicted.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(c.differences.find((d) => d.aspect === 'dns')).toMatchObject({
      predicted: 'does not resolve',
      likelyCause: expect.stringMatching(/a resolver path exists that the source does not hold/),
    });
    expect(c.differences.some((d) => d.aspect === 'probe')).toBe(false);
  });
  it('it does not resolve here either: agreement', () => {
    const c = compare(run({ system: { status: 'not-found', rttMs: 9 }, targets: [], streaming: [] }, { hint }), 'home');
    expect(c.differences.filter((d) => d.aspect === 'dns')).toEqual([]);
    expect(c.agreements.join('\n')).toMatch(/does not resolve, as predicted/);
  });
});

describe('predictions without a private path', () => {
  it('PCoIP without fallback (RESOURCE_NOT_FOUND): nothing to hold the streaming probes against, said so', () => {
    const c = compare(run({}, { hint }), 'ec2-client', 'pcoip-desktop');
    expect(c.predicted.outcome).toBe('RESOURCE_NOT_FOUND');
    expect(c.undecided.join('\n')).toMatch(/RESOURCE_NOT_FOUND with no streaming path/);
  });
  it('a directory without an endpoint, but the private name resolves here: an endpoint the source does not attach', () => {
    const model: Model = {
      ...seed,
      directories: seed.directories.map((d) => ({
        ...d,
        streamingEndpoint: null,
        streamingEndpointAwsId: undefined,
        accessEndpointType: undefined,
      })),
    };
    const c = compare(run({}), 'ec2-client', 'dcv-desktop', model);
    expect(c.predicted.path).toBe('internet');
    expect(c.differences.find((d) => d.aspect === 'path')?.likelyCause).toMatch(
      /a streaming endpoint exists that the source does not attach/,
    );
  });
});
