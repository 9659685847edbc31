// What the data plane reports about one flow: the hops it passed and every setting that stopped it.
import type { Provenance } from '../model/types.js';

/** One thing on the way that decided a packet's fate (Batfish-style hop), for the story `trace` tells. */
export interface Hop {
  /** The resource: "vpc1/client-sg", "vpc1/private", "vpc1/nat". */
  node: string;
  /** What was evaluated: "security-group egress", "route", "network ACL inbound", "NAT", "DNS". */
  action: string;
  result: 'allowed' | 'denied' | 'forwarded' | 'dropped' | 'unknown';
  /** The rule or route that decided, as the user wrote it: "tcp:443 to 0.0.0.0/0", "0.0.0.0/0 -> nat". */
  detail: string;
  location?: Provenance;
}

export interface Blocker {
  /** The resource to change: "vpc1/endpoint-sg", "vpc1/private", "corp". */
  resource: string;
  /** What kind of setting blocks: security-group, network-acl, route, nat, dns, endpoint, directory, client, internet. */
  kind: string;
  detail: string;
  /** The contract rule id that covers this blocker, when there is one. */
  ruleId?: string;
  location?: Provenance;
  /** True when the blocker rests on an inferred (not documented or observed) fact. */
  inferred?: boolean;
  /** Set by the data plane: the blocker stops the return traffic, not the outbound packets. */
  phase?: 'forward' | 'return';
}
