// Reads a Terraform plan (`terraform show -json`) into the model (loader.ts registers it; it is loaded only when a
// plan is read). Each managed resource the plan keeps is read from
// `change.after` / `after_unknown` and handed to the adapter for its type; provenance is the resource's own line and
// column in the plan and its address. Types wspl does not model are skipped and listed once.
import type { Diagnostic } from '../../diagnostics.js';
import type { Provenance, SourcePosition } from '../../model/types.js';
import { assemble } from '../iac/assemble.js';
import type { RawResource } from '../iac/graph.js';
import { DocSink } from '../iac/sink.js';
import type { LoadOptions, LoadResult } from '../loader.js';
import { STAND_IN_ACCOUNT } from '../cloudformation/stacks.js';
import { missingRegion, regionFor } from '../cloudformation/loader.js';
import { TfAttrs } from './attributes.js';
import type { RawBody, TfAdapter, TfContext } from './context.js';
import { readPlan, type Plan, type PlanResource } from './plan.js';
import { References } from './references.js';
import { EDGE_ADAPTERS } from './resources-edges.js';
import { NETWORK_ADAPTERS } from './resources-network.js';

const ADAPTERS: Record<string, TfAdapter> = { ...NETWORK_ADAPTERS, ...EDGE_ADAPTERS };

export const MODELLED_TF_TYPES: readonly string[] = Object.keys(ADAPTERS);

function scopeOf(r: PlanResource, plan: Plan, options: LoadOptions): { account?: string; region?: string } {
  const region =
    typeof r.after.region === 'string' ? r.after.region : (plan.config.providerRegion ?? regionFor(options));
  const owner = r.after.owner_id;
  return {
    ...(region !== undefined ? { region } : {}),
    ...(typeof owner === 'string' && /^\d{12}$/.test(owner) ? { account: owner } : {}),
  };
}

/**
 * Types whose names become model ids, by where the id lives: top level (VPCs and gateways share messages and
 * overlays), inside a VPC (VPC/NAME), inside a transit gateway (TGW/NAME).
 */
const TOP_LEVEL_TYPES = [
  'aws_vpc',
  'aws_internet_gateway',
  'aws_vpn_gateway',
  'aws_ec2_transit_gateway',
  'aws_vpc_peering_connection',
  'aws_ec2_managed_prefix_list',
  'aws_workspaces_ip_group',
  'aws_workspaces_directory',
  'aws_workspaces_workspace',
  'aws_vpn_connection',
];
const IN_VPC_TYPES = [
  'aws_subnet',
  'aws_route_table',
  'aws_default_route_table',
  'aws_security_group',
  'aws_network_acl',
  'aws_instance',
  'aws_nat_gateway',
  'aws_vpc_endpoint',
  'aws_route53_resolver_endpoint',
];
const IN_TGW_TYPES = ['aws_ec2_transit_gateway_route_table', 'aws_ec2_transit_gateway_vpc_attachment'];
const ID_SPACES = new Map<string, string>([
  ...TOP_LEVEL_TYPES.map((t): [string, string] => [t, 'top']),
  ...IN_VPC_TYPES.map((t): [string, string] => [t, 'vpc']),
  ...IN_TGW_TYPES.map((t): [string, string] => [t, 'tgw']),
]);

/**
 * Model names from addresses: module path and resource name ("client_vpc.public_a"). Names are unique per resource
 * type in Terraform; where two types whose ids live in the same place share one ("this" for a VPC and its internet
 * gateway, "nat" for an instance and its security group), both carry their type ("client_vpc.vpc.this").
 */
function namer(resources: PlanResource[]): (r: PlanResource) => string {
  const types = new Map<string, Set<string>>();
  const keyOf = (r: PlanResource) => `${ID_SPACES.get(r.type) ?? ''}|${References.nameOf(r)}`;
  for (const r of resources) {
    if (!ID_SPACES.has(r.type)) continue;
    const key = keyOf(r);
    types.set(key, (types.get(key) ?? new Set()).add(r.type));
  }
  return (r) => {
    const plain = References.nameOf(r);
    if ((types.get(keyOf(r))?.size ?? 0) < 2) return plain;
    return [
      ...r.modules,
      `${r.type.replace(/^aws_/, '')}.${r.name}${r.index === undefined ? '' : `[${String(r.index)}]`}`,
    ].join('.');
  };
}

export function convertPlan(plan: Plan, options: LoadOptions): LoadResult {
  const sink = new DocSink(plan.file, plan.positions);
  const refs = new References(plan);
  const resources: RawResource[] = [];
  const skipped = new Map<string, { count: number; index: number }>();
  const changes = plan.root.resource_changes as unknown[];
  let region: string | undefined;
  let account = options.account;
  for (const r of plan.resources) {
    const scope = scopeOf(r, plan, options);
    region ??= scope.region;
    account ??= scope.account;
  }
  region ??= regionFor(options);
  const nameOf = namer(plan.resources);
  if (region === undefined) return { ok: false, diagnostics: [...sink.diagnostics, missingRegion(plan.file)] };
  plan.resources.forEach((r) => {
    const adapter = ADAPTERS[r.type];
    const index = changes.indexOf(r.node);
    if (!adapter) {
      const seen = skipped.get(r.type);
      if (seen) seen.count++;
      else skipped.set(r.type, { count: 1, index });
      return;
    }
    const pos = plan.positions.at(changes, index);
    const prov: Provenance = {
      source: 'terraform-plan',
      file: plan.file,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      path: `resource_changes.${index}`,
      originalId: r.address,
      address: r.address,
      template: { resourceType: r.type },
    };
    const scope = scopeOf(r, plan, options);
    const attrs = new TfAttrs(
      r.after,
      r.afterUnknown,
      r.expressions,
      { refs, resource: r, positions: plan.positions, sink, prov },
      `resource_changes.${index}.change.after`,
    );
    const name = nameOf(r);
    const ctx: TfContext = {
      resource: r,
      attrs,
      prov,
      sink,
      emit: (body: RawBody, suffix?: string) => {
        resources.push({
          ...body,
          key: suffix ? `${r.address}#${suffix}` : r.address,
          name: suffix ? `${name}-${suffix}` : name,
          account: scope.account ?? account ?? STAND_IN_ACCOUNT,
          region: scope.region ?? region,
          prov,
        });
      },
      partProv: (position: SourcePosition | undefined, path: string) => ({
        source: 'terraform-plan',
        file: plan.file,
        ...(position
          ? { line: position.line, ...(position.column !== undefined ? { column: position.column } : {}) }
          : {}),
        path,
        originalId: r.address,
        address: r.address,
      }),
      defaulted: (field) => {
        if (prov.template) (prov.template.defaulted ??= []).push(field);
      },
    };
    adapter(ctx);
  });
  const first = [...skipped.values()][0];
  if (first) {
    const list = [...skipped.entries()].map(([type, s]) => (s.count > 1 ? `${type} (${s.count})` : type)).join(', ');
    sink.warn('types-not-modelled', `skipped, as they do not bear on streaming: ${list}`, {
      container: changes,
      key: first.index,
      field: `resource_changes.${first.index}`,
    });
  }
  if (sink.failed) return { ok: false, diagnostics: sink.diagnostics };
  const result = assemble({
    resources,
    account: account ?? STAND_IN_ACCOUNT,
    region,
    origin: { source: 'terraform-plan', file: plan.file, line: 1 },
  });
  return { ...result, diagnostics: [...sink.diagnostics, ...result.diagnostics] };
}

export function loadPlan(file: string, options: LoadOptions): LoadResult {
  const read = readPlan(file, options.contents);
  if (!('plan' in read)) return { ok: false, diagnostics: read.diagnostics };
  const result = convertPlan(read.plan, options);
  const diagnostics: Diagnostic[] = [...read.diagnostics, ...result.diagnostics];
  return { ...result, diagnostics };
}
