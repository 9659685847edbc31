// The picture on screen: cytoscape draws the boxes elkjs placed, and on top of them a trace (its legs as arrows,
// each blocker as a red tag on its box) or the boxes a finding names. Keyboard: arrows move between boxes,
// Enter opens or closes a group, + and - zoom, 0 fits, Shift+arrows pan, Escape clears.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import type { Box, PictureLayout, PictureNode, Topology, TraceView } from '../../../src/web/types.js';
import { nodeLines, visibleGraph, type VisibleGraph } from '../../../src/web/visible.js';
import { STATUS_LOOK } from '../outcomes.js';
import { pictureBackground, pictureStyle } from './style.js';

/** The layout, as laid out ahead when it fits these open groups, else by elkjs here (loaded on first need). */
async function boxesFor(graph: VisibleGraph, expanded: ReadonlySet<string>, preset?: PictureLayout) {
  if (preset && preset.expanded.length === expanded.size && preset.expanded.every((g) => expanded.has(g)))
    return new Map(Object.entries(preset.boxes));
  const { layoutGraph } = await import('../../../src/web/layout.js');
  return layoutGraph(graph);
}

/**
 * The first picture comes laid out, so elkjs (a large script) is not loaded for it; it is loaded and started when
 * the page is idle afterwards, so the first click that opens a group does not wait for it.
 */
function warmLayoutWhenIdle(): void {
  const start = () => void import('../../../src/web/layout.js').then((m) => m.warmLayout());
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 5000 });
  else setTimeout(start, 1000);
}

export interface PictureEvents {
  /** A box was chosen (click or keyboard); undefined when the choice was cleared. */
  select: (node: PictureNode | undefined) => void;
  /** A collapsed group was asked to open, or an open one to close. */
  toggle: (id: string) => void;
}

/** What the picture highlights now, in words: for the live region and for tests. */
export interface Highlight {
  legs: { label: string; status: string; nodes: string[] }[];
  blockers: { node: string; label: string }[];
  findings: string[];
}

const BADGE_TEXT = 90;
const BADGE_WIDTH = 250;
/** Room above a group for its name, which cytoscape draws outside the box. */
const LABEL_ROOM = 22;
/** Framing a few boxes stops at this zoom, so one box does not fill the screen. */
const MAX_FRAME_ZOOM = 1.4;

function shorten(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

export class PictureView {
  readonly cy: Core;
  private graph: VisibleGraph | undefined;
  private boxes = new Map<string, Box>();
  /** Whether elkjs has been asked to start ahead of the first group opened. */
  private warmed = false;
  private highlight: Highlight = { legs: [], blockers: [], findings: [] };

  constructor(
    container: HTMLElement,
    private readonly events: PictureEvents,
  ) {
    this.cy = cytoscape({
      container,
      style: pictureStyle(),
      layout: { name: 'preset' },
      minZoom: 0.03,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: true,
      selectionType: 'single',
    });
    this.cy.on('tap', 'node', (e) => {
      const id = (e.target as NodeSingular).id();
      if (id.startsWith('badge:')) return;
      const node = this.graph?.byId.get(id);
      if (node && this.graph?.collapsed.has(id)) this.events.toggle(id);
      this.events.select(node);
    });
    this.cy.on('dbltap', 'node', (e) => {
      const id = (e.target as NodeSingular).id();
      if (this.graph?.byId.get(id)?.collapsible) this.events.toggle(id);
    });
    this.cy.on('tap', (e) => {
      if (e.target === this.cy) this.events.select(undefined);
    });
  }

  get visible(): VisibleGraph | undefined {
    return this.graph;
  }

  /** Lays out and draws the topology with these groups open. */
  async render(topology: Topology, expanded: ReadonlySet<string>, fit = true, preset?: PictureLayout): Promise<void> {
    performance.mark('wspl-layout-start');
    const graph = visibleGraph(topology, expanded);
    const boxes = await boxesFor(graph, expanded, preset);
    performance.measure('wspl-layout', 'wspl-layout-start');
    performance.mark('wspl-draw-start');
    this.graph = graph;
    this.boxes = boxes;
    const elements: ElementDefinition[] = [];
    for (const n of graph.nodes) {
      const box = boxes.get(n.id) ?? { x: 0, y: 0, w: 80, h: 40 };
      const collapsed = graph.collapsed.has(n.id);
      const classes = [
        n.kind,
        collapsed ? 'collapsed' : '',
        n.inactive !== undefined ? 'inactive' : '',
        n.unknown !== undefined ? 'unknown' : '',
      ];
      elements.push({
        group: 'nodes',
        data: {
          id: n.id,
          label: nodeLines(n, collapsed).join('\n'),
          w: box.w,
          h: box.h,
          ...(n.parent !== undefined ? { parent: n.parent } : {}),
        },
        position: { x: box.x + box.w / 2, y: box.y + box.h / 2 },
        classes: classes.filter(Boolean).join(' '),
      });
    }
    for (const e of graph.edges) {
      elements.push({
        group: 'edges',
        data: {
          id: e.id,
          source: e.source,
          target: e.target,
          label: e.count > 1 ? `${e.label ?? ''} ×${e.count}` : (e.label ?? ''),
        },
        classes: e.kind,
      });
    }
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(elements);
    });
    this.highlight = { legs: [], blockers: [], findings: [] };
    if (fit) this.fitAll();
    performance.measure('wspl-draw', 'wspl-draw-start');
    if (graph.collapsed.size > 0 && !this.warmed) {
      this.warmed = true;
      warmLayoutWhenIdle();
    }
  }

  applyTheme(): void {
    this.cy.style(pictureStyle());
  }

  /** Removes the trace, the finding marks and the selection. */
  clear(): void {
    this.cy.batch(() => {
      this.cy.elements('.trace, .badge, .badge-link').remove();
      this.cy.elements().removeClass('on-path blocked finding focused faded');
    });
    this.highlight = { legs: [], blockers: [], findings: [] };
  }

  /** Draws a trace: every leg hop by hop, every blocker as a tag on its box. Returns what it drew, in words. */
  showTrace(view: TraceView): Highlight {
    this.clear();
    const g = this.graph;
    if (!g) return this.highlight;
    const added: ElementDefinition[] = [];
    const onPath = new Set<string>();
    for (const leg of view.legs) {
      const shown: string[] = [];
      for (const n of leg.nodes) {
        const s = g.shownAs(n);
        if (s !== undefined && shown[shown.length - 1] !== s) shown.push(s);
      }
      const look = STATUS_LOOK[leg.status];
      for (let i = 0; i + 1 < shown.length; i++) {
        const [a, b] = [shown[i] ?? '', shown[i + 1] ?? ''];
        added.push({
          group: 'edges',
          data: { id: `trace:${leg.id}:${i}`, source: a, target: b, label: i === 0 ? `${look.icon} ${leg.label}` : '' },
          classes: `trace ${leg.status} ${leg.kind}`,
        });
        onPath.add(a).add(b);
      }
      this.highlight.legs.push({ label: leg.label, status: leg.status, nodes: shown });
    }
    const perAnchor = new Map<string, number>();
    const badges: Box[] = [];
    view.blockers.forEach((b, i) => {
      const anchor = b.nodes.map((n) => g.shownAs(n)).find((n) => n !== undefined);
      const label = `✗ ${b.blocker.kind}: ${shorten(b.blocker.detail, BADGE_TEXT)}`;
      this.highlight.blockers.push({ node: anchor ?? '(not on the picture)', label });
      if (anchor === undefined) return;
      const box = this.boxes.get(anchor);
      const w = BADGE_WIDTH;
      const h = 12 + 15 * Math.ceil((label.length * 6.6) / (BADGE_WIDTH - 28));
      // Tags of one box stack downwards from its top right corner.
      const below = perAnchor.get(anchor) ?? 0;
      perAnchor.set(anchor, below + h + 8);
      const x = (box ? box.x + box.w : 0) + w / 2 + 24;
      const y = (box ? box.y : 0) - 20 + below + h / 2;
      badges.push({ x: x - w / 2, y: y - h / 2, w, h });
      added.push({ group: 'nodes', data: { id: `badge:${i}`, label, w, h }, position: { x, y }, classes: 'badge' });
      added.push({
        group: 'edges',
        data: { id: `badge-link:${i}`, source: `badge:${i}`, target: anchor },
        classes: 'badge-link',
      });
    });
    this.cy.batch(() => {
      this.cy.add(added);
      for (const id of onPath) this.cy.getElementById(id).addClass('on-path');
      for (const b of this.highlight.blockers) this.cy.getElementById(b.node).addClass('blocked');
    });
    const around = this.around([...onPath, ...this.highlight.blockers.map((b) => b.node)], badges);
    if (around) this.frame(around, 40, true);
    return this.highlight;
  }

  /** Marks the boxes a finding names and brings them into view. */
  showFinding(nodes: string[]): Highlight {
    this.clear();
    const g = this.graph;
    const shown = [...new Set(nodes.map((n) => g?.shownAs(n)).filter((n): n is string => n !== undefined))];
    for (const id of shown) this.cy.getElementById(id).addClass('finding');
    this.highlight.findings = shown;
    const around = this.around(shown, []);
    if (around) this.frame(around, 80, true);
    return this.highlight;
  }

  /** The box around these nodes (as laid out) and extra boxes; cheaper than asking cytoscape to measure labels. */
  private around(ids: Iterable<string>, extra: Box[]): Box | undefined {
    const boxes = [...[...ids].map((id) => this.boxes.get(id)).filter((b): b is Box => b !== undefined), ...extra];
    if (boxes.length === 0) return undefined;
    const x1 = Math.min(...boxes.map((b) => b.x));
    const y1 = Math.min(...boxes.map((b) => b.y)) - LABEL_ROOM;
    const x2 = Math.max(...boxes.map((b) => b.x + b.w));
    const y2 = Math.max(...boxes.map((b) => b.y + b.h));
    return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
  }

  /** Shows a box of the picture, as large as fits (up to a readable zoom), centred. */
  private frame(b: Box, padding: number, animate = false): void {
    const [w, h] = [this.cy.width(), this.cy.height()];
    const zoom = Math.max(
      this.cy.minZoom(),
      Math.min(MAX_FRAME_ZOOM, (w - 2 * padding) / Math.max(b.w, 1), (h - 2 * padding) / Math.max(b.h, 1)),
    );
    const pan = { x: w / 2 - zoom * (b.x + b.w / 2), y: h / 2 - zoom * (b.y + b.h / 2) };
    if (animate) this.cy.animate({ zoom, pan, duration: 200 });
    else this.cy.viewport({ zoom, pan });
  }

  fitAll(): void {
    const roots = this.graph?.children.get(undefined) ?? [];
    const around = this.around(roots, []);
    if (around) this.frame(around, 16);
  }

  current(): Highlight {
    return this.highlight;
  }

  /** Selects a box and brings it into view. */
  focusNode(id: string): void {
    const shown = this.graph?.shownAs(id);
    if (shown === undefined) return;
    const ele = this.cy.getElementById(shown);
    this.cy.elements().unselect();
    ele.select();
    this.cy.animate({ center: { eles: ele }, duration: 150 });
    this.events.select(this.graph?.byId.get(shown));
  }

  /** Keyboard use of the picture; returns true when the key was used. */
  handleKey(e: KeyboardEvent): boolean {
    const pan = 60;
    const selected = this.cy.nodes(':selected').first();
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const dir = arrows[e.key];
    if (dir && e.shiftKey) {
      this.cy.panBy({ x: -dir[0] * pan, y: -dir[1] * pan });
      return true;
    }
    if (dir) {
      const next = selected.nonempty() ? this.neighbourInDirection(selected, dir) : this.firstNode();
      if (next) this.focusNode(next.id());
      return true;
    }
    if ((e.key === 'Enter' || e.key === ' ') && selected.nonempty()) {
      if (this.graph?.byId.get(selected.id())?.collapsible) this.events.toggle(selected.id());
      return true;
    }
    if (e.key === '+' || e.key === '=') this.cy.zoom({ level: this.cy.zoom() * 1.25, renderedPosition: this.middle() });
    else if (e.key === '-') this.cy.zoom({ level: this.cy.zoom() / 1.25, renderedPosition: this.middle() });
    else if (e.key === '0') this.fitAll();
    else if (e.key === 'Escape') {
      this.cy.elements().unselect();
      this.events.select(undefined);
    } else return false;
    return true;
  }

  private middle(): { x: number; y: number } {
    return { x: this.cy.width() / 2, y: this.cy.height() / 2 };
  }

  private firstNode(): NodeSingular | undefined {
    let best: NodeSingular | undefined;
    this.cy.nodes().forEach((n) => {
      if (n.isParent() || n.hasClass('badge')) return;
      const score = n.position().x + n.position().y;
      if (!best || score < best.position().x + best.position().y) best = n;
    });
    return best;
  }

  /** The nearest box whose centre lies within 45° of the arrow's direction. */
  private neighbourInDirection(from: NodeSingular, [dx, dy]: [number, number]): NodeSingular | undefined {
    const p = from.position();
    let best: NodeSingular | undefined;
    let bestScore = Infinity;
    this.cy.nodes().forEach((n) => {
      if (n.same(from) || n.hasClass('badge')) return;
      const q = n.position();
      const along = (q.x - p.x) * dx + (q.y - p.y) * dy;
      const across = Math.abs((q.x - p.x) * dy - (q.y - p.y) * dx);
      if (along <= 0 || across > along) return;
      const score = along + 2 * across;
      if (score < bestScore) {
        bestScore = score;
        best = n;
      }
    });
    return best;
  }

  exportPng(): Promise<Blob> {
    return this.cy.png({ output: 'blob-promise', full: true, scale: 2, bg: pictureBackground() });
  }
}
