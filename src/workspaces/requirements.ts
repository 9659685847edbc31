// One home for each WorkSpaces requirement (system.md §3): a pure function per restriction, returning typed
// violations and the facts it could not decide. The broker, the trace and the rules all call these, so `trace` and
// `check` cannot disagree about what AWS allows.
import type { Client, Directory, Provenance, Vpc, VpcEndpoint, Workspace } from '../model/types.js';
import type { BlockerKind } from '../net/trace-types.js';
import { clientOs, privateStreamingName, streamingServiceName, supports443Fallback } from './knowledge.js';
import type { RuleId } from './rule-ids.js';
import type { DeviceOs, ServiceReason } from './types.js';

/** A broken requirement: the rule that covers it, the resource to change and why. */
export interface Violation {
  /** The rule that reports it; undefined where no contract rule covers the requirement (device types). */
  rule?: RuleId;
  resource: string;
  kind: BlockerKind;
  reason: ServiceReason;
  location?: Provenance;
  inferred?: boolean;
}

/** What a requirement check found: violations, and facts the input lacks to decide. */
export interface Verdict {
  violations: Violation[];
  missing: string[];
}

const ok: Verdict = { violations: [], missing: [] };

function one(v: Violation): Verdict {
  return { violations: [v], missing: [] };
}

/** The access endpoint type the directory's AccessEndpointConfig must carry (AWS API reference). */
export const STREAMING_ACCESS_ENDPOINT_TYPE = 'STREAMING_WSP';

/**
 * Whether the input says if the directory streams through an endpoint (a live read without its
 * WorkspaceAccessProperties does not). The broker and the rules decide UNKNOWN from this alone.
 */
export function accessPropertiesKnown(dir: Directory): dir is Directory & { streamingEndpoint: string | null } {
  return dir.streamingEndpoint !== undefined;
}

/** What the input lacks when `accessPropertiesKnown` is false. */
export function accessPropertiesMissing(dir: Directory): string {
  return `${dir.id}: its access endpoint configuration (WorkspaceAccessProperties) was not given`;
}

/** R1: streaming endpoints are for WorkSpaces Personal only. */
export function personalOnly(dir: Directory): Verdict {
  if (dir.type !== 'pools') return ok;
  return one({
    rule: 'directory-workspace-type',
    resource: dir.id,
    kind: 'directory',
    reason: { code: 'pools-directory', directory: dir.id },
    location: dir.prov,
  });
}

/** R7: FIPS endpoint encryption is not supported with a streaming endpoint. */
export function noFips(dir: Directory): Verdict {
  if (dir.encryption === undefined) {
    return {
      violations: [],
      missing: [`${dir.id}: endpoint encryption mode (FIPS_VALIDATED cannot stream through an endpoint)`],
    };
  }
  if (dir.encryption !== 'fips-validated') return ok;
  return one({
    rule: 'directory-fips',
    resource: dir.id,
    kind: 'directory',
    reason: { code: 'fips-encryption', directory: dir.id },
    location: dir.prov,
  });
}

/** R12: the access endpoint entry must be of type STREAMING_WSP. */
export function accessEndpointType(dir: Directory): Verdict {
  const type = dir.accessEndpointType;
  if (type === undefined || type === STREAMING_ACCESS_ENDPOINT_TYPE) return ok;
  return one({
    rule: 'streaming-endpoint-access-type',
    resource: dir.id,
    kind: 'directory',
    reason: { code: 'access-endpoint-type', directory: dir.id, type },
    location: dir.prov,
  });
}

/** R12: an Interface endpoint of com.amazonaws.<directory region>.highlander. */
export function streamingService(ep: VpcEndpoint, directoryRegion: string): Verdict {
  const expected = streamingServiceName(directoryRegion);
  if (ep.type === 'Interface' && ep.service === expected && ep.region === directoryRegion) return ok;
  return one({
    rule: 'streaming-endpoint-service',
    resource: ep.id,
    kind: 'endpoint',
    reason: { code: 'wrong-endpoint-service', endpoint: ep.id, type: ep.type, service: ep.service, expected },
    location: ep.prov,
  });
}

/**
 * R10: the endpoint belongs to the directory's account and does not sit in a VPC shared from another account. A VPC
 * that the directory's own account shares out is its own VPC: the endpoint there is supported.
 */
export function sameAccount(dir: Directory, ep: VpcEndpoint, vpc: Vpc | undefined): Verdict {
  const violations: Violation[] = [];
  if (ep.owner !== dir.account) {
    violations.push({
      rule: 'streaming-endpoint-same-account',
      resource: ep.id,
      kind: 'endpoint',
      reason: { code: 'endpoint-other-account', endpoint: ep.id, owner: ep.owner, account: dir.account },
      location: ep.prov,
    });
  }
  if (vpc?.sharedFrom !== undefined && vpc.sharedFrom !== dir.account) {
    violations.push({
      rule: 'streaming-endpoint-same-account',
      resource: ep.id,
      kind: 'endpoint',
      reason: { code: 'endpoint-shared-vpc', endpoint: ep.id, vpc: vpc.id, owner: vpc.sharedFrom },
      location: ep.prov,
    });
  }
  return { violations, missing: [] };
}

/** R5: DNS record IP type ipv4 or ipv6; dualstack is unsupported, service-defined is inferred to fail alike. */
export function dnsRecordIpType(ep: VpcEndpoint): Verdict {
  const type = ep.dnsRecordIpType;
  if (type === undefined) return { violations: [], missing: [`${ep.id}.dnsRecordIpType`] };
  if (type !== 'dualstack' && type !== 'service-defined') return ok;
  return one({
    rule: 'streaming-endpoint-dns-record-ip-type',
    resource: ep.id,
    kind: 'endpoint',
    reason: { code: 'dns-record-ip-type', endpoint: ep.id, type },
    location: ep.prov,
    ...(type === 'service-defined' ? { inferred: true } : {}),
  });
}

/** R13: the endpoint must be available. */
export function endpointAvailable(ep: VpcEndpoint): Verdict {
  if (ep.state === 'available') return ok;
  return one({
    rule: 'streaming-endpoint-state',
    resource: ep.id,
    kind: 'endpoint',
    reason: { code: 'endpoint-state', endpoint: ep.id, state: ep.state },
    location: ep.prov,
  });
}

/** R11: private DNS on the endpoint. */
export function privateDnsOn(ep: VpcEndpoint): Verdict {
  if (ep.privateDns === true) return ok;
  if (ep.privateDns === undefined) return { violations: [], missing: [`${ep.id}: whether private DNS is on`] };
  return one({
    rule: 'streaming-endpoint-private-dns',
    resource: ep.id,
    kind: 'endpoint',
    reason: { code: 'private-dns-off', endpoint: ep.id, name: privateStreamingName(ep.region) },
    location: ep.prov,
  });
}

/** R11: the endpoint's VPC needs DNS support and DNS hostnames for private DNS. */
export function vpcDnsOn(vpc: Vpc, ep: VpcEndpoint): Verdict {
  const support = vpc.dnsSupport !== false;
  const hostnames = vpc.dnsHostnames !== false;
  if (!support || !hostnames) {
    return one({
      rule: 'streaming-endpoint-vpc-dns',
      resource: vpc.id,
      kind: 'dns',
      reason: { code: 'vpc-dns-attributes-off', vpc: vpc.id, endpoint: ep.id, support, hostnames },
      location: vpc.prov,
    });
  }
  if (vpc.dnsSupport === undefined || vpc.dnsHostnames === undefined) {
    return { violations: [], missing: [`${vpc.id}: DNS support and DNS hostnames (private DNS needs both)`] };
  }
  return ok;
}

/** Everything that stops the endpoint's private name from answering in its VPC (R11, R12, R13). */
export function privateZoneRequirements(ep: VpcEndpoint, vpc: Vpc | undefined, directoryRegion: string): Verdict {
  const parts = [streamingService(ep, directoryRegion), endpointAvailable(ep), privateDnsOn(ep)];
  if (vpc) parts.push(vpcDnsOn(vpc, ep));
  return { violations: parts.flatMap((p) => p.violations), missing: parts.flatMap((p) => p.missing) };
}

/**
 * What the broker refuses outright once an endpoint is set (R1, R7, R12, R10, R5), in the order the broker checks
 * them: each of these makes the configuration unsupported, whatever the client does.
 */
export function brokerRequirements(dir: Directory, ep: VpcEndpoint, vpc: Vpc | undefined): Verdict[] {
  return [
    personalOnly(dir),
    noFips(dir),
    accessEndpointType(dir),
    streamingService(ep, dir.region),
    sameAccount(dir, ep, vpc),
    dnsRecordIpTypeForBroker(ep),
  ];
}

/** The broker only refuses a known bad type; an unknown type is decided later (the zone's addresses). */
function dnsRecordIpTypeForBroker(ep: VpcEndpoint): Verdict {
  const v = dnsRecordIpType(ep);
  return { violations: v.violations, missing: [] };
}

/** R2: PCoIP cannot use the endpoint; without the internet fallback the broker refuses with RESOURCE_NOT_FOUND. */
export function pcoipReachable(dir: Directory, ws: Workspace): Verdict {
  if (ws.protocol !== 'pcoip' || dir.pcoipOverInternet) return ok;
  return one({
    rule: 'pcoip-workspaces-unreachable',
    resource: dir.id,
    kind: 'directory',
    reason: { code: 'pcoip-no-fallback', directory: dir.id },
    location: dir.prov,
  });
}

/** R8: Global Accelerator is not available through a streaming endpoint; the resource whose setting turns it on. */
export function globalAcceleratorConflict(dir: Directory, ws: Workspace | undefined): string | undefined {
  if (ws?.globalAccelerator === 'enabled') return ws.id;
  if (dir.globalAccelerator && ws?.globalAccelerator !== 'disabled') return dir.id;
  return undefined;
}

/** R9: IP access control groups stop applying once an endpoint is set. */
export function ipGroupsBypassed(dir: Directory): string[] {
  return dir.streamingEndpoint !== null || dir.streamingEndpointAwsId !== undefined ? dir.ipGroups : [];
}

/** The directory's access properties can deny whole device types (AWS troubleshooting: "device is not authorized"). */
export function deviceAllowed(client: Client, dir: Directory): Verdict & { os?: DeviceOs } {
  const denied = dir.deniedDeviceTypes ?? [];
  if (denied.length === 0) return ok;
  const os = clientOs(client);
  if (!os) {
    return {
      violations: [],
      missing: [`${client.id}: client OS (directory ${dir.id} denies ${denied.join(', ')} devices)`],
    };
  }
  if (!denied.includes(os)) return { ...ok, os };
  return {
    os,
    violations: [
      {
        resource: dir.id,
        kind: 'directory',
        reason: { code: 'device-denied', directory: dir.id, os },
        location: dir.prov,
      },
    ],
    missing: [],
  };
}

/** R15: DCV falls back to 443 only from client 5.23.0 (Windows, macOS) / 2024.7 (Linux). */
export function can443Fallback(client: Client): boolean | undefined {
  return supports443Fallback(client);
}
