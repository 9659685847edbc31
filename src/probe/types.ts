// The report of `wspl probe --format json`, as one zod schema: the types below are inferred from it, and
// `wspl schema probe` publishes it (src/report/output-schemas.ts), so the output and its schema cannot drift apart.
import { z } from 'zod';

export const CHECK_STATUSES = ['ok', 'warn', 'fail', 'inconclusive', 'skipped'] as const;
export const NEEDS = ['needed', 'not-needed', 'informational'] as const;
export const GROUPS = ['streaming', 'internet', 'public'] as const;

const addressClass = z.object({
  address: z.string(),
  kind: z.enum(['private', 'public', 'loopback', 'link-local', 'invalid']),
  block: z.string().optional().describe('The private block holding the address (10.0.0.0/8, …, fc00::/7)'),
  version: z.union([z.literal(4), z.literal(6)]).optional(),
});

const certificate = z.object({
  subject: z.string(),
  issuer: z.string(),
  root: z.string().describe('Top of the verified chain'),
  amazonRoot: z.boolean().describe('The chain ends at an Amazon Trust Services root'),
  validTo: z.string(),
});

export const checkSchema = z.object({
  id: z
    .string()
    .describe('Stable id: dns.system, dns.server, endpoint.dns, QUIC:4195@ADDRESS, https.broker, health.tcp, …'),
  group: z
    .enum(GROUPS)
    .describe(
      'streaming: the private endpoint; internet: registration, login, broker; public: DCV gateways and health checks',
    ),
  kind: z.enum(['dns', 'tcp', 'quic', 'https', 'not-probed']),
  target: z.string().describe('What was probed, as a person would write it'),
  host: z.string().optional(),
  address: z.string().optional(),
  port: z.number().int().optional(),
  transport: z.enum(['TCP', 'QUIC']).optional(),
  resolver: z.string().optional(),
  result: z.string().describe('The raw outcome: open, refused, timeout, answered, silent, nxdomain, trusted, …'),
  status: z.enum(CHECK_STATUSES),
  need: z
    .enum(NEEDS)
    .describe('needed: the client needs it for this setup; not-needed: its failure does not matter here'),
  rttMs: z.number().optional(),
  summary: z.string(),
  explanation: z.string().describe('What the outcome means for the client, and what to do'),
  answers: z.array(addressClass).optional(),
  versions: z.array(z.string()).optional().describe('QUIC versions a server offered in version negotiation'),
  certificate: certificate.optional(),
  source: z.string().optional().describe('Where the fact behind the check comes from'),
  inferred: z.boolean().optional(),
  hypothetical: z
    .boolean()
    .optional()
    .describe('Probed at an address the system resolver did not give (from --dns): shows the path once DNS works'),
});

const rttSchema = z.object({
  target: z.string(),
  ms: z.number(),
  band: z.enum(['good', 'affected', 'degraded', 'terminated']),
  meaning: z.string(),
});

const endpointChoice = z.object({ transport: z.enum(['TCP', 'QUIC']), port: z.number().int(), address: z.string() });

const differenceSchema = z.object({
  aspect: z.enum(['dns', 'probe', 'internet', 'path', 'endpoint']),
  check: z.string().optional().describe('The id of the check that differs'),
  predicted: z.string(),
  observed: z.string(),
  likelyCause: z.string(),
});

export const comparisonSchema = z.object({
  client: z.string(),
  workspace: z.string(),
  predicted: z.object({
    outcome: z.string(),
    path: z.enum(['privatelink', 'internet']).nullable(),
    endpoint: z.object({ transport: z.string(), port: z.number().int(), address: z.string().nullable() }).nullable(),
  }),
  differences: z.array(differenceSchema),
  agreements: z.array(z.string()),
  undecided: z.array(z.string()).describe('Where the model could not tell, or the probe proves nothing (QUIC silence)'),
});

export const probeReportSchema = z
  .object({
    region: z.string(),
    privateName: z.string(),
    startedAt: z.string(),
    durationMs: z.number(),
    systemResolvers: z.array(z.string()),
    endpointInUse: z.object({ value: z.enum(['yes', 'no', 'unknown']), reason: z.string() }),
    checks: z.array(checkSchema),
    connect: endpointChoice
      .nullable()
      .describe('What the client would use: the first confirmed endpoint in its probe order'),
    rtt: z.array(rttSchema),
    mtu: z.object({
      status: z.enum(['measured', 'not-measured']),
      atLeastBytes: z.number().int().optional(),
      detail: z.string(),
    }),
    verdict: z.object({
      ok: z.boolean().describe('False when something the client needs failed (exit code 1)'),
      failures: z.array(z.string()),
      notes: z.array(z.string()),
    }),
    comparison: comparisonSchema.optional(),
  })
  .describe('Live checks from this machine, explained')
  .meta({ title: 'wspl probe --format json' });

export type ProbeCheck = z.infer<typeof checkSchema>;
export type CheckStatus = ProbeCheck['status'];
export type Need = ProbeCheck['need'];
export type RttReading = z.infer<typeof rttSchema>;
export type Difference = z.infer<typeof differenceSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;
export type ProbeReport = z.infer<typeof probeReportSchema>;
