// What the broker answers a CONNECT request with, from the directory's access endpoint configuration
// (system.md section 2, step 3): private endpoints, public gateways, or a refusal. What it refuses is decided by the
// requirements (requirements.ts), the same functions the rules call.
import type { Directory, Workspace } from '../model/types.js';
import type { ClientContext } from './client-context.js';
import { dcvGatewayName, privateStreamingName, supports443Fallback } from './knowledge.js';
import {
  accessPropertiesKnown,
  accessPropertiesMissing,
  brokerRequirements,
  pcoipReachable,
  type Violation,
} from './requirements.js';
import type { Blocker, BrokerNote, OfferedEndpoint, Outcome, Path, TraceWarning } from './types.js';
import type { World } from './world.js';

export interface BrokerAnswer {
  status: 'ok' | 'fail' | 'unknown';
  outcome?: Outcome;
  path: Path;
  offered: OfferedEndpoint[];
  /** PCoIP needs every offered channel (TCP and UDP 4172); DCV needs any one. */
  needsAll: boolean;
  /** The endpoint the private name should lead to (privatelink path). */
  endpointId?: string;
  blockers: Blocker[];
  warnings: TraceWarning[];
  missing: string[];
  note: BrokerNote;
  /** The internet path for DCV: 443 offers left out because the client is too old. */
  withheld443?: boolean;
  /** Those 443 offers: probed only to tell whether a newer client would connect. */
  withheldOffers?: OfferedEndpoint[];
}

function withheld(hostname: string, preferTcp: boolean, fallback: boolean | undefined): Partial<BrokerAnswer> {
  if (fallback !== false) return { withheld443: false };
  return { withheld443: true, withheldOffers: dcvOffers(hostname, preferTcp, true).filter((o) => o.port === 443) };
}

/** The client probes QUIC before TCP and 4195 before 443 (seed log); a TCP preference puts TCP first (inferred). */
export function dcvOffers(hostname: string, preferTcp: boolean, with443: boolean): OfferedEndpoint[] {
  const quic: OfferedEndpoint[] = [{ hostname, transport: 'QUIC', port: 4195 }];
  const tcp: OfferedEndpoint[] = [{ hostname, transport: 'TCP', port: 4195 }];
  if (with443) {
    quic.push({ hostname, transport: 'QUIC', port: 443 });
    tcp.push({ hostname, transport: 'TCP', port: 443 });
  }
  return preferTcp ? [...tcp, ...quic] : [...quic, ...tcp];
}

export function blockerOf(v: Violation): Blocker {
  return {
    resource: v.resource,
    kind: v.kind,
    reason: v.reason,
    ...(v.rule !== undefined ? { ruleId: v.rule } : {}),
    ...(v.location !== undefined ? { location: v.location } : {}),
    ...(v.inferred ? { inferred: true } : {}),
  };
}

function unknownAnswer(note: BrokerNote, missing: string[]): BrokerAnswer {
  return { status: 'unknown', path: null, offered: [], needsAll: false, blockers: [], warnings: [], missing, note };
}

function refusal(outcome: Outcome, v: Violation, note: BrokerNote): BrokerAnswer {
  return {
    status: 'fail',
    outcome,
    path: null,
    offered: [],
    needsAll: false,
    blockers: [blockerOf(v)],
    warnings: [],
    missing: [],
    note,
  };
}

/** What the broker answers depends on the protocol: unknown protocol, unknown answer. */
function protocolUnknown(ws: Workspace): BrokerAnswer {
  return unknownAnswer({ code: 'protocol-unknown' }, [
    `${ws.id}: streaming protocol (DCV or PCoIP); the source cannot state it, an overlay can`,
  ]);
}

function internetAnswer(ctx: ClientContext, dir: Directory, ws: Workspace, region: string): BrokerAnswer {
  if (ws.protocol === undefined) return protocolUnknown(ws);
  if (ws.protocol === 'pcoip') {
    const host = `PCoIP gateways of ${region}`;
    return {
      status: 'ok',
      path: 'internet',
      offered: [
        { hostname: host, transport: 'UDP', port: 4172 },
        { hostname: host, transport: 'TCP', port: 4172 },
      ],
      needsAll: true,
      blockers: [],
      warnings: [],
      missing: [],
      note: { code: 'pcoip-gateways' },
    };
  }
  const fallback = supports443Fallback(ctx.client);
  const missing =
    fallback === undefined
      ? [`${ctx.client.id}: client OS (to tell whether version ${ctx.client.version ?? ''} can fall back to 443)`]
      : [];
  return {
    status: 'ok',
    path: 'internet',
    offered: dcvOffers(dcvGatewayName(region), dir.preferredProtocol === 'tcp', fallback !== false),
    needsAll: false,
    blockers: [],
    warnings: [],
    missing,
    note: { code: 'dcv-gateways' },
    ...withheld(dcvGatewayName(region), dir.preferredProtocol === 'tcp', fallback),
  };
}

export function askBroker(
  world: World,
  ctx: ClientContext,
  dir: Directory,
  ws: Workspace,
  region: string,
): BrokerAnswer {
  if (!accessPropertiesKnown(dir))
    return unknownAnswer({ code: 'access-properties-unknown' }, [accessPropertiesMissing(dir)]);
  if (dir.streamingEndpoint === null) {
    if (dir.streamingEndpointAwsId) {
      return unknownAnswer({ code: 'endpoint-not-in-input', endpoint: dir.streamingEndpointAwsId }, [
        `${dir.id}: streaming endpoint ${dir.streamingEndpointAwsId} is not in the input`,
      ]);
    }
    if (dir.accessEndpointType !== undefined) {
      // An access endpoint entry without a VpcEndpointId: the API model allows it; what the broker then does is
      // not documented, so the prediction stops here.
      return unknownAnswer({ code: 'access-endpoint-without-id', type: dir.accessEndpointType }, [
        `${dir.id}: what the broker does with an access endpoint (${dir.accessEndpointType}) that names no VpcEndpointId (not documented)`,
      ]);
    }
    return internetAnswer(ctx, dir, ws, region);
  }
  const ep = world.endpoints.get(dir.streamingEndpoint);
  if (!ep) {
    return unknownAnswer({ code: 'endpoint-not-in-input', endpoint: dir.streamingEndpoint }, [
      `${dir.id}: streaming endpoint ${dir.streamingEndpoint}`,
    ]);
  }
  const verdicts = brokerRequirements(dir, ep, world.net.vpcs.get(ep.vpc));
  for (const verdict of verdicts) {
    const v = verdict.violations[0];
    if (v) return refusal('UNSUPPORTED_CONFIGURATION', v, { code: 'unsupported', reason: v.reason });
  }
  // A setting the broker checks that the source cannot state (Terraform has no endpoint encryption mode).
  const missing = verdicts.flatMap((v) => v.missing);
  if (missing.length > 0) return unknownAnswer({ code: 'setting-unknown' }, missing);
  if (ws.protocol === undefined) return protocolUnknown(ws);
  if (ws.protocol === 'pcoip') {
    const refused = pcoipReachable(dir, ws).violations[0];
    if (refused) return refusal('RESOURCE_NOT_FOUND', refused, { code: 'resource-not-found' });
    return {
      ...internetAnswer(ctx, dir, ws, region),
      note: { code: 'pcoip-fallback' },
      warnings: [
        { code: 'pcoip-over-internet', facts: { code: 'pcoip-over-internet', directory: dir.id }, resource: dir.id },
      ],
    };
  }
  const warnings: TraceWarning[] = [];
  if (dir.ipGroups.length > 0) {
    warnings.push({
      code: 'directory-ip-groups-bypassed',
      resource: dir.id,
      facts: { code: 'directory-ip-groups-bypassed', directory: dir.id, groups: dir.ipGroups, pcoipFallback: false },
    });
  }
  // Old clients cannot use 443 for DCV on the internet (documented); that they likewise ignore the 443 offers of
  // the private name is inferred.
  const fallback = supports443Fallback(ctx.client);
  return {
    status: 'ok',
    path: 'privatelink',
    offered: dcvOffers(privateStreamingName(region), dir.preferredProtocol === 'tcp', fallback !== false),
    ...withheld(privateStreamingName(region), dir.preferredProtocol === 'tcp', fallback),
    needsAll: false,
    endpointId: ep.id,
    blockers: [],
    warnings,
    missing: [],
    note: { code: 'private-endpoint', endpoint: ep.id },
  };
}
