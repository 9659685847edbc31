// What the broker answers a CONNECT request with, from the directory's access endpoint configuration
// (system.md section 2, step 3): private endpoints, public gateways, or a refusal.
import type { Directory, Workspace } from '../model/types.js';
import type { Blocker } from '../net/trace-types.js';
import { dcvGatewayName, privateStreamingName, streamingServiceName, supports443Fallback } from './knowledge.js';
import type { ClientContext } from './client-context.js';
import type { OfferedEndpoint, Outcome, Path, TraceWarning } from './types.js';
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
  detail: string;
  /** The internet path for DCV: 443 offers left out because the client is too old. */
  withheld443?: boolean;
}

/** The client probes QUIC before TCP and 4195 before 443 (seed log); a TCP preference puts TCP first (inferred). */
function dcvOffers(hostname: string, preferTcp: boolean, with443: boolean): OfferedEndpoint[] {
  const quic: OfferedEndpoint[] = [{ hostname, transport: 'QUIC', port: 4195 }];
  const tcp: OfferedEndpoint[] = [{ hostname, transport: 'TCP', port: 4195 }];
  if (with443) {
    quic.push({ hostname, transport: 'QUIC', port: 443 });
    tcp.push({ hostname, transport: 'TCP', port: 443 });
  }
  return preferTcp ? [...tcp, ...quic] : [...quic, ...tcp];
}

function unsupported(detail: string, blocker: Blocker): BrokerAnswer {
  return {
    status: 'fail',
    outcome: 'UNSUPPORTED_CONFIGURATION',
    path: null,
    offered: [],
    needsAll: false,
    blockers: [blocker],
    warnings: [],
    missing: [],
    detail,
  };
}

/** What the broker answers depends on the protocol: unknown protocol, unknown answer. */
function protocolUnknown(ws: Workspace): BrokerAnswer {
  return {
    status: 'unknown',
    path: null,
    offered: [],
    needsAll: false,
    blockers: [],
    warnings: [],
    missing: [`${ws.id}: streaming protocol (DCV or PCoIP); the source cannot state it, an overlay can`],
    detail: 'the WorkSpace protocol is not known',
  };
}

function internetAnswer(world: World, ctx: ClientContext, dir: Directory, ws: Workspace, region: string): BrokerAnswer {
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
      detail: 'PCoIP streams over the internet to the PCoIP gateways (TCP and UDP 4172)',
    };
  }
  const fallback = supports443Fallback(ctx.client);
  const missing =
    fallback === undefined
      ? [`${ctx.client.id}: client OS (to tell whether version ${ctx.client.version} can fall back to 443)`]
      : [];
  return {
    status: 'ok',
    path: 'internet',
    offered: dcvOffers(dcvGatewayName(region), dir.preferredProtocol === 'tcp', fallback !== false),
    needsAll: false,
    blockers: [],
    warnings: [],
    missing,
    detail: 'no streaming endpoint on the directory: DCV streams over the internet to the public DCV gateways',
    withheld443: fallback === false,
  };
}

export function askBroker(
  world: World,
  ctx: ClientContext,
  dir: Directory,
  ws: Workspace,
  region: string,
): BrokerAnswer {
  if (dir.streamingEndpoint === null) {
    if (dir.streamingEndpointAwsId) {
      return {
        status: 'unknown',
        path: null,
        offered: [],
        needsAll: false,
        blockers: [],
        warnings: [],
        missing: [`${dir.id}: streaming endpoint ${dir.streamingEndpointAwsId} is not in the input`],
        detail: 'the directory names an endpoint the input does not hold',
      };
    }
    if (dir.accessEndpointType !== undefined) {
      // An access endpoint entry without a VpcEndpointId: the API model allows it; what the broker then does is
      // not documented, so the prediction stops here.
      return {
        status: 'unknown',
        path: null,
        offered: [],
        needsAll: false,
        blockers: [],
        warnings: [],
        missing: [
          `${dir.id}: what the broker does with an access endpoint (${dir.accessEndpointType}) that names no VpcEndpointId (not documented)`,
        ],
        detail: 'access endpoint without an endpoint id',
      };
    }
    return internetAnswer(world, ctx, dir, ws, region);
  }
  const ep = world.endpoints.get(dir.streamingEndpoint);
  if (!ep) {
    return {
      status: 'unknown',
      path: null,
      offered: [],
      needsAll: false,
      blockers: [],
      warnings: [],
      missing: [`${dir.id}: streaming endpoint ${dir.streamingEndpoint}`],
      detail: 'endpoint not in the input',
    };
  }
  const loc = dir.prov;
  if (dir.type === 'pools') {
    return unsupported('WorkSpaces Pools cannot stream through an interface endpoint', {
      resource: dir.id,
      kind: 'directory',
      ruleId: 'directory-workspace-type',
      detail: `${dir.id} is a Pools directory; streaming endpoints are for WorkSpaces Personal only`,
      location: loc,
    });
  }
  if (dir.encryption === 'fips-validated') {
    return unsupported('FIPS endpoint encryption is not supported with a streaming endpoint', {
      resource: dir.id,
      kind: 'directory',
      ruleId: 'directory-fips',
      detail: `${dir.id} uses FIPS_VALIDATED endpoint encryption, which streaming endpoints do not support`,
      location: loc,
    });
  }
  if (dir.accessEndpointType !== undefined && dir.accessEndpointType !== 'STREAMING_WSP') {
    return unsupported('the access endpoint type is wrong', {
      resource: dir.id,
      kind: 'directory',
      ruleId: 'streaming-endpoint-access-type',
      detail: `AccessEndpointType is ${dir.accessEndpointType}; it must be STREAMING_WSP`,
      location: loc,
    });
  }
  const endpointRegion = world.net.vpcs.get(ep.vpc)?.region ?? region;
  if (ep.service !== streamingServiceName(region) || ep.type !== 'Interface' || endpointRegion !== region) {
    return unsupported('the directory points at an endpoint that is not the streaming service', {
      resource: ep.id,
      kind: 'endpoint',
      ruleId: 'streaming-endpoint-service',
      detail: `${ep.id} is a ${ep.type} endpoint of ${ep.service}; streaming needs an Interface endpoint of ${streamingServiceName(region)}`,
      location: ep.prov,
    });
  }
  const vpc = world.net.vpcs.get(ep.vpc);
  if (ep.owner !== dir.account || vpc?.sharedFrom) {
    const why =
      ep.owner !== dir.account
        ? `is owned by account ${ep.owner}, not ${dir.account}`
        : `sits in ${ep.vpc}, shared from account ${vpc?.sharedFrom}`;
    return unsupported('the endpoint is not in the directory account', {
      resource: ep.id,
      kind: 'endpoint',
      ruleId: 'streaming-endpoint-same-account',
      detail: `${ep.id} ${why}; only endpoints of the directory's own account are supported`,
      location: ep.prov,
    });
  }
  if (ep.dnsRecordIpType === 'dualstack' || ep.dnsRecordIpType === 'service-defined') {
    return unsupported('the endpoint DNS record IP type is not supported', {
      resource: ep.id,
      kind: 'endpoint',
      ruleId: 'streaming-endpoint-dns-record-ip-type',
      detail: `${ep.id} has DNS record IP type ${ep.dnsRecordIpType}; streaming works only with ipv4 or ipv6${ep.dnsRecordIpType === 'service-defined' ? ' (service-defined publishes both, inferred to fail like dualstack)' : ''}`,
      location: ep.prov,
      inferred: ep.dnsRecordIpType === 'service-defined',
    });
  }
  if (ws.protocol === undefined) return protocolUnknown(ws);
  if (ws.protocol === 'pcoip') {
    if (!dir.pcoipOverInternet) {
      return {
        status: 'fail',
        outcome: 'RESOURCE_NOT_FOUND',
        path: null,
        offered: [],
        needsAll: false,
        blockers: [
          {
            resource: dir.id,
            kind: 'directory',
            ruleId: 'pcoip-workspaces-unreachable',
            detail: `${dir.id} has a streaming endpoint and no PCoIP internet fallback: PCoIP cannot use the endpoint, so the broker refuses with RESOURCE_NOT_FOUND`,
            location: loc,
          },
        ],
        warnings: [],
        missing: [],
        detail: 'broker answers RESOURCE_NOT_FOUND (seed 4-4)',
      };
    }
    const a = internetAnswer(world, ctx, dir, ws, region);
    return {
      ...a,
      detail: 'PCoIP falls back to the internet (InternetFallbackProtocols: PCOIP)',
      warnings: [
        {
          code: 'pcoip-over-internet',
          detail: 'PCoIP streams leave the private path: the directory allows PCoIP over the internet',
          resource: dir.id,
        },
      ],
    };
  }
  const warnings: TraceWarning[] = [];
  if (dir.ipGroups.length > 0) {
    warnings.push({
      code: 'directory-ip-groups-bypassed',
      resource: dir.id,
      detail: `IP access control groups ${dir.ipGroups.join(', ')} no longer apply: the directory has a streaming endpoint`,
    });
  }
  // Old clients cannot use 443 for DCV on the internet (documented); that they likewise ignore the 443 offers of
  // the private name is inferred.
  const fallback = supports443Fallback(ctx.client);
  return {
    status: 'ok',
    path: 'privatelink',
    offered: dcvOffers(privateStreamingName(region), dir.preferredProtocol === 'tcp', fallback !== false),
    withheld443: fallback === false,
    needsAll: false,
    endpointId: ep.id,
    blockers: [],
    warnings,
    missing: [],
    detail: `streaming endpoint ${ep.id} is set: the broker offers only the private name (no public gateway)`,
  };
}
