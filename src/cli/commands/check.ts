// `wspl check <source>…`: every rule on every source, one report, and an exit code CI can gate on: 1 when a
// finding reaches --fail-on (default error), 0 otherwise, 2 for bad input (thrown as InputError, handled by main).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Option } from '@commander-js/extra-typings';
import { isMap, isScalar, stringify } from 'yaml';
import { InputError, formatDiagnostic } from '../../diagnostics.js';
import type { Model } from '../../model/types.js';
import { reporters, REPORTER_NAMES } from '../../report/check-reporters.js';
import type { SourceRun } from '../../report/check-types.js';
import { CONFIG_FILE_NAME, parseCheckConfig } from '../../rules/config.js';
import { DEFAULT_POLICY, type CheckPolicy } from '../../rules/policy.js';
import { runCheck } from '../../rules/runner.js';
import type { Severity } from '../../rules/types.js';
import { loadDesignText } from '../../sources/design/load.js';
import { detectSource, loadSource } from '../../sources/index.js';
import { yamlLocator } from '../../sources/design/locate.js';
import { readPath } from '../../sources/design/paths.js';
import { decodeInput, parseYamlInput, readInputBytes, typeName } from '../../input/yaml.js';
import { EXIT_FINDINGS, EXIT_OK } from '../main.js';
import type { RegisterCommand } from './index.js';

const FAIL_ON = ['error', 'warning', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

const REACHES: Record<FailOn, readonly Severity[]> = { error: ['error'], warning: ['error', 'warning'], never: [] };

/** A YAML input's text, or exit 2 naming the file and why it cannot be read (missing, a folder, binary, UTF-16). */
function readText(file: string, what: string): string {
  const read = readInputBytes(file);
  if ('diagnostic' in read) throw new InputError(`cannot read ${file}`, [read.diagnostic], 'unreadable');
  const decoded = decodeInput(read.bytes, file, what);
  if ('diagnostic' in decoded) throw new InputError(`cannot read ${file}`, [decoded.diagnostic], 'not-text');
  return decoded.text;
}

/** --config, else wspl.config.yaml next to the source, else the defaults (recommended preset, no overrides). */
function policyFor(source: string, configFile: string | undefined): CheckPolicy {
  const file =
    configFile ?? (source.startsWith('aws:') ? undefined : path.join(path.dirname(source), CONFIG_FILE_NAME));
  if (!file || (!configFile && !existsSync(file))) return DEFAULT_POLICY;
  const { policy, diagnostics } = parseCheckConfig(readText(file, 'a check configuration'), file);
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
    throw new InputError(
      `--clients works with design-file sources only (${source} is not one)`,
      [],
      'unsupported-option',
    );
  }
  const read = parseYamlInput(readText(clientsFile, 'a clients file'), clientsFile);
  if ('diagnostics' in read) throw new InputError(`cannot read ${clientsFile}`, read.diagnostics, 'bad-clients-file');
  const { doc, lines, value } = read.parsed;
  const clients = (value as { clients?: unknown } | null)?.clients;
  const form = 'a clients file is a YAML map with one key, `clients:`, holding clients in the design-file form';
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    clients === null ||
    typeof clients !== 'object' ||
    Array.isArray(clients)
  ) {
    const found =
      clients === undefined
        ? value !== null && typeof value === 'object' && !Array.isArray(value)
          ? 'no `clients:` key'
          : typeName(value)
        : `clients: ${typeName(clients)}`;
    throw new InputError(
      `cannot read ${clientsFile}`,
      [{ severity: 'error', code: 'bad-clients-file', file: clientsFile, line: 1, message: `${form}; found ${found}` }],
      'bad-clients-file',
    );
  }
  const others = Object.keys(value).filter((k) => k !== 'clients');
  if (others.length > 0) {
    const key = others[0] ?? '';
    const node =
      doc.contents && isMap(doc.contents)
        ? doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key)
        : undefined;
    const at = (node?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
    throw new InputError(
      `cannot read ${clientsFile}`,
      [
        {
          severity: 'error',
          code: 'unknown-key',
          file: clientsFile,
          ...(at !== undefined ? { line: lines.linePos(at).line } : {}),
          field: key,
          message: `unknown field "${key}": ${form}`,
        },
      ],
      'bad-clients-file',
    );
  }
  const names = Object.keys(clients);
  const locate = yamlLocator(doc, lines);
  const lineOf = (name: string): number | undefined => locate(['clients', name]);
  // The source loaded already, so its text reads; only the clients can be wrong in the merged document.
  const sourceRead = parseYamlInput(readText(source, 'a YAML design file'), source);
  const sourceDoc = ('parsed' in sourceRead ? sourceRead.parsed.value : {}) as Record<string, unknown>;
  const merged = { ...sourceDoc, clients: { ...(sourceDoc.clients as object | undefined), ...clients } };
  const result = loadDesignText(stringify(merged), clientsFile);
  if (!result.ok) {
    // Lines of the merged text mean nothing to the user: point at the field in the clients file instead.
    const diagnostics = result.diagnostics.map(({ line: _merged, ...d }) => {
      const name = names.find((n) => d.field === `clients.${n}` || d.field?.startsWith(`clients.${n}.`));
      const path = name && d.field ? readPath(d.field) : undefined;
      const line = path && 'path' in path ? locate(path.path) : name ? lineOf(name) : undefined;
      return { ...d, ...(line !== undefined ? { line } : {}) };
    });
    throw new InputError(`cannot read ${clientsFile}`, diagnostics, 'bad-clients-file');
  }
  const added = result.model.clients
    .filter((c) => names.includes(c.id))
    .map((c) => {
      const line = lineOf(c.id);
      return {
        ...c,
        prov: { ...c.prov, file: clientsFile, path: `clients.${c.id}`, ...(line !== undefined ? { line } : {}) },
      };
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
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 from this severity up').choices(FAIL_ON).default('error' as const),
    )
    .option('--config <file>', `rule configuration (default: ${CONFIG_FILE_NAME} next to each source)`)
    .action(async (sources, opts) => {
      const runs: SourceRun[] = [];
      for (const source of sources) {
        const loaded = await loadSource(source, { onWarning: (d) => io.err(formatDiagnostic(d) + '\n') });
        const model = opts.clients ? withClients(loaded, source, opts.clients) : loaded;
        runs.push({ source, result: runCheck(model, { policy: policyFor(source, opts.config) }) });
      }
      io.out(reporters[opts.format]({ runs }, { color: io.isTty, cwd: process.cwd() }));
      const reaches = REACHES[opts.failOn];
      const failing = runs.some((r) => r.result.findings.some((f) => !f.suppressed && reaches.includes(f.severity)));
      state.exitCode = failing ? EXIT_FINDINGS : EXIT_OK;
    });
};
