// Test environments written as CloudFormation templates or Terraform plans, for the rules about mistakes only those
// sources can make. Loaded through the same converters as `wspl check`, synchronously.
import { formatDiagnostic } from '../../diagnostics.js';
import type { Model } from '../../model/types.js';
import { finishLoad } from '../../sources/check-model.js';
import { loadTemplateText } from '../../sources/cloudformation/load.js';
import { readPlanText } from '../../sources/terraform-plan/plan.js';
import { convertPlan } from '../../sources/terraform-plan/load.js';
import type { LoadOptions, LoadResult } from '../../sources/loader.js';

function modelOf(result: LoadResult, what: string): Model {
  const r = finishLoad(result);
  if (!r.ok) throw new Error(`test ${what} does not load:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  return r.model;
}

export function cfn(text: string, options: LoadOptions = { region: 'ap-northeast-1', account: '111122223333' }): Model {
  return modelOf(loadTemplateText(text, 'template.yaml', options), 'template');
}

export function tfPlan(json: unknown, options: LoadOptions = { account: '111122223333' }): Model {
  const read = readPlanText(JSON.stringify(json, null, 2), 'plan.json');
  if (!('plan' in read)) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
  return modelOf(convertPlan(read.plan, options), 'plan');
}
