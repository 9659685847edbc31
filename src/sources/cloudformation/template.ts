// Reads one CloudFormation template (JSON or YAML) into its sections, checking the shape CloudFormation itself
// checks before it creates anything: a map, known top-level sections, a Resources map of named resources each with a
// Type, Properties a map, DependsOn naming resources, Conditions that exist. Every problem is a diagnostic with the
// file, line and column; nothing throws for bad input.
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import { decodeInput } from '../../input/decode.js';
import { readInputBytes } from '../../input/read.js';
import { parseJsonWithPositions } from '../iac/json.js';
import type { Positions } from '../iac/positions.js';
import { DocSink, isRecord, kindOf } from '../iac/sink.js';
import { parseTemplateYaml } from './yaml.js';

export interface TemplateResource {
  logicalId: string;
  type: string;
  properties: Record<string, unknown>;
  condition?: string;
  dependsOn: string[];
  /** The resource's own map (for positions of Type, Condition …). */
  node: Record<string, unknown>;
}

export interface Template {
  file: string;
  /** The stack's name: from the cdk.out manifest, else the file name without its extension. */
  stackName: string;
  root: Record<string, unknown>;
  positions: Positions;
  parameters: Record<string, Record<string, unknown>>;
  conditions: Record<string, unknown>;
  mappings: Record<string, unknown>;
  resources: TemplateResource[];
  outputs: Record<string, Record<string, unknown>>;
}

const SECTIONS = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
  'Hooks',
]);

const LOGICAL_ID = /^[A-Za-z0-9]+$/;
const WHAT = 'a CloudFormation template (JSON or YAML)';

function section(
  sink: DocSink,
  root: Record<string, unknown>,
  name: string,
): Record<string, Record<string, unknown>> | undefined {
  const value = root[name];
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    sink.error('wrong-type', `${name} must be a map, found ${kindOf(value)}`, {
      container: root,
      key: name,
      field: name,
    });
    return undefined;
  }
  for (const [key, entry] of Object.entries(value)) {
    if (name !== 'Conditions' && !isRecord(entry)) {
      sink.error('wrong-type', `${name}.${key} must be a map, found ${kindOf(entry)}`, {
        container: value,
        key,
        field: `${name}.${key}`,
      });
    }
  }
  // The parsed map itself, so its positions stay known; a wrong entry above fails the load.
  return value as Record<string, Record<string, unknown>>;
}

function names(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  return undefined;
}

function readResources(sink: DocSink, root: Record<string, unknown>, conditions: Record<string, unknown>) {
  const raw = root.Resources;
  const resources: TemplateResource[] = [];
  if (raw === undefined) {
    sink.error('missing-field', 'a template needs a Resources section', { container: root, field: 'Resources' });
    return resources;
  }
  if (!isRecord(raw) || Object.keys(raw).length === 0) {
    const found = isRecord(raw) ? 'an empty map' : kindOf(raw);
    sink.error('wrong-type', `Resources must be a map of at least one resource, found ${found}`, {
      container: root,
      key: 'Resources',
      field: 'Resources',
    });
    return resources;
  }
  for (const [logicalId, node] of Object.entries(raw)) {
    const field = `Resources.${logicalId}`;
    const place = { container: raw, key: logicalId, field };
    if (!LOGICAL_ID.test(logicalId)) {
      sink.error('bad-logical-id', `logical id "${logicalId}" must be alphanumeric (A-Z, a-z, 0-9)`, place);
    }
    if (!isRecord(node)) {
      sink.error('wrong-type', `resource ${logicalId} must be a map, found ${kindOf(node)}`, place);
      continue;
    }
    const type = node.Type;
    if (typeof type !== 'string') {
      sink.error('missing-field', `resource ${logicalId} needs a Type such as AWS::EC2::VPC`, place);
      continue;
    }
    const properties = node.Properties ?? {};
    if (!isRecord(properties)) {
      sink.error('wrong-type', `${logicalId}.Properties must be a map, found ${kindOf(properties)}`, {
        container: node,
        key: 'Properties',
        field: `${field}.Properties`,
      });
      continue;
    }
    const condition = node.Condition;
    if (condition !== undefined && (typeof condition !== 'string' || !(condition in conditions))) {
      sink.error('unknown-reference', `condition ${JSON.stringify(condition)} is not in Conditions`, {
        container: node,
        key: 'Condition',
        field: `${field}.Condition`,
      });
    }
    const dependsOn = node.DependsOn === undefined ? [] : names(node.DependsOn);
    if (dependsOn === undefined) {
      sink.error('wrong-type', 'DependsOn must be a logical id or a list of them', {
        container: node,
        key: 'DependsOn',
        field: `${field}.DependsOn`,
      });
    }
    resources.push({
      logicalId,
      type,
      properties,
      ...(typeof condition === 'string' ? { condition } : {}),
      dependsOn: dependsOn ?? [],
      node,
    });
  }
  const ids = new Set(resources.map((r) => r.logicalId));
  for (const r of resources) {
    r.dependsOn.forEach((d, i) => {
      if (ids.has(d)) return;
      const list = r.node.DependsOn;
      sink.error('unknown-reference', `DependsOn names ${d}, which is not a resource of this template`, {
        container: Array.isArray(list) ? list : r.node,
        key: Array.isArray(list) ? i : 'DependsOn',
        field: `Resources.${r.logicalId}.DependsOn`,
      });
    });
  }
  return resources;
}

/** Parses template text (JSON when it starts with "{", else YAML) into its sections, or the diagnostics why not. */
export function parseTemplate(
  text: string,
  file: string,
  stackName = path.basename(file).replace(/\.(template\.)?(json|ya?ml|template)$/i, ''),
): { template: Template; diagnostics: Diagnostic[] } | { diagnostics: Diagnostic[] } {
  const isJson = text.trimStart().startsWith('{');
  const parsed = isJson ? parseJsonWithPositions(text) : parseTemplateYaml(text, file);
  if ('problem' in parsed || 'problems' in parsed) {
    const problems = 'problem' in parsed ? [parsed.problem] : parsed.problems;
    return {
      diagnostics: problems.map((p) => ({
        severity: 'error' as const,
        code: isJson ? 'json-syntax' : 'yaml-syntax',
        file,
        line: p.line,
        ...(p.column !== undefined ? { column: p.column } : {}),
        message: p.message,
      })),
    };
  }
  const sink = new DocSink(file, parsed.positions);
  const root = parsed.value;
  if (!isRecord(root)) {
    sink.error('not-a-template', `${WHAT} is a map with a Resources section; found ${kindOf(root)}`, {
      position: { line: 1, column: 1 },
    });
    return { diagnostics: sink.diagnostics };
  }
  for (const key of Object.keys(root)) {
    if (!SECTIONS.has(key))
      sink.error('unknown-key', `unknown top-level section "${key}"`, { container: root, key, field: key });
  }
  if (root.Transform !== undefined) {
    sink.warn(
      'transform-not-expanded',
      `Transform ${JSON.stringify(root.Transform)} is not expanded: resources it would create or change are not read`,
      { container: root, key: 'Transform', field: 'Transform' },
    );
  }
  const conditions = section(sink, root, 'Conditions') ?? {};
  const template: Template = {
    file,
    stackName,
    root,
    positions: parsed.positions,
    parameters: section(sink, root, 'Parameters') ?? {},
    conditions,
    mappings: section(sink, root, 'Mappings') ?? {},
    resources: readResources(sink, root, conditions),
    outputs: section(sink, root, 'Outputs') ?? {},
  };
  return sink.failed ? { diagnostics: sink.diagnostics } : { template, diagnostics: sink.diagnostics };
}

/** Reads a template file; never writes to it. */
export function readTemplate(
  file: string,
  stackName?: string,
  contents?: Uint8Array,
): { template: Template; diagnostics: Diagnostic[] } | { diagnostics: Diagnostic[] } {
  const read = contents ? { bytes: contents } : readInputBytes(file, undefined, WHAT);
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  const decoded = decodeInput(read.bytes, file, WHAT);
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  if (decoded.text.trim() === '') {
    return {
      diagnostics: [
        { severity: 'error', code: 'not-a-template', file, line: 1, message: `the file is empty, not ${WHAT}` },
      ],
    };
  }
  return parseTemplate(decoded.text, file, stackName);
}
