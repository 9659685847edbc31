// The wspl rule ids this library names in its synth-time errors. They are wspl's fixed contract names
// (src/workspaces/rule-ids.ts in the wspl repository); a test holds this list to wspl's own, so a renamed rule
// fails the build instead of leaving a stale id in a message.
export const WSPL_RULE = {
  service: 'streaming-endpoint-service',
  accessType: 'streaming-endpoint-access-type',
  privateDns: 'streaming-endpoint-private-dns',
  dnsRecordIpType: 'streaming-endpoint-dns-record-ip-type',
  ports: 'streaming-endpoint-ports',
  multiAz: 'streaming-endpoint-multi-az',
  pcoipUnreachable: 'pcoip-workspaces-unreachable',
  pcoipOverInternet: 'pcoip-over-internet',
  directoryRegion: 'cfn-directory-region-unsupported',
  directoryType: 'directory-workspace-type',
  directoryFips: 'directory-fips',
  directoryAccelerator: 'directory-global-accelerator',
} as const;

export type WsplRuleId = (typeof WSPL_RULE)[keyof typeof WSPL_RULE];
