// Places the visible graph with elkjs, group by group from the inside out: each group's contents are laid out
// first (layered, left to right, or packed in rows when a group holds many boxes, as a Region with 200 VPCs does),
// which gives the group its size for the level above. Edges that cross groups are lifted to the two boxes they
// join at the level where they meet. Results are cached per group, so opening one VPC lays out only that VPC and
// the groups around it again. Runs in the page and, for the first picture, on the server (elkjs runs in both).
import ElkBundle from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { Box, PictureLayout, PictureNode, Topology } from './types.js';
import { defaultExpanded, nodeLines, visibleGraph, type VisibleGraph } from './visible.js';

// The bundle is CommonJS: Node hands over module.exports, a bundler its `default`; both are the same class.
const ElkClass = ((ElkBundle as unknown as { default?: unknown }).default ?? ElkBundle) as new () => ELK;
let elk: ELK | undefined;
const cache = new Map<string, { w: number; h: number; at: Map<string, { x: number; y: number }> }>();
const CACHE_LIMIT = 500;

/** Many boxes in one group read best packed in rows; layers would make one very tall column. */
const PACK_FROM = 24;
const PACK_TOP_FROM = 60;

const CHAR = 6.4;

export function leafSize(node: PictureNode, collapsed: boolean): { w: number; h: number } {
  const lines = nodeLines(node, collapsed);
  const longest = Math.max(...lines.map((l) => l.length));
  return { w: Math.min(236, Math.max(72, Math.round(longest * CHAR + 22))), h: 12 + 14 * lines.length };
}

function options(children: number, edges: number, top: boolean): LayoutOptions {
  const padding = top ? '[top=10,left=10,bottom=10,right=10]' : '[top=30,left=12,bottom=12,right=12]';
  // At the top, left to right reads as "clients → networks → AWS" for as long as the column stays short.
  if (children >= (top ? PACK_TOP_FROM : PACK_FROM) && edges < children * 2) {
    return {
      // ELK's box packing: rows of boxes, about ten times faster here than rectpacking on 200 VPCs.
      'elk.algorithm': 'box',
      'elk.aspectRatio': '1.8',
      'elk.spacing.nodeNode': '14',
      'elk.padding': padding,
    };
  }
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.spacing.nodeNode': '16',
    'elk.layered.spacing.nodeNodeBetweenLayers': '44',
    'elk.spacing.componentComponent': '22',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.padding': padding,
  };
}

/** Each edge, lifted to the level where its two ends meet: parent → [child a, child b]. */
function liftedEdges(g: VisibleGraph): Map<string | undefined, [string, string][]> {
  const chain = (id: string): string[] => {
    const out: string[] = [];
    for (let n = g.byId.get(id); n; n = n.parent !== undefined ? g.byId.get(n.parent) : undefined) out.unshift(n.id);
    return out;
  };
  const out = new Map<string | undefined, [string, string][]>();
  for (const e of g.edges) {
    const a = chain(e.source);
    const b = chain(e.target);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) continue;
    const parent = i > 0 ? a[i - 1] : undefined;
    const list = out.get(parent) ?? [];
    list.push([x, y]);
    out.set(parent, list);
  }
  return out;
}

export async function layoutGraph(g: VisibleGraph): Promise<Map<string, Box>> {
  const sizes = new Map<string, { w: number; h: number }>();
  const relative = new Map<string, { x: number; y: number }>();
  const lifted = liftedEdges(g);

  const layoutGroup = async (parent: string | undefined): Promise<void> => {
    const kids = g.children.get(parent) ?? [];
    for (const k of kids) {
      if (g.compounds.has(k)) await layoutGroup(k);
      else {
        const node = g.byId.get(k);
        if (node) sizes.set(k, leafSize(node, g.collapsed.has(k)));
      }
    }
    const seen = new Set<string>();
    const edges = (lifted.get(parent) ?? []).filter(([a, b]) => {
      const key = `${a}->${b}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const opts = options(kids.length, edges.length, parent === undefined);
    const only = kids.length === 1 ? kids[0] : undefined;
    if (only !== undefined) {
      // One box in a group (an account with one Region) needs no layout: it sits inside the padding.
      const size = sizes.get(only) ?? { w: 80, h: 40 };
      const [top, side] = parent === undefined ? [10, 10] : [30, 12];
      relative.set(only, { x: side, y: top });
      if (parent !== undefined) sizes.set(parent, { w: size.w + 2 * side, h: size.h + top + 12 });
      return;
    }
    const key = JSON.stringify([opts, kids.map((k) => [k, sizes.get(k)]), edges]);
    let result = cache.get(key);
    if (!result) {
      const graph: ElkNode = {
        id: '__root',
        layoutOptions: opts,
        children: kids.map((k) => ({ id: k, width: sizes.get(k)?.w ?? 80, height: sizes.get(k)?.h ?? 40 })),
        edges: edges.map(([a, b], i) => ({ id: `e${i}`, sources: [a], targets: [b] })),
      };
      const laid = await (elk ??= new ElkClass()).layout(graph);
      result = {
        w: laid.width ?? 100,
        h: laid.height ?? 60,
        at: new Map((laid.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }])),
      };
      if (cache.size > CACHE_LIMIT) cache.clear();
      cache.set(key, result);
    }
    for (const [id, p] of result.at) relative.set(id, p);
    if (parent !== undefined) sizes.set(parent, { w: result.w, h: result.h });
  };
  await layoutGroup(undefined);

  const boxes = new Map<string, Box>();
  const place = (parent: string | undefined, ox: number, oy: number) => {
    for (const k of g.children.get(parent) ?? []) {
      const p = relative.get(k) ?? { x: 0, y: 0 };
      const s = sizes.get(k) ?? { w: 80, h: 40 };
      boxes.set(k, { x: ox + p.x, y: oy + p.y, w: s.w, h: s.h });
      if (g.compounds.has(k)) place(k, ox + p.x, oy + p.y);
    }
  };
  place(undefined, 0, 0);
  return boxes;
}

/**
 * The first picture, laid out ahead (the server does it once at start, the report when it is written), so the
 * page draws at once and runs elkjs only when a group is opened or closed.
 */
/** Starts elkjs ahead of need (the page does it when idle after the first picture), so opening a group is quick. */
export function warmLayout(): void {
  elk ??= new ElkClass();
}

export async function initialLayout(topology: Topology): Promise<PictureLayout> {
  const expanded = defaultExpanded(topology);
  const boxes = await layoutGraph(visibleGraph(topology, expanded));
  return { expanded: [...expanded], boxes: Object.fromEntries(boxes) };
}
