// "Did you mean": for a field the design file does not have, the closest field the same map does have, found in
// the published JSON Schema (one home for the form), or a field people reach for under another name.
import { closestName } from '../did-you-mean.js';
import type { DesignDoc } from './schema.js';
import { entries } from './context.js';
import { designJsonSchema } from './schema.js';

type Node = {
  properties?: Record<string, Node>;
  additionalProperties?: Node | boolean;
  items?: Node;
  anyOf?: Node[];
  oneOf?: Node[];
};

/** Names users write for a field the design file calls otherwise. */
const SYNONYMS: Record<string, string> = {
  pcoipFallback: 'pcoipOverInternet',
  pcoipInternetFallback: 'pcoipOverInternet',
  privateDnsEnabled: 'privateDns',
  securityGroupIds: 'securityGroups',
  subnetIds: 'subnets',
};

let root: Node | undefined;

function objectVariants(n: Node): Node[] {
  return [n, ...(n.anyOf ?? []), ...(n.oneOf ?? [])];
}

/** The fields the map at `path` may hold (empty when the path leaves the schema). */
function fieldsAt(path: readonly (string | number)[]): string[] {
  root ??= designJsonSchema() as Node;
  let nodes: Node[] = [root];
  for (const seg of path) {
    const next: Node[] = [];
    for (const n of nodes.flatMap(objectVariants)) {
      if (typeof seg === 'number' && n.items) next.push(n.items);
      else if (typeof seg === 'string' && n.properties?.[seg]) next.push(n.properties[seg]);
      else if (typeof seg === 'string' && typeof n.additionalProperties === 'object') next.push(n.additionalProperties);
    }
    nodes = next;
  }
  return [...new Set(nodes.flatMap(objectVariants).flatMap((n) => Object.keys(n.properties ?? {})))];
}

/** The field meant by an unknown `key` in the map at `path`, when one is close enough to say so. */
export function suggestField(path: readonly (string | number)[], key: string): string | undefined {
  const fields = fieldsAt(path);
  const synonym = SYNONYMS[key];
  if (synonym && fields.includes(synonym)) return synonym;
  return closestName(key, fields);
}

type VpcPart = 'subnets' | 'instances' | 'endpoints' | 'securityGroups' | 'natGateways';

/** Every `VPC/NAME` of one kind the design file declares: the names a reference of that kind may mean. */
export function vpcNames(doc: DesignDoc, ...parts: VpcPart[]): string[] {
  return entries(doc.vpcs).flatMap(([v, vpc]) =>
    parts.flatMap((p) => Object.keys(vpc[p] ?? {}).map((n) => `${v}/${n}`)),
  );
}

/** Every `TGW/ATTACHMENT` the design file declares. */
export function attachmentNames(doc: DesignDoc): string[] {
  return entries(doc.transitGateways).flatMap(([t, tgw]) => Object.keys(tgw.attachments ?? {}).map((a) => `${t}/${a}`));
}
