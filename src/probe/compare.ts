// Reality against the prediction: every probe held against what `wspl trace` predicts for this client, and each
// difference named with its likely cause. It reads only the trace's stable fields (outcome, path, endpoint,
// offered, probes, and the contract's step names).
import { cidrContains } from '../net/cidr.js';
import type { Trace } from '../workspaces/types.js';
import { SILENCE_IS_NOT_PROOF } from './explain-probes.js';
import type { Comparison, Difference, ProbeCheck, ProbeReport } from './types.js';

const DROPPED_OUTSIDE =
  'a firewall outside the model drops it (this machine’s own firewall, an office or VPN firewall, a proxy), or the endpoint security group, a network ACL or a route changed since the source was read';
const REJECTED_OUTSIDE =
  'something outside the model rejects it: AWS security groups and network ACLs drop silently and never send a reset, so a host or network firewall answered, or the address is not the endpoint (inferred)';
const PASSES_UNMODELLED =
  'the source lacks a rule or route that exists for real (an out-of-date snapshot, a change made outside the template, an overlay that is missing), or this machine is not where the model puts the client';

function stepStatus(trace: Trace, step: 'dns' | 'registration'): string | undefined {
  return trace.steps.find((s) => s.step === step)?.status;
}

/** The model may give an ENI address or, when addresses are unknown, the endpoint subnet's CIDR. */
const within = cidrContains;

function observedWords(c: ProbeCheck): string {
  return `${c.result}: ${c.summary}`;
}

interface Lists {
  differences: Difference[];
  agreements: string[];
  undecided: string[];
}

function compareDns(report: ProbeReport, trace: Trace, predictedAddresses: string[], out: Lists): void {
  const dns = report.checks.find((c) => c.id === 'dns.system');
  const predicted = stepStatus(trace, 'dns');
  if (!dns || predicted === undefined) return;
  const resolved = dns.status === 'ok' || dns.status === 'warn';
  const observed = (dns.answers ?? []).map((a) => a.address);
  if (predicted === 'unknown') {
    out.undecided.push(`DNS: the model cannot tell whether ${report.privateName} resolves; here: ${dns.summary}`);
  } else if (predicted === 'ok' && resolved) {
    const stray = observed.filter((a) => !predictedAddresses.some((p) => within(p, a)));
    if (stray.length === 0) out.agreements.push(`DNS: ${report.privateName} ${dns.summary}, as predicted`);
    else
      out.differences.push({
        aspect: 'dns',
        check: dns.id,
        predicted: `resolves to ${predictedAddresses.join(', ') || 'the endpoint addresses'}`,
        observed: `resolves to ${observed.join(', ')}`,
        likelyCause: `${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} not an endpoint address of the model: another endpoint's private zone answers (another VPC), or the source is out of date`,
      });
  } else if (predicted === 'ok') {
    out.differences.push({
      aspect: 'dns',
      check: dns.id,
      predicted: `resolves to ${predictedAddresses.join(', ') || 'the endpoint addresses'}`,
      observed: dns.summary,
      likelyCause:
        'the resolver this machine uses does not forward the name as the model says: this machine is not where the model puts the client, its DNS settings differ from the model (a VPN client or local resolver that pushes its own DNS, other DHCP options), or a forwarding rule or inbound endpoint fails for real',
    });
  } else if (resolved) {
    out.differences.push({
      aspect: 'dns',
      check: dns.id,
      predicted: 'does not resolve',
      observed: dns.summary,
      likelyCause:
        'a resolver path exists that the source does not hold (a Route 53 Resolver rule, an on-premises conditional forwarder, a hosts-file entry): add it to the source or an overlay',
    });
  } else {
    out.agreements.push(`DNS: ${report.privateName} does not resolve, as predicted (${dns.summary})`);
  }
}

function compareProbes(report: ProbeReport, trace: Trace, out: Lists): void {
  const observed = report.checks.filter((c) => (c.kind === 'tcp' || c.kind === 'quic') && c.group === 'streaming');
  for (const p of trace.probes) {
    if (p.transport === 'UDP' || p.address === undefined) continue;
    const address = p.address;
    const label = `${p.transport} ${p.port} ${address}`;
    const seen = observed.filter(
      (c) => c.transport === p.transport && c.port === p.port && within(address, c.address ?? ''),
    );
    if (seen.length === 0) continue;
    for (const c of seen) {
      const what = seen.length > 1 || c.address !== address ? `${p.transport} ${p.port} ${c.address ?? ''}` : label;
      if (p.reachable === 'unknown') {
        out.undecided.push(`${what}: the model cannot tell; here: ${observedWords(c)}`);
      } else if (c.status === 'inconclusive') {
        if (p.reachable) out.undecided.push(`${what}: predicted reachable; here no answer (${SILENCE_IS_NOT_PROOF})`);
        else out.agreements.push(`${what}: predicted blocked; no answer here`);
      } else if (p.reachable && c.status === 'ok') {
        out.agreements.push(`${what}: reachable, as predicted`);
      } else if (!p.reachable && c.status === 'fail') {
        out.agreements.push(`${what}: blocked, as predicted (${c.result})`);
      } else if (p.reachable) {
        out.differences.push({
          aspect: 'probe',
          check: c.id,
          predicted: 'reachable',
          observed: observedWords(c),
          likelyCause: c.result === 'refused' ? REJECTED_OUTSIDE : DROPPED_OUTSIDE,
        });
      } else {
        out.differences.push({
          aspect: 'probe',
          check: c.id,
          predicted: 'blocked',
          observed: observedWords(c),
          likelyCause: PASSES_UNMODELLED,
        });
      }
    }
  }
}

function compareInternet(report: ProbeReport, trace: Trace, out: Lists): void {
  const broker = report.checks.find((c) => c.id === 'https.broker');
  const predicted = stepStatus(trace, 'registration');
  if (!broker || predicted === undefined) return;
  const ok = broker.status === 'ok' || broker.status === 'warn';
  if (predicted === 'unknown') out.undecided.push(`internet: the model cannot tell; here: ${broker.summary}`);
  else if ((predicted === 'ok') === ok)
    out.agreements.push(`internet (HTTPS to the broker): ${ok ? 'works' : 'fails'}, as predicted`);
  else
    out.differences.push({
      aspect: 'internet',
      check: broker.id,
      predicted: predicted === 'ok' ? 'the internet on TCP 443 works' : 'no internet on TCP 443',
      observed: broker.summary,
      likelyCause:
        predicted === 'ok'
          ? 'a firewall or proxy outside the model blocks HTTPS to AWS, or public DNS fails on this machine'
          : `an internet path exists that the model lacks: ${PASSES_UNMODELLED}`,
    });
}

function compareEndpoint(report: ProbeReport, trace: Trace, out: Lists): void {
  const p = trace.endpoint;
  const o = report.connect;
  if (!p && !o) return;
  const words = (e: { transport: string; port: number; address: string | null } | null) =>
    e ? `${e.transport} ${e.port}${e.address ? ` to ${e.address}` : ''}` : 'none';
  if (p && o && p.transport === o.transport && p.port === o.port) {
    out.agreements.push(`connects with ${words(o)}, as predicted`);
    return;
  }
  const quicSilent = report.checks.some(
    (c) => c.kind === 'quic' && c.group === 'streaming' && c.status === 'inconclusive',
  );
  out.differences.push({
    aspect: 'endpoint',
    predicted: words(p),
    observed: o ? `first confirmed: ${words(o)}` : 'none confirmed',
    likelyCause:
      p?.transport === 'QUIC' && o?.transport === 'TCP' && quicSilent
        ? `QUIC went unanswered here: ${SILENCE_IS_NOT_PROOF}; if UDP is really blocked, a UDP filter outside the model drops it`
        : 'see the probe differences above',
  });
}

export function compareWithPrediction(report: ProbeReport, trace: Trace): Comparison {
  const out: Lists = { differences: [], agreements: [], undecided: [] };
  compareInternet(report, trace, out);
  if (trace.path === 'privatelink') {
    const predictedAddresses = [...new Set(trace.probes.flatMap((p) => (p.address ? [p.address] : [])))];
    compareDns(report, trace, predictedAddresses, out);
    // With the name unresolved in the model, its probes are hypothetical: nothing to hold reality against.
    if (stepStatus(trace, 'dns') === 'ok') compareProbes(report, trace, out);
    compareEndpoint(report, trace, out);
  } else if (trace.path === 'internet') {
    const dns = report.checks.find((c) => c.id === 'dns.system');
    if (dns?.status === 'ok') {
      out.differences.push({
        aspect: 'path',
        check: dns.id,
        predicted: 'DCV streams over the internet (the directory has no streaming endpoint)',
        observed: `the private name resolves here (${dns.summary})`,
        likelyCause:
          'a streaming endpoint exists that the source does not attach to this directory (set since the source was read, or another directory’s)',
      });
    } else
      out.agreements.push('internet path: the private name does not resolve here, as expected without an endpoint');
  } else {
    out.undecided.push(
      `the prediction is ${trace.outcome} with no streaming path: the streaming probes have nothing to compare with`,
    );
  }
  return {
    client: trace.client,
    workspace: trace.workspace,
    predicted: {
      outcome: trace.outcome,
      path: trace.path,
      endpoint: trace.endpoint
        ? { transport: trace.endpoint.transport, port: trace.endpoint.port, address: trace.endpoint.address }
        : null,
    },
    ...out,
  };
}
