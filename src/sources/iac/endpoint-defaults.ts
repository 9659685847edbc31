// What EC2 gives an interface endpoint whose template or plan leaves the record and address types out, shared by the
// CloudFormation and Terraform converters: the values (src/sources/design/defaults.ts) and the note that each was
// defaulted, not stated.
import type { DnsRecordIpType, VpcEndpoint } from '../../model/types.js';
import { interfaceEndpointDefaults } from '../design/defaults.js';
import type { Unknown } from './values.js';

interface EndpointIpTypes {
  dnsRecordIpType: DnsRecordIpType | Unknown | undefined;
  ipAddressType: VpcEndpoint['ipAddressType'] | Unknown;
}

export function interfaceTypesOrDefaults(
  type: unknown,
  written: EndpointIpTypes,
  defaulted: (field: string) => void,
): EndpointIpTypes {
  let { dnsRecordIpType, ipAddressType } = written;
  if (type === 'Interface') {
    if (dnsRecordIpType === undefined) {
      dnsRecordIpType = interfaceEndpointDefaults.dnsRecordIpType;
      defaulted('dnsRecordIpType');
    }
    if (ipAddressType === undefined) {
      ipAddressType = interfaceEndpointDefaults.ipAddressType;
      defaulted('ipAddressType');
    }
  }
  return { dnsRecordIpType, ipAddressType };
}
