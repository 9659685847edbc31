// The registry: every rule, sorted by id (the meta-test checks the order, the ids and the file names).
import cfnDirectoryRegionUnsupported from './cfn-directory-region-unsupported.js';
import cfnIpGroupRefArn from './cfn-ip-group-ref-arn.js';
import clientDnsResolution from './client-dns-resolution.js';
import clientInternetForAuth from './client-internet-for-auth.js';
import clientRouteToEndpoint from './client-route-to-endpoint.js';
import clientVersion443Fallback from './client-version-443-fallback.js';
import directoryFips from './directory-fips.js';
import directoryGlobalAccelerator from './directory-global-accelerator.js';
import directoryIpGroupsBypassed from './directory-ip-groups-bypassed.js';
import directoryWorkspaceType from './directory-workspace-type.js';
import expectationNotMet from './expectation-not-met.js';
import iacEndpointTypeDefault from './iac-endpoint-type-default.js';
import internetClientsCutOff from './internet-clients-cut-off.js';
import naclReturnTraffic from './nacl-return-traffic.js';
import networkCheckFalseAlarm from './network-check-false-alarm.js';
import pcoipOverInternet from './pcoip-over-internet.js';
import pcoipWorkspacesUnreachable from './pcoip-workspaces-unreachable.js';
import streamingEndpointAccessType from './streaming-endpoint-access-type.js';
import streamingEndpointDnsRecordIpType from './streaming-endpoint-dns-record-ip-type.js';
import streamingEndpointMultiAz from './streaming-endpoint-multi-az.js';
import streamingEndpointPorts from './streaming-endpoint-ports.js';
import streamingEndpointPrivateDns from './streaming-endpoint-private-dns.js';
import streamingEndpointSameAccount from './streaming-endpoint-same-account.js';
import streamingEndpointService from './streaming-endpoint-service.js';
import streamingEndpointState from './streaming-endpoint-state.js';
import streamingEndpointVpcDns from './streaming-endpoint-vpc-dns.js';
import type { AnyRule } from './types.js';

export const rules: readonly AnyRule[] = [
  cfnDirectoryRegionUnsupported,
  cfnIpGroupRefArn,
  clientDnsResolution,
  clientInternetForAuth,
  clientRouteToEndpoint,
  clientVersion443Fallback,
  directoryFips,
  directoryGlobalAccelerator,
  directoryIpGroupsBypassed,
  directoryWorkspaceType,
  expectationNotMet,
  iacEndpointTypeDefault,
  internetClientsCutOff,
  naclReturnTraffic,
  networkCheckFalseAlarm,
  pcoipOverInternet,
  pcoipWorkspacesUnreachable,
  streamingEndpointAccessType,
  streamingEndpointDnsRecordIpType,
  streamingEndpointMultiAz,
  streamingEndpointPorts,
  streamingEndpointPrivateDns,
  streamingEndpointSameAccount,
  streamingEndpointService,
  streamingEndpointState,
  streamingEndpointVpcDns,
];

export function findRule(id: string): AnyRule | undefined {
  return rules.find((r) => r.meta.id === id);
}

export const RULE_IDS: readonly string[] = rules.map((r) => r.meta.id);
