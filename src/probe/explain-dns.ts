// DNS outcomes in words an engineer can act on: which resolver said what, and what it means for the client.
import { classifyAddress, couldBeEndpoint, describeAddress } from './addresses.js';
import { formatDnsServer, type DnsOutcome } from './dns.js';
import type { ProbePlan } from './plan.js';
import type { Observations } from './run.js';
import type { Need, ProbeCheck } from './types.js';

const R14 =
  'Only the resolver of the endpoint VPC (its base address + 2) answers the private name; anywhere else it needs a path into that VPC: a Route 53 Resolver inbound endpoint there and a forwarding rule or conditional forwarder towards it (AWS DNS docs; inferred for this service)';

function rtt(o: DnsOutcome): number | undefined {
  return 'rttMs' in o ? o.rttMs : undefined;
}

function noAnswer(o: DnsOutcome, who: string): string {
  switch (o.status) {
    case 'timeout':
      return `${who} did not answer within ${o.waitedMs} ms`;
    case 'servfail':
      return `${who} failed to answer (SERVFAIL or no answer in its own time)`;
    case 'refused':
      return `${who} refused the query${o.recursionAvailable === false ? ' (it offers no recursion to this machine)' : ''}`;
    case 'error':
      return `${who}: ${o.detail}`;
    case 'nxdomain':
      return `${who} says the name does not exist (NXDOMAIN${o.zone ? `, from zone ${o.zone}` : ''})`;
    case 'nodata':
      return `${who} knows the name but has no address for it${o.zone ? ` (zone ${o.zone})` : ''}`;
    case 'not-found':
      return `${who} does not resolve the name`;
    case 'answered':
      return `${who} answered`;
  }
}

/** The private name through the system resolver: what the client itself will get. */
export function systemDnsCheck(plan: ProbePlan, obs: Observations, need: Need): ProbeCheck {
  const o = obs.system;
  const resolver = `system resolver${obs.systemServers.length ? ` (${obs.systemServers.join(', ')})` : ''}`;
  const base = {
    id: 'dns.system',
    group: 'streaming' as const,
    kind: 'dns' as const,
    target: plan.privateName,
    host: plan.privateName,
    resolver,
    result: o.status,
    need,
    rttMs: rtt(o),
    source: 'system.md §1 (AWS guide: private DNS name of the streaming endpoint)',
  };
  const notNeeded = need === 'not-needed' ? ' Not needed here: the streams go over the internet.' : '';
  if (o.status !== 'answered') {
    return {
      ...base,
      status: 'fail',
      summary: noAnswer(o, 'the system resolver'),
      explanation: `The client resolves ${plan.privateName} with this resolver and gets no address, so it finds no endpoint ("No endpoints are reachable", seed 4-3). ${R14}.${notNeeded}`,
    };
  }
  const answers = o.addresses.map(classifyAddress);
  const good = answers.filter(couldBeEndpoint);
  const odd = answers.filter((a) => !couldBeEndpoint(a));
  const list = answers.map(describeAddress).join(', ');
  if (odd.length === 0) {
    return {
      ...base,
      answers,
      status: 'ok',
      summary: `resolves to ${list}`,
      explanation: `The private name resolves here, as it does only where a path to the endpoint VPC's resolver exists.${notNeeded}`,
    };
  }
  const why = odd.some((a) => a.kind === 'loopback')
    ? 'a loopback answer comes from a hosts-file entry or a local DNS override, not from the endpoint'
    : odd.some((a) => a.kind === 'public')
      ? 'a public IPv4 answer for a private name means a DNS server rewrites names it does not know (a captive portal, an ISP that answers NXDOMAIN with its own page, a filtering resolver); AWS private DNS answers private addresses'
      : 'these addresses cannot be the endpoint interfaces';
  return {
    ...base,
    answers,
    status: good.length > 0 ? 'warn' : 'fail',
    summary: `resolves to ${list}`,
    explanation: `${good.length > 0 ? 'Some answers are not' : 'No answer is'} an endpoint address: ${why}.${notNeeded}`,
  };
}

/** The private name through --dns, held against the system resolver's answer. */
export function serverDnsCheck(plan: ProbePlan, obs: Observations): ProbeCheck | undefined {
  const o = obs.server;
  const server = plan.dnsServer;
  if (!o || !server) return undefined;
  const who = formatDnsServer(server);
  const base = {
    id: 'dns.server',
    group: 'streaming' as const,
    kind: 'dns' as const,
    target: plan.privateName,
    host: plan.privateName,
    resolver: who,
    result: o.status,
    need: 'informational' as const,
    rttMs: rtt(o),
  };
  const systemOk = obs.system.status === 'answered';
  if (o.status === 'answered') {
    const answers = o.addresses.map(classifyAddress);
    const same =
      systemOk &&
      obs.system.status === 'answered' &&
      [...obs.system.addresses].sort().join() === [...o.addresses].sort().join();
    return {
      ...base,
      answers,
      status: answers.some(couldBeEndpoint) ? 'ok' : 'warn',
      summary: `${who} resolves it to ${answers.map(describeAddress).join(', ')}`,
      explanation: same
        ? 'The same answer as the system resolver.'
        : systemOk
          ? 'A different answer from the system resolver: the client uses the system resolver, so its answer counts.'
          : `${who} answers the name but the system resolver does not: the system resolver does not forward ${plan.privateName} to ${who} (a conditional forwarder or Resolver rule is missing), or this machine does not use ${who}.`,
    };
  }
  let why: string;
  if (o.status === 'nxdomain' || o.status === 'nodata') {
    // The SOA that comes with a negative answer names the zone that said no: shown, not interpreted.
    why = `A resolver that reaches the endpoint VPC would return the endpoint's addresses, so ${who} does not forward ${plan.privateName} there${o.zone ? ` (the "no" came from zone ${o.zone})` : ''}. ${R14}.`;
  } else if (o.status === 'timeout') {
    why = `No answer: UDP 53 to ${who} is dropped on the way, or nothing serves DNS there (a Route 53 Resolver inbound endpoint needs its security group to allow UDP and TCP 53 from this network).`;
  } else if (o.status === 'refused') {
    why = `${who} does not resolve for this machine: its access rules (or a resolver that serves only its own zones) turn the query away.`;
  } else {
    why = `${who} could not answer.`;
  }
  return { ...base, status: 'fail', summary: noAnswer(o, who), explanation: why };
}

/** --endpoint HOST: its own lookup. */
export function endpointDnsCheck(obs: Observations): ProbeCheck | undefined {
  const ep = obs.endpoint;
  if (!ep?.lookup) return undefined;
  const o = ep.lookup;
  const answers = o.status === 'answered' ? o.addresses.map(classifyAddress) : undefined;
  return {
    id: 'endpoint.dns',
    group: 'streaming',
    kind: 'dns',
    target: ep.spec,
    host: ep.spec,
    resolver: 'system resolver',
    result: o.status,
    status: o.status === 'answered' ? 'ok' : 'fail',
    need: 'needed',
    rttMs: rtt(o),
    answers,
    summary:
      o.status === 'answered'
        ? `resolves to ${(answers ?? []).map(describeAddress).join(', ')}`
        : noAnswer(o, 'the system resolver'),
    explanation:
      o.status === 'answered'
        ? 'The endpoint you named resolves; its addresses are probed below.'
        : 'The endpoint you named does not resolve here, so nothing could be probed for it.',
  };
}
