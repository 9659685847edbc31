// CloudFormation templates (JSON or YAML with short-form tags) behind the source seam. Several templates given in one
// run are read together as one deployment, so Fn::ImportValue finds what another stack exports.
import type { Diagnostic } from '../../diagnostics.js';
import type { LoadOptions, LoadResult, SourceLoader } from '../loader.js';
import { convertStacks } from './convert.js';
import type { StackInput } from './stacks.js';
import { parseTemplate, readTemplate } from './template.js';

/** The Region templates are read for: --region, else the AWS CLI's environment variables. */
export function regionFor(options: LoadOptions): string | undefined {
  const env = options.env ?? process.env;
  return options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
}

export function missingRegion(file: string): Diagnostic {
  return {
    severity: 'error',
    code: 'missing-region',
    file,
    message: 'a template does not say which Region it is deployed to: pass --region (or set AWS_REGION)',
  };
}

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

const TEMPLATE_HEAD = /(^|[{,\s])["']?(AWSTemplateFormatVersion|Resources)["']?\s*:/m;

export const cloudformationLoader: SourceLoader = {
  kind: 'cloudformation',
  label: 'CloudFormation templates (JSON or YAML)',
  detect: ({ isFile, head }) =>
    isFile && TEMPLATE_HEAD.test(head) && !/"(format_version|terraform_version)"\s*:/.test(head),
  load: (spec, options) => Promise.resolve(loadTemplates([spec], options)),
  loadMany: (specs, options) => Promise.resolve(loadTemplates(specs, options)),
};
