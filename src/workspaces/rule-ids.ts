// The contract's rule ids (contract.md, "Rule ids"): fixed names that users, scripts and acceptance checks rely on.
// The engine tags blockers with them and every rule's `meta.id` is one of them, so a typo fails to compile instead of
// failing silently.
export const CONTRACT_RULE_IDS = [
  'streaming-endpoint-service',
  'streaming-endpoint-access-type',
  'streaming-endpoint-private-dns',
  'streaming-endpoint-vpc-dns',
  'streaming-endpoint-dns-record-ip-type',
  'streaming-endpoint-same-account',
  'streaming-endpoint-state',
  'streaming-endpoint-ports',
  'streaming-endpoint-multi-az',
  'directory-workspace-type',
  'directory-fips',
  'directory-global-accelerator',
  'directory-ip-groups-bypassed',
  'pcoip-workspaces-unreachable',
  'pcoip-over-internet',
  'client-internet-for-auth',
  'client-route-to-endpoint',
  'client-dns-resolution',
  'nacl-return-traffic',
  'internet-clients-cut-off',
  'client-version-443-fallback',
  'network-check-false-alarm',
  'expectation-not-met',
] as const;

/**
 * Rules wspl adds beyond the contract (infrastructure-as-code mistakes and the like). Extend here when a rule is
 * added; the registry test fails when a rule's id is in neither list.
 */
export const EXTRA_RULE_IDS = [
  'cfn-directory-region-unsupported',
  'cfn-ip-group-ref-arn',
  'iac-endpoint-type-default',
] as const;

export type ContractRuleId = (typeof CONTRACT_RULE_IDS)[number];
export type RuleId = ContractRuleId | (typeof EXTRA_RULE_IDS)[number];

export const RULE_IDS: readonly RuleId[] = [...CONTRACT_RULE_IDS, ...EXTRA_RULE_IDS];

export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}
