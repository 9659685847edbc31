// Readable at 200 VPCs: they start closed (one box each, edges drawn to the box once per pair, with a count), a
// click opens one, and the first picture laid out ahead gives every box on screen a place inside its parent,
// overlapping none of its siblings.
import { describe, expect, it } from 'vitest';
import { initialLayout } from './layout.js';
import type { Box, PictureEdge, PictureNode, Topology } from './types.js';
import { defaultExpanded, visibleGraph } from './visible.js';

/** Accounts → Region → VPCs with three subnets each, every subnet attached to one transit gateway. */
function estate(vpcs: number): Topology {
  const nodes: PictureNode[] = [
    { id: 'account:1', kind: 'account', label: 'account 1' },
    { id: 'region:1/r', kind: 'region', label: 'r', parent: 'account:1' },
    { id: 'tgw:t', kind: 'tgw', label: 't', parent: 'region:1/r' },
    { id: 'internet', kind: 'internet', label: 'Internet' },
  ];
  const edges: PictureEdge[] = [];
  for (let v = 0; v < vpcs; v++) {
    const vpc = `vpc:v${v}`;
    nodes.push({ id: vpc, kind: 'vpc', label: `v${v}`, parent: 'region:1/r', collapsible: true, summary: '3 subnets' });
    for (let s = 0; s < 3; s++) {
      const id = `subnet:v${v}/s${s}`;
      nodes.push({ id, kind: 'subnet', label: `s${s}`, detail: `10.${v}.${s}.0/24`, parent: vpc });
      edges.push({ id: `a:${id}`, source: 'tgw:t', target: id, kind: 'tgw-attachment' });
    }
  }
  return { nodes, edges, aliases: {} };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

describe('a large estate on the picture', () => {
  const big = estate(200);

  it('starts with every VPC closed, edges to what they hold drawn once to the closed box', () => {
    expect(defaultExpanded(big).size).toBe(0);
    const g = visibleGraph(big, new Set());
    expect(g.nodes.filter((n) => n.kind === 'subnet')).toEqual([]);
    expect(g.collapsed.size).toBe(200);
    const toVpc7 = g.edges.filter((e) => e.target === 'vpc:v7');
    expect(toVpc7).toEqual([expect.objectContaining({ source: 'tgw:t', kind: 'tgw-attachment', count: 3 })]);
  });

  it('opens one VPC on a click: its subnets appear, the others stay closed', () => {
    const g = visibleGraph(big, new Set(['vpc:v7']));
    expect(g.nodes.filter((n) => n.kind === 'subnet').map((n) => n.id)).toEqual([
      'subnet:v7/s0',
      'subnet:v7/s1',
      'subnet:v7/s2',
    ]);
    expect(g.collapsed.size).toBe(199);
    expect(g.shownAs('subnet:v8/s1')).toBe('vpc:v8');
  });

  it('lays the first picture out: a box for everything on screen, inside its parent, over no sibling', async () => {
    // 40 VPCs take the same path as 200 (closed, packed in rows) at a fifth of the test's time.
    const many = estate(40);
    const layout = await initialLayout(many);
    const g = visibleGraph(many, new Set(layout.expanded));
    const box = (id: string) => layout.boxes[id];
    for (const n of g.nodes) {
      expect(box(n.id), n.id).toBeDefined();
      const parent = n.parent !== undefined ? box(n.parent) : undefined;
      const mine = box(n.id);
      if (parent && mine) expect(inside(mine, parent), `${n.id} inside ${n.parent ?? ''}`).toBe(true);
    }
    const vpcs = g.children.get('region:1/r') ?? [];
    expect(vpcs).toHaveLength(41);
    for (let i = 0; i < vpcs.length; i++)
      for (let j = i + 1; j < vpcs.length; j++) {
        const a = box(vpcs[i] ?? '');
        const b = box(vpcs[j] ?? '');
        if (a && b) expect(overlaps(a, b), `${vpcs[i] ?? ''} over ${vpcs[j] ?? ''}`).toBe(false);
      }
    // Packed in rows rather than one column 200 boxes tall: a picture that fits a screen when zoomed out.
    const region = box('region:1/r');
    expect(region && region.w / region.h).toBeGreaterThan(0.8);
  });

  it('opens every group of a small estate at once', () => {
    expect(defaultExpanded(estate(5)).size).toBe(5);
  });
});
