// Builds the model from the resources of a template or a plan (graph.ts), VPC by VPC in the order the model keeps
// for a design file, then what joins the VPCs and the WorkSpaces side. Every problem is a diagnostic at the
// resource's own line and column; a model comes back only when there is no error.
import type { LoadResult } from '../loader.js';
import { Assembly } from './assembly.js';
import { assignIds } from './assemble-ids.js';
import {
  assembleCidrLists,
  assembleDhcp,
  assembleEndpoints,
  assembleResolverEndpoints,
  assembleResolverRules,
} from './assemble-endpoints.js';
import { assembleNetworkAcls, assembleSecurityGroups, checkRuleTargets } from './assemble-filters.js';
import {
  assembleNatAndInstances,
  assembleRouteTables,
  assembleSubnets,
  assembleVpcs,
  attachGateways,
} from './assemble-network.js';
import { assemblePeerings, assembleTransitGateways, assembleVpns } from './assemble-transit.js';
import { assembleDirectories, assembleWorkspaces } from './assemble-workspaces.js';
import type { ResourceGraph } from './graph.js';

export function assemble(graph: ResourceGraph): LoadResult {
  const a = new Assembly(graph);
  assignIds(a);
  assembleCidrLists(a);
  assembleVpcs(a);
  attachGateways(a);
  for (const vpc of a.model.vpcs) {
    assembleSubnets(a, vpc);
    assembleRouteTables(a, vpc);
    assembleSecurityGroups(a, vpc);
    assembleNetworkAcls(a, vpc);
    assembleNatAndInstances(a, vpc);
    assembleEndpoints(a, vpc);
    assembleResolverEndpoints(a, vpc);
  }
  checkRuleTargets(a);
  assembleResolverRules(a);
  assembleDhcp(a);
  assemblePeerings(a);
  assembleTransitGateways(a);
  assembleVpns(a);
  assembleDirectories(a);
  assembleWorkspaces(a);
  if (a.diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: a.diagnostics };
  return { ok: true, model: a.model, diagnostics: a.diagnostics };
}
