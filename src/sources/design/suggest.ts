// "Did you mean": for a field the design file does not have, the closest field the same map does have, found in
// the published JSON Schema (one home for the form), or a field people reach for under another name.
import { editDistance } from '../../model/regions.js';
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
  let best: { field: string; d: number } | undefined;
  for (const field of fields) {
    const d = editDistance(key.toLowerCase(), field.toLowerCase());
    if (d <= Math.max(1, Math.floor(field.length / 4)) && (!best || d < best.d)) best = { field, d };
  }
  return best?.field;
}
