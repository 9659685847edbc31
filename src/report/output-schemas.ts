// The JSON outputs' shapes, as zod schemas: `wspl schema trace|matrix|check|logs|whatif|probe` prints them as JSON
// Schema, and tests hold real outputs to them, so the published schema cannot drift from what the commands print.
import { z } from 'zod';
import { BLOCKER_KINDS, EVALUATED, HOP_DECISION_CODES, NET_REASON_CODES } from '../net/trace-types.js';
import { probeReportSchema } from '../probe/types.js';
import { CONTRACT_RULE_IDS, RULE_IDS } from '../workspaces/rule-ids.js';
import { OUTCOMES, SERVICE_REASON_CODES, STEP_NAMES, WARNING_CODES } from '../workspaces/types.js';
import type { OutputName } from './output-names.js';

const location = z
  .object({ source: z.string(), file: z.string(), line: z.number().int().optional(), path: z.string().optional() })
  .loose()
  .describe('Where the setting is written: file, line, path in the source');

const transport = z.enum(['QUIC', 'TCP', 'UDP']);
const offered = z.object({ hostname: z.string(), transport, port: z.number().int() });
const reasonCode = z.enum([...NET_REASON_CODES, ...SERVICE_REASON_CODES]);

/** A typed fact: its code, and the facts that code carries (documented per code in src/net, src/workspaces). */
const reason = z.object({ code: reasonCode }).loose().describe('Why a setting blocks: a code and its facts');

/** The fix for this setup (src/report/fixes.ts). */
const fix = z
  .object({
    resource: z.string(),
    awsId: z.string().optional(),
    logicalId: z.string().optional(),
    constructPath: z.string().optional(),
    address: z.string().optional(),
    file: z.string().optional(),
    line: z.number().int().optional(),
    cli: z
      .array(z.string())
      .describe(
        'AWS CLI commands with the ids of the input; <…> marks a value it does not state; empty when none fixes it',
      ),
    note: z.string().optional().describe('Why no single command does it, or what to do before or after the commands'),
  })
  .describe('How to change the blocking setting in this setup');

const blocker = z
  .object({
    resource: z.string().describe('The resource to change'),
    kind: z.enum(BLOCKER_KINDS),
    reason,
    ruleId: z.enum(RULE_IDS as [string, ...string[]]).optional(),
    location: location.optional(),
    inferred: z.boolean().optional(),
    phase: z.enum(['forward', 'return']).optional(),
    affects: z.array(z.string()).optional().describe('The probes it stops, when it stops several'),
    more: z.array(reason).optional(),
    detail: z.string().describe('The reason in words'),
    fix: fix.optional(),
  })
  .describe('A setting that blocks the path');

const hop = z.object({
  node: z.string(),
  evaluated: z.enum(EVALUATED),
  direction: z.enum(['outbound', 'inbound', 'return']),
  result: z.enum(['allowed', 'denied', 'forwarded', 'dropped', 'unknown']),
  decision: z.object({ code: z.enum(HOP_DECISION_CODES) }).loose(),
  location: location.optional(),
  action: z.string(),
  detail: z.string(),
});

const warning = z.object({
  code: z.enum(WARNING_CODES),
  facts: z.object({ code: z.enum(WARNING_CODES) }).loose(),
  resource: z.string().optional(),
  inferred: z.boolean().optional(),
  detail: z.string(),
});

export const traceSchema = z
  .object({
    outcome: z.enum(OUTCOMES),
    client: z.string(),
    workspace: z.string(),
    path: z.enum(['privatelink', 'internet']).nullable(),
    endpoint: offered.extend({ address: z.string().nullable() }).nullable(),
    steps: z.array(
      z.object({
        step: z.enum(STEP_NAMES),
        status: z.enum(['ok', 'fail', 'skipped', 'unknown']),
        detail: z.string(),
        evidence: z.array(z.string()),
        inferred: z.boolean().optional(),
        note: z.object({ code: z.string() }).loose(),
        hops: z.array(hop).optional(),
      }),
    ),
    blockers: z.array(blocker).describe('Every setting that blocks the path, not only the first'),
    warnings: z.array(warning),
    missing: z.array(z.string()).describe('What the input lacks, when the outcome is UNKNOWN'),
    offered: z.array(offered),
    probes: z.array(
      offered.extend({
        address: z.string().optional(),
        reachable: z.union([z.boolean(), z.literal('unknown')]),
        hops: z.array(hop),
        blockers: z.array(blocker),
        missing: z.array(z.string()).optional(),
      }),
    ),
  })
  .meta({ title: 'wspl trace --format json' });

export const matrixSchema = z
  .object({
    rows: z.array(
      z.object({
        client: z.string(),
        workspace: z.string(),
        outcome: z.enum(OUTCOMES),
        path: z.enum(['privatelink', 'internet']).nullable(),
        transport: transport.nullable(),
        port: z.number().int().nullable(),
        blockers: z.array(
          z
            .object({
              resource: z.string(),
              kind: z.enum(BLOCKER_KINDS),
              reason: reasonCode,
              ruleId: z.string().optional(),
              phase: z.literal('return').optional(),
              detail: z.string(),
              fix: fix.describe('The fix for this setup; it names no WorkSpace, since a row may share its trace'),
            })
            .strict(),
        ),
        warnings: z.array(
          z.object({ code: z.enum(WARNING_CODES), resource: z.string().optional(), detail: z.string() }),
        ),
      }),
    ),
    expectations: z
      .array(
        z.object({
          id: z.string().describe('expect[N]: its place among the intents'),
          client: z.string(),
          workspace: z.string(),
          outcome: z.array(z.enum(OUTCOMES)),
          path: z.enum(['privatelink', 'internet']).optional(),
          transport: transport.optional(),
          holds: z.boolean(),
          checked: z.number().int().describe('Cells the intent names; 0 when a glob matches nothing'),
          unmet: z.array(
            z.object({
              client: z.string(),
              workspace: z.string(),
              outcome: z.enum(OUTCOMES),
              path: z.enum(['privatelink', 'internet']).nullable(),
              transport: transport.nullable(),
            }),
          ),
        }),
      )
      .optional()
      .describe('The intents of the input (expect: section or --expect FILE), when it states any'),
  })
  .meta({ title: 'wspl matrix --format json' });

const finding = z.object({
  rule: z.string().describe(`A rule id (${CONTRACT_RULE_IDS.length} fixed by the contract), or internal-error`),
  severity: z.enum(['error', 'warning', 'info']),
  resource: z.string(),
  message: z.string(),
  location: z.object({ file: z.string(), line: z.number().int().optional(), path: z.string().optional() }).optional(),
  inferred: z.boolean().optional(),
  fix: z.array(fix).optional().describe('One per blocker of the finding that a command can change'),
  source: z.string(),
});

export const checkSchema = z
  .object({
    findings: z.array(finding),
    unknown: z.array(
      z.object({ rule: z.string(), resource: z.string(), missing: z.array(z.string()), source: z.string() }).loose(),
    ),
    suppressed: z.array(finding.extend({ reason: z.string() })),
    rules: z.array(z.object({ rule: z.string(), status: z.string(), source: z.string() })),
    summary: z.object({ sources: z.number().int(), findings: z.number().int() }).loose(),
  })
  .meta({ title: 'wspl check --format json' });

const logLines = z.array(z.union([z.number().int(), z.string()]));

export const logsSchema = z
  .object({
    sessions: z.array(
      z
        .object({
          id: z.string().nullable(),
          protocol: z.string().nullable(),
          start: z.string().nullable(),
          path: z.enum(['privatelink', 'internet']).nullable(),
          offered: z.array(offered),
          reachable: z.array(offered),
          chosen: offered.nullable(),
          outcome: z.enum([...OUTCOMES, 'INCOMPLETE']),
          lines: logLines,
        })
        .loose(),
    ),
    diagnoses: z.array(
      z
        .object({
          code: z.string(),
          severity: z.enum(['error', 'warning', 'info']),
          session: z.string().nullable(),
          message: z.string(),
          lines: logLines,
        })
        .loose(),
    ),
  })
  .loose()
  .meta({ title: 'wspl logs --format json' });

const cellState = z
  .object({
    outcome: z.enum(OUTCOMES),
    path: z.enum(['privatelink', 'internet']).nullable(),
    transport: transport.nullable(),
    port: z.number().int().nullable(),
    cause: z
      .object({ resource: z.string(), reason: reasonCode, ruleId: z.string().optional(), detail: z.string() })
      .optional()
      .describe('The first blocker, when one blocks the cell'),
  })
  .nullable()
  .describe('null when the client or the WorkSpace is not in the setup');

/** Without --client/--workspace: what changes across the whole matrix after each change. */
const whatifEstateSchema = z
  .object({
    cells: z.number().int(),
    connected: z.number().int().describe('Cells connected before the changes: sessions that may be running'),
    changes: z.array(
      z.object({
        change: z.string(),
        changed: z.array(
          z.object({
            client: z.string(),
            workspace: z.string(),
            fields: z.array(z.enum(['outcome', 'path', 'transport'])),
            before: cellState,
            after: cellState,
          }),
        ),
        unchanged: z.number().int().describe('Cells whose outcome, path and transport stay; counted, not listed'),
        running: z.number().int(),
        dropped: z.array(
          z.object({
            client: z.string(),
            workspace: z.string(),
            existingReason: z.string(),
            fate: z.object({ code: z.string() }).loose(),
            inferred: z.boolean().optional(),
          }),
        ),
        traces: z
          .object({ computed: z.number().int(), full: z.number().int() })
          .describe('Traces predicted again for this change, and how many a full re-evaluation predicts'),
      }),
    ),
  })
  .describe('wspl whatif without --client/--workspace: the whole estate');

const whatifSessionSchema = z
  .object({
    initial: traceSchema,
    changes: z.array(
      z.object({
        change: z.string(),
        existing: z.enum(['continues', 'disconnected', 'none']),
        existingReason: z.string(),
        fate: z.object({ code: z.string() }).loose(),
        new: traceSchema,
      }),
    ),
  })
  .describe('wspl whatif --client C --workspace W: one session');

export const whatifSchema = z
  .union([whatifSessionSchema, whatifEstateSchema])
  .meta({ title: 'wspl whatif --format json' });

export const OUTPUT_SCHEMAS: Record<OutputName, z.ZodType> = {
  trace: traceSchema,
  matrix: matrixSchema,
  check: checkSchema,
  logs: logsSchema,
  whatif: whatifSchema,
  // Defined beside the probe, which builds its report as this type; its tests hold real runs to it.
  probe: probeReportSchema,
};

export type { OutputName };

export function outputJsonSchema(name: OutputName): Record<string, unknown> {
  return z.toJSONSchema(OUTPUT_SCHEMAS[name], { target: 'draft-2020-12' });
}
