import { homedir } from 'node:os';
import { Option } from '@commander-js/extra-typings';
import { InputError } from '../../diagnostics.js';
import { clientLogFolders, existingClientLogFolders } from '../../logs/locations.js';
import { planLogs, readPlanned } from '../../logs/read.js';
import { JsonLogWriter, TextLogWriter } from '../../logs/render.js';
import { compareSession, type Comparison } from '../../logs/compare.js';
import type { LogSession } from '../../logs/types.js';
import { loadSource, type LoadSourceOptions } from '../../sources/index.js';
import { loadOptionsOf, overlayOption } from '../source-options.js';
import { traceConnection } from '../../workspaces/trace.js';
import type { Trace } from '../../workspaces/types.js';
import { buildWorld } from '../../workspaces/world.js';
import type { RegisterCommand } from './index.js';

export const registerLogs: RegisterCommand = (program, io, state) => {
  program
    .command('logs')
    .description('read real WorkSpaces client logs: sessions, outcomes, diagnoses')
    .argument('[paths...]', "log files, or the client's logs folder (its files are read in time order)")
    .option('--local', "read this machine's client log folder (Windows, macOS or Linux location)")
    .option('--topology <source>', 'compare each session with the prediction for --client on this setup')
    .addOption(overlayOption)
    .option('--client <name>', 'with --topology: the client that wrote the logs')
    .option(
      '--workspace <name>',
      "with --topology: the WorkSpace, when the setup has several of the session's protocol",
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const),
    )
    .action(async (paths, opts) => {
      if (!opts.topology && (opts.client || opts.workspace)) {
        throw new InputError(
          `wspl logs: ${opts.client ? '--client' : '--workspace'} only works with --topology <source> (the setup to compare the sessions with)`,
        );
      }
      const predictor = opts.topology
        ? await prepareComparison(opts.topology, opts.client, opts.workspace, loadOptionsOf(opts, io))
        : undefined;
      const comparisons: Comparison[] = [];
      const inputs = [...paths];
      if (opts.local) inputs.push(...localFolders());
      if (inputs.length === 0) {
        throw new InputError("wspl logs: give a log file or folder, or --local for this machine's client logs");
      }
      // Every path is checked first, so bad input fails before any output; then sessions print as they are read,
      // and memory does not grow with the log (only diagnoses wait for the end).
      const plan = await planLogs(inputs);
      const manyFiles = plan.reduce((n, input) => n + input.files.length, 0) > 1;
      const out = (text: string) => io.out(text);
      const writer =
        opts.format === 'json'
          ? new JsonLogWriter(out, manyFiles)
          : new TextLogWriter(out, manyFiles, { color: io.isTty });
      const report = await readPlanned(plan, {
        keepSessions: false,
        onSession: (session, diagnoses) => {
          writer.session(session);
          writer.diagnoses(diagnoses);
          const trace = predictor?.(session);
          if (trace) comparisons.push(compareSession(session, trace));
        },
      });
      writer.end(report.files, predictor ? comparisons : undefined);
      // Diagnoses describe what happened on a client; the command itself succeeded (only `check` exits 1).
      state.exitCode = 0;
    });
};

/**
 * Loads the topology once and returns the prediction to hold each session against. The WorkSpace follows from the
 * session's protocol; when the setup has several of that protocol, --workspace must say which (checked up front).
 */
async function prepareComparison(
  source: string,
  client: string | undefined,
  workspace: string | undefined,
  options: LoadSourceOptions,
): Promise<(s: LogSession) => Trace | undefined> {
  if (!client) throw new InputError('--topology needs --client NAME: the client whose logs these are');
  const model = await loadSource(source, options);
  if (!model.clients.some((c) => c.id === client)) {
    throw new InputError(
      `--client: no client named "${client}" in ${source}; clients: ${model.clients.map((c) => c.id).join(', ') || '(none)'}`,
    );
  }
  if (workspace && !model.workspaces.some((w) => w.id === workspace)) {
    throw new InputError(
      `--workspace: no WorkSpace named "${workspace}" in ${source}; WorkSpaces: ${model.workspaces.map((w) => w.id).join(', ')}`,
    );
  }
  const byProtocol = (p: 'dcv' | 'pcoip') => model.workspaces.filter((w) => w.protocol === p);
  for (const p of ['dcv', 'pcoip'] as const) {
    const list = byProtocol(p);
    if (!workspace && list.length > 1) {
      throw new InputError(
        `${source} has several ${p === 'dcv' ? 'DCV' : 'PCoIP'} WorkSpaces (${list.map((w) => w.id).join(', ')}); name the one the user connected to with --workspace`,
      );
    }
  }
  const world = buildWorld(model);
  const cache = new Map<string, Trace>();
  return (session) => {
    const protocol = session.protocol === 'PCOIP' ? 'pcoip' : 'dcv';
    // --workspace names the WorkSpace for sessions of its own protocol; a session of the other protocol cannot have
    // been to it, so it is held against the setup's only WorkSpace of that protocol, or not compared at all.
    const named = workspace ? model.workspaces.find((w) => w.id === workspace) : undefined;
    const candidates = byProtocol(protocol);
    const ws = named?.protocol === protocol ? named.id : candidates.length === 1 ? candidates[0]?.id : undefined;
    if (!ws) return undefined;
    const hit = cache.get(ws) ?? traceConnection(model, client, ws, world);
    cache.set(ws, hit);
    return hit;
  };
}

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
