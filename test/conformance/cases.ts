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
}

export interface ConformanceCase {
  name: string;
  /** The design file that states the environment: the reference every other form must match. */
  reference: string;
  forms: SourceForm[];
}

export const CASES: ConformanceCase[] = [
  {
    name: 'the seed environment (ap-northeast-1)',
    reference: 'examples/seed-tokyo.yaml',
    forms: [{ kind: 'design', spec: 'examples/seed-tokyo.yaml' }, ...awsForms('ap-northeast-1')],
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
  text: string;
  /** The diagnostic code expected, and the line it must name. */
  code: string;
  line?: number;
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
];
