// A setting this library refuses or doubts, named by the wspl rule that would flag it after deployment, so the
// synth-time message and `wspl check` speak of the same thing.
import { Annotations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { WsplRuleId } from './rule-ids.js';

export interface Problem {
  rule: WsplRuleId;
  severity: 'error' | 'warning';
  /** What is wrong and what to change. */
  message: string;
}

export function problemText(p: Problem): string {
  return `[${p.rule}] ${p.message}`;
}

/**
 * Errors fail synthesis through the construct's validation (CDK lists them all with the construct path); warnings
 * become annotations, which `cdk synth` prints (and fails on with --strict).
 */
export function reportProblems(scope: IConstruct, problems: readonly Problem[]): void {
  for (const p of problems.filter((x) => x.severity === 'warning')) {
    Annotations.of(scope).addWarningV2(`wspl:${p.rule}`, problemText(p));
  }
  const errors = problems.filter((x) => x.severity === 'error');
  if (errors.length > 0) scope.node.addValidation({ validate: () => errors.map(problemText) });
}
