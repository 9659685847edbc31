import { isIP } from 'node:net';
import { Option } from '@commander-js/extra-typings';
import { InputError } from '../../diagnostics.js';
import type { Model } from '../../model/types.js';
import { closestRegion, isKnownRegion } from '../../model/regions.js';
import { DEFAULT_TIMEOUT_MS } from '../../probe/defaults.js';
import type { PlanOptions, ProbeDeps } from '../../probe/index.js';
import type { LoadSourceOptions } from '../../sources/index.js';
import type { Trace } from '../../workspaces/types.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes.js';
import {
  accountOption,
  loadOptionsOf,
  overlayOption,
  parameterOption,
  profileOption,
  roleArnOption,
} from '../source-options.js';
import { wrapText } from '../../report/wrap.js';
import { textWidth } from '../io.js';
import type { RegisterCommand } from './index.js';

const HOST_NAME = /^(?=.{1,253}\.?$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.?$/i;
const DIRECTORY_ID = /^(d-[0-9a-f]{8,63}|wsd-[0-9a-z]{8,63})$/;

function checkRegion(region: string): string {
  if (isKnownRegion(region)) return region;
  const near = closestRegion(region);
  throw new InputError(`--region: unknown AWS Region "${region}"${near ? `; did you mean ${near}?` : ''}`);
}

function checkTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_MS;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 100 || n > 10000) {
    throw new InputError(`--timeout: "${text}" is not a whole number of milliseconds between 100 and 10000`);
  }
  return n;
}

interface Prediction {
  trace: Trace;
  region: string;
  directoryId?: string;
  preferTcp: boolean;
  hint: PlanOptions['hint'];
}

function pickWorkspace(model: Model, source: string, named: string | undefined): string {
  if (named) {
    if (!model.workspaces.some((w) => w.id === named)) {
      throw new InputError(
        `--workspace: no WorkSpace named "${named}" in ${source}; WorkSpaces: ${model.workspaces.map((w) => w.id).join(', ') || '(none)'}`,
      );
    }
    return named;
  }
  // The probe checks DCV streaming; a single DCV WorkSpace (or a single WorkSpace) needs no naming.
  const dcv = model.workspaces.filter((w) => w.protocol === 'dcv');
  const only = dcv.length === 1 ? dcv[0] : model.workspaces.length === 1 ? model.workspaces[0] : undefined;
  if (only) return only.id;
  throw new InputError(
    `${source} has ${dcv.length > 1 ? `several DCV WorkSpaces (${dcv.map((w) => w.id).join(', ')})` : 'no single DCV WorkSpace'}; name the one to compare with using --workspace`,
  );
}

async function predict(
  source: string,
  client: string,
  workspace: string | undefined,
  options: LoadSourceOptions,
): Promise<Prediction> {
  const [{ loadSource }, { traceConnection }] = await Promise.all([
    import('../../sources/index.js'),
    import('../../workspaces/trace.js'),
  ]);
  const model = await loadSource(source, options);
  if (!model.clients.some((c) => c.id === client)) {
    throw new InputError(
      `--client: no client named "${client}" in ${source}; clients: ${model.clients.map((c) => c.id).join(', ') || '(none)'}`,
    );
  }
  const ws = pickWorkspace(model, source, workspace);
  const trace = traceConnection(model, client, ws);
  const dir = model.directories.find((d) => d.id === model.workspaces.find((w) => w.id === ws)?.directory);
  const path =
    trace.path ?? (dir?.streamingEndpoint ? 'privatelink' : dir?.streamingEndpoint === null ? 'internet' : null);
  return {
    trace,
    region: dir?.region || model.region,
    directoryId: dir?.directoryId,
    preferTcp: dir?.preferredProtocol === 'tcp',
    hint: path
      ? {
          path,
          why:
            path === 'privatelink'
              ? `the setup in ${source} gives directory ${dir?.id ?? '?'} a streaming endpoint`
              : `the setup in ${source} streams ${ws} over the internet`,
        }
      : undefined,
  };
}

/** Built with the real network; tests pass deps that keep every probe on 127.0.0.1. */
export function probeCommand(deps: Partial<ProbeDeps> = {}): RegisterCommand {
  return (program, io, state) => {
    program
      .command('probe')
      .description("run the client's network checks for real from this machine, explained: DNS, TCP, QUIC/UDP, HTTPS")
      .option('--region <region>', 'the Region of the directory (taken from --topology when not given)')
      .option(
        '--endpoint <host|ip>',
        'probe this endpoint (an address or DNS name) instead of the private name’s answers',
      )
      .option(
        '--dns <ip[:port]>',
        'also ask this resolver for the private name (the VPC resolver, an inbound endpoint, …)',
      )
      .option('--directory <id>', 'the directory id (d-…), to check its login pages')
      .option('--topology <source>', 'compare every probe with the prediction for --client on this setup')
      .option('--client <name>', 'with --topology: the client this machine is')
      .option('--workspace <name>', 'with --topology: the WorkSpace, when the setup has several DCV WorkSpaces')
      .addOption(overlayOption)
      .addOption(profileOption)
      .addOption(roleArnOption)
      // A template or plan as the topology: its parameters and account (its Region is --region, the directory's).
      .addOption(parameterOption)
      .addOption(accountOption)
      .option('--timeout <ms>', `timeout of one probe in milliseconds (default ${DEFAULT_TIMEOUT_MS})`)
      .addOption(
        new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const),
      )
      .action(async (opts) => {
        // What the command needs loads when it runs (index.ts says why).
        const [{ compareWithPrediction, parseDnsServer, probe, renderProbeText }, { styleFor }] = await Promise.all([
          import('../../probe/index.js'),
          import('../style.js'),
        ]);
        if (!opts.topology && (opts.client || opts.workspace || opts.overlay)) {
          const flag = opts.client ? '--client' : opts.workspace ? '--workspace' : '--overlay';
          throw new InputError(`wspl probe: ${flag} only works with --topology <source>`);
        }
        if (opts.topology && !opts.client) {
          throw new InputError('wspl probe: --topology needs --client NAME: the client this machine is');
        }
        if (!opts.region && !opts.topology) throw new InputError('wspl probe: give --region R (or --topology)');
        const region = opts.region === undefined ? undefined : checkRegion(opts.region);
        if (opts.endpoint !== undefined && isIP(opts.endpoint) === 0 && !HOST_NAME.test(opts.endpoint)) {
          throw new InputError(`--endpoint: "${opts.endpoint}" is neither an IP address nor a DNS name`);
        }
        const dnsServer = opts.dns === undefined ? undefined : parseDnsServer(opts.dns);
        if (opts.dns !== undefined && !dnsServer) {
          throw new InputError(`--dns: "${opts.dns}" is not an IP address (with an optional :PORT)`);
        }
        if (opts.directory !== undefined && !DIRECTORY_ID.test(opts.directory)) {
          throw new InputError(`--directory: "${opts.directory}" is not a directory id (d-… or wsd-…)`);
        }
        const timeoutMs = checkTimeout(opts.timeout);
        const prediction =
          opts.topology && opts.client
            ? await predict(opts.topology, opts.client, opts.workspace, loadOptionsOf(opts, io))
            : undefined;
        if (prediction && region && prediction.region !== region) {
          throw new InputError(
            `--region ${region} differs from the Region of the directory in ${opts.topology ?? ''} (${prediction.region})`,
          );
        }
        const report = await probe(
          {
            region: region ?? prediction?.region ?? '',
            endpoint: opts.endpoint,
            dnsServer,
            directoryId: opts.directory ?? prediction?.directoryId,
            preferTcp: prediction?.preferTcp,
            timeoutMs,
            hint: prediction?.hint,
          },
          deps,
        );
        if (prediction) report.comparison = compareWithPrediction(report, prediction.trace);
        if (opts.format === 'json') io.out(JSON.stringify(report, null, 2) + '\n');
        else io.out(wrapText(renderProbeText(report, styleFor(io)), textWidth(io)));
        state.exitCode = report.verdict.ok ? EXIT_OK : EXIT_FINDINGS;
      });
  };
}

export const registerProbe: RegisterCommand = probeCommand();
