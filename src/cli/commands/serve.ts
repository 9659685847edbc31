// `wspl serve <source> [--port N]`: the dashboard on http://127.0.0.1:PORT/ until Ctrl+C. Refresh in the page
// reads the source again (a live source gets fresh facts).
import { InvalidArgumentError, Option } from '@commander-js/extra-typings';
import type { Diagnostic } from '../../diagnostics.js';
import type { Dashboard } from '../../web/dashboard.js';
import type { Io } from '../io.js';
import {
  accountOption,
  clientsOption,
  loadOptionsOf,
  overlayOption,
  parameterOption,
  profileOption,
  regionOption,
  roleArnOption,
  type SourceFlags,
} from '../source-options.js';
import { policyFor } from './check.js';
import type { RegisterCommand } from './index.js';

export const DEFAULT_PORT = 7788;

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new InvalidArgumentError('a port number from 0 to 65535 (0: any free port)');
  return n;
}

/** Reads the source into a Dashboard; `serve` and `report` share it. */
export async function loadDashboard(
  source: string,
  flags: SourceFlags & { config?: string },
  io: Io,
  refreshable: boolean,
): Promise<Dashboard> {
  const { loadSource } = await import('../../sources/index.js');
  const options = loadOptionsOf(flags, io);
  // Warnings go to stderr as for every command, and into the page, which shows what the source could not tell.
  const warnings: Diagnostic[] = [];
  const model = await loadSource(source, {
    ...options,
    onWarning: (d) => {
      warnings.push(d);
      options.onWarning?.(d);
    },
  });
  // The dashboard's modules (hono, elkjs) load only for the commands that use them, not for every `wspl` run.
  const [{ Dashboard }, { packageDocs }] = await Promise.all([
    import('../../web/dashboard.js'),
    import('../../web/package-docs.js'),
  ]);
  return new Dashboard(model, {
    source,
    refreshable,
    policy: await policyFor(source, flags.config),
    docs: packageDocs,
    loadedAt: new Date().toISOString(),
    warnings,
  });
}

/** Resolves on Ctrl+C or a termination signal. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * Everything `wspl serve` does before it waits: reads the source, starts the server and prints its URL. The
 * end-to-end tests call it in their own process (one Node process fewer to start).
 */
export async function startDashboard(
  source: string,
  opts: SourceFlags & { config?: string; port: number },
  io: Io,
): Promise<{ url: string; close(): Promise<void> }> {
  const [{ readBundle }, { prepareViews, startServer }] = await Promise.all([
    import('../../web/assets.js'),
    import('../../web/server.js'),
  ]);
  const files = readBundle('app');
  const dashboard = await prepareViews(await loadDashboard(source, opts, io, true));
  const server = await startServer(dashboard, {
    port: opts.port,
    files,
    reload: async () => await prepareViews(await loadDashboard(source, opts, io, true)),
  });
  io.out(`wspl dashboard of ${source}: ${server.url}\n(listening on 127.0.0.1 only; Ctrl+C stops it)\n`);
  return server;
}

export const registerServe: RegisterCommand = (program, io) => {
  program
    .command('serve')
    .description('local dashboard (loopback only): the topology, the matrix, traces, findings and what-if')
    .argument('<source>', 'design file (or another source)')
    .addOption(new Option('--port <n>', 'port on 127.0.0.1 (0: any free port)').argParser(port).default(DEFAULT_PORT))
    .option('--config <file>', 'rule configuration for the findings (default: wspl.config.yaml next to the source)')
    .addOption(overlayOption)
    .addOption(clientsOption)
    .addOption(parameterOption)
    .addOption(regionOption)
    .addOption(accountOption)
    .addOption(profileOption)
    .addOption(roleArnOption)
    .action(async (source, opts) => {
      const server = await startDashboard(source, opts, io);
      await untilStopped();
      await server.close();
    });
};
