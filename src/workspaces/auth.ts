// Registration and login (system.md §2 steps 1-2): both need the internet on TCP and UDP 443 (R3), so the same
// path decides both, even when the directory streams through an endpoint.
import type { Directory } from '../model/types.js';
import { resolveName } from '../net/dns.js';
import type { FlowResult } from '../net/flow.js';
import type { ClientContext } from './client-context.js';
import { evidence } from './connect.js';
import { awsPublicAddress, brokerHost, loginHost } from './knowledge.js';
import { cachedFlow, dedupe } from './streaming.js';
import type { Blocker, TraceStep, TraceWarning } from './types.js';
import type { World } from './world.js';

function internetFlow(
  world: World,
  ctx: ClientContext,
  region: string,
  proto: 'tcp' | 'udp',
  port: number,
): FlowResult {
  const target = {
    kind: 'internet' as const,
    address: world.net.range(awsPublicAddress(region)),
    label: 'AWS public endpoints',
  };
  return cachedFlow(world, ctx, target, proto, port, `auth|${ctx.client.id}|${region}|${proto}|${port}`);
}

export interface AuthResult {
  steps: TraceStep[];
  status: 'ok' | 'fail' | 'unknown';
  blockers: Blocker[];
  warnings: TraceWarning[];
  missing: string[];
  publicSource?: string;
}

export function authenticate(world: World, ctx: ClientContext, dir: Directory, region: string): AuthResult {
  const dns = resolveName(world.net, world.dns, ctx.resolver, brokerHost(region));
  const tcp = internetFlow(world, ctx, region, 'tcp', 443);
  const udp = internetFlow(world, ctx, region, 'udp', 443);
  // A network ACL that drops the replies is its own rule wherever it sits; every other blocker of this path is a
  // missing internet path for authentication.
  const blockers: Blocker[] = dedupe([...dns.blockers, ...tcp.blockers]).map((b) => ({
    ...b,
    ruleId: b.kind === 'network-acl' && b.phase === 'return' ? 'nacl-return-traffic' : 'client-internet-for-auth',
  }));
  const missing = [...dns.missing, ...tcp.missing];
  const status = blockers.length > 0 ? 'fail' : missing.length > 0 || dns.status === 'unknown' ? 'unknown' : 'ok';
  const warnings: TraceWarning[] = [];
  if (status === 'ok' && udp.disposition !== 'accepted') {
    warnings.push({
      code: 'client-internet-for-auth',
      inferred: true,
      facts: {
        code: 'client-internet-for-auth',
        state: udp.disposition === 'unknown' ? 'unknown' : 'blocked',
        causes: udp.blockers,
        missing: udp.missing,
      },
    });
  }
  const hops = [...dns.hops, ...tcp.hops];
  const steps: TraceStep[] = [
    {
      step: 'registration',
      status,
      note:
        status === 'ok'
          ? { code: 'internet-ok', ...(tcp.publicSource !== undefined ? { publicSource: tcp.publicSource } : {}) }
          : status === 'fail'
            ? { code: 'internet-blocked', causes: blockers }
            : { code: 'internet-unknown', missing },
      evidence: evidence(hops),
      hops,
    },
    {
      step: 'login',
      status: status === 'fail' ? 'skipped' : status,
      note:
        status === 'ok'
          ? { code: 'login-ok', loginHost: loginHost(dir.directoryId), brokerHost: brokerHost(region) }
          : { code: 'not-reached' },
      evidence: status === 'ok' ? evidence(tcp.hops) : [],
    },
  ];
  return {
    steps,
    status,
    blockers,
    warnings,
    missing,
    ...(tcp.publicSource ? { publicSource: tcp.publicSource } : {}),
  };
}
