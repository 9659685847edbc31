// The seed environment and its variants, end to end through every rule and the real connection engine.
import { describe, expect, it } from 'vitest';
import { loadSource } from '../sources/index.js';
import { runCheck } from './runner.js';
import { seed } from './testing/design.js';

const active = (model: ReturnType<typeof seed>) =>
  runCheck(model)
    .findings.filter((f) => !f.suppressed)
    .map((f) => `${f.severity} ${f.rule} ${f.resource}`)
    .sort();

const SEED_FINDINGS = [
  'error pcoip-workspaces-unreachable pcoip-desktop',
  'info network-check-false-alarm ec2-client',
  'warning internet-clients-cut-off home',
  // The seed's test endpoint has one subnet: a recommendation, not a fault of the endpoint's configuration.
  'warning streaming-endpoint-multi-az vpc1/streaming',
];

describe('the seed environment', () => {
  it('examples/seed-tokyo.yaml yields exactly the expected findings', async () => {
    expect(active(await loadSource('examples/seed-tokyo.yaml'))).toEqual(SEED_FINDINGS);
  });

  it.each([
    [
      'private DNS off',
      ['set:vpcs.vpc1.endpoints.streaming.privateDns=false'],
      'error streaming-endpoint-private-dns vpc1/streaming',
    ],
    [
      'dualstack',
      ['set:vpcs.vpc1.endpoints.streaming.dnsRecordIpType=dualstack'],
      'error streaming-endpoint-dns-record-ip-type vpc1/streaming',
    ],
    ['FIPS', ['set:directories.corp.encryption=fips-validated'], 'error directory-fips corp'],
    ['Pools', ['set:directories.corp.type=pools'], 'error directory-workspace-type corp'],
    [
      'the API service',
      ['set:vpcs.vpc1.endpoints.streaming.service=com.amazonaws.ap-northeast-1.workspaces'],
      'error streaming-endpoint-service vpc1/streaming',
    ],
    [
      'another account',
      ['set:vpcs.vpc1.endpoints.streaming.owner="444455556666"'],
      'error streaming-endpoint-same-account vpc1/streaming',
    ],
    [
      'SG without UDP',
      ['set:vpcs.vpc1.securityGroups.endpoint-sg.ingress=[tcp:443 from 10.0.0.0/16, tcp:4195 from 10.0.0.0/16]'],
      'warning streaming-endpoint-ports vpc1/endpoint-sg',
    ],
    ['NAT stopped', ['set:vpcs.vpc1.instances.nat.state=stopped'], 'error client-internet-for-auth vpc1/nat'],
    ['IP groups', ['set:directories.corp.ipGroups=[office-only]'], 'warning directory-ip-groups-bypassed corp'],
  ])('%s adds its own finding', (_name, changes, expected) => {
    const findings = active(seed(...changes));
    expect(findings).toContain(expected);
    expect(findings.filter((f) => !SEED_FINDINGS.includes(f)).length).toBeGreaterThan(0);
  });
});
