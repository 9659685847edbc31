// One entry point for every `<source>` of the contract. A registry of loaders (loader.ts): the first whose `detect`
// claims the spec reads it, asynchronously; the meaning checks then run on the model whatever the source. Kinds that
// are not built yet say so plainly instead of half-reading the input.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { InputError, type Diagnostic } from '../diagnostics.js';
import {
  MAX_INPUT_BYTES,
  STDIN_ARG,
  STDIN_NAME,
  describeReadError,
  readInputBytes,
  readStdinOnce,
} from '../input/read.js';
import type { Model, SourceKind } from '../model/types.js';
import { finishLoad } from './check-model.js';
import { awsLoader } from './aws/loader.js';
import { cdkLoader } from './cdk/loader.js';
import { cloudformationLoader } from './cloudformation/loader.js';
import { designLoader } from './design/loader.js';
import { snapshotLoader } from './snapshot/loader.js';
import { terraformPlanLoader } from './terraform-plan/loader.js';
import type { LoadOptions, LoadResult, SourceLoader, SourceProbe } from './loader.js';

/**
 * Recognised but not readable yet: named so the message can say what the file is. Every kind of the contract is
 * built now; the list stays so a kind added to the contract before its loader is refused plainly.
 */
const NOT_BUILT: { kind: SourceKind; label: string; detect: (p: SourceProbe) => boolean }[] = [];

/** The loaders, asked in this order. Sources register here as they are built. */
export const loaders: SourceLoader[] = [
  designLoader,
  snapshotLoader,
  awsLoader,
  terraformPlanLoader,
  cloudformationLoader,
  cdkLoader,
];

const HEAD_BYTES = 64 * 1024;

/** An error about the spec itself, printed as `SPEC: error: …` like every other input error. */
function specError(spec: string, code: string, message: string): InputError {
  const d: Diagnostic = { severity: 'error', code, file: spec, message };
  return new InputError(`${spec}: ${message}`, [d], code);
}

/** The first 64 KiB as text: enough to tell the kind of source, without reading a large file twice. */
function readHead(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, null);
    return buf.toString('utf8', 0, n);
  } catch (e) {
    throw specError(path, 'unreadable', `cannot read it: ${describeReadError(e)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What the loaders look at, and the whole input when it had to be read already (a pipe can be read only once). */
function probe(spec: string): SourceProbe & { contents?: Buffer } {
  if (spec.startsWith('aws:')) return { spec, isFile: false, isDirectory: false, head: '' };
  // `-`: standard input, read once and whole (bounded); its kind is told from the bytes, and diagnostics name it
  // <stdin>, so the loader is handed that name with the bytes.
  if (spec === STDIN_ARG) {
    const read = readStdinOnce(MAX_INPUT_BYTES, 'a source');
    if ('diagnostic' in read) throw new InputError(`cannot read ${STDIN_NAME}`, [read.diagnostic], 'unreadable');
    const head = read.bytes.toString('utf8', 0, Math.min(read.bytes.length, HEAD_BYTES));
    return { spec: STDIN_NAME, isFile: true, isDirectory: false, head, contents: read.bytes };
  }
  if (!existsSync(spec)) throw specError(spec, 'unreadable', 'no such file or directory');
  const info = statSync(spec);
  if (info.isDirectory()) return { spec, isFile: false, isDirectory: true, head: '' };
  if (info.isFile() && info.size > 0) return { spec, isFile: true, isDirectory: false, head: readHead(spec) };
  // A pipe (`<(cat f)`, /dev/stdin), a FIFO, a device: read once, bounded, and handed to the loader.
  const read = readInputBytes(spec, MAX_INPUT_BYTES, 'a source');
  if ('diagnostic' in read) throw new InputError(`cannot read ${spec}`, [read.diagnostic], 'unreadable');
  const head = read.bytes.toString('utf8', 0, Math.min(read.bytes.length, HEAD_BYTES));
  return { spec, isFile: true, isDirectory: false, head, contents: read.bytes };
}

const EXPECTED_KINDS =
  'expected a design file with `wspl: 1`, a CloudFormation template, a Terraform plan, a snapshot, a cdk.out folder or aws:REGION';

function pickLoader(p: SourceProbe): SourceLoader {
  const loader = loaders.find((l) => l.detect(p));
  if (loader) return loader;
  const spec = p.spec;
  const known = NOT_BUILT.find((k) => k.detect(p));
  if (known) {
    throw specError(
      spec,
      'source-not-built',
      `reading ${known.label} is not built yet; only ${loaders.map((l) => l.label).join(', ')} can be read so far`,
    );
  }
  if (p.isDirectory)
    throw specError(spec, 'unknown-source', 'it is a directory but not a CDK output folder (no manifest.json)');
  throw specError(spec, 'unknown-source', `cannot tell what kind of source this is (${EXPECTED_KINDS})`);
}

/** The loader that reads a spec; throws InputError (exit 2) when none does. */
export function findLoader(spec: string): SourceLoader {
  return pickLoader(probe(spec));
}

/** Decides the kind of a source from its spec, its file name and its first bytes. */
export function detectSource(spec: string): SourceKind {
  return findLoader(spec).kind;
}

/** Reads any source: the loader's result with the meaning checks applied. Bad input is a failed result, not a throw. */
export async function readSource(spec: string, options: LoadOptions = {}): Promise<LoadResult> {
  const p = probe(spec);
  return await finish(
    await pickLoader(p).load(p.spec, p.contents ? { ...options, contents: p.contents } : options),
    options,
  );
}

/**
 * Reads several sources as one input: CloudFormation templates of stacks that export and import values (their
 * loader reads them together). Sources of other kinds are read one at a time (readSource).
 */
export async function readSources(specs: string[], options: LoadOptions = {}): Promise<LoadResult> {
  const [first, ...rest] = specs;
  if (first === undefined) throw new InputError('no source given', [], 'bad-usage');
  if (rest.length === 0) return readSource(first, options);
  // Telling the kind reads a pipe whole, and it cannot be read a second time: stacks read together come from files.
  const piped = specs.find((s) => !isRegularFile(s));
  if (piped !== undefined) {
    throw new InputError(
      `${piped} is not a regular file: templates read together must be files (a pipe is read once)`,
      [],
      'bad-usage',
    );
  }
  const loader = findLoader(first);
  const others = rest.filter((s) => findLoader(s) !== loader);
  if (!loader.loadMany || others.length > 0) {
    throw new InputError(
      `only CloudFormation templates can be read together as one input (${[first, ...others].join(', ')} are not all templates)`,
      [],
      'bad-usage',
    );
  }
  return await finish(await loader.loadMany(specs, options), options);
}

function isRegularFile(spec: string): boolean {
  return existsSync(spec) && statSync(spec).isFile();
}

/**
 * The sources of one `check` as its runs: CloudFormation templates given together are one deployment (their stacks
 * import each other's exports), every other source a run of its own. Only regular files are looked at to tell: a
 * pipe can be read only once, so it is left alone for its own run to read.
 */
export function groupSources(specs: string[]): string[][] {
  const templates = specs.filter((s) => specs.length > 1 && isRegularFile(s) && detectSource(s) === 'cloudformation');
  return [...specs.filter((s) => !templates.includes(s)).map((s) => [s]), ...(templates.length > 0 ? [templates] : [])];
}

/** The overlay and the intents file (if any), then the meaning checks: the same for every source. */
async function finish(loaded: LoadResult, options: LoadOptions): Promise<LoadResult> {
  let result = loaded;
  // What the source cannot state comes after it: the overlay, then intents from a file of their own. Their readers
  // load only when a run gives such a file.
  if (result.ok && options.overlay !== undefined) {
    const [{ applyOverlay }, { unsettledWarnings }] = await Promise.all([
      import('./overlay.js'),
      import('./overlay-warnings.js'),
    ]);
    const next = applyOverlay(result.model, options.overlay);
    if (!next.ok) return next;
    // Warnings of the load about facts the overlay then stated are no longer news.
    const earlier = unsettledWarnings(result.diagnostics, next.model, options.overlay);
    result = { ok: true, model: next.model, diagnostics: [...earlier, ...next.diagnostics] };
  }
  if (result.ok && options.expect !== undefined) {
    const { applyExpectFile } = await import('./expect-file.js');
    const next = applyExpectFile(result.model, options.expect);
    if (!next.ok) return next;
    result = { ok: true, model: next.model, diagnostics: [...result.diagnostics, ...next.diagnostics] };
  }
  // The source's field locator maps its own paths only; after an overlay it would point into the wrong file.
  return finishLoad(result);
}

export interface LoadSourceOptions extends LoadOptions {
  /** Receives the warnings of a source that loaded (unknown keys, unquoted numbers, …); errors throw instead. */
  onWarning?: (warning: Diagnostic) => void;
}

/** Loads any source into the model; throws InputError (exit 2) naming every problem when it cannot be read. */
export async function loadSource(spec: string, options: LoadSourceOptions = {}): Promise<Model> {
  return loadSources([spec], options);
}

/** Loads sources read together (readSources) into one model; throws InputError (exit 2) when they cannot be read. */
export async function loadSources(specs: string[], options: LoadSourceOptions = {}): Promise<Model> {
  const result = await readSources(specs, options);
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const names = specs.map((s) => (s === STDIN_ARG ? STDIN_NAME : s)).join(', ');
    throw new InputError(`cannot read ${names}`, errors.length > 0 ? errors : result.diagnostics);
  }
  for (const d of result.diagnostics) if (d.severity === 'warning') options.onWarning?.(d);
  return result.model;
}
