import { homedir } from 'node:os';
import { Option } from '@commander-js/extra-typings';
import { InputError } from '../../diagnostics.js';
import { clientLogFolders, existingClientLogFolders } from '../../logs/locations.js';
import type { RenderSpec } from '../../report/log-segments.js';
import type { Comparison } from '../../logs/compare.js';
import type { LoadSourceOptions } from '../../sources/index.js';
import type { SessionPredictor } from '../../logs/topology.js';
import { terminalSafe } from '../../input/terminal.js';
import { loadOptionsOf, overlayOption, profileOption, roleArnOption } from '../source-options.js';
import { textWidth } from '../io.js';
import { ProgressLine } from '../progress.js';
import type { RegisterCommand } from './index.js';

/** Loads the topology (any source) and hands it to the library's comparison set-up. */
async function comparisonFor(
  source: string,
  client: string | undefined,
  workspace: string | undefined,
  options: LoadSourceOptions,
): Promise<{ predictor: SessionPredictor; regions: Set<string> }> {
  if (!client) throw new InputError('--topology needs --client NAME: the client whose logs these are');
  const [{ loadSource }, { sessionPredictor, topologyRegions }] = await Promise.all([
    import('../../sources/index.js'),
    import('../../logs/topology.js'),
  ]);
  const model = await loadSource(source, options);
  return { predictor: sessionPredictor(model, source, client, workspace), regions: topologyRegions(model) };
}

/**
 * The parallel reader is exact, and used from 1 GiB of input (logs-parallel.ts): where it pays depends on the
 * machine, so the user is told how to move that line and how to find out where it lies.
 */
const PARALLEL_HELP = `
Environment:
  WSPL_LOGS_PARALLEL_MIN_BYTES=N  read inputs of N bytes or more on worker threads as well (same output, byte for
                                  byte). Default 1 GiB: below that, one thread was faster on the 2-core machine it
                                  was measured on. \`npx tsx bench/logs-cores.ts\` (in the wspl repository) measures
                                  a machine.
  WSPL_LOGS_WORKERS=N             with the above: how many worker threads (default: one less than the cores, up to 3)`;

export const registerLogs: RegisterCommand = (program, io, state) => {
  program
    .command('logs')
    .description('read real WorkSpaces client logs: sessions, outcomes, diagnoses')
    .argument(
      '[paths...]',
      "log files, or the client's logs folder (its files are read in time order); - for standard input",
    )
    .option('--local', "read this machine's client log folder (Windows, macOS or Linux location)")
    .option('--topology <source>', 'compare each session with the prediction for --client on this setup')
    .addOption(overlayOption)
    .addOption(profileOption)
    .addOption(roleArnOption)
    .option('--quiet', 'text: the diagnoses only')
    .option('--client <name>', 'with --topology: the client that wrote the logs')
    .option(
      '--workspace <name>',
      "with --topology: the WorkSpace, when the setup has several of the session's protocol",
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const),
    )
    .addHelpText('after', PARALLEL_HELP)
    .action(async (paths, opts) => {
      if (!opts.topology && (opts.client || opts.workspace)) {
        throw new InputError(
          `wspl logs: ${opts.client ? '--client' : '--workspace'} only works with --topology <source> (the setup to compare the sessions with)`,
        );
      }
      // What the command needs loads when it runs (index.ts says why): no source reader without --topology.
      const [{ planLogs }, { JsonLogWriter, TextLogWriter }, { BlockOutput }, { writeLogs }] = await Promise.all([
        import('../../logs/read.js'),
        import('../../report/logs.js'),
        import('../../report/block-output.js'),
        import('../../report/logs-parallel.js'),
      ]);
      const progress = new ProgressLine(io);
      const topology = opts.topology
        ? await comparisonFor(opts.topology, opts.client, opts.workspace, loadOptionsOf(opts, io, progress))
        : undefined;
      const predictor = topology?.predictor;
      // Logs of one Region held against a setup in another compare two different things: say so, once per Region.
      const warned = new Set<string>();
      const checkRegion = (region: string | null) => {
        if (!topology || region === null || topology.regions.has(region) || warned.has(region)) return;
        warned.add(region);
        io.err(
          `wspl: warning: the logs show sessions in ${region}, but ${terminalSafe(opts.topology ?? '')} streams in ${[...topology.regions].join(', ')}: the comparison is likely against the wrong setup\n`,
        );
      };
      const comparisons: Comparison[] = [];
      const compareSession = predictor ? (await import('../../logs/compare.js')).compareSession : undefined;
      const inputs = [...paths];
      if (opts.local) inputs.push(...localFolders());
      if (inputs.length === 0) {
        throw new InputError("wspl logs: give a log file or folder, or --local for this machine's client logs");
      }
      // Every path is checked first, so bad input fails before any output; then sessions print as they are read,
      // and memory does not grow with the log (only diagnoses wait for the end).
      const plan = await planLogs(inputs);
      const manyFiles = plan.reduce((n, input) => n + input.files.length, 0) > 1;
      const out = new BlockOutput((text: string) => io.out(text), io.outBytes);
      const spec: RenderSpec = {
        format: opts.format,
        manyFiles,
        color: io.isTty,
        width: textWidth(io),
        quiet: opts.quiet === true,
      };
      const writer =
        spec.format === 'json' ? new JsonLogWriter(out, manyFiles) : new TextLogWriter(out, manyFiles, spec);
      // Sessions print as they are read: on a terminal that is the progress. Into a file or a pipe, a large log shows
      // how far the reading has got on stderr (if that is a terminal).
      let sessions = 0;
      const reading =
        io.columns === undefined
          ? (n: number) => {
              sessions += n;
              progress.show(() => `reading the logs: ${sessions.toLocaleString('en')} sessions`);
            }
          : undefined;
      // With --topology every session is compared as it is read (one thread); without, files are read in parallel.
      const files = await writeLogs(plan, writer, spec, {
        output: out,
        onSessions: reading,
        onWarning: (text) => io.err(`wspl: warning: ${text}\n`),
        inspect: predictor
          ? (session) => {
              checkRegion(session.region);
              const trace = predictor(session);
              if (trace && compareSession) comparisons.push(compareSession(session, trace));
            }
          : undefined,
      });
      progress.end();
      writer.end(files, predictor ? comparisons : undefined);
      // Diagnoses describe what happened on a client; the command itself succeeded (only `check` exits 1).
      state.exitCode = 0;
    });
};

function localFolders(): string[] {
  const found = existingClientLogFolders(process.env, homedir());
  if (found.length === 0) {
    const looked = clientLogFolders(process.env, homedir())
      .map((f) => `  ${f.os}: ${f.path}`)
      .join('\n');
    throw new InputError(`--local: no WorkSpaces client log folder on this machine; looked in:\n${looked}`);
  }
  return found.map((f) => f.path);
}
