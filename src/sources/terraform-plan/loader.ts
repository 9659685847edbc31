// Terraform plans (`terraform show -json`) behind the source seam; load.ts reads them.
import type { SourceLoader } from '../loader.js';

export const terraformPlanLoader: SourceLoader = {
  kind: 'terraform-plan',
  label: 'Terraform plans (terraform show -json)',
  detect: ({ isFile, head }) =>
    isFile &&
    /"(format_version|terraform_version)"\s*:/.test(head) &&
    /"(planned_values|resource_changes|configuration)"/.test(head),
  // The converter loads only when a plan is read: the commands that read none start without it.
  load: async (spec, options) => (await import('./load.js')).loadPlan(spec, options),
};
