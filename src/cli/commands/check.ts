// `wspl check <source>…`: every rule on every source, one report, and an exit code CI can gate on: 1 when a
// finding reaches --fail-on (default error), 0 otherwise, 2 for bad input (thrown as InputError, handled by main).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Option } from '@commander-js/extra-typings';
import { LineCounter, parse as parseYaml, parseDocument, stringify } from 'yaml';
import { InputError } from '../../diagnostics.js';
import type { Model } from '../../model/types.js';
import { reporters, REPORTER_NAMES } from '../../report/check-reporters.js';
import type { SourceRun } from '../../report/check-types.js';
import { CONFIG_FILE_NAME, parseCheckConfig } from '../../rules/config.js';
import { DEFAULT_POLICY, type CheckPolicy } from '../../rules/policy.js';
import { runCheck } from '../../rules/runner.js';
import type { Severity } from '../../rules/types.js';
import { loadDesignText } from '../../sources/design/load.js';
import { detectSource, loadSource } from '../../sources/index.js';
import { EXIT_FINDINGS, EXIT_OK } from '../main.js';
import type { RegisterCommand } from './index.js';

const FAIL_ON = ['error', 'warning', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

const REACHES: Record<FailOn, readonly Severity[]> = { error: ['error'], warning: ['error', 'warning'], never: [] };

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message}`, [], 'unreadable');
  }
}

/** --config, else wspl.config.yaml next to the source, else the defaults (recommended preset, no overrides). */
function policyFor(source: string, configFile: string | undefined): CheckPolicy {
  const file = configFile ?? (source.startsWith('aws:') ? undefined : path.join(path.dirname(source), CONFIG_FILE_NAME));
  if (!file || (!configFile && !existsSync(file))) return DEFAULT_POLICY;
  const { policy, diagnostics } = parseCheckConfig(readText(file), file);
  if (!policy) throw new InputError(`cannot read ${file}`, diagnostics, 'bad-config');
  return policy;
}

/**
 * --clients FILE: a YAML map `clients:` in the design-file form, added to (or replacing same-named) clients of a
 * design-file source. The clients are resolved against the source (their `at:` names its VPCs and instances) but
 * keep their own file and line as provenance.
 */
function withClients(model: Model, source: string, clientsFile: string): Model {
  if (detectSource(source) !== 'design') {
    throw new InputError(`--clients works with design-file sources only (${source} is not one)`, [], 'unsupported-option');
  }
  const text = readText(clientsFile);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const clients = (doc.toJS() as { clients?: unknown } | null)?.clients;
  if (doc.errors.length > 0 || clients === null || typeof clients !== 'object' || Array.isArray(clients)) {
    throw new InputError(`${clientsFile}: expected a YAML map with a \`clients:\` map in the design-file form`, [], 'bad-clients-file');
  }
  const names = Object.keys(clients);
  const lineOf = (name: string): number | undefined => {
    const node = doc.getIn(['clients', name], true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lines.linePos(node.range[0]).line : undefined;
  };
  const sourceDoc = parseYaml(readText(source)) as Record<string, unknown>;
  const merged = { ...sourceDoc, clients: { ...(sourceDoc.clients as object | undefined), ...clients } };
  const result = loadDesignText(stringify(merged), clientsFile);
  if (!result.model) {
    const diagnostics = result.diagnostics.map((d) => {
      const name = names.find((n) => d.field === `clients.${n}` || d.field?.startsWith(`clients.${n}.`));
      const line = name ? lineOf(name) : undefined;
      return { ...d, ...(line !== undefined ? { line } : {}) };
    });
    throw new InputError(`cannot read ${clientsFile}`, diagnostics, 'bad-clients-file');
  }
  const added = result.model.clients
    .filter((c) => names.includes(c.id))
    .map((c) => {
      const line = lineOf(c.id);
      return { ...c, prov: { ...c.prov, file: clientsFile, path: `clients.${c.id}`, ...(line !== undefined ? { line } : {}) } };
    });
  return { ...model, clients: [...model.clients.filter((c) => !names.includes(c.id)), ...added] };
}

export const registerCheck: RegisterCommand = (program, io, state) => {
  program
    .command('check')
    .description('lint the setup against every restriction of WorkSpaces streaming over PrivateLink')
    .argument('<source...>', 'design files (or other sources)')
    .option('--clients <file>', 'extra clients (a `clients:` map in the design-file form)')
    .addOption(new Option('--format <format>', 'output format').choices(REPORTER_NAMES).default('text' as const))
    .addOption(new Option('--fail-on <severity>', 'exit 1 from this severity up').choices(FAIL_ON).default('error' as const))
    .option('--config <file>', `rule configuration (default: ${CONFIG_FILE_NAME} next to each source)`)
    .action((sources, opts) => {
      const runs: SourceRun[] = sources.map((source) => {
        const loaded = loadSource(source);
        const model = opts.clients ? withClients(loaded, source, opts.clients) : loaded;
        return { source, result: runCheck(model, { policy: policyFor(source, opts.config) }) };
      });
      io.out(reporters[opts.format]({ runs }, { color: io.isTty, cwd: process.cwd() }));
      const reaches = REACHES[opts.failOn];
      const failing = runs.some((r) => r.result.findings.some((f) => !f.suppressed && reaches.includes(f.severity)));
      state.exitCode = failing ? EXIT_FINDINGS : EXIT_OK;
    });
};
