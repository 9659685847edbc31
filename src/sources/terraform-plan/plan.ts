// `terraform show -json <planfile>`, read as Terraform documents it (internals/json-format): format_version 1.x,
// `resource_changes[]` with `change.after` and `change.after_unknown` (unknown values are true there, and absent or
// null in `after`), and `configuration` with each resource's `expressions` and their `references`, nested through
// `module_calls`. `planned_values` is not read: it cannot tell unknown from absent.
import type { Diagnostic } from '../../diagnostics.js';
import { decodeInput } from '../../input/decode.js';
import { readInputBytes } from '../../input/read.js';
import { parseJsonWithPositions } from '../iac/json.js';
import type { Positions } from '../iac/positions.js';
import { DocSink, isRecord, kindOf } from '../iac/sink.js';

export interface ConfigModule {
  /** Module-relative address ("aws_vpc.this") → the resource's expressions. */
  resources: Map<string, Record<string, unknown>>;
  calls: Map<string, { expressions: Record<string, unknown>; module: ConfigModule }>;
  outputs: Map<string, unknown>;
  providerRegion?: string;
}

export interface PlanResource {
  /** Full address: module.net.aws_subnet.private["a"]. */
  address: string;
  /** Module names from the root ("net"), for relative references. */
  modules: string[];
  type: string;
  name: string;
  index?: string | number;
  /** The change's JSON object (its position is the resource's). */
  node: Record<string, unknown>;
  actions: string[];
  after: Record<string, unknown>;
  afterUnknown: unknown;
  expressions?: Record<string, unknown>;
}

export interface Plan {
  file: string;
  positions: Positions;
  root: Record<string, unknown>;
  resources: PlanResource[];
  config: ConfigModule;
  terraformVersion?: string;
}

function readConfigModule(node: unknown): ConfigModule {
  const m = isRecord(node) ? node : {};
  const resources = new Map<string, Record<string, unknown>>();
  for (const r of Array.isArray(m.resources) ? m.resources : []) {
    if (isRecord(r) && typeof r.address === 'string')
      resources.set(r.address, isRecord(r.expressions) ? r.expressions : {});
  }
  const calls = new Map<string, { expressions: Record<string, unknown>; module: ConfigModule }>();
  for (const [name, call] of Object.entries(isRecord(m.module_calls) ? m.module_calls : {})) {
    if (!isRecord(call)) continue;
    calls.set(name, {
      expressions: isRecord(call.expressions) ? call.expressions : {},
      module: readConfigModule(call.module),
    });
  }
  const outputs = new Map<string, unknown>();
  for (const [name, out] of Object.entries(isRecord(m.outputs) ? m.outputs : {})) {
    if (isRecord(out)) outputs.set(name, out.expression);
  }
  return { resources, calls, outputs };
}

function moduleAt(root: ConfigModule, modules: string[]): ConfigModule | undefined {
  let m: ConfigModule | undefined = root;
  for (const name of modules) m = m?.calls.get(name)?.module;
  return m;
}

/** "module.a.module.b" → ["a", "b"] (instance keys of a counted module dropped: configuration has one body). */
function moduleNames(moduleAddress: unknown): string[] {
  if (typeof moduleAddress !== 'string') return [];
  return [...moduleAddress.matchAll(/module\.([A-Za-z0-9_-]+)/g)].map((m) => m[1] ?? '');
}

export function readPlanText(
  text: string,
  file: string,
): { plan: Plan; diagnostics: Diagnostic[] } | { diagnostics: Diagnostic[] } {
  const parsed = parseJsonWithPositions(text);
  if ('problem' in parsed) {
    const { message, line, column } = parsed.problem;
    return { diagnostics: [{ severity: 'error', code: 'json-syntax', file, line, column, message }] };
  }
  const sink = new DocSink(file, parsed.positions);
  const root = parsed.value;
  if (!isRecord(root)) {
    sink.error('not-a-plan', `a Terraform plan (terraform show -json) is a JSON object; found ${kindOf(root)}`, {
      position: { line: 1, column: 1 },
    });
    return { diagnostics: sink.diagnostics };
  }
  const version = root.format_version;
  if (typeof version !== 'string' || !/^1\./.test(version)) {
    sink.error(
      'unsupported-format',
      `format_version ${JSON.stringify(version)} is not supported; wspl reads 1.x (Terraform 1.1 and later)`,
      {
        container: root,
        key: 'format_version',
        field: 'format_version',
      },
    );
    return { diagnostics: sink.diagnostics };
  }
  const changes = root.resource_changes ?? [];
  if (!Array.isArray(changes)) {
    sink.error('wrong-type', `resource_changes must be a list, found ${kindOf(changes)}`, {
      container: root,
      key: 'resource_changes',
      field: 'resource_changes',
    });
    return { diagnostics: sink.diagnostics };
  }
  const configuration = isRecord(root.configuration) ? root.configuration : {};
  const config = readConfigModule(configuration.root_module);
  const providers = isRecord(configuration.provider_config) ? configuration.provider_config : {};
  const aws = isRecord(providers.aws) ? providers.aws : undefined;
  const regionExpr =
    isRecord(aws?.expressions) && isRecord(aws.expressions.region) ? aws.expressions.region.constant_value : undefined;
  if (typeof regionExpr === 'string') config.providerRegion = regionExpr;
  const resources: PlanResource[] = [];
  changes.forEach((node, i) => {
    const field = `resource_changes.${i}`;
    if (
      !isRecord(node) ||
      typeof node.address !== 'string' ||
      typeof node.type !== 'string' ||
      typeof node.name !== 'string'
    ) {
      sink.error('wrong-type', 'a resource change needs address, type and name', { container: changes, key: i, field });
      return;
    }
    if (node.mode !== 'managed') return;
    const change = isRecord(node.change) ? node.change : undefined;
    const actions = Array.isArray(change?.actions)
      ? change.actions.filter((a): a is string => typeof a === 'string')
      : [];
    if (!change || actions.length === 0) {
      sink.error('wrong-type', `resource change ${node.address} has no change.actions`, {
        container: changes,
        key: i,
        field,
      });
      return;
    }
    // Deleted resources do not exist once the plan is applied.
    if (actions.length === 1 && actions[0] === 'delete') return;
    const modules = moduleNames(node.module_address);
    const relative = node.address.replace(/^(module\.[^.]+(\[[^\]]*\])?\.)+/, '').replace(/\[[^\]]*\]$/, '');
    const expressions = moduleAt(config, modules)?.resources.get(relative);
    resources.push({
      address: node.address,
      modules,
      type: node.type,
      name: node.name,
      ...(typeof node.index === 'string' || typeof node.index === 'number' ? { index: node.index } : {}),
      node,
      actions,
      after: isRecord(change.after) ? change.after : {},
      afterUnknown: change.after_unknown,
      ...(expressions ? { expressions } : {}),
    });
  });
  const plan: Plan = {
    file,
    positions: parsed.positions,
    root,
    resources,
    config,
    ...(typeof root.terraform_version === 'string' ? { terraformVersion: root.terraform_version } : {}),
  };
  return sink.failed ? { diagnostics: sink.diagnostics } : { plan, diagnostics: sink.diagnostics };
}

export function readPlan(
  file: string,
  contents?: Uint8Array,
): { plan: Plan; diagnostics: Diagnostic[] } | { diagnostics: Diagnostic[] } {
  // Plans of large estates run to tens of megabytes: read up to 256 MiB.
  const read = contents ? { bytes: contents } : readInputBytes(file, 256 * 1024 * 1024, 'a Terraform plan');
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  const decoded = decodeInput(read.bytes, file, 'a Terraform plan (terraform show -json)');
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  return readPlanText(decoded.text, file);
}

export { moduleAt };
