// The part of the topology that is on screen (shared by the page and the server, which lays out the first picture): a collapsed group (a VPC, an on-premises site) is one box, and edges
// to what it holds are drawn to the box instead, once per pair.
import type { EdgeKind, NodeKind, PictureNode, Topology } from './types.js';

export interface VisibleEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  label?: string;
  /** How many topology edges this one stands for. */
  count: number;
}

export interface VisibleGraph {
  topology: Topology;
  nodes: PictureNode[];
  /** Visible nodes that hold visible nodes (drawn as boxes around them). */
  compounds: Set<string>;
  /** Visible nodes that are collapsed groups. */
  collapsed: Set<string>;
  children: Map<string | undefined, string[]>;
  edges: VisibleEdge[];
  byId: Map<string, PictureNode>;
  /** The box that shows a node now: itself, or the outermost collapsed group holding it. */
  shownAs(id: string): string | undefined;
}

/** Groups opened by default: all of them in a small estate, none in a large one (a click opens one). */
export function defaultExpanded(topology: Topology, limit = 12): Set<string> {
  const groups = topology.nodes.filter((n) => n.collapsible);
  const vpcs = groups.filter((n) => n.kind === 'vpc').length;
  return new Set(vpcs <= limit && groups.length <= limit * 2 ? groups.map((n) => n.id) : []);
}

export function visibleGraph(topology: Topology, expanded: ReadonlySet<string>): VisibleGraph {
  const byId = new Map(topology.nodes.map((n) => [n.id, n]));
  const isCollapsed = (n: PictureNode) => n.collapsible === true && !expanded.has(n.id);
  const memo = new Map<string, string | undefined>();
  // A node inside a collapsed group is shown as the outermost collapsed group that holds it.
  const shownAs = (id: string): string | undefined => {
    if (memo.has(id)) return memo.get(id);
    let result: string | undefined = byId.has(id) ? id : undefined;
    for (let n = byId.get(id); n?.parent !== undefined;) {
      const parent = byId.get(n.parent);
      if (!parent) break;
      if (isCollapsed(parent)) result = parent.id;
      n = parent;
    }
    memo.set(id, result);
    return result;
  };
  const visible = topology.nodes.filter((n) => shownAs(n.id) === n.id);
  const collapsed = new Set(visible.filter(isCollapsed).map((n) => n.id));
  const children = new Map<string | undefined, string[]>();
  const compounds = new Set<string>();
  for (const n of visible) {
    const list = children.get(n.parent) ?? [];
    list.push(n.id);
    children.set(n.parent, list);
    if (n.parent !== undefined) compounds.add(n.parent);
  }
  const edges = new Map<string, VisibleEdge>();
  for (const e of topology.edges) {
    const s = shownAs(e.source);
    const t = shownAs(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    const key = `${e.kind}:${s}->${t}`;
    const existing = edges.get(key);
    if (existing) existing.count++;
    else
      edges.set(key, {
        id: key,
        source: s,
        target: t,
        kind: e.kind,
        count: 1,
        ...(e.label !== undefined ? { label: e.label } : {}),
      });
  }
  return { topology, nodes: visible, compounds, collapsed, children, edges: [...edges.values()], byId, shownAs };
}

/** The groups to open so every one of `ids` is shown as itself. */
export function groupsToOpen(topology: Topology, ids: Iterable<string>): string[] {
  const byId = new Map(topology.nodes.map((n) => [n.id, n]));
  const out = new Set<string>();
  for (const id of ids)
    for (let n = byId.get(id); n?.parent !== undefined; n = byId.get(n.parent)) {
      const parent = byId.get(n.parent);
      if (parent?.collapsible) out.add(parent.id);
    }
  return [...out];
}

/** A glyph per kind of box, so kinds differ by shape of the label and not only by colour. */
export const KIND_GLYPH: Record<NodeKind, string> = {
  internet: '☁',
  'aws-services': '☁',
  'public-dns': '⌕',
  'dcv-gateways': '⇶',
  account: '',
  region: '',
  vpc: '',
  subnet: '',
  'vpc-resolver': '⌕',
  igw: '⇅',
  vgw: '⇅',
  instance: '▣',
  'nat-instance': '⇆',
  'nat-gateway': '⇆',
  'endpoint-eni': '◉',
  endpoint: '○',
  'resolver-eni': '⌕',
  directory: '▤',
  tgw: '✳',
  peering: '⟷',
  onprem: '⌂',
  'onprem-dns': '⌕',
  client: '☺',
};

/** The lines of text a box shows; the layout sizes boxes from the same lines. */
export function nodeLines(node: PictureNode, collapsed: boolean): string[] {
  const glyph = KIND_GLYPH[node.kind];
  const lines = [`${glyph ? `${glyph} ` : ''}${node.label}`];
  if (node.detail) lines.push(...node.detail.split('\n'));
  if (node.inactive !== undefined) lines.push(`⏸ ${node.inactive}`);
  if (node.unknown !== undefined) lines.push(`? ${node.unknown}`);
  if (collapsed) lines.push(`▸ ${node.summary ?? 'closed'} (click to open)`);
  return lines;
}
