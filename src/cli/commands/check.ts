// `wspl check <source>…`: every rule on every source, one report, and an exit code CI can gate on: 1 when a
// finding reaches --fail-on (default error), 0 otherwise, 2 for bad input (thrown as InputError, handled by main).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Option } from '@commander-js/extra-typings';
import { InputError } from '../../diagnostics.js';
import { REPORTER_NAMES } from '../../report/check-reporter-names.js';
import { textWidth, writeChunks } from '../io.js';
import { ofTotal, ProgressLine } from '../progress.js';
import { terminalSafe } from '../../input/terminal.js';
import type { SourceRun } from '../../report/check-types.js';
import { CONFIG_FILE_NAME } from '../../rules/config-name.js';
import type { CheckPolicy } from '../../rules/policy.js';
import type { Severity } from '../../rules/types.js';
import { decodeInput } from '../../input/decode.js';
import { STDIN_ARG, STDIN_NAME, readInputBytes } from '../../input/read.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes.js';
import {
  clientsOption,
  expectOption,
  loadOptionsOf,
  overlayOption,
  parameterOption,
  accountOption,
  regionOption,
  profileOption,
  roleArnOption,
} from '../source-options.js';
import type { RegisterCommand } from './index.js';

const FAIL_ON = ['error', 'warning', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

const REACHES: Record<FailOn, readonly Severity[]> = { error: ['error'], warning: ['error', 'warning'], never: [] };

/** A YAML input's text, or exit 2 naming the file and why it cannot be read (missing, a folder, binary, UTF-16). */
function readText(file: string, what: string): string {
  const read = readInputBytes(file, undefined, what);
  if ('diagnostic' in read) throw new InputError(`cannot read ${file}`, [read.diagnostic], 'unreadable');
  const decoded = decodeInput(read.bytes, file, what);
  if ('diagnostic' in decoded) throw new InputError(`cannot read ${file}`, [decoded.diagnostic], 'not-text');
  return decoded.text;
}

/** --config, else wspl.config.yaml next to the source, else the defaults (recommended preset, no overrides). */
export async function policyFor(source: string, configFile: string | undefined): Promise<CheckPolicy> {
  const file =
    configFile ?? (source.startsWith('aws:') ? undefined : path.join(path.dirname(source), CONFIG_FILE_NAME));
  if (!file || (!configFile && !existsSync(file))) return (await import('../../rules/policy.js')).DEFAULT_POLICY;
  const { parseCheckConfig } = await import('../../rules/config.js');
  const { policy, diagnostics } = parseCheckConfig(readText(file, 'a check configuration'), file);
  if (!policy) throw new InputError(`cannot read ${file}`, diagnostics, 'bad-config');
  return policy;
}

export const registerCheck: RegisterCommand = (program, io, state) => {
  program
    .command('check')
    .description('lint the setup against every restriction of WorkSpaces streaming over PrivateLink')
    .argument('<source...>', 'design files (or other sources)')
    .addOption(overlayOption)
    .addOption(clientsOption)
    .addOption(expectOption)
    .addOption(profileOption)
    .addOption(roleArnOption)
    .addOption(parameterOption)
    .addOption(regionOption)
    .addOption(accountOption)
    .addOption(new Option('--format <format>', 'output format').choices(REPORTER_NAMES).default('text' as const))
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 from this severity up').choices(FAIL_ON).default('error' as const),
    )
    .option('--quiet', 'text: the findings only (no undecided checks, suppressed findings or totals)')
    .option('--config <file>', `rule configuration (default: ${CONFIG_FILE_NAME} next to each source)`)
    .action(async (sources, opts) => {
      // What the command needs loads when it runs (index.ts says why).
      const [
        { groupSources, loadSources },
        { runCheck },
        { REPORT_WORDING },
        { FixFinder, findingFixes },
        { reporters },
      ] = await Promise.all([
        import('../../sources/index.js'),
        import('../../rules/runner.js'),
        import('../../report/wording.js'),
        import('../../report/fixes.js'),
        import('../../report/check-reporters.js'),
      ]);
      const runs: SourceRun[] = [];
      const progress = new ProgressLine(io);
      // CloudFormation templates given together are one deployment (stacks import each other's exports): one run.
      for (const group of groupSources(sources)) {
        const source = group[0] ?? '';
        const model = await loadSources(group, loadOptionsOf(opts, io, progress));
        const result = runCheck(model, {
          policy: await policyFor(source, opts.config),
          wording: REPORT_WORDING,
          // The model is read only from here on (fixes, reporters): freeze it rather than copy it.
          freezeModel: true,
          onProgress: (done, total) =>
            progress.show(() => `checking ${terminalSafe(source)}: ${ofTotal(done, total)} rules`),
        });
        runs.push({
          source: source === STDIN_ARG ? STDIN_NAME : source,
          result,
          fixes: findingFixes(new FixFinder(model), result.findings),
        });
      }
      progress.end();
      writeChunks(
        io,
        reporters[opts.format](
          { runs },
          { color: io.isTty, cwd: process.cwd(), quiet: opts.quiet === true, width: textWidth(io) },
        ),
      );
      const reaches = REACHES[opts.failOn];
      const failing = runs.some((r) => r.result.findings.some((f) => !f.suppressed && reaches.includes(f.severity)));
      state.exitCode = failing ? EXIT_FINDINGS : EXIT_OK;
    });
};
