// `wspl probe` end to end on 127.0.0.1 with the default timeouts: how long one run takes when every probe is
// answered, when UDP goes unanswered (QUIC silence waits out its timeout), and in the worst case (every answer
// missing). Prints figures; asserts nothing. The network here is loopback, so these are the probe's own costs
// plus its timeouts, not a real network's round trips.
import { performance } from 'node:perf_hooks';
import { probe } from '../src/probe/index.js';
import type { ProbeDeps } from '../src/probe/plan.js';
import { lookupVia, startDnsServer } from '../src/probe/testing/dns-server.js';
import { loopbackDial, openTcp, quicResponder, silentUdp, tlsFile, tlsServer } from '../src/probe/testing/loopback.js';

const PRIVATE = 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com';
const ENI = '10.0.21.217';
const [tcp, quic, quiet, tls] = await Promise.all([openTcp(), quicResponder(), silentUdp(), tlsServer('amazon-like')]);
const hosts = [
  'ws-broker-service.ap-northeast-1.amazonaws.com',
  'connectivity.amazonworkspaces.com',
  'drp-nrt.amazonworkspaces.com',
];
const answering = await startDnsServer({
  [PRIVATE]: { addresses: [ENI] },
  ...Object.fromEntries(hosts.map((h) => [h, { addresses: ['127.0.0.1'] }])),
});
const silentDns = await startDnsServer(Object.fromEntries([PRIVATE, ...hosts].map((h) => [h, { silent: true }])));

function deps(udp: number, dns = answering): Partial<ProbeDeps> {
  return {
    lookup: lookupVia(dns, 1500),
    systemServers: () => [dns.spec],
    tlsCa: tlsFile('amazon-like-root.crt'),
    dial: loopbackDial({
      [`QUIC ${ENI}:4195`]: udp,
      [`QUIC ${ENI}:443`]: udp,
      [`TCP ${ENI}:4195`]: tcp.port,
      [`TCP ${ENI}:443`]: tcp.port,
      'TLS 127.0.0.1:443': tls.port,
      'TCP 127.0.0.1:4195': tcp.port,
      'QUIC 127.0.0.1:4195': udp,
    }),
  };
}

async function time(label: string, d: Partial<ProbeDeps>, runs = 5): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await probe({ region: 'ap-northeast-1' }, d);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(58)} median ${ms[Math.floor(runs / 2)]!.toFixed(0)} ms, max ${ms[runs - 1]!.toFixed(0)} ms (${runs} runs)`,
  );
}

console.log('probe on loopback, default timeouts (1500 ms per probe, 2400 ms per TLS handshake)');
await time('every probe answered (QUIC negotiated, TCP open, TLS)', deps(quic.port));
await time('UDP unanswered (QUIC silence waits out its timeout)', deps(quiet.port));
await time('worst case: the resolver never answers', deps(quiet.port, silentDns), 3);
await Promise.all([tcp, quic, quiet, tls].map((l) => l.close()));
await Promise.all([answering.close(), silentDns.close()]);
