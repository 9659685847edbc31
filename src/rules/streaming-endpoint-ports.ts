import { PORT_REQUIREMENTS, STREAMING_ENDPOINTS_GUIDE } from './sources.js';
import { clientNetworks, type ClientNetwork } from './support/client-networks.js';
import { distinctTraces } from './support/engine-rules.js';
import { allowedFlows, flowName, STREAMING_FLOWS, type StreamingFlow } from './support/sg-ingress.js';
import { distinctEndpoints, streamingSetups } from './support/streaming.js';
import { defineRule, type RuleContext } from './types.js';

const messages = {
  nothingAllowed:
    'security groups {{groups}} of endpoint {{endpoint}} let no streaming traffic in from {{network}} (needs TCP and UDP 443 and 4195)',
  udpMissing:
    'security groups {{groups}} of endpoint {{endpoint}} allow no UDP from {{network}}: QUIC is lost, streams fall back to TCP',
  port4195Missing:
    'security groups {{groups}} of endpoint {{endpoint}} allow no port 4195 from {{network}}: only clients that fall back to 443 connect',
  partlyMissing: 'security groups {{groups}} of endpoint {{endpoint}} miss {{missing}} from {{network}}',
  blockedOnPath: 'client {{client}}: {{detail}}',
} as const;
type MessageId = keyof typeof messages;

function judge(allowed: StreamingFlow[]): MessageId | undefined {
  if (allowed.length === STREAMING_FLOWS.length) return undefined;
  if (allowed.length === 0) return 'nothingAllowed';
  const has = (p: string, port?: number) =>
    allowed.some((f) => f.protocol === p && (port === undefined || f.port === port));
  const onlyUdpMissing = !has('udp') && has('tcp', 443) && has('tcp', 4195);
  if (onlyUdpMissing) return 'udpMissing';
  const only4195Missing = !allowed.some((f) => f.port === 4195) && has('tcp', 443) && has('udp', 443);
  if (only4195Missing) return 'port4195Missing';
  return 'partlyMissing';
}

export default defineRule({
  meta: {
    id: 'streaming-endpoint-ports',
    description: 'The endpoint security groups must allow TCP and UDP 443 and 4195 from every client network',
    severity: 'error',
    messages,
    messageSeverity: { udpMissing: 'warning', port4195Missing: 'warning', partlyMissing: 'warning' },
    sources: ['seed', STREAMING_ENDPOINTS_GUIDE, PORT_REQUIREMENTS],
    usesEngine: true,
  },
  check(model, ctx) {
    const reportedGroups = new Set<string>();
    const { networks, missing } = clientNetworks(model);
    for (const { endpoint } of distinctEndpoints(streamingSetups(model))) {
      if (!endpoint) continue;
      const unknownGroups = endpoint.securityGroups.filter((g) => !model.securityGroups.some((s) => s.id === g));
      if (endpoint.securityGroups.length === 0 || unknownGroups.length > 0) {
        const what =
          unknownGroups.length > 0
            ? unknownGroups.map((g) => `security group ${g}`)
            : [`security groups of ${endpoint.id}`];
        ctx.unknown({ resource: endpoint.id, missing: what });
        continue;
      }
      const resource = endpoint.securityGroups[0] ?? endpoint.id;
      const base = { groups: endpoint.securityGroups.join(', '), endpoint: endpoint.id };
      // With no client in the model, the best we can say is whether the groups allow the flows from anywhere.
      const sources: (ClientNetwork | 'anySource')[] = networks.length > 0 ? networks : ['anySource'];
      let ok = true;
      for (const source of sources) {
        const { allowed, unknown } = allowedFlows(model, endpoint.securityGroups, source);
        if (unknown.length > 0) {
          // A rule covers the network only in part (some of its clients pass, some do not), or a group's rules are
          // not in the input: undecided, not a finding.
          const what =
            source === 'anySource'
              ? `the rules of ${base.groups} (not in the input)`
              : `which addresses of ${source.label} send ${unknown.map(flowName).join(', ')} (a rule covers part of it)`;
          ctx.unknown({ resource, missing: [what] });
          continue;
        }
        const verdict = judge(allowed);
        if (!verdict) continue;
        ok = false;
        reportedGroups.add(resource);
        const missingFlows = STREAMING_FLOWS.filter((f) => !allowed.includes(f))
          .map(flowName)
          .join(', ');
        const network = source === 'anySource' ? 'any source' : source.label;
        // For the fix with this setup's values (src/report/fixes.ts): the network's range and the flows, as data.
        const fixData = {
          cidr: source === 'anySource' ? '0.0.0.0/0' : source.cidr,
          flows: STREAMING_FLOWS.filter((f) => !allowed.includes(f))
            .map((f) => `${f.protocol}:${f.port}`)
            .join(','),
        };
        ctx.report({ resource, messageId: verdict, data: { ...base, network, missing: missingFlows, ...fixData } });
      }
      if (ok) ctx.pass(resource);
    }
    for (const m of missing) ctx.unknown({ resource: m.client, missing: [m.what] });
    reportEngineBlockers(ctx, reportedGroups);
  },
});

/** The per-client part: whatever the engine blames on the endpoint ports that the SG scan above did not already say. */
function reportEngineBlockers(ctx: RuleContext<MessageId>, reportedGroups: Set<string>): void {
  const cells = ctx.engine.cells();
  if (!cells) return;
  // WorkSpaces of one directory and protocol share one computed trace (same blocker list): look at it once.
  const seen = new Set<object>();
  for (const trace of distinctTraces(cells)) {
    if (seen.has(trace.blockers)) continue;
    seen.add(trace.blockers);
    for (const b of trace.blockers) {
      if (b.ruleId !== 'streaming-endpoint-ports' || reportedGroups.has(b.resource)) continue;
      ctx.report({
        resource: b.resource,
        messageId: 'blockedOnPath',
        data: { client: trace.client, detail: { blocker: b } },
        inferred: b.inferred,
      });
    }
  }
}
