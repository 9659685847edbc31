// What a design file means when it leaves a value out: what AWS itself sets when the resource is created.
// The loader applies these and the exporter leaves out values equal to them, so both read from here.
import type { Directory, EndpointState, Instance, NatGateway, VpcEndpoint } from '../../model/types.js';

/** CreateVpc: enableDnsSupport true, enableDnsHostnames false (only the default VPC has hostnames on). */
export const VPC_DEFAULTS = { dnsSupport: true, dnsHostnames: false } as const;

/**
 * RunInstances starts an instance running with the source/destination check on. A NAT instance only works with
 * the check off, so a file that says `nat: true` means it is off unless it says otherwise.
 */
export function instanceDefaults(nat: boolean): Pick<Instance, 'state' | 'sourceDestCheck'> {
  return { state: 'running', sourceDestCheck: !nat };
}

/** CreateNatGateway: public connectivity; a described gateway is taken as available. */
export const NAT_GATEWAY_DEFAULTS: Pick<NatGateway, 'connectivity' | 'state'> = {
  connectivity: 'public',
  state: 'available',
};

/**
 * The file describes interface endpoints first of all (the streaming endpoint is one), so the type defaults to
 * Interface even though CreateVpcEndpoint's own default is Gateway.
 */
export const ENDPOINT_DEFAULT_TYPE: VpcEndpoint['type'] = 'Interface';
export const ENDPOINT_DEFAULT_STATE: EndpointState = 'available';

/** CreateVpcEndpoint for an interface endpoint of an AWS service: private DNS on, IPv4 addresses and records. */
export const interfaceEndpointDefaults: Partial<Pick<VpcEndpoint, 'privateDns' | 'dnsRecordIpType' | 'ipAddressType'>> =
  {
    privateDns: true,
    dnsRecordIpType: 'ipv4',
    ipAddressType: 'ipv4',
  };

/** A new directory registered with WorkSpaces Personal, with no access endpoint or fallback configured. */
export const DIRECTORY_DEFAULTS: Pick<Directory, 'type' | 'pcoipOverInternet' | 'encryption' | 'globalAccelerator'> = {
  type: 'personal',
  pcoipOverInternet: false,
  encryption: 'standard-tls',
  globalAccelerator: false,
};

/** The AccessEndpointType WorkSpaces sets for a streaming VPC endpoint (the only value it accepts). */
export const STREAMING_ACCESS_ENDPOINT_TYPE = 'STREAMING_WSP';

export const PEERING_DEFAULT_STATE = 'active' as const;

/** An instance's `publicIp` when it has one whose value is known only after deployment. */
export const PENDING_ADDRESS = 'unknown';
