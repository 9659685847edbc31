// What AWS documents about the service: names, ports, versions. Each fact carries its source so a finding built on
// it can say where it comes from (research/domain.md has the full notes).
import type { Client } from '../model/types.js';
import type { PublicAnswer } from '../net/dns.js';
import { serviceName } from './endpoint-services.js';

export const SOURCES = {
  guide: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/creating-streaming-vpc-endpoints.html',
  ports: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html',
  seed: 'seed: hands-on report, ap-northeast-1, August 2025',
} as const;

/** The interface endpoint service for streaming (not `…workspaces`, which is the API). */
export function streamingServiceName(region: string): string {
  return serviceName(region, 'highlander');
}

/** The private DNS name the broker offers when a streaming endpoint is set; only the endpoint VPC's resolver answers it. */
export function privateStreamingName(region: string): string {
  return `privatelink.prod.${region}.highlander.aws.a2z.com`;
}

/** DCV gateways on the internet (documented as a wildcard domain). */
export function dcvGatewayName(region: string): string {
  return `*.prod.${region}.highlander.aws.a2z.com`;
}

export function brokerHost(region: string): string {
  return `ws-broker-service.${region}.amazonaws.com`;
}

export function loginHost(directoryId: string | undefined): string {
  return `${directoryId ?? '<directory-id>'}.awsapps.com`;
}

/**
 * DCV gateway ranges of the port-requirements page (a /22 per Region). Flows to "the DCV gateways" use the first
 * host of the Region's range, so a user's more specific routes are honoured; where the Region is not in the table,
 * an address of the Tokyo range stands in (any public address behaves the same under a default route).
 */
const DCV_GATEWAY_RANGES: Record<string, string> = {
  'us-west-2': '34.223.96.0',
  'ap-south-1': '65.1.156.0',
  'ap-northeast-2': '3.35.160.0',
  'ap-southeast-1': '13.212.132.0',
  'ap-southeast-2': '3.25.248.0',
  'ap-northeast-1': '3.114.164.0',
  'ca-central-1': '3.97.20.0',
  'eu-central-1': '18.192.216.0',
  'eu-west-1': '3.248.176.0',
  'eu-west-2': '18.134.68.0',
  'sa-east-1': '15.228.64.0',
};

const TOKYO_DCV_RANGE = '3.114.164.0';

function firstHost(base: string): string {
  const parts = base.split('.').map(Number);
  parts[3] = (parts[3] ?? 0) + 1;
  return parts.join('.');
}

export function dcvGatewayAddress(region: string): string {
  return firstHost(DCV_GATEWAY_RANGES[region] ?? TOKYO_DCV_RANGE);
}

/**
 * Registration, login and broker hosts are AWS public endpoints behind many addresses; an address from the
 * Region's AWS public space stands for them. Only a route more specific than the default route could tell them
 * apart, and such routes for AWS public space are rare.
 */
export function awsPublicAddress(region: string): string {
  return dcvGatewayAddress(region).replace(/\.\d+$/, '.200');
}

/** DCV falls back to port 443 when 4195 is blocked only from these client versions (AWS announcement, Nov 2024). */
export const FALLBACK_443_MIN = { windows: '5.23.0', macos: '5.23.0', linux: '2024.7' } as const;

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Linux clients are versioned by year (2024.7); Windows and macOS by 5.x. */
export function clientOs(client: Client): 'windows' | 'macos' | 'linux' | undefined {
  if (client.os) return client.os;
  if (client.version && /^20\d\d\./.test(client.version)) return 'linux';
  return undefined;
}

/** True, false, or undefined when the version or OS does not tell. A missing version means the newest client. */
export function supports443Fallback(client: Client): boolean | undefined {
  if (!client.version) return true;
  const os = clientOs(client);
  if (os === 'linux') return compareVersions(client.version, FALLBACK_443_MIN.linux) >= 0;
  if (/^20\d\d\./.test(client.version)) return undefined;
  return compareVersions(client.version, FALLBACK_443_MIN.windows) >= 0;
}

/** What public DNS answers for the names a client looks up. */
export function publicDnsAnswer(name: string): PublicAnswer {
  // The private name of any Region: only the resolver of an endpoint's VPC answers it.
  if (/^privatelink\.prod\.[a-z0-9-]+\.highlander\.aws\.a2z\.com$/.test(name)) return 'not-public';
  if (name.endsWith('.amazonaws.com') || name.endsWith('.awsapps.com') || name.endsWith('.highlander.aws.a2z.com')) {
    return 'resolves';
  }
  return 'unknown';
}

/** The four flows a streaming endpoint must let in (R13): TCP and UDP on 443 and 4195. */
export interface StreamingFlow {
  protocol: 'tcp' | 'udp';
  port: 443 | 4195;
}

export const STREAMING_FLOWS: readonly StreamingFlow[] = [
  { protocol: 'udp', port: 4195 },
  { protocol: 'udp', port: 443 },
  { protocol: 'tcp', port: 4195 },
  { protocol: 'tcp', port: 443 },
];

/**
 * The client's own internet check (the "Connectivity Check" host of the port-requirements page); the check fails
 * when the system does not trust the Amazon Trust Services roots (AWS troubleshooting page).
 */
export const CONNECTIVITY_CHECK_HOST = 'connectivity.amazonworkspaces.com';

/** IPv4 health-check (DRP) servers by Region, from the port-requirements page (domain.md §2.3). */
const HEALTH_CHECK_CODES: Record<string, string> = {
  'us-east-1': 'iad',
  'us-west-2': 'pdx',
  'ap-south-1': 'bom',
  'ap-northeast-2': 'icn',
  'ap-southeast-1': 'sin',
  'ap-southeast-2': 'syd',
  'ap-northeast-1': 'nrt',
  'ca-central-1': 'yul',
  'eu-central-1': 'fra',
  'eu-west-1': 'dub',
  'eu-west-2': 'lhr',
  'eu-west-3': 'cdg',
  'sa-east-1': 'gru',
  'af-south-1': 'cpt',
  'il-central-1': 'tlv',
  'us-gov-west-1': 'pdt',
  'us-gov-east-1': 'osu',
};

/**
 * The public server the client's network check probes on 4172/4195 (TCP and UDP); undefined where the page lists
 * none for the Region. It is not the DCV gateway (`dcvGatewayName`), whose host names the broker hands out.
 */
export function healthCheckHost(region: string): string | undefined {
  const code = HEALTH_CHECK_CODES[region];
  return code ? `drp-${code}.amazonworkspaces.com` : undefined;
}
