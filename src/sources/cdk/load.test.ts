import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../index.js';
import { brief, writeFiles } from '../iac/fixtures.test-helpers.js';

const SEED = 'test/iac/seed-tokyo.cdk.out';

/** A cdk.out folder from its files; returns the folder. */
function assembly(files: Record<string, unknown>): string {
  const [first] = writeFiles(
    Object.fromEntries(
      Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v, null, 1)]),
    ),
  );
  return dirname(first ?? '');
}

const VPC = { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } };

function stack(name: string, env = 'aws://111122223333/eu-west-1', extra: Record<string, unknown> = {}) {
  return {
    type: 'aws:cloudformation:stack',
    environment: env,
    properties: { templateFile: `${name}.template.json` },
    ...extra,
  };
}

describe('CDK output (cdk.out)', () => {
  it('reads every stack, nested stacks and exports, naming each resource by construct path', async () => {
    const r = await readSource(SEED);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = r.model;
    expect(m.region).toBe('ap-northeast-1');
    expect(m.account).toBe('111122223333');
    const ep = m.endpoints[0];
    expect(ep?.prov).toMatchObject({
      source: 'cdk',
      originalId: 'StreamingE5CA015B',
      constructPath: 'SeedNetwork/Streaming/Resource',
    });
    expect(ep?.prov.file).toMatch(/SeedNetwork\.template\.json$/);
    // The directory in SeedWorkspaces imports the endpoint and subnets SeedNetwork exports.
    expect(m.directories[0]).toMatchObject({
      id: 'Corp',
      streamingEndpoint: 'Vpc1/StreamingE5CA015B',
      subnets: ['Vpc2/WsA', 'Vpc2/WsC'],
    });
    // The WorkSpaces sit in a nested stack whose DirectoryId is a parameter its parent passes.
    expect(m.workspaces.map((w) => [w.id, w.directory, w.prov.constructPath])).toEqual([
      ['DcvDesktop', 'Corp', 'SeedWorkspaces/Desktops/DcvDesktop'],
      ['PcoipDesktop', 'Corp', 'SeedWorkspaces/Desktops/PcoipDesktop'],
    ]);
    // allowAllOutbound: false writes a rule that matches nothing: the group has no egress.
    expect(m.securityGroups.find((g) => g.id === 'Vpc1/EpSgF91B8154')?.egress).toEqual([]);
    // IAM is listed once; CDK's own metadata resource not at all.
    expect(r.diagnostics.map((d) => d.code)).toEqual(['types-not-modelled']);
    expect(r.diagnostics[0]?.message).not.toContain('AWS::CDK::Metadata');
  });

  it('takes construct paths from <Stack>.metadata.json when templates carry no aws:cdk:path', async () => {
    const dir = assembly({
      'manifest.json': {
        version: '55.0.0',
        artifacts: { App: { ...stack('App'), additionalMetadataFile: 'App.metadata.json' } },
      },
      'App.template.json': { Resources: { Vpc8378EB38: VPC.Vpc } },
      'App.metadata.json': { '/App/Vpc/Resource': [{ type: 'aws:cdk:logicalId', data: 'Vpc8378EB38' }] },
    });
    const r = await readSource(dir);
    expect(r.ok && r.model.vpcs[0]?.prov.constructPath).toBe('App/Vpc/Resource');
  });

  it('reads metadata kept in the manifest (older CDK) and stages (nested assemblies)', async () => {
    const dir = assembly({
      'manifest.json': {
        version: '36.0.0',
        artifacts: { 'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } } },
      },
      'assembly-Prod/manifest.json': {
        version: '36.0.0',
        artifacts: {
          ProdApp: {
            ...stack('ProdApp'),
            displayName: 'Prod/App',
            metadata: { '/Prod/App/Vpc': [{ type: 'aws:cdk:logicalId', data: 'Vpc' }] },
          },
        },
      },
      'assembly-Prod/ProdApp.template.json': { Resources: VPC },
    });
    const r = await readSource(dir);
    expect(r.ok).toBe(true);
    expect(r.ok && r.model.vpcs[0]).toMatchObject({
      id: 'Vpc',
      region: 'eu-west-1',
      prov: { constructPath: 'Prod/App/Vpc' },
    });
  });

  it('environment-agnostic stacks take --region, and say so when it is missing', async () => {
    const dir = assembly({
      'manifest.json': { version: '55.0.0', artifacts: { App: stack('App', 'aws://unknown-account/unknown-region') } },
      'App.template.json': { Resources: VPC },
    });
    expect(brief((await readSource(dir, { env: {} })).diagnostics)).toEqual(['-:- missing-region']);
    const r = await readSource(dir, { region: 'us-east-1' });
    expect(r.ok && r.model.vpcs[0]?.region).toBe('us-east-1');
  });

  it.each([
    ['a broken manifest', { 'manifest.json': '{ "version": "55.0.0", "artifacts": {,} }' }, '1:38 json-syntax'],
    ['a manifest without artifacts', { 'manifest.json': '{ "version": "55.0.0" }' }, '1:- not-a-cloud-assembly'],
    [
      'a missing template',
      { 'manifest.json': JSON.stringify({ version: '55.0.0', artifacts: { App: stack('App') } }) },
      '-:- unreadable',
    ],
    [
      'no stack at all',
      { 'manifest.json': JSON.stringify({ version: '55.0.0', artifacts: { Tree: { type: 'cdk:tree' } } }) },
      '-:- no-stacks',
    ],
  ])('refuses %s with file and line', async (_what, files, expected) => {
    const dir = assembly(files);
    const r = await readSource(dir);
    expect(r.ok).toBe(false);
    expect(brief(r.diagnostics)).toContain(expected);
  });
});
