// The seam every source sits behind: a loader claims a spec (`detect`) and reads it (`load`, async: a live AWS read
// is network I/O). What it returns is a value, never a throw on bad input: a model, or the diagnostics that say why
// there is none. Meaning checks (references, overlaps, Regions) run afterwards on the model, the same for every
// source (check-model.ts), so a new source gets them without writing them again.
import type { Diagnostic } from '../diagnostics.js';
import type { Model, SourceKind } from '../model/types.js';

/** What a loader may look at to decide whether a spec is its kind, gathered once for all loaders. */
export interface SourceProbe {
  /** The spec as the user wrote it: a path, or `aws:REGION[,REGION…]`. */
  spec: string;
  /** Set when the spec is an existing path. */
  isFile: boolean;
  isDirectory: boolean;
  /** The first 64 KiB of a file as text (empty for folders and non-paths). */
  head: string;
}

/** Settings a command passes to whichever loader reads the source; each loader uses what applies to it. */
export interface LoadOptions {
  /** Template parameters (`--parameter K=V`). */
  parameters?: Record<string, string>;
  /** Pseudo parameters and defaults for templates and plans (`--region`, `--account`). */
  region?: string;
  account?: string;
  /** Live AWS: named profile and roles to assume (one per account). */
  profile?: string;
  roleArns?: string[];
  /** Progress lines for long reads; never written to stdout. */
  onProgress?: (message: string) => void;
  /** Environment to read settings and credentials from (tests pass their own). */
  env?: NodeJS.ProcessEnv;
  /** `--overlay FILE` (alias `--clients`): what the source cannot state, applied after it loads (overlay.ts). */
  overlay?: string;
  /** `--expect FILE`: intents added after the source's own (expect-file.ts). */
  expect?: string;
  /**
   * The source's bytes, when the registry had to read them whole to tell its kind: a pipe or a device can be read
   * only once, so a loader given these reads them instead of the path.
   */
  contents?: Uint8Array;
}

/** Maps a field path of a diagnostic ("vpcs.vpc1.subnets.a.cidr") to its line in the source, when the source can. */
export type FieldLocator = (path: string) => number | undefined;

export type LoadResult =
  | { ok: true; model: Model; diagnostics: Diagnostic[]; locate?: FieldLocator }
  | { ok: false; diagnostics: Diagnostic[] };

export interface SourceLoader {
  kind: SourceKind;
  /** What it reads, for messages: "design files (wspl: 1)". */
  label: string;
  /** True when this loader reads the spec. Loaders are asked in registry order; the first that says yes reads it. */
  detect(probe: SourceProbe): boolean;
  load(spec: string, options: LoadOptions): Promise<LoadResult>;
  /**
   * Reads several specs of this kind as one input (CloudFormation stacks that import each other's exports). Only
   * loaders whose sources refer to each other across files have it.
   */
  loadMany?(specs: string[], options: LoadOptions): Promise<LoadResult>;
}

/** Builds a failed result with one error diagnostic. */
export function loadFailure(file: string, code: string, message: string, line?: number): LoadResult {
  return {
    ok: false,
    diagnostics: [{ severity: 'error', code, file, ...(line !== undefined ? { line } : {}), message }],
  };
}

/** The model of a result, or undefined when the load failed (for callers that only look). */
export function modelOf(result: LoadResult): Model | undefined {
  return result.ok ? result.model : undefined;
}
