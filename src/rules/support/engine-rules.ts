// Shared by the reachability rules: they read the connection engine's traces (src/workspaces) and turn the
// blockers the engine tagged with their rule id into findings. They never evaluate routes or filters themselves.
import type { Client, Model } from '../../model/types.js';
import type { MatrixEntry } from '../../workspaces/matrix.js';
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

/** The engine's cells grouped by client, once per check (every reachability rule groups the same cells). */
const groupedByClient = new WeakMap<readonly MatrixEntry[], Map<string, MatrixEntry[]>>();
/** Per client, each trace its WorkSpaces share once, in the order of its first cell. */
const sharedByClient = new WeakMap<readonly MatrixEntry[], Map<string, Trace[]>>();

function grouped(cells: readonly MatrixEntry[]): Map<string, MatrixEntry[]> {
  let all = groupedByClient.get(cells);
  if (!all) {
    all = new Map<string, MatrixEntry[]>();
    for (const c of cells) {
      const list = all.get(c.client);
      if (list) list.push(c);
      else all.set(c.client, [c]);
    }
    groupedByClient.set(cells, all);
  }
  return all;
}

/** The engine's cells, or undefined (after marking every client unknown) when the engine is absent. */
function engineCells<M extends string>(
  ctx: RuleContext<M>,
  clients: readonly Client[],
): readonly MatrixEntry[] | undefined {
  const cells = ctx.engine.cells();
  if (!cells) for (const c of clients) ctx.unknown({ resource: c.id, missing: [ENGINE_MISSING] });
  return cells;
}

/** Every cell of the clients asked for (client, WorkSpace, shared trace), grouped by client. */
export function cellsByClient<M extends string>(
  ctx: RuleContext<M>,
  clients: readonly Client[],
): Map<string, MatrixEntry[]> | undefined {
  const cells = engineCells(ctx, clients);
  if (!cells) return undefined;
  const all = grouped(cells);
  return new Map(clients.map((c) => [c.id, all.get(c.id) ?? []]));
}

/**
 * Each client's distinct traces, in the order of their first cell: a trace shared by a directory's WorkSpaces is
 * looked at once, not once per WorkSpace. Its first cell is the WorkSpace it was computed for, so a warning about
 * "this WorkSpace" names that one, as the first per-cell trace would.
 */
export function sharedTracesByClient<M extends string>(
  ctx: RuleContext<M>,
  clients: readonly Client[],
): Map<string, Trace[]> | undefined {
  const cells = engineCells(ctx, clients);
  if (!cells) return undefined;
  let shared = sharedByClient.get(cells);
  if (!shared) {
    shared = new Map();
    for (const [client, list] of grouped(cells)) shared.set(client, distinctTraces(list));
    sharedByClient.set(cells, shared);
  }
  const byClient = shared;
  return new Map(clients.map((c) => [c.id, byClient.get(c.id) ?? []]));
}

/** The distinct trace objects of some cells, in the order of their first cell. */
export function distinctTraces(cells: readonly MatrixEntry[]): Trace[] {
  const seen = new Set<Trace>();
  const out: Trace[] = [];
  for (const c of cells) {
    if (seen.has(c.trace)) continue;
    seen.add(c.trace);
    out.push(c.trace);
  }
  return out;
}

/** Reports each blocker carrying `ruleId` as `messageId` with data { client, workspace, detail }. */
export function reportTaggedBlockers<M extends string>(
  model: Readonly<Model>,
  ctx: RuleContext<M>,
  ruleId: string,
  messageId: M,
  options: BlockerRuleOptions<M> = {},
): void {
  const clients = model.clients.filter((c) => !(options.skipInternetClients && c.at.kind === 'internet'));
  const byClient = sharedTracesByClient(ctx, clients);
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
