// One predicted connection, step by step (system.md section 2): registration, login, broker, DNS, probe,
// connect. Each step records what decided it; a failed path lists every blocking setting at once.
import { InputError } from '../diagnostics.js';
import type { Client, Directory, Model, Workspace } from '../model/types.js';
import { contains } from '../net/cidr.js';
import { resolveName } from '../net/dns.js';
import type { FlowResult } from '../net/flow.js';
import type { Blocker, Hop } from '../net/trace-types.js';
import { askBroker } from './broker.js';
import { clientContext, type ClientContext } from './client-context.js';
import { awsPublicAddress, brokerHost, clientOs, dcvGatewayAddress, loginHost } from './knowledge.js';
import { cachedFlow, dedupe, streamAndProbe } from './streaming.js';
import type { Outcome, ProbeResult, Trace, TraceStep, TraceWarning } from './types.js';
import { buildWorld, directoryRegion, type World } from './world.js';

function evidence(hops: readonly Hop[]): string[] {
  return [...new Set(hops.filter((h) => h.result !== 'unknown').map((h) => h.node))];
}

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

interface AuthResult {
  steps: TraceStep[];
  status: 'ok' | 'fail' | 'unknown';
  blockers: Blocker[];
  warnings: TraceWarning[];
  missing: string[];
  publicSource?: string;
}

/** Registration and login both need the internet on 443 (R3): the same path decides both. */
function authenticate(world: World, ctx: ClientContext, dir: Directory, region: string): AuthResult {
  const dns = resolveName(world.net, world.dns, ctx.resolver, brokerHost(region));
  const tcp = internetFlow(world, ctx, region, 'tcp', 443);
  const udp = internetFlow(world, ctx, region, 'udp', 443);
  // A network ACL that drops the replies is its own rule wherever it sits; every other blocker of this path is a
  // missing internet path for authentication.
  const blockers = dedupe([...dns.blockers, ...tcp.blockers]).map((b) => ({
    ...b,
    ruleId:
      b.ruleId ??
      (b.kind === 'network-acl' && b.phase === 'return' ? 'nacl-return-traffic' : 'client-internet-for-auth'),
  }));
  const missing = [...dns.missing, ...tcp.missing];
  const status = blockers.length > 0 ? 'fail' : missing.length > 0 || dns.status === 'unknown' ? 'unknown' : 'ok';
  const warnings: TraceWarning[] = [];
  if (status === 'ok' && udp.disposition !== 'accepted') {
    warnings.push({
      code: 'client-internet-for-auth',
      inferred: true,
      detail: `UDP 443 to the internet is ${udp.disposition === 'unknown' ? 'not known to pass' : 'blocked'} (${udp.blockers.map((b) => b.detail).join('; ') || udp.missing.join('; ')}); AWS asks for TCP and UDP 443 for authentication. Registration and login are predicted to work over TCP 443 (inferred).`,
    });
  }
  const hops = [...dns.hops, ...tcp.hops];
  const path = tcp.publicSource ? `, leaving from ${tcp.publicSource}` : '';
  const regDetail =
    status === 'ok'
      ? `TCP 443 reaches the internet${path}; the registration code resolves over HTTPS`
      : status === 'fail'
        ? `no internet path on TCP 443 for the registration service: ${blockers.map((b) => b.detail).join('; ')}`
        : `cannot tell whether TCP 443 reaches the internet: missing ${missing.join('; ')}`;
  const steps: TraceStep[] = [
    { step: 'registration', status, detail: regDetail, evidence: evidence(hops), hops },
    {
      step: 'login',
      status: status === 'fail' ? 'skipped' : status,
      detail:
        status === 'ok'
          ? `login pages https://${loginHost(dir.directoryId)}/ and the broker ${brokerHost(region)} over the same internet path`
          : 'not reached',
      evidence: status === 'ok' ? evidence(tcp.hops) : [],
    },
  ];
  return { steps, status, blockers, warnings, missing, publicSource: tcp.publicSource };
}

/** IP access control groups decide by the client's public source address, on the internet path only (R9). */
function ipGroupCheck(
  world: World,
  dir: Directory,
  publicSource: string | undefined,
): { status: 'ok' | 'fail' | 'unknown'; blockers: Blocker[]; missing: string[]; detail: string } {
  if (dir.ipGroups.length === 0) return { status: 'ok', blockers: [], missing: [], detail: '' };
  if (!publicSource || publicSource === 'unknown') {
    return {
      status: 'unknown',
      blockers: [],
      missing: [
        `the public IP address the client reaches AWS from (IP access control groups ${dir.ipGroups.join(', ')} decide by it)`,
      ],
      detail: 'public source address unknown',
    };
  }
  const src = world.net.range(publicSource);
  const groups = world.model.ipGroups.filter((g) => dir.ipGroups.includes(g.id));
  if (groups.some((g) => g.cidrs.some((c) => contains(world.net.range(c), src)))) {
    return {
      status: 'ok',
      blockers: [],
      missing: [],
      detail: `${publicSource} is allowed by IP access control groups ${dir.ipGroups.join(', ')}`,
    };
  }
  return {
    status: 'fail',
    blockers: groups.map((g) => ({
      resource: g.id,
      kind: 'ip-group',
      detail: `IP access control group ${g.id} (${g.cidrs.join(', ') || 'no rules'}) does not allow ${publicSource}`,
      location: g.prov,
    })),
    missing: [],
    detail: `${publicSource} is not in IP access control groups ${dir.ipGroups.join(', ')}`,
  };
}

const DEVICE_FIELD: Record<string, string> = {
  windows: 'DeviceTypeWindows',
  macos: 'DeviceTypeOsx',
  linux: 'DeviceTypeLinux',
};

/** The directory's access properties can deny whole device types (AWS troubleshooting: "device is not authorized"). */
function deviceTypeCheck(
  client: Client,
  dir: Directory,
): { status: 'ok' | 'fail' | 'unknown'; blockers: Blocker[]; missing: string[]; detail: string } {
  const denied = dir.deniedDeviceTypes ?? [];
  if (denied.length === 0) return { status: 'ok', blockers: [], missing: [], detail: '' };
  const os = clientOs(client);
  if (!os) {
    return {
      status: 'unknown',
      blockers: [],
      missing: [`${client.id}: client OS (directory ${dir.id} denies ${denied.join(', ')} devices)`],
      detail: 'the client OS decides whether the directory lets it in',
    };
  }
  if (!denied.includes(os)) return { status: 'ok', blockers: [], missing: [], detail: '' };
  return {
    status: 'fail',
    blockers: [
      {
        resource: dir.id,
        kind: 'directory',
        detail: `directory ${dir.id} denies ${os} clients (${DEVICE_FIELD[os]}: DENY in its access properties)`,
        location: dir.prov,
      },
    ],
    missing: [],
    detail: `the directory denies ${os} devices`,
  };
}

function lookup(
  model: Model,
  clientId: string,
  workspaceId: string,
): { client: Client; ws: Workspace; dir: Directory } {
  const client = model.clients.find((c) => c.id === clientId);
  const ws = model.workspaces.find((w) => w.id === workspaceId);
  if (!client)
    throw new InputError(
      `no client named "${clientId}"; clients: ${model.clients.map((c) => c.id).join(', ') || '(none)'}`,
      [],
      'unknown-client',
    );
  if (!ws)
    throw new InputError(
      `no WorkSpace named "${workspaceId}"; WorkSpaces: ${model.workspaces.map((w) => w.id).join(', ') || '(none)'}`,
      [],
      'unknown-workspace',
    );
  const dir = model.directories.find((d) => d.id === ws.directory);
  if (!dir)
    throw new InputError(
      `WorkSpace ${ws.id} names directory "${ws.directory}", which is not in the input`,
      [],
      'unknown-directory',
    );
  return { client, ws, dir };
}

function decide(steps: TraceStep[], fail: Outcome): Outcome {
  for (const s of steps) {
    if (s.status === 'fail') return fail;
    if (s.status === 'unknown') return 'UNKNOWN';
  }
  return 'CONNECTED';
}

/** The trace of one client to one WorkSpace. Pass a World to share indexes and flow results across many traces. */
export function traceConnection(
  model: Model,
  clientId: string,
  workspaceId: string,
  world: World = buildWorld(model),
): Trace {
  const { client, ws, dir } = lookup(model, clientId, workspaceId);
  const region = directoryRegion(world, dir);
  const ctx = clientContext(world, client);
  const base: Trace = {
    outcome: 'UNKNOWN',
    client: client.id,
    workspace: ws.id,
    path: null,
    endpoint: null,
    steps: [],
    blockers: [],
    warnings: [],
    missing: [...ctx.missing],
    offered: [],
    probes: [],
  };

  const auth = authenticate(world, ctx, dir, region);
  base.steps.push(...auth.steps);
  base.warnings.push(...auth.warnings);
  base.missing.push(...auth.missing);
  if (auth.status === 'fail') {
    return finish({ ...base, outcome: 'REGISTRATION_FAILED', blockers: auth.blockers });
  }

  const device = deviceTypeCheck(client, dir);
  if (device.status !== 'ok') {
    base.missing.push(...device.missing);
    base.steps.push({
      step: 'broker',
      status: device.status,
      detail: device.detail,
      evidence: device.blockers.map((b) => b.resource),
    });
    return finish({
      ...base,
      outcome: device.status === 'fail' ? 'DEVICE_NOT_AUTHORIZED' : 'UNKNOWN',
      blockers: device.blockers,
    });
  }

  const answer = askBroker(world, ctx, dir, ws, region);
  base.path = answer.path;
  base.offered = answer.offered;
  base.warnings.push(...answer.warnings);
  base.missing.push(...answer.missing);
  if (answer.status !== 'ok') {
    base.steps.push({
      step: 'broker',
      status: answer.status,
      detail: answer.detail,
      evidence: answer.blockers.map((b) => b.resource),
    });
    return finish({ ...base, outcome: answer.outcome ?? 'UNKNOWN', path: null, blockers: answer.blockers });
  }
  // The guide: once an endpoint is set, IP access control groups no longer apply. We read that as covering PCoIP
  // streams that fall back to the internet too (inferred; the guide does not single them out).
  if (answer.path === 'internet' && dir.streamingEndpoint !== null && dir.ipGroups.length > 0) {
    base.warnings.push({
      code: 'directory-ip-groups-bypassed',
      resource: dir.id,
      inferred: true,
      detail: `IP access control groups ${dir.ipGroups.join(', ')} are not applied to this PCoIP internet session: the directory has a streaming endpoint`,
    });
  }
  if (answer.path === 'internet' && dir.streamingEndpoint === null) {
    const gate = ipGroupCheck(
      world,
      dir,
      auth.publicSource ?? (client.at.kind === 'internet' ? client.publicIp : undefined),
    );
    base.missing.push(...gate.missing);
    if (gate.status !== 'ok') {
      base.steps.push({
        step: 'broker',
        status: gate.status,
        detail: gate.detail,
        evidence: gate.blockers.map((b) => b.resource),
      });
      return finish({
        ...base,
        outcome: gate.status === 'fail' ? 'DEVICE_NOT_AUTHORIZED' : 'UNKNOWN',
        blockers: gate.blockers,
      });
    }
    if (gate.detail) answer.detail += `; ${gate.detail}`;
  }
  base.steps.push({
    step: 'broker',
    status: 'ok',
    detail: `${answer.detail}; offers ${answer.offered.map((o) => `${o.transport} ${o.port}`).join(', ')}`,
    evidence: answer.endpointId ? [dir.id, answer.endpointId] : [dir.id],
  });

  const s = streamAndProbe(world, ctx, answer, region);
  const dnsOk = s.dns.status === 'private' || s.dns.status === 'public';
  base.steps.push({
    step: 'dns',
    status: s.dnsBlockers.length > 0 ? 'fail' : dnsOk ? 'ok' : s.dns.status === 'unknown' ? 'unknown' : 'fail',
    detail: dnsOk
      ? `${answer.offered[0]?.hostname} ${s.dns.status === 'private' ? `-> ${s.dns.addresses.join(', ')} (${s.dns.detail})` : 'resolves on public DNS'}`
      : s.dnsBlockers.map((b) => b.detail).join('; ') || s.dns.detail,
    evidence: evidence(s.dns.hops),
    hops: s.dns.hops,
  });
  base.missing.push(...s.dns.missing);
  base.probes = s.probes;
  const t = connect(base, s, answer.needsAll, answer.withheld443 === true, client);
  if (t.outcome === 'CONNECTED' && t.path === 'privatelink')
    t.warnings.push(...networkCheckWarnings(world, ctx, region));
  if (dir.streamingEndpoint && (dir.globalAccelerator || ws.globalAccelerator === 'enabled')) {
    t.warnings.push({
      code: 'directory-global-accelerator',
      resource: ws.globalAccelerator === 'enabled' ? ws.id : dir.id,
      detail: 'Global Accelerator is on, but it is not available when streaming through an endpoint',
    });
  }
  return finish(t);
}

/**
 * The client's network check probes public health-check servers on the streaming port. Through PrivateLink it
 * does not matter whether they answer, so failures there are a false alarm (seed 4-2).
 */
function networkCheckWarnings(world: World, ctx: ClientContext, region: string): TraceWarning[] {
  const target = {
    kind: 'internet' as const,
    address: world.net.range(dcvGatewayAddress(region)),
    label: 'DCV health-check servers',
  };
  const blocked = (['udp', 'tcp'] as const).filter(
    (proto) =>
      cachedFlow(world, ctx, target, proto, 4195, `check|${ctx.client.id}|${region}|${proto}`).disposition !==
      'accepted',
  );
  if (blocked.length === 0) return [];
  return [
    {
      code: 'network-check-false-alarm',
      detail: `the client's network check will report failures: ${blocked.map((p) => p.toUpperCase()).join(' and ')} 4195 to the public health-check servers does not pass. The session streams through the endpoint, so this does not matter: a false alarm.`,
    },
  ];
}

function connect(
  t: Trace,
  s: ReturnType<typeof streamAndProbe>,
  needsAll: boolean,
  withheld443: boolean,
  client: Client,
): Trace {
  const reachable = t.probes.filter((p) => p.reachable === true);
  const unknown = t.probes.filter((p) => p.reachable === 'unknown');
  const failed = t.probes.filter((p) => p.reachable === false);
  // With DNS failing, probes are hypothetical: their blockers count only if no probe would pass once DNS works.
  const wouldPass = s.hypothetical && failed.some((p) => p.blockers.length === 0);
  const probeBlockers = wouldPass ? [] : mergeByResource(failed);
  t.missing.push(
    ...new Set(
      t.probes.flatMap((p) =>
        p.reachable === 'unknown'
          ? p.hops.filter((h) => h.result === 'unknown').map((h) => `${h.node}: ${h.detail}`)
          : [],
      ),
    ),
  );
  const summary = t.probes
    .map(
      (p) =>
        `${p.transport} ${p.port}${p.address ? ` ${p.address}` : ''}: ${p.reachable === true ? 'reachable' : p.reachable === 'unknown' ? 'unknown' : 'blocked'}`,
    )
    .join('; ');
  // Probes after a failed lookup are hypothetical: the step fails with DNS, or is unknown when DNS is unknown.
  const probeStatus =
    s.dnsBlockers.length > 0
      ? 'fail'
      : s.hypothetical
        ? wouldPass || failed.length < t.probes.length
          ? 'unknown'
          : 'fail'
        : reachable.length > 0 && (!needsAll || failed.length + unknown.length === 0)
          ? 'ok'
          : failed.length === t.probes.length && t.probes.length > 0
            ? 'fail'
            : unknown.length > 0
              ? 'unknown'
              : 'fail';
  t.steps.push({
    step: 'probe',
    status: probeStatus,
    detail: s.hypothetical ? `the name does not resolve; probing the endpoint addresses anyway: ${summary}` : summary,
    evidence: [...new Set(t.probes.flatMap((p) => evidence(p.hops)))],
  });
  const chosen = needsAll
    ? probeStatus === 'ok'
      ? t.probes[0]
      : undefined
    : t.probes.find((p) => p.reachable === true);
  if (probeStatus === 'ok' && chosen) {
    const before = t.probes.slice(0, t.probes.indexOf(chosen)).filter((p) => p.reachable === 'unknown');
    t.endpoint = {
      hostname: chosen.hostname,
      transport: chosen.transport,
      port: chosen.port,
      address: chosen.address ?? null,
    };
    // QUIC-first is seen in the seed's log; that a TCP preference puts TCP first is inferred.
    const tcpFirst = t.offered[0]?.transport === 'TCP';
    t.steps.push({
      step: 'connect',
      status: 'ok',
      detail: `${chosen.transport} ${chosen.port}${chosen.address ? ` to ${chosen.address}` : ''}: the first reachable endpoint in the client's order${tcpFirst ? ' (TCP first: the directory prefers TCP)' : ''}`,
      evidence: evidence(chosen.hops),
      ...(tcpFirst ? { inferred: true } : {}),
    });
    if (before.length > 0) {
      t.warnings.push({
        code: 'transport-uncertain',
        detail: `${before.map((p) => `${p.transport} ${p.port}`).join(', ')} come first but cannot be decided; the client may use one of them instead`,
      });
    }
    t.warnings.push(...partialBlockWarnings(t.probes));
    t.outcome = decide(t.steps, 'NO_REACHABLE_ENDPOINT');
    if (t.outcome === 'UNKNOWN') t.endpoint = null;
    return t;
  }
  t.steps.push({
    step: 'connect',
    status: probeStatus === 'unknown' ? 'unknown' : 'fail',
    detail:
      probeStatus === 'unknown'
        ? 'no endpoint is known to be reachable'
        : 'No endpoints are reachable: the client drops the connection',
    evidence: [],
  });
  const blockers = [...s.dnsBlockers, ...probeBlockers];
  if (withheld443) {
    const inferred = t.path === 'privatelink';
    blockers.push({
      resource: client.id,
      kind: 'client',
      ruleId: 'client-version-443-fallback',
      inferred,
      detail: `client ${client.version} is older than the versions that fall back to port 443 (5.23.0 on Windows and macOS, 2024.7 on Linux), so only 4195 is tried${inferred ? ' (inferred for the private endpoint: documented for the internet gateways)' : ''}`,
      location: client.prov,
    });
  }
  t.blockers = dedupe(blockers);
  t.outcome =
    probeStatus === 'unknown' && t.blockers.length === 0 ? 'UNKNOWN' : decide(t.steps, 'NO_REACHABLE_ENDPOINT');
  return t;
}

/**
 * The session connects, but some probes fail: say what a user would notice. An address that fails on every
 * transport is one warning (the client may pick it first); otherwise a whole transport or port that fails
 * everywhere, with the settings that block it.
 */
function partialBlockWarnings(probes: readonly ProbeResult[]): TraceWarning[] {
  const out: TraceWarning[] = [];
  const addresses = [...new Set(probes.map((p) => p.address ?? ''))];
  const deadAddresses = new Set(
    addresses.filter((a) => probes.filter((p) => (p.address ?? '') === a).every((p) => p.reachable === false)),
  );
  for (const a of deadAddresses) {
    const failed = probes.filter((p) => (p.address ?? '') === a);
    out.push({
      code: 'endpoint-address-unreachable',
      detail: `${a} is unreachable on every transport, though other addresses of the name work: ${mergeByResource(
        failed,
      )
        .map((b) => `${b.resource}: ${b.detail}`)
        .join('; ')}`,
    });
  }
  const rest = probes.filter((p) => !deadAddresses.has(p.address ?? ''));
  const groups: [string, (p: ProbeResult) => boolean][] = [
    ['udp-blocked', (p) => p.transport !== 'TCP'],
    ['tcp-blocked', (p) => p.transport === 'TCP'],
    ['port-4195-blocked', (p) => p.port === 4195],
    ['port-443-blocked', (p) => p.port === 443],
  ];
  for (const [code, member] of groups) {
    const inGroup = rest.filter(member);
    if (inGroup.length === 0 || !inGroup.every((p) => p.reachable === false) || inGroup.length === rest.length)
      continue;
    out.push({
      code,
      detail: `${inGroup
        .map((p) => `${p.transport} ${p.port}`)
        .filter((x, i, all) => all.indexOf(x) === i)
        .join(', ')} blocked: ${mergeByResource(inGroup)
        .map((b) => `${b.resource}: ${b.detail}`)
        .join('; ')}`,
    });
  }
  return out;
}

/** One blocker per setting, naming every probe it stops: the user fixes a setting, not a probe. */
function mergeByResource(failed: readonly ProbeResult[]): Blocker[] {
  const groups = new Map<string, { first: Blocker; labels: string[]; details: string[] }>();
  for (const p of failed) {
    for (const b of p.blockers) {
      const key = `${b.resource}|${b.kind}|${b.phase ?? ''}|${b.ruleId ?? ''}`;
      const g = groups.get(key) ?? { first: b, labels: [], details: [] };
      const label = `${p.transport} ${p.port}${p.address ? ` to ${p.address}` : ''}`;
      if (!g.labels.includes(label)) g.labels.push(label);
      if (!g.details.includes(b.detail)) g.details.push(b.detail);
      groups.set(key, g);
    }
  }
  return [...groups.values()].map((g) =>
    g.labels.length === 1
      ? g.first
      : {
          ...g.first,
          detail:
            g.details.length === 1
              ? `${g.details[0]} (blocks ${g.labels.join(', ')})`
              : `blocks ${g.labels.join(', ')}: ${g.details.join('; ')}`,
        },
  );
}

function finish(t: Trace): Trace {
  t.missing = [...new Set(t.missing)];
  if (t.outcome !== 'CONNECTED') t.endpoint = null;
  return t;
}
