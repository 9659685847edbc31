// Every model entity carries provenance; findings name a resource id, and this index turns it into the file and
// line to edit. Built once per run.
import type { Model, Provenance } from '../../model/types.js';

export type ProvenanceIndex = ReadonlyMap<string, Provenance>;

export function provenanceIndex(model: Readonly<Model>): ProvenanceIndex {
  const index = new Map<string, Provenance>();
  const add = (id: string, prov: Provenance) => {
    if (!index.has(id)) index.set(id, prov);
  };
  const lists: ReadonlyArray<ReadonlyArray<{ id: string; prov: Provenance }>> = [
    model.directories,
    model.workspaces,
    model.clients,
    model.endpoints,
    model.securityGroups,
    model.networkAcls,
    model.routeTables,
    model.subnets,
    model.instances,
    model.natGateways,
    model.vpcs,
    model.resolverEndpoints,
    model.peerings,
    model.transitGateways,
    model.onPremises,
    model.prefixLists,
    model.ipGroups,
  ];
  for (const list of lists) for (const entity of list) add(entity.id, entity.prov);
  for (const e of model.expectations ?? []) add(e.id, e.prov);
  for (const tgw of model.transitGateways) {
    for (const rt of tgw.routeTables) add(rt.id, rt.prov);
    for (const att of tgw.attachments) add(att.id, att.prov);
  }
  return index;
}
