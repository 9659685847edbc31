// `wspl logs --topology`: each logged session held against the prediction for the client.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';

const run = runCli;

const SEED = 'examples/seed-tokyo.yaml';

describe('wspl logs --topology', () => {
  it('agrees with the seed 4-2 log for the EC2 client (JSON)', async () => {
    const r = await run([
      'logs',
      'test/logs/seed-4-2-privatelink-connected.log',
      '--topology',
      SEED,
      '--client',
      'ec2-client',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out).comparisons;
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({
      workspace: 'dcv-desktop',
      differ: [],
      predicted: { outcome: 'CONNECTED' },
      observed: { outcome: 'CONNECTED' },
    });
  });
  it('says where the seed 4-3 log differs from a prediction for the wrong client (text)', async () => {
    const r = await run([
      'logs',
      'test/logs/seed-4-3-home-no-reachable-endpoint.log',
      '--topology',
      SEED,
      '--client',
      'ec2-client',
    ]);
    expect(r.out).toMatch(/Against the prediction/);
    expect(r.out).toMatch(/≠ outcome: predicted CONNECTED, observed NO_REACHABLE_ENDPOINT/);
  });
  it('picks the PCoIP WorkSpace for a PCoIP session', async () => {
    const r = await run([
      'logs',
      'test/logs/seed-4-4-pcoip-resource-not-found.log',
      '--topology',
      SEED,
      '--client',
      'home',
      '--format',
      'json',
    ]);
    expect(JSON.parse(r.out).comparisons[0]).toMatchObject({
      workspace: 'pcoip-desktop',
      agree: ['outcome RESOURCE_NOT_FOUND'],
    });
  });
  it('a DCV session is never held against a PCoIP WorkSpace named with --workspace', async () => {
    const r = await run([
      'logs',
      'test/logs/seed-4-2-privatelink-connected.log',
      '--topology',
      SEED,
      '--client',
      'ec2-client',
      '--workspace',
      'pcoip-desktop',
      '--format',
      'json',
    ]);
    expect(JSON.parse(r.out).comparisons[0]).toMatchObject({ workspace: 'dcv-desktop', differ: [] });
  });
  it('without --topology prints no comparisons', async () => {
    const r = await run(['logs', 'test/logs/seed-4-2-privatelink-connected.log', '--format', 'json']);
    expect(JSON.parse(r.out).comparisons).toBeUndefined();
  });
  it('--topology without --client, or with an unknown one, is bad usage (exit 2)', async () => {
    const a = await run(['logs', 'test/logs/seed-4-2-privatelink-connected.log', '--topology', SEED]);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/--topology needs --client/);
    const b = await run([
      'logs',
      'test/logs/seed-4-2-privatelink-connected.log',
      '--topology',
      SEED,
      '--client',
      'bob',
    ]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/clients: ec2-client, home/);
  });
});
