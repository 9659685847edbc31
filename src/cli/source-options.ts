// The flags every command that reads a `<source>` shares, declared once, and how they become the loaders' options:
// the overlay; for templates and plans the parameters, Region and account; for live AWS (`aws:REGION`) the profile
// and the roles to assume. Warnings and progress go to stderr (progress only on a terminal: src/cli/progress.ts);
// stdout stays clean.
import { InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { InputError, formatDiagnostic } from '../diagnostics.js';
import type { LoadSourceOptions } from '../sources/index.js';
import type { Io } from './io.js';
import { ProgressLine } from './progress.js';

export const overlayOption = new Option(
  '--overlay <file>',
  'what the source cannot state: clients, on-premises networks, WorkSpace protocols, console settings (a design-file fragment)',
);
export const clientsOption = new Option('--clients <file>', 'alias of --overlay');

/** Repeatable, and commas split too: `--role-arn A --role-arn B` or `--role-arn A,B`. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  ];
}

export const profileOption = new Option('--profile <name>', 'aws: sources: the named profile of the AWS config');
export const roleArnOption = new Option(
  '--role-arn <arn>',
  'aws: sources: assume this read-only role (repeat: one per account)',
).argParser(collect);
export const expectOption = new Option(
  '--expect <file>',
  'intents that must hold: a YAML list of { client, workspace, outcome, path?, transport? } (names or globs)',
);

/** `--parameter K=V`, repeatable: template parameters, as `aws cloudformation deploy --parameter-overrides` takes them. */
export const parameterOption = new Option('--parameter <KEY=VALUE>', 'a template parameter (repeatable)').argParser(
  (text: string, previous: Record<string, string> | undefined) => {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new InvalidArgumentError(`expected KEY=VALUE, found "${text}"`);
    return { ...previous, [text.slice(0, eq)]: text.slice(eq + 1) };
  },
);
export const regionOption = new Option(
  '--region <region>',
  'the Region a template or plan is deployed to (default: the template says, else AWS_REGION)',
);
export const accountOption = new Option(
  '--account <id>',
  'the account a template or plan is deployed to (AWS::AccountId)',
);

export interface SourceFlags {
  overlay?: string;
  clients?: string;
  profile?: string;
  roleArn?: string[];
  expect?: string;
  parameter?: Record<string, string>;
  region?: string;
  account?: string;
}

/** The loaders' options from the parsed flags; warnings and progress of the source go to stderr. */
export function loadOptionsOf(flags: SourceFlags, io: Io, progress = new ProgressLine(io)): LoadSourceOptions {
  if (flags.overlay !== undefined && flags.clients !== undefined && flags.overlay !== flags.clients) {
    throw new InputError('--clients is an alias of --overlay: give one of them', [], 'bad-usage');
  }
  const overlay = flags.overlay ?? flags.clients;
  if (flags.account !== undefined && !/^\d{12}$/.test(flags.account)) {
    throw new InputError(`--account ${flags.account}: an account id is 12 digits`, [], 'bad-usage');
  }
  return {
    onWarning: (d) => {
      progress.end();
      io.err(formatDiagnostic(d) + '\n');
    },
    onProgress: (m) => progress.show(m),
    ...(overlay !== undefined ? { overlay } : {}),
    ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
    ...(flags.roleArn !== undefined ? { roleArns: flags.roleArn } : {}),
    ...(flags.expect !== undefined ? { expect: flags.expect } : {}),
    ...(flags.parameter !== undefined ? { parameters: flags.parameter } : {}),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...(flags.account !== undefined ? { account: flags.account } : {}),
  };
}
