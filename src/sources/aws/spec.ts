// `aws:REGION[,REGION…]`: which Regions a live read covers. A Region nobody has is refused with a suggestion before
// any request is made.
import type { Diagnostic } from '../../diagnostics.js';
import { closestRegion, isKnownRegion } from '../../model/regions.js';

export const AWS_PREFIX = 'aws:';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]+$/;

/** The account of a role ARN, or undefined when the text is not a role ARN. */
export function roleAccount(arn: string): string | undefined {
  return ROLE_ARN.exec(arn)?.[1];
}

export function isAwsSpec(spec: string): boolean {
  return spec.startsWith(AWS_PREFIX);
}

function error(spec: string, code: string, message: string, field?: string): Diagnostic {
  return { severity: 'error', code, file: spec, ...(field !== undefined ? { field } : {}), message };
}

/** The Regions of a spec, or the diagnostics that say why it is not one. */
export function parseAwsSpec(spec: string): { regions: string[] } | { diagnostics: Diagnostic[] } {
  const list = spec
    .slice(AWS_PREFIX.length)
    .split(',')
    .map((r) => r.trim());
  if (list.length === 0 || list.every((r) => r === ''))
    return {
      diagnostics: [
        error(spec, 'bad-source', 'name at least one Region: aws:REGION[,REGION…], e.g. aws:ap-northeast-1'),
      ],
    };
  const diagnostics: Diagnostic[] = [];
  for (const r of list) {
    if (isKnownRegion(r)) continue;
    const hint = closestRegion(r);
    diagnostics.push(
      error(spec, 'unknown-region', `"${r}" is not an AWS Region${hint ? `; did you mean ${hint}?` : ''}`, 'region'),
    );
  }
  if (diagnostics.length > 0) return { diagnostics };
  return { regions: [...new Set(list)] };
}

/** Role ARNs must be role ARNs, one per account (each account is read once, with one role). */
export function checkRoleArns(spec: string, arns: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byAccount = new Map<string, string>();
  for (const arn of arns) {
    const account = roleAccount(arn);
    if (account === undefined) {
      out.push(
        error(spec, 'bad-role-arn', `--role-arn ${arn} is not a role ARN (arn:aws:iam::ACCOUNT:role/NAME)`, 'role-arn'),
      );
      continue;
    }
    const other = byAccount.get(account);
    if (other !== undefined)
      out.push(
        error(
          spec,
          'bad-role-arn',
          `--role-arn ${arn} and ${other} are both in account ${account}; give one role per account`,
          'role-arn',
        ),
      );
    byAccount.set(account, arn);
  }
  return out;
}
