// `trace` and `check` decide every WorkSpaces requirement through the same functions, so they must agree: a rule a
// trace blames must be raised by `check`, and a reachability finding of `check` must come from a trace's blocker.
import { readdirSync } from 'node:fs';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/model/types.js';
import { REPORT_WORDING } from '../../src/report/wording.js';
import { runCheck } from '../../src/rules/runner.js';
import { loadSource } from '../../src/sources/index.js';
import { predictMatrix } from '../../src/workspaces/matrix.js';
import { modelOf, seedDoc } from '../scenarios/helpers.js';

/** Rules that read the engine's traces: each of their findings stands on a trace blocker or warning. */
const REACHABILITY = [
  'client-internet-for-auth',
  'client-route-to-endpoint',
  'client-dns-resolution',
  'nacl-return-traffic',
  'client-version-443-fallback',
];

function disagreements(model: Model): string[] {
  const traces = predictMatrix(model);
  const check = runCheck(model, { wording: REPORT_WORDING });
  const raised = new Set(check.findings.map((f) => f.rule));
  const raisedFor = new Set(check.findings.map((f) => `${f.rule} ${f.resource}`));
  const internet = new Set(model.clients.filter((c) => c.at.kind === 'internet').map((c) => c.id));
  const blamed = new Set<string | undefined>(
    traces.flatMap((t) => [...t.blockers.map((b) => b.ruleId), ...t.warnings.map((w) => w.code)]),
  );
  const out: string[] = [];
  for (const t of traces) {
    for (const b of t.blockers) {
      // Internet-only clients cannot reach a private endpoint by design: internet-clients-cut-off speaks for them.
      const coveredForInternet =
        internet.has(t.client) &&
        (b.ruleId === 'client-dns-resolution' || b.ruleId === 'client-route-to-endpoint') &&
        raisedFor.has(`internet-clients-cut-off ${t.client}`);
      if (b.ruleId && !raised.has(b.ruleId) && !coveredForInternet)
        out.push(`trace ${t.client} → ${t.workspace} blames ${b.ruleId} (${b.resource}); check does not raise it`);
    }
  }
  for (const f of check.findings) {
    if (REACHABILITY.includes(f.rule) && !blamed.has(f.rule))
      out.push(`check raises ${f.rule} (${f.resource}); no trace blames it`);
  }
  return out;
}

const FILES = [
  ...readdirSync('examples')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `examples/${f}`),
  'test/design/all-features.yaml',
  'test/scenarios/office-tgw.yaml',
];

describe('trace and check agree', () => {
  it.each(FILES)('%s', async (file) => {
    expect(disagreements(await loadSource(file))).toEqual([]);
  });

  const variants: [string, (doc: ReturnType<typeof seedDoc>) => void][] = [
    // The case that once disagreed: a VPC the directory's own account shares out is its own VPC.
    ['endpoint VPC shared out by the directory account', (d) => (d.vpcs.vpc1.sharedFrom = '111122223333')],
    ['endpoint VPC shared from another account', (d) => (d.vpcs.vpc1.sharedFrom = '444455556666')],
    ['endpoint of another account', (d) => (d.vpcs.vpc1.endpoints.streaming.owner = '444455556666')],
    ['Pools directory', (d) => (d.directories.corp.type = 'pools')],
    ['FIPS', (d) => (d.directories.corp.encryption = 'fips-validated')],
    ['wrong service', (d) => (d.vpcs.vpc1.endpoints.streaming.service = 'com.amazonaws.ap-northeast-1.workspaces')],
    ['dualstack records', (d) => (d.vpcs.vpc1.endpoints.streaming.dnsRecordIpType = 'dualstack')],
    ['private DNS off', (d) => (d.vpcs.vpc1.endpoints.streaming.privateDns = false)],
    ['VPC DNS hostnames off', (d) => (d.vpcs.vpc1.dns = { support: true, hostnames: false })],
    ['endpoint pending', (d) => (d.vpcs.vpc1.endpoints.streaming.state = 'pending')],
    ['access endpoint type wrong', (d) => (d.directories.corp.accessEndpointType = 'STREAMING_PCOIP')],
    ['NAT stopped', (d) => (d.vpcs.vpc1.instances.nat.state = 'stopped')],
    [
      'endpoint SG without UDP',
      (d) =>
        (d.vpcs.vpc1.securityGroups['endpoint-sg'].ingress = ['tcp:443 from 10.0.0.0/16', 'tcp:4195 from 10.0.0.0/16']),
    ],
    ['endpoint SG closed', (d) => (d.vpcs.vpc1.securityGroups['endpoint-sg'].ingress = [])],
    [
      'old client, 4195 closed',
      (d) => {
        d.vpcs.vpc1.securityGroups['endpoint-sg'].ingress = ['tcp:443 from 10.0.0.0/16', 'udp:443 from 10.0.0.0/16'];
        d.clients['ec2-client'].version = '5.20.0';
      },
    ],
    ['PCoIP fallback on', (d) => (d.directories.corp.pcoipOverInternet = true)],
    ['IP groups with an endpoint', (d) => (d.directories.corp.ipGroups = ['office-only'])],
    ['Global Accelerator on', (d) => (d.directories.corp.globalAccelerator = true)],
  ];
  it.each(variants)('seed with %s', (_name, change) => {
    const doc = seedDoc();
    change(doc);
    expect(disagreements(modelOf(doc, `${stringify(_name).trim()}.yaml`))).toEqual([]);
  });
});
