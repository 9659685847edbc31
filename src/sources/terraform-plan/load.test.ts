import { describe, expect, it } from 'vitest';
import { readSource } from '../index.js';
import { brief, read } from '../iac/fixtures.test-helpers.js';

const SEED = 'test/iac/seed-tokyo.tfplan.json';

interface Change {
  address: string;
  type: string;
  name: string;
  index?: string | number;
  actions?: string[];
  after: Record<string, unknown>;
  unknown?: Record<string, unknown>;
  expressions?: Record<string, unknown>;
}

/** A plan in the shape `terraform show -json` prints, from a few resource changes (root module only). */
function plan(changes: Change[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      format_version: '1.2',
      terraform_version: '1.9.8',
      resource_changes: changes.map((c) => ({
        address: c.address,
        mode: 'managed',
        type: c.type,
        name: c.name,
        ...(c.index !== undefined ? { index: c.index } : {}),
        change: {
          actions: c.actions ?? ['create'],
          before: null,
          after: { region: 'eu-west-1', ...c.after },
          after_unknown: c.unknown ?? {},
        },
      })),
      configuration: {
        provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'eu-west-1' } } } },
        root_module: {
          resources: changes.map((c) => ({
            address: `${c.type}.${c.name}`,
            mode: 'managed',
            type: c.type,
            name: c.name,
            expressions: c.expressions ?? {},
          })),
        },
      },
      ...extra,
    },
    null,
    2,
  );
}

const ref = (...r: string[]) => ({ references: r });
const VPC: Change = {
  address: 'aws_vpc.main',
  type: 'aws_vpc',
  name: 'main',
  after: { cidr_block: '10.0.0.0/16', enable_dns_support: true, enable_dns_hostnames: true },
  unknown: { id: true },
};
const SUBNET: Change = {
  address: 'aws_subnet.a',
  type: 'aws_subnet',
  name: 'a',
  after: { cidr_block: '10.0.1.0/24', availability_zone: 'eu-west-1a' },
  unknown: { id: true, vpc_id: true },
  expressions: { vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main') },
};
function endpoint(
  after: Record<string, unknown>,
  unknown: Record<string, unknown> = {},
  expressions: Record<string, unknown> = {},
): Change {
  return {
    address: 'aws_vpc_endpoint.ws',
    type: 'aws_vpc_endpoint',
    name: 'ws',
    after: { service_name: 'com.amazonaws.eu-west-1.highlander', ...after },
    unknown: { id: true, vpc_id: true, subnet_ids: true, ...unknown },
    expressions: {
      vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main'),
      subnet_ids: ref('aws_subnet.a.id', 'aws_subnet.a'),
      ...expressions,
    },
  };
}

describe('Terraform plans', () => {
  it('read the seed: addresses, the plan line of each resource, modules, for_each and unknown ids', async () => {
    const r = await readSource(SEED, { account: '111122223333' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = r.model;
    const ep = m.endpoints[0];
    expect(ep?.prov).toMatchObject({
      source: 'terraform-plan',
      address: 'module.client_vpc.aws_vpc_endpoint.streaming',
      column: 5,
    });
    expect(ep).toMatchObject({
      type: 'Interface',
      privateDns: true,
      addresses: [{ subnet: 'client_vpc.vpc.this/client_vpc.endpoint_a', ip: '10.0.21.217' }],
    });
    // The directory's endpoint id is unknown in the plan; the configuration's reference, through a module output, names it.
    expect(m.directories[0]).toMatchObject({
      directoryId: 'd-9567a1b2c3',
      streamingEndpoint: ep?.id,
      subnets: ['vpc2/ws[a]', 'vpc2/ws[c]'],
    });
    // Terraform cannot state them: unknown, each with a warning saying so.
    expect(m.directories[0]?.encryption).toBeUndefined();
    expect(m.directories[0]?.globalAccelerator).toBeUndefined();
    expect(m.workspaces.every((w) => w.protocol === undefined)).toBe(true);
    expect(r.diagnostics.filter((d) => d.code === 'unknown-value').map((d) => d.message.split(' of ')[0])).toEqual([
      'EndpointEncryptionMode',
      'Global Accelerator mode',
      'StreamingExperiencePreferredProtocol',
    ]);
  });

  it('take the provider defaults when the configuration leaves them out, and mark them', async () => {
    const m = await read({
      'p.json': plan([VPC, SUBNET, endpoint({ vpc_endpoint_type: 'Gateway', private_dns_enabled: false })]),
    });
    expect(m.ok && m.model.endpoints[0]).toMatchObject({
      type: 'Gateway',
      privateDns: false,
      prov: { template: { defaulted: ['type', 'privateDns'] } },
    });
  });

  it('tell unknown from absent: an unknown setting stays unknown, with a warning at its attribute', async () => {
    const r = await read({
      'p.json': plan([
        VPC,
        SUBNET,
        endpoint(
          { vpc_endpoint_type: 'Interface' },
          { private_dns_enabled: true },
          { vpc_endpoint_type: { constant_value: 'Interface' }, private_dns_enabled: ref('var.dns') },
        ),
      ]),
    });
    expect(r.ok).toBe(true);
    expect(r.ok && r.model.endpoints[0]?.privateDns).toBeUndefined();
    const w = r.diagnostics.find((d) => d.code === 'unknown-value');
    expect(w?.message).toMatch(
      /PrivateDnsEnabled of aws_vpc_endpoint\.ws cannot be known before deployment: aws_vpc_endpoint\.ws\.private_dns_enabled is known only after apply/,
    );
  });

  it('link a known id to the resource of the plan that has it (resources that exist already)', async () => {
    const vpc = { ...VPC, actions: ['no-op'], after: { ...VPC.after, id: 'vpc-0abc' }, unknown: {} };
    const subnet = {
      ...SUBNET,
      after: { ...SUBNET.after, vpc_id: 'vpc-0abc' },
      unknown: { id: true },
      expressions: {},
    };
    const m = await read({ 'p.json': plan([vpc, subnet]) });
    expect(m.ok && m.model.subnets[0]).toMatchObject({ id: 'main/a', vpc: 'main' });
  });

  it('leave out what the plan deletes', async () => {
    const m = await read({ 'p.json': plan([VPC, { ...SUBNET, actions: ['delete'] }]) });
    expect(m.ok && m.model.subnets).toEqual([]);
  });

  it('a reference to one of several instances without an index is ambiguous, not a guess', async () => {
    const subnets = ['a', 'b'].map((k, i) => ({
      ...SUBNET,
      address: `aws_subnet.s["${k}"]`,
      name: 's',
      index: k,
      after: { ...SUBNET.after, cidr_block: `10.0.${i + 1}.0/24` },
    }));
    const nat: Change = {
      address: 'aws_nat_gateway.n',
      type: 'aws_nat_gateway',
      name: 'n',
      after: {},
      unknown: { subnet_id: true },
      expressions: { subnet_id: ref('aws_subnet.s') },
    };
    const r = await read({ 'p.json': plan([VPC, ...subnets, nat]) });
    expect(r.ok && r.model.natGateways).toEqual([]);
    expect(r.diagnostics.find((d) => d.code === 'outside-input')?.message).toMatch(/one of several instances/);
  });

  it('list unmodelled types once', async () => {
    const extra = [1, 2].map((i) => ({
      address: `aws_iam_role.r${i}`,
      type: 'aws_iam_role',
      name: `r${i}`,
      after: {},
    }));
    const r = await read({
      'p.json': plan([VPC, ...extra, { address: 'aws_s3_bucket.b', type: 'aws_s3_bucket', name: 'b', after: {} }]),
    });
    expect(r.diagnostics.filter((d) => d.code === 'types-not-modelled').map((d) => d.message)).toEqual([
      'skipped, as they do not bear on streaming: aws_iam_role (2), aws_s3_bucket',
    ]);
  });

  it.each([
    [
      'another format',
      plan([VPC]).replace('"format_version": "1.2"', '"format_version": "2.0"'),
      '2:3 unsupported-format',
    ],
    ['broken JSON', plan([VPC]).slice(0, 200), '10:5 json-syntax'],
    ['a CIDR that is not one', plan([{ ...VPC, after: { cidr_block: '10.0.0.0/33' } }]), '17:11 bad-cidr'],
    [
      'a subnet referring to a subnet as its VPC',
      plan([
        VPC,
        {
          ...SUBNET,
          address: 'aws_subnet.b',
          name: 'b',
          after: { cidr_block: '10.0.2.0/24', availability_zone: 'eu-west-1a' },
          expressions: { vpc_id: ref('aws_subnet.a.id') },
        },
        SUBNET,
      ]),
      '26:5 wrong-reference',
    ],
  ])('refuse %s with file, line and column', async (_what, text, expected) => {
    const r = await read({ 'p.json': text });
    expect(r.ok).toBe(false);
    expect(brief(r.diagnostics, 'error')).toContain(expected);
  });
});
