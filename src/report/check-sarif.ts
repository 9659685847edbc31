// SARIF 2.1.0 for GitHub code scanning and other viewers: rule descriptors come from rule meta, each result points
// at the file and line of the resource to edit (provenance), relative to the repository root (%SRCROOT%).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readRuleDoc } from '../rules/docs.js';
import { INTERNAL_ERROR } from '../rules/types.js';
import type { Finding, RuleMeta, Severity } from '../rules/types.js';
import type { Reporter, ReportOptions } from './check-types.js';
import { prettyJsonChunks, streamedSlot } from './chunks.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A path relative to cwd with forward slashes; outside cwd an absolute file URI (never a `..` path). */
export function artifactUri(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(path.sep).join('/'), uriBaseId: '%SRCROOT%' };
}

/** The rule's page in full (docs/rules/ID.md), its relative links kept as their words. */
function helpOf(id: string, description: string): { help?: { text: string; markdown: string } } {
  let page: string;
  try {
    page = readRuleDoc(id);
  } catch {
    return {};
  }
  const markdown = page.replace(/\[([^\]]+)\]\((?![a-z][a-z0-9+.-]*:)[^)]*\)/gi, '$1');
  return { help: { text: description, markdown } };
}

function descriptor(
  meta: Pick<RuleMeta, 'description' | 'severity' | 'docs' | 'sources'> & { id: string },
  options: ReportOptions,
) {
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.description },
    // A relative path is no URI a viewer can open: the link only with a base URL, the page itself always.
    ...(options.docsBaseUrl ? { helpUri: options.docsBaseUrl + meta.docs } : {}),
    ...helpOf(meta.id, meta.description),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { sources: meta.sources },
  };
}

const internalErrorMeta = {
  id: INTERNAL_ERROR,
  description: 'A rule failed while checking this model (a bug in wspl, not in the environment)',
  severity: 'error' as const,
  docs: 'docs/rules/README.md',
  sources: [],
};

function result(f: Finding, source: string, ruleIndex: Map<string, number>, cwd: string) {
  const file = f.location?.file ?? (source.startsWith('aws:') ? undefined : source);
  const physical = file
    ? {
        physicalLocation: {
          artifactLocation: artifactUri(file, cwd),
          ...(f.location?.line !== undefined
            ? {
                region: {
                  startLine: f.location.line,
                  ...(f.location.column !== undefined ? { startColumn: f.location.column } : {}),
                },
              }
            : {}),
        },
      }
    : {};
  return {
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        ...physical,
        logicalLocations: [
          {
            name: f.resource,
            kind: 'resource',
            // The name the user wrote it under: CDK construct path or Terraform address.
            ...((f.location?.constructPath ?? f.location?.address) !== undefined
              ? { fullyQualifiedName: f.location?.constructPath ?? f.location?.address }
              : {}),
          },
        ],
      },
    ],
    // Stable across runs so code scanning tracks the same alert instead of opening a new one.
    partialFingerprints: { 'wsplFinding/v1': `${f.rule}:${f.resource}:${f.message}` },
    ...(f.suppressed ? { suppressions: [{ kind: 'external', justification: f.suppressed.reason }] } : {}),
    ...(f.inferred ? { properties: { inferred: true } } : {}),
  };
}

export const sarifReporter: Reporter = (report, options = {}) => {
  const cwd = options.cwd ?? process.cwd();
  const metas = new Map<string, RuleMeta>();
  for (const { result: r } of report.runs) for (const m of r.rules) metas.set(m.id, m);
  const rules = [...metas.values()].map((m) => descriptor(m, options));
  rules.push(descriptor(internalErrorMeta, options));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  function* results() {
    for (const { source, result: r } of report.runs)
      for (const f of r.findings) yield result(f, source, ruleIndex, cwd);
  }
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'wspl',
            version: options.toolVersion ?? '0.1.0',
            semanticVersion: options.toolVersion ?? '0.1.0',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        results: streamedSlot('results'),
      },
    ],
  };
  // The results, one per finding, are written as they are made.
  return prettyJsonChunks(sarif, new Map([['results', results()]]));
};
