// CloudFormation templates (JSON or YAML with short-form tags) behind the source seam. Several templates given in one
// run are read together as one deployment, so Fn::ImportValue finds what another stack exports.
import type { Diagnostic } from '../../diagnostics.js';
import type { LoadOptions, SourceLoader } from '../loader.js';

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

const TEMPLATE_HEAD = /(^|[{,\s])["']?(AWSTemplateFormatVersion|Resources)["']?\s*:/m;

export const cloudformationLoader: SourceLoader = {
  kind: 'cloudformation',
  label: 'CloudFormation templates (JSON or YAML)',
  detect: ({ isFile, head }) =>
    isFile && TEMPLATE_HEAD.test(head) && !/"(format_version|terraform_version)"\s*:/.test(head),
  // The converter loads only when a template is read: the commands that read none start without it.
  load: async (spec, options) => (await import('./load.js')).loadTemplates([spec], options),
  loadMany: async (specs, options) => (await import('./load.js')).loadTemplates(specs, options),
};
