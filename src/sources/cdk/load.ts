// Reads CDK output (`cdk.out`) into the model (loader.ts registers it; it is loaded only when one is read): every stack of the assembly read together as CloudFormation, so
// exports and nested stacks connect; provenance names the construct path besides the logical id.
import path from 'node:path';
import { missingRegion, regionFor } from '../cloudformation/loader.js';
import { convertStacks } from '../cloudformation/convert.js';
import type { LoadOptions, LoadResult } from '../loader.js';
import { readCloudAssembly } from './assembly.js';

export function loadCloudAssembly(dir: string, options: LoadOptions): LoadResult {
  const { stacks, diagnostics } = readCloudAssembly(dir);
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  // A stack's own environment wins; environment-agnostic stacks take --region / --account.
  const fallbackRegion = regionFor(options);
  const region = stacks.find((s) => s.region !== undefined)?.region ?? fallbackRegion;
  if (region === undefined)
    return { ok: false, diagnostics: [...diagnostics, missingRegion(path.join(dir, 'manifest.json'))] };
  const result = convertStacks(
    stacks.map((s) => (s.region === undefined && fallbackRegion !== undefined ? { ...s, region: fallbackRegion } : s)),
    {
      region,
      ...(options.parameters ? { parameters: options.parameters } : {}),
      ...(options.account !== undefined ? { account: options.account } : {}),
    },
    { source: 'cdk', file: path.join(dir, 'manifest.json'), line: 1 },
  );
  return { ...result, diagnostics: [...diagnostics, ...result.diagnostics] };
}
