// The environments every source must read alike, each written once per source form. A new source adds its form
// of each case here (and its broken inputs below); the suite in conformance.test.ts holds them all to one standard.
import type { SourceKind } from '../../src/model/types.js';
import type { LoadOptions } from '../../src/sources/loader.js';
import { awsForms } from './aws-forms.js';

/** What a form needs prepared before it can be read (a fake AWS serving the reference, a snapshot of it). */
export interface FormSetup {
  /** Replaces the form's spec (a file made by the setup). */
  spec?: string;
  /** Load options: the fake's environment, the overlay with what the form cannot state. */
  options?: LoadOptions;
  close(): Promise<void>;
}

export interface SourceForm {
  kind: SourceKind;
  /** What the user would pass as <source>. */
  spec: string;
  /** What the form cannot state and takes from an overlay instead (`--overlay`), or leaves unknown. */
  overlay?: string;
  options?: LoadOptions;
  /**
   * What this form cannot express, and why: fields left out of the comparison with the reference model. Keys are
   * model collections, values are field names.
   */
  cannotExpress?: { collection: string; field: string; why: string }[];
  /** What this form states that the reference cannot: also left out of the comparison. */
  statesMore?: { collection: string; field: string; why: string }[];
  /** Prepares the form from the reference design file (given its path); see FormSetup. */
  setup?: (reference: string) => Promise<FormSetup>;
  /**
   * Source id → reference id, where the form names things its own way (logical ids, Terraform names). The suite
   * checks that the map is one to one and names only ids both models hold.
   */
  ids?: Record<string, string>;
  /**
   * Findings only this form can have, by rule, and why (a template rule about the template itself). The suite checks
   * that each is raised, then leaves it out of the comparison with the reference.
   */
  ownFindings?: { rule: string; why: string }[];
  /**
   * Warnings this form must give while loading, by code, and why (a real `cdk synth` output holds IAM roles wspl
   * skips). The suite checks that each is given and that no other warning is.
   */
  warnings?: { code: string; why: string }[];
}

export interface ConformanceCase {
  name: string;
  /** The design file that states the environment: the reference every other form must match. */
  reference: string;
  forms: SourceForm[];
}

const SEED_ENV: LoadOptions = { region: 'ap-northeast-1', account: '111122223333' };

/** The seed is in Tokyo, where CloudFormation does not offer AWS::WorkSpaces::Directory (next-round §0 item 1). */
const TOKYO_DIRECTORY: NonNullable<SourceForm['ownFindings']> = [
  {
    rule: 'cfn-directory-region-unsupported',
    why: 'the template creates AWS::WorkSpaces::Directory in ap-northeast-1, which CloudFormation does not offer there',
  },
];

/** What no template can state about the seed, and why (next-round §0, §B.1). */
const TEMPLATE_CANNOT: NonNullable<SourceForm['cannotExpress']> = [
  {
    collection: 'directories',
    field: 'directoryId',
    why: 'AWS::WorkSpaces::Directory has no DirectoryId input: the d-… id exists only after deployment (Fn::GetAtt DirectoryId)',
  },
  {
    collection: 'instances',
    field: 'nat',
    why: 'whether an instance translates addresses is set up inside it (AMI, user data); the overlay states it for the NAT instance, and no one for the client',
  },
];

/** The seed's template (logical ids) → the design file's names. */
const SEED_TEMPLATE_IDS: Record<string, string> = {
  Vpc1: 'vpc1',
  Vpc2: 'vpc2',
  Igw1: 'igw1',
  'Vpc1/PublicA': 'vpc1/public-a',
  'Vpc1/ClientA': 'vpc1/client-a',
  'Vpc1/EndpointA': 'vpc1/endpoint-a',
  'Vpc2/WsA': 'vpc2/ws-a',
  'Vpc2/WsC': 'vpc2/ws-c',
  'Vpc1/PublicRouteTable': 'vpc1/public',
  'Vpc1/PrivateRouteTable': 'vpc1/private',
  'Vpc1/main': 'vpc1/main',
  'Vpc2/main': 'vpc2/main',
  'Vpc1/default': 'vpc1/default',
  'Vpc2/default': 'vpc2/default',
  'Vpc1/EndpointSg': 'vpc1/endpoint-sg',
  'Vpc1/NatSg': 'vpc1/nat-sg',
  'Vpc1/ClientSg': 'vpc1/client-sg',
  'Vpc1/Nat': 'vpc1/nat',
  'Vpc1/Client': 'vpc1/client',
  'Vpc1/Streaming': 'vpc1/streaming',
  OfficeOnly: 'office-only',
  Corp: 'corp',
  DcvDesktop: 'dcv-desktop',
  PcoipDesktop: 'pcoip-desktop',
};

/** The seed's cdk.out (logical ids with CDK's hashes for L2 constructs) → the design file's names. */
const SEED_CDK_IDS: Record<string, string> = {
  ...SEED_TEMPLATE_IDS,
  'Vpc1/Public': 'vpc1/public',
  'Vpc1/Private': 'vpc1/private',
  'Vpc1/EpSgF91B8154': 'vpc1/endpoint-sg',
  'Vpc1/NatSg5D5CB1F4': 'vpc1/nat-sg',
  'Vpc1/ClientSg8AF59C4E': 'vpc1/client-sg',
  'Vpc1/Nat6A1B9F2C': 'vpc1/nat',
  'Vpc1/Client0E6B2F97': 'vpc1/client',
  'Vpc1/StreamingE5CA015B': 'vpc1/streaming',
};
for (const id of [
  'Vpc1/PublicRouteTable',
  'Vpc1/PrivateRouteTable',
  'Vpc1/EndpointSg',
  'Vpc1/NatSg',
  'Vpc1/ClientSg',
  'Vpc1/Nat',
  'Vpc1/Client',
  'Vpc1/Streaming',
])
  Reflect.deleteProperty(SEED_CDK_IDS, id);

/** The seed's Terraform plan (module path and resource name, see terraform-plan/loader.ts) → the design file's names. */
const V1 = 'client_vpc.vpc.this';
const SEED_PLAN_IDS: Record<string, string> = {
  [V1]: 'vpc1',
  vpc2: 'vpc2',
  'client_vpc.internet_gateway.this': 'igw1',
  [`${V1}/client_vpc.public_a`]: 'vpc1/public-a',
  [`${V1}/client_vpc.client_a`]: 'vpc1/client-a',
  [`${V1}/client_vpc.endpoint_a`]: 'vpc1/endpoint-a',
  'vpc2/ws[a]': 'vpc2/ws-a',
  'vpc2/ws[c]': 'vpc2/ws-c',
  [`${V1}/client_vpc.public`]: 'vpc1/public',
  [`${V1}/client_vpc.private`]: 'vpc1/private',
  [`${V1}/main`]: 'vpc1/main',
  [`${V1}/default`]: 'vpc1/default',
  [`${V1}/client_vpc.endpoint`]: 'vpc1/endpoint-sg',
  [`${V1}/client_vpc.security_group.nat`]: 'vpc1/nat-sg',
  [`${V1}/client_vpc.security_group.client`]: 'vpc1/client-sg',
  [`${V1}/client_vpc.instance.nat`]: 'vpc1/nat',
  [`${V1}/client_vpc.instance.client`]: 'vpc1/client',
  [`${V1}/client_vpc.streaming`]: 'vpc1/streaming',
  office_only: 'office-only',
  dcv_desktop: 'dcv-desktop',
  pcoip_desktop: 'pcoip-desktop',
};

export const CASES: ConformanceCase[] = [
  {
    name: 'the seed environment (ap-northeast-1)',
    reference: 'examples/seed-tokyo.yaml',
    forms: [
      { kind: 'design', spec: 'examples/seed-tokyo.yaml' },
      {
        kind: 'cloudformation',
        spec: 'test/iac/seed-tokyo.template.yaml',
        overlay: 'test/iac/seed-tokyo.overlay.yaml',
        options: SEED_ENV,
        cannotExpress: TEMPLATE_CANNOT,
        ids: SEED_TEMPLATE_IDS,
        ownFindings: TOKYO_DIRECTORY,
      },
      {
        kind: 'cdk',
        spec: 'test/iac/seed-tokyo.cdk.out',
        overlay: 'test/iac/seed-tokyo.cdk.overlay.yaml',
        cannotExpress: [
          ...TEMPLATE_CANNOT,
          ...(['ingress', 'egress'] as const).map((side) => ({
            collection: 'securityGroups',
            field: `${side}.description`,
            why: 'CDK writes a description for every rule it generates ("from 10.0.0.0/16:443"); the design file states none',
          })),
        ],
        ids: SEED_CDK_IDS,
        ownFindings: TOKYO_DIRECTORY,
        warnings: [
          {
            code: 'types-not-modelled',
            why: 'cdk synth adds an IAM role and instance profile for each instance; they do not bear on streaming and are skipped, listed once',
          },
        ],
      },
      {
        kind: 'terraform-plan',
        spec: 'test/iac/seed-tokyo.tfplan.json',
        overlay: 'test/iac/seed-tokyo.tfplan.overlay.yaml',
        options: { account: '111122223333' },
        cannotExpress: [
          {
            collection: 'instances',
            field: 'nat',
            why: 'whether an instance translates addresses is set up inside it (AMI, user data); the overlay states it for the NAT instance, and no one for the client',
          },
        ],
        ids: SEED_PLAN_IDS,
      },
      ...awsForms('ap-northeast-1'),
    ],
  },
  {
    name: 'an office behind a transit gateway',
    reference: 'examples/office-tgw.yaml',
    forms: [{ kind: 'design', spec: 'examples/office-tgw.yaml' }, ...awsForms('ap-northeast-1')],
  },
  {
    name: 'hub and spoke with a Resolver forwarding rule',
    reference: 'examples/hub-spoke.yaml',
    forms: [{ kind: 'design', spec: 'examples/hub-spoke.yaml' }, ...awsForms('ap-northeast-1')],
  },
];

export interface BrokenInput {
  kind: SourceKind;
  /** File name to write the text under (its extension matters for detection). */
  name: string;
  text?: string;
  /** For a source that is a folder (cdk.out): its files, by path inside it. */
  files?: Record<string, string>;
  options?: LoadOptions;
  /** The diagnostic code expected, and the line (and column) it must name. */
  code: string;
  line?: number;
  column?: number;
}

/** Inputs every loader must refuse with a diagnostic naming file and line, exit 2, never a crash. */
export const BROKEN: BrokenInput[] = [
  { kind: 'design', name: 'broken.yaml', text: 'wspl: 1\nvpcs: [\n', code: 'yaml-syntax', line: 3 },
  {
    kind: 'design',
    name: 'region.yaml',
    text: 'wspl: 1\naccount: "111122223333"\nregion: eu-wets-1\n',
    code: 'unknown-region',
    line: 3,
  },
  { kind: 'snapshot', name: 'cut.json', text: '{\n "wsplSnapshot": 1,\n "scopes": [', code: 'json-syntax', line: 3 },
  { kind: 'snapshot', name: 'future.json', text: '{"wsplSnapshot": 2, "scopes": []}', code: 'unsupported-version' },
  {
    kind: 'snapshot',
    name: 'shape.json',
    text: '{"wsplSnapshot": 1, "createdAt": "", "wsplVersion": "", "accounts": [], "regions": [], "redacted": false, "scopes": [{"account": 1}], "failures": []}',
    code: 'bad-snapshot',
  },
  {
    kind: 'cloudformation',
    name: 'broken.template.yaml',
    text: 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: { CidrBlock: [10.0.0.0/16\n',
    code: 'yaml-syntax',
    line: 5,
  },
  {
    kind: 'cloudformation',
    name: 'broken.template.json',
    text: '{\n  "Resources": {\n    "Vpc": { "Type": "AWS::EC2::VPC", "Properties": { "CidrBlock": "10.0.0.0/16" } },\n  }\n}\n',
    code: 'json-syntax',
    line: 4,
    column: 3,
  },
  {
    kind: 'cloudformation',
    name: 'cycle.template.yaml',
    text: [
      'Resources:',
      '  A:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties: { GroupDescription: a, VpcId: !GetAtt B.VpcId }',
      '  B:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties: { GroupDescription: b, VpcId: !Ref A }',
      '',
    ].join('\n'),
    code: 'reference-cycle',
    line: 2,
    column: 3,
  },
  {
    kind: 'cloudformation',
    name: 'missing.template.yaml',
    text: 'Resources:\n  Subnet:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n',
    code: 'unknown-reference',
    line: 5,
    column: 14,
  },
  {
    kind: 'cloudformation',
    name: 'wrong-type.template.yaml',
    text: 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: [10.0.0.0/16]\n',
    code: 'wrong-type',
    line: 5,
    column: 7,
  },
  {
    kind: 'cdk',
    name: 'broken.cdk.out',
    files: {
      'manifest.json':
        '{"version":"55.0.0","artifacts":{"App":{"type":"aws:cloudformation:stack","properties":{"templateFile":"App.template.json"}}}}',
      'App.template.json':
        '{\n  "Resources": {\n    "Vpc": { "Type": "AWS::EC2::VPC", "Properties": { "CidrBlock": "10.0.0.0/16" } }\n    "Igw": { "Type": "AWS::EC2::InternetGateway" }\n  }\n}\n',
    },
    code: 'json-syntax',
    line: 4,
    column: 5,
  },
  {
    kind: 'cdk',
    name: 'cycle.cdk.out',
    files: {
      'manifest.json':
        '{"version":"55.0.0","artifacts":{"App":{"type":"aws:cloudformation:stack","environment":"aws://111122223333/ap-northeast-1","properties":{"templateFile":"App.template.json"}}}}',
      'App.template.json': JSON.stringify(
        {
          Resources: {
            A: {
              Type: 'AWS::EC2::SecurityGroup',
              Properties: { GroupDescription: 'a', VpcId: { 'Fn::GetAtt': ['B', 'VpcId'] } },
            },
            B: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'b', VpcId: { Ref: 'A' } } },
          },
        },
        null,
        1,
      ),
    },
    code: 'reference-cycle',
    line: 3,
    column: 3,
  },
  {
    kind: 'terraform-plan',
    name: 'broken.tfplan.json',
    text: '{\n  "format_version": "1.2",\n  "terraform_version": "1.9.8",\n  "resource_changes": [\n    { "address": "aws_vpc.main", \n',
    code: 'json-syntax',
    line: 6,
    column: 1,
  },
  {
    kind: 'terraform-plan',
    name: 'cidr.tfplan.json',
    text: JSON.stringify(
      {
        format_version: '1.2',
        terraform_version: '1.9.8',
        resource_changes: [
          {
            address: 'aws_vpc.main',
            mode: 'managed',
            type: 'aws_vpc',
            name: 'main',
            change: {
              actions: ['create'],
              before: null,
              after: { cidr_block: '10.0.0.0/8/8' },
              after_unknown: { id: true },
            },
          },
        ],
      },
      null,
      2,
    ),
    code: 'bad-cidr',
    line: 16,
    column: 11,
  },
];
