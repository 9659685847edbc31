// The read plan without the AWS SDK: the same reader (read.ts) and limiter (token buckets, in-flight bounds) over a
// stand-in client that answers each request from a recorded read after the same latency. Its wall time is what the
// plan itself costs at that latency when the CPU is free, to set beside the longest chain (the physical limit) and
// beside the real read (which adds the SDK's CPU time per request).
import { COMMANDS } from '../src/sources/aws/commands.js';
import { DEFAULT_CONCURRENCY, Limiter } from '../src/sources/aws/limiter.js';
import { readScope } from '../src/sources/aws/read.js';
import type { RawScope } from '../src/sources/aws/raw.js';
import type { Sender } from '../src/sources/aws/clients.js';

const PAGING_FIELDS = new Set(['MaxResults', 'Limit', 'NextToken']);
const actionOf = new Map<unknown, string>(Object.entries(COMMANDS).map(([action, C]) => [C, action]));

function keyOf(action: string, input: Record<string, unknown>): string {
  const rest = Object.fromEntries(Object.entries(input).filter(([k]) => !PAGING_FIELDS.has(k)));
  return `${action} ${JSON.stringify(rest)}`;
}

/** Answers every request of one scope from what the recorded read got for it, `latencyMs` later. */
function replaySender(scope: RawScope, latencyMs: number): Sender {
  const pages = new Map(scope.calls.map((c) => [keyOf(c.action, c.input), c.pages]));
  return {
    async send(command: unknown) {
      const { input } = command as { input: Record<string, unknown> };
      const action = actionOf.get((command as object).constructor) ?? '?';
      const recorded = pages.get(keyOf(action, input)) ?? [];
      const token = input.NextToken;
      const index = token === undefined ? 0 : recorded.findIndex((p) => p.NextToken === token) + 1;
      await new Promise((ok) => setTimeout(ok, latencyMs));
      return { ...(recorded[index] ?? {}), $metadata: {} };
    },
  };
}

export async function replayPlan(scopes: readonly RawScope[], latencyMs: number) {
  const limiter = new Limiter(DEFAULT_CONCURRENCY);
  const t0 = performance.now();
  // The identity step: one AssumeRole per account, all at once, before any read.
  await new Promise((ok) => setTimeout(ok, latencyMs));
  await Promise.all(
    scopes.map((s) => {
      const sender = replaySender(s, latencyMs);
      return readScope({ account: s.account, region: s.region, client: () => sender, limiter }, 1);
    }),
  );
  return { ms: Math.round(performance.now() - t0), calls: limiter.stats.calls, chain: limiter.stats.longestChain };
}
