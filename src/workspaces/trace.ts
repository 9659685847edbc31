// One predicted connection, step by step (system.md section 2): registration, login, broker, DNS, probe,
// connect. Each step records what decided it; a failed path lists every blocking setting at once.
import { InputError } from '../diagnostics.js';
import type { Client, Directory, Model, Workspace } from '../model/types.js';
import { contains } from '../net/cidr.js';
import { authenticate } from './auth.js';
import { askBroker, blockerOf } from './broker.js';
import { clientContext, type ClientContext } from './client-context.js';
import { connect, evidence } from './connect.js';
import { dcvGatewayAddress } from './knowledge.js';
import { deviceAllowed, globalAcceleratorConflict } from './requirements.js';
import { cachedFlow, streamAndProbe } from './streaming.js';
import type { Blocker, StepNote, Trace, TraceWarning } from './types.js';
import { buildWorld, directoryRegion, type World } from './world.js';

interface Gate {
  status: 'ok' | 'fail' | 'unknown';
  blockers: Blocker[];
  missing: string[];
  note?: StepNote;
}

/** IP access control groups decide by the client's public source address, on the internet path only (R9). */
function ipGroupCheck(world: World, dir: Directory, publicSource: string | undefined): Gate & { allowed?: string } {
  if (dir.ipGroups.length === 0) return { status: 'ok', blockers: [], missing: [] };
  if (!publicSource || publicSource === 'unknown') {
    return {
      status: 'unknown',
      blockers: [],
      missing: [
        `the public IP address the client reaches AWS from (IP access control groups ${dir.ipGroups.join(', ')} decide by it)`,
      ],
      note: { code: 'ip-source-unknown' },
    };
  }
  const src = world.net.range(publicSource);
  const groups = world.model.ipGroups.filter((g) => dir.ipGroups.includes(g.id));
  if (groups.some((g) => g.cidrs.some((c) => contains(world.net.range(c), src)))) {
    return { status: 'ok', blockers: [], missing: [], allowed: publicSource };
  }
  return {
    status: 'fail',
    blockers: groups.map((g) => ({
      resource: g.id,
      kind: 'ip-group',
      reason: { code: 'ip-group-denied', group: g.id, cidrs: g.cidrs, source: publicSource },
      location: g.prov,
    })),
    missing: [],
    note: { code: 'ip-groups-denied', source: publicSource, groups: dir.ipGroups },
  };
}

/** The directory's access properties can deny whole device types. */
function deviceTypeCheck(client: Client, dir: Directory): Gate {
  const v = deviceAllowed(client, dir);
  if (v.missing.length > 0)
    return { status: 'unknown', blockers: [], missing: v.missing, note: { code: 'device-os-unknown' } };
  const denied = v.violations[0];
  if (!denied || !v.os) return { status: 'ok', blockers: [], missing: [] };
  return { status: 'fail', blockers: [blockerOf(denied)], missing: [], note: { code: 'device-denied', os: v.os } };
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
  if (auth.status === 'fail') return finish({ ...base, outcome: 'REGISTRATION_FAILED', blockers: auth.blockers });

  const device = deviceTypeCheck(client, dir);
  if (device.status !== 'ok') {
    base.missing.push(...device.missing);
    base.steps.push({
      step: 'broker',
      status: device.status,
      note: device.note ?? { code: 'device-os-unknown' },
      evidence: device.blockers.map((b) => b.resource),
    });
    const outcome = device.status === 'fail' ? 'DEVICE_NOT_AUTHORIZED' : 'UNKNOWN';
    return finish({ ...base, outcome, blockers: device.blockers });
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
      note: { code: 'broker-refused', answer: answer.note },
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
      facts: { code: 'directory-ip-groups-bypassed', directory: dir.id, groups: dir.ipGroups, pcoipFallback: true },
    });
  }
  let ipGroupsAllowed: { source: string; groups: string[] } | undefined;
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
        note: gate.note ?? { code: 'ip-source-unknown' },
        evidence: gate.blockers.map((b) => b.resource),
      });
      const outcome = gate.status === 'fail' ? 'DEVICE_NOT_AUTHORIZED' : 'UNKNOWN';
      return finish({ ...base, outcome, blockers: gate.blockers });
    }
    if (gate.allowed) ipGroupsAllowed = { source: gate.allowed, groups: dir.ipGroups };
  }
  base.steps.push({
    step: 'broker',
    status: 'ok',
    note: {
      code: 'broker-offers',
      answer: answer.note,
      offers: answer.offered,
      ...(ipGroupsAllowed ? { ipGroupsAllowed } : {}),
    },
    evidence: answer.endpointId ? [dir.id, answer.endpointId] : [dir.id],
  });

  const s = streamAndProbe(world, ctx, answer, region);
  const dnsOk = s.dns.status === 'private' || s.dns.status === 'public';
  const hostname = answer.offered[0]?.hostname ?? '';
  base.steps.push({
    step: 'dns',
    status: s.dnsBlockers.length > 0 ? 'fail' : dnsOk ? 'ok' : s.dns.status === 'unknown' ? 'unknown' : 'fail',
    note:
      s.dns.status === 'private'
        ? { code: 'dns-private', name: hostname, addresses: s.dns.addresses, owner: s.dns.zoneOwner ?? '' }
        : s.dns.status === 'public'
          ? { code: 'dns-public', name: hostname }
          : { code: 'dns-failed', causes: s.dnsBlockers, fallback: s.dns.status },
    evidence: evidence(s.dns.hops),
    hops: s.dns.hops,
  });
  base.missing.push(...s.dns.missing);
  base.probes = s.probes;
  const t = connect(base, s, {
    needsAll: answer.needsAll,
    withheld443: answer.withheld443 === true,
    would443Pass: s.would443Pass,
    client,
  });
  if (t.outcome === 'CONNECTED' && t.path === 'privatelink')
    t.warnings.push(...networkCheckWarnings(world, ctx, region));
  const aga = dir.streamingEndpoint !== null ? globalAcceleratorConflict(dir, ws) : undefined;
  if (aga !== undefined) {
    t.warnings.push({
      code: 'directory-global-accelerator',
      resource: aga,
      facts: { code: 'directory-global-accelerator', resource: aga },
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
  const protocols = blocked.map((p) => (p === 'udp' ? 'UDP' : 'TCP'));
  return [{ code: 'network-check-false-alarm', facts: { code: 'network-check-false-alarm', protocols } }];
}

function finish(t: Trace): Trace {
  t.missing = [...new Set(t.missing)];
  if (t.outcome !== 'CONNECTED') t.endpoint = null;
  return t;
}
