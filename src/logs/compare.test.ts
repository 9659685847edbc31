import { describe, expect, it } from 'vitest';
import { loadSource } from '../sources/index.js';
import { traceConnection } from '../workspaces/trace.js';
import { compareSession } from './compare.js';
import { readLogFile } from './read.js';

const model = await loadSource('examples/seed-tokyo.yaml');

describe('compareSession', () => {
  it('the seed 4-2 log agrees with the prediction for the EC2 client', async () => {
    const report = await readLogFile('test/logs/seed-4-2-privatelink-connected.log');
    const c = compareSession(report.sessions[0]!, traceConnection(model, 'ec2-client', 'dcv-desktop'));
    expect(c.differ).toEqual([]);
    expect(c.agree).toEqual([
      'outcome CONNECTED',
      'path privatelink',
      'reachable QUIC 4195, QUIC 443, TCP 4195, TCP 443',
      'chosen QUIC 4195',
    ]);
  });
  it('the seed 4-3 log agrees with the prediction for home', async () => {
    const report = await readLogFile('test/logs/seed-4-3-home-no-reachable-endpoint.log');
    const c = compareSession(report.sessions[0]!, traceConnection(model, 'home', 'dcv-desktop'));
    expect(c.differ).toEqual([]);
    expect(c.agree).toContain('outcome NO_REACHABLE_ENDPOINT');
  });
  it('the seed 4-3 log against the EC2 client prediction says reality is stricter', async () => {
    const report = await readLogFile('test/logs/seed-4-3-home-no-reachable-endpoint.log');
    const c = compareSession(report.sessions[0]!, traceConnection(model, 'ec2-client', 'dcv-desktop'));
    expect(c.differ.map((d) => d.what)).toEqual(['outcome', 'reachable']);
    expect(c.differ[0]!.explanation).toMatch(/predicted CONNECTED, observed NO_REACHABLE_ENDPOINT/);
  });
  it('QUIC predicted but only TCP observed: UDP is filtered outside the topology', async () => {
    const report = await readLogFile('test/logs/seed-4-2-privatelink-connected.log');
    const s = report.sessions[0]!;
    const tcpOnly = {
      ...s,
      reachable: s.reachable.filter((r) => r.transport === 'TCP'),
      chosen: s.reachable.find((r) => r.transport === 'TCP')!,
    };
    const c = compareSession(tcpOnly, traceConnection(model, 'ec2-client', 'dcv-desktop'));
    const r = c.differ.find((d) => d.what === 'reachable')!;
    expect(r.explanation).toMatch(
      /QUIC 4195, QUIC 443 predicted reachable but not observed while TCP passes: UDP is filtered/,
    );
    expect(c.differ.find((d) => d.what === 'chosen')?.explanation).toBe('predicted QUIC 4195, observed TCP 4195');
  });
});
