// Shared by the reachability rules: they read the connection engine's traces (src/workspaces) and turn the
// blockers the engine tagged with their rule id into findings. They never evaluate routes or filters themselves.
import type { Client, Model } from '../../model/types.js';
import type { Trace } from '../../workspaces/types.js';
import type { RuleContext } from '../types.js';

export const ENGINE_MISSING = 'the connection engine (src/workspaces/trace.ts), which this build does not have';

export interface BlockerRuleOptions<M extends string> {
  /** Internet clients cannot reach a private endpoint by design; internet-clients-cut-off speaks for them. */
  skipInternetClients?: boolean;
  /** Rules whose blocker in the same trace is the root cause of this one (reported there, not twice). */
  coveredBy?: readonly string[];
  /** Engine warnings whose code is this rule id are reported with this messageId (a lesser, partial failure). */
  warningMessageId?: M;
}

/** Traces grouped by client, or undefined (after marking every client unknown) when the engine is absent. */
export function tracesByClient<M extends string>(
  ctx: RuleContext<M>,
  clients: readonly Client[],
): Map<string, Trace[]> | undefined {
  const traces = ctx.engine.traces();
  if (!traces) {
    for (const c of clients) ctx.unknown({ resource: c.id, missing: [ENGINE_MISSING] });
    return undefined;
  }
  // Every reachability rule groups the same traces: group them once per check, then pick the clients asked for.
  let all = groupedByClient.get(traces);
  if (!all) {
    all = new Map<string, Trace[]>();
    for (const t of traces) {
      const list = all.get(t.client);
      if (list) list.push(t);
      else all.set(t.client, [t]);
    }
    groupedByClient.set(traces, all);
  }
  return new Map(clients.map((c) => [c.id, all.get(c.id) ?? []]));
}

const groupedByClient = new WeakMap<readonly Trace[], Map<string, Trace[]>>();

/** Reports each blocker carrying `ruleId` as `messageId` with data { client, workspace, detail }. */
export function reportTaggedBlockers<M extends string>(
  model: Readonly<Model>,
  ctx: RuleContext<M>,
  ruleId: string,
  messageId: M,
  options: BlockerRuleOptions<M> = {},
): void {
  const clients = model.clients.filter((c) => !(options.skipInternetClients && c.at.kind === 'internet'));
  const byClient = tracesByClient(ctx, clients);
  if (!byClient) return;
  for (const [client, traces] of byClient) {
    let blocked = false;
    let undecided: string[] | undefined;
    // WorkSpaces of one directory and protocol share one computed trace (same blocker list): report it once.
    const seen = new Set<object>();
    for (const trace of traces) {
      if (seen.has(trace.blockers)) continue;
      seen.add(trace.blockers);
      const covered = trace.blockers.some((b) => b.ruleId !== undefined && options.coveredBy?.includes(b.ruleId));
      const mine = covered ? [] : trace.blockers.filter((b) => b.ruleId === ruleId);
      for (const b of mine) {
        blocked = true;
        ctx.report({
          resource: b.resource,
          messageId,
          data: { client, detail: { blocker: b } },
          inferred: b.inferred === true,
        });
      }
      if (covered) blocked = true;
      const warningId = options.warningMessageId;
      for (const w of warningId ? trace.warnings.filter((x) => x.code === ruleId) : []) {
        blocked = true;
        ctx.report({
          resource: w.resource ?? client,
          messageId: warningId as M,
          data: { client, detail: { warning: w } },
          inferred: w.inferred === true,
        });
      }
      if (mine.length === 0 && trace.outcome === 'UNKNOWN') undecided = trace.missing;
    }
    if (blocked) continue;
    if (undecided)
      ctx.unknown({ resource: client, missing: undecided.length > 0 ? undecided : ['(engine gave no detail)'] });
    else if (traces.length > 0) ctx.pass(client);
  }
}
