// Reads CloudFormation templates into the model (loader.ts registers it; it is loaded only when a template is read).
import type { Diagnostic } from '../../diagnostics.js';
import type { LoadOptions, LoadResult } from '../loader.js';
import { convertStacks } from './convert.js';
import { missingRegion, regionFor } from './loader.js';
import type { StackInput } from './stacks.js';
import { parseTemplate, readTemplate } from './template.js';

export function loadTemplates(files: string[], options: LoadOptions): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const inputs: StackInput[] = [];
  for (const file of files) {
    // A template read from a pipe arrives as bytes already (the source registry read it once).
    const read = readTemplate(file, undefined, files.length === 1 ? options.contents : undefined);
    diagnostics.push(...read.diagnostics);
    if ('template' in read) inputs.push({ template: read.template, kind: 'cloudformation' });
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  const region = regionFor(options);
  if (region === undefined) return { ok: false, diagnostics: [...diagnostics, missingRegion(files[0] ?? '')] };
  const result = convertStacks(
    inputs,
    {
      region,
      ...(options.parameters ? { parameters: options.parameters } : {}),
      ...(options.account !== undefined ? { account: options.account } : {}),
    },
    { source: 'cloudformation', file: files[0] ?? '', line: 1 },
  );
  return { ...result, diagnostics: [...diagnostics, ...result.diagnostics] };
}

/** One template from its text (tests, and callers that hold the text already); `file` names it in diagnostics. */
export function loadTemplateText(text: string, file: string, options: LoadOptions): LoadResult {
  const parsed = parseTemplate(text, file);
  if (!('template' in parsed)) return { ok: false, diagnostics: parsed.diagnostics };
  const region = regionFor(options);
  if (region === undefined) return { ok: false, diagnostics: [missingRegion(file)] };
  const result = convertStacks(
    [{ template: parsed.template, kind: 'cloudformation' }],
    {
      region,
      ...(options.parameters ? { parameters: options.parameters } : {}),
      ...(options.account !== undefined ? { account: options.account } : {}),
    },
    { source: 'cloudformation', file, line: 1 },
  );
  return { ...result, diagnostics: [...parsed.diagnostics, ...result.diagnostics] };
}
