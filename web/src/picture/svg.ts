// The picture as an SVG file: every box, line and label as cytoscape shows it now (the trace included), in model
// coordinates, so it scales without blur in a ticket or a slide.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

function escape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function num(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

function dash(style: string): string {
  if (style === 'dashed') return ' stroke-dasharray="6 4"';
  if (style === 'dotted') return ' stroke-dasharray="1.5 3"';
  return '';
}

function text(lines: string[], x: number, y: number, size: number, fill: string, weight: string): string {
  const top = y - ((lines.length - 1) * size * 1.2) / 2;
  const spans = lines
    .map((l, i) => `<tspan x="${num(x)}" y="${num(top + i * size * 1.2)}">${escape(l)}</tspan>`)
    .join('');
  return `<text font-family="system-ui, 'DejaVu Sans', sans-serif" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="middle" dominant-baseline="middle">${spans}</text>`;
}

function node(n: NodeSingular): string {
  const bb = n.boundingBox({ includeLabels: false, includeOverlays: false });
  const opacity = Number(n.style('opacity'));
  const fillOpacity = Number(n.style('background-opacity'));
  const border = parseFloat(String(n.style('border-width')));
  const label = String(n.data('label') ?? '');
  const size = parseFloat(String(n.style('font-size')));
  const rect = `<rect x="${num(bb.x1)}" y="${num(bb.y1)}" width="${num(bb.w)}" height="${num(bb.h)}" rx="6" fill="${String(n.style('background-color'))}" fill-opacity="${fillOpacity}" stroke="${String(n.style('border-color'))}" stroke-width="${num(border)}"${dash(String(n.style('border-style')))}/>`;
  const color = String(n.style('color'));
  const weight = String(n.style('font-weight'));
  const lines = label.split('\n');
  const caption = n.isParent()
    ? text(lines, bb.x1 + bb.w / 2, bb.y1 - size, size, color, weight)
    : text(lines, bb.x1 + bb.w / 2, bb.y1 + bb.h / 2, size, color, weight);
  return `<g opacity="${opacity}">${rect}${caption}</g>`;
}

function edge(e: EdgeSingular): string {
  const s = e.sourceEndpoint();
  const t = e.targetEndpoint();
  const control = e.controlPoints() as { x: number; y: number }[] | undefined;
  const c = control?.[0];
  const d = c
    ? `M${num(s.x)},${num(s.y)} Q${num(c.x)},${num(c.y)} ${num(t.x)},${num(t.y)}`
    : `M${num(s.x)},${num(s.y)} L${num(t.x)},${num(t.y)}`;
  const stroke = String(e.style('line-color'));
  const width = parseFloat(String(e.style('width')));
  const arrow =
    String(e.style('target-arrow-shape')) !== 'none'
      ? ` marker-end="url(#arrow-${stroke.replace(/[^a-z0-9]/gi, '')})"`
      : '';
  const label = String(e.data('label') ?? '');
  const mid = e.midpoint();
  const caption = label ? text([label], mid.x, mid.y - 6, 10, String(e.style('color')), 'bold') : '';
  return `<g opacity="${Number(e.style('opacity'))}"><path d="${d}" fill="none" stroke="${stroke}" stroke-width="${num(width)}"${dash(String(e.style('line-style')))}${arrow}/>${caption}</g>`;
}

export function pictureSvg(cy: Core, background: string): string {
  const bb = cy.elements().boundingBox({ includeLabels: true });
  const pad = 20;
  const colours = new Set<string>();
  cy.edges().forEach((e) => {
    if (String(e.style('target-arrow-shape')) !== 'none') colours.add(String(e.style('line-color')));
  });
  const markers = [...colours]
    .map(
      (c) =>
        `<marker id="arrow-${c.replace(/[^a-z0-9]/gi, '')}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`,
    )
    .join('');
  // Outer groups first, so inner boxes and lines draw over them.
  const depth = (n: NodeSingular) => n.ancestors().length;
  const nodes: string[] = [];
  cy.nodes()
    .toArray()
    .sort((a, b) => depth(a) - depth(b))
    .forEach((n) => nodes.push(node(n)));
  const edges = cy.edges().map((e) => edge(e));
  const [x, y, w, h] = [bb.x1 - pad, bb.y1 - pad, bb.w + 2 * pad, bb.h + 2 * pad];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(x)} ${num(y)} ${num(w)} ${num(h)}" width="${num(w)}" height="${num(h)}">`,
    `<defs>${markers}</defs>`,
    `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${background}"/>`,
    ...nodes,
    ...edges,
    '</svg>',
  ].join('\n');
}
