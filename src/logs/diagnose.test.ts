import { describe, expect, it } from 'vitest';
import { fixtureText } from './fixtures.test-helpers.js';
import { scanChunks } from './scanner.js';

const scan = (text: string) => scanChunks([Buffer.from(text)], 'x.log');

/** Seed 4-2 with the reachable lines (both lists) of the given endpoints removed, and the attempt moved to `chosen`. */
function connectedWithout(unreachable: RegExp, chosen = 'transport: TCP, port: 443'): string {
  const lines = fixtureText('connected').split('\n');
  return lines
    .filter((l) => !(/Reachable endpoint: |\[DBG\] hostname: /.test(l) && unreachable.test(l)))
    .map((l) => (l.includes('Attempting to establish') ? l.replace('transport: QUIC, port: 4195', chosen) : l))
    .map((l) =>
      l.includes('Connecting WorkSpace using') ? l.replace('QUIC', chosen.includes('TCP') ? 'TCP' : 'QUIC') : l,
    )
    .join('\n');
}

describe('diagnoses from reachability', () => {
  it('udp-blocked: QUIC endpoints unreachable while TCP ones are reachable', () => {
    const r = scan(connectedWithout(/transport: QUIC/, 'transport: TCP, port: 4195'));
    const s = r.sessions[0]!;
    expect(s.outcome).toBe('CONNECTED');
    expect(s.chosen).toMatchObject({ transport: 'TCP', port: 4195 });
    expect(s.reachable.map((e) => `${e.transport} ${e.port}`)).toEqual(['TCP 4195', 'TCP 443']);
    expect(r.diagnoses.map((d) => [d.code, d.severity, d.inferred])).toEqual([['udp-blocked', 'warning', true]]);
    expect(r.diagnoses[0]!.message).toMatch(/allow UDP 4195 and UDP 443 in the endpoint's security group/);
    // Offered (9-12), then the probe header and the two TCP endpoints of both reachable lists (14-18).
    expect(r.diagnoses[0]!.lines.map((l) => l.line)).toEqual([9, 10, 11, 12, 14, 15, 16, 17, 18]);
  });

  it('port-4195-blocked: 443 reachable, 4195 not', () => {
    const r = scan(connectedWithout(/port: 4195/, 'transport: QUIC, port: 443'));
    expect(r.sessions[0]!.chosen).toMatchObject({ transport: 'QUIC', port: 443 });
    expect(r.diagnoses.map((d) => d.code)).toEqual(['port-4195-blocked']);
    expect(r.diagnoses[0]!.message).toMatch(/5\.23\.0.*this client: 5\.29\.1\.5595/);
  });

  it('both at once when only TCP 443 gets through', () => {
    const r = scan(connectedWithout(/transport: QUIC|port: 4195/));
    expect(r.diagnoses.map((d) => d.code)).toEqual(['udp-blocked', 'port-4195-blocked']);
  });

  it('endpoints-partly-unreachable when no single block explains the loss', () => {
    const r = scan(connectedWithout(/transport: QUIC, port: 443/, 'transport: QUIC, port: 4195'));
    expect(r.diagnoses.map((d) => [d.code, d.severity])).toEqual([['endpoints-partly-unreachable', 'info']]);
    expect(r.diagnoses[0]!.message).toMatch(/QUIC 443/);
  });

  it('nothing to say when every offered endpoint is reachable', () => {
    expect(scan(fixtureText('connected')).diagnoses).toEqual([]);
  });
});

describe('diagnoses from the broker', () => {
  const pcoip = fixtureText('pcoip');

  it('RESOURCE_NOT_FOUND on a WSP request is not blamed on the PCoIP setting', () => {
    const r = scan(pcoip.replace('Protocol: PCOIP', 'Protocol: WSP'));
    expect(r.sessions[0]).toMatchObject({ protocol: 'WSP', outcome: 'RESOURCE_NOT_FOUND' });
    expect(r.diagnoses.map((d) => d.code)).toEqual(['broker-resource-not-found']);
  });

  it('an unknown broker code gives UNKNOWN and broker-error naming the code', () => {
    const r = scan(pcoip.replaceAll('RESOURCE_NOT_FOUND', 'THROTTLED'));
    expect(r.sessions[0]).toMatchObject({ outcome: 'UNKNOWN', brokerError: 'THROTTLED' });
    expect(r.diagnoses.map((d) => d.code)).toEqual(['broker-error']);
    expect(r.diagnoses[0]!.message).toContain('THROTTLED');
  });
});

describe('no-reachable-endpoint by path', () => {
  const noReachable = fixtureText('noReachable');

  it('public gateway names give the internet explanation, marked inferred', () => {
    const r = scan(noReachable.replaceAll('privatelink.prod.ap-northeast-1', 'gw-a1.prod.ap-northeast-1'));
    expect(r.sessions[0]!.path).toBe('internet');
    expect(r.diagnoses[0]).toMatchObject({ code: 'no-reachable-endpoint', inferred: true });
    expect(r.diagnoses[0]!.message).toMatch(/firewall/);
  });

  it('names nobody knows give path null and a plain explanation', () => {
    const r = scan(
      noReachable.replaceAll('privatelink.prod.ap-northeast-1.highlander.aws.a2z.com', 'example.internal'),
    );
    expect(r.sessions[0]).toMatchObject({ path: null, protocol: null, region: 'ap-northeast-1' });
    expect(r.diagnoses[0]!.code).toBe('no-reachable-endpoint');
  });

  it('the .WSP. spelling of the start block counts as the private name', () => {
    const start = fixtureText('connected').split('\n').slice(0, 5).join('\n') + '\n';
    const r = scan(
      start +
        '2025-08-28T04:29:38.769Z { Version: "5.29.1.5595" }: [WRN] No endpoints are reachable. A connection may not be able to be established.\n',
    );
    expect(r.sessions[0]).toMatchObject({ path: 'privatelink', outcome: 'NO_REACHABLE_ENDPOINT' });
    expect(r.sessions[0]!.offered[0]!.hostname).toBe('privatelink.prod.ap-northeast-1.WSP.aws.a2z.com');
    expect(r.sessions[0]!.offered).toHaveLength(4);
  });
});
