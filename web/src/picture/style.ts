// The picture's look, read from the page's CSS variables so the light and dark themes apply to the canvas too.
// Every state has a mark besides its colour: a glyph in the label, a dashed or dotted line, a thicker border.
import type { StylesheetJson } from 'cytoscape';

function css(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

export function pictureBackground(): string {
  return css('--bg');
}

export function pictureStyle(): StylesheetJson {
  const c = {
    fg: css('--fg'),
    muted: css('--muted'),
    bg: css('--bg'),
    node: css('--node-bg'),
    border: css('--node-border'),
    group: css('--group-bg'),
    vpc: css('--vpc-bg'),
    subnet: css('--subnet-bg'),
    accent: css('--accent'),
    outside: css('--outside-bg'),
    edge: css('--edge'),
    ok: css('--ok'),
    bad: css('--bad'),
    warn: css('--warn'),
    unknown: css('--unknown'),
    select: css('--select'),
  };
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': 'system-ui, "DejaVu Sans", sans-serif',
        'font-size': 11,
        // Labels too small to read are not drawn: at 200 VPCs the overview is boxes, zooming in brings the words.
        'min-zoomed-font-size': 5,
        color: c.fg,
        'text-wrap': 'wrap',
        'text-max-width': '220px',
        'text-valign': 'center',
        'text-halign': 'center',
        shape: 'round-rectangle',
        width: 'data(w)',
        height: 'data(h)',
        'background-color': c.node,
        'border-width': 1,
        'border-color': c.border,
      },
    },
    {
      selector: ':parent',
      style: {
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -2,
        'font-weight': 'bold',
        padding: '12px',
        'background-color': c.group,
        'background-opacity': 0.6,
        'border-color': c.border,
      },
    },
    { selector: 'node.vpc', style: { 'background-color': c.vpc, 'border-width': 2 } },
    { selector: 'node.subnet', style: { 'background-color': c.subnet, 'border-style': 'dashed' } },
    { selector: 'node.account', style: { 'border-style': 'double', 'border-width': 3, 'background-opacity': 0.25 } },
    { selector: 'node.region', style: { 'border-style': 'dotted', 'border-width': 2, 'background-opacity': 0.3 } },
    {
      selector: 'node.internet, node.aws-services, node.public-dns, node.dcv-gateways',
      style: { 'background-color': c.outside, 'border-width': 2 },
    },
    { selector: 'node.endpoint-eni', style: { 'border-color': c.accent, 'border-width': 3 } },
    { selector: 'node.collapsed', style: { 'border-width': 2, 'border-style': 'solid', 'background-color': c.vpc } },
    { selector: 'node.inactive', style: { opacity: 0.55, 'border-style': 'dashed' } },
    // A fact the source did not give: dotted, in the colour of unknown (and a "?" line in the label).
    { selector: 'node.unknown', style: { 'border-style': 'dotted', 'border-width': 2, 'border-color': c.unknown } },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': c.edge,
        'curve-style': 'bezier',
        'target-arrow-shape': 'none',
        'font-size': 9,
        'min-zoomed-font-size': 5,
        color: c.muted,
        'text-background-color': c.bg,
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
      },
    },
    { selector: 'edge.peering, edge.tgw-attachment', style: { width: 2 } },
    { selector: 'edge.vpn, edge.dx', style: { width: 2, 'line-style': 'dashed', label: 'data(label)' } },
    { selector: 'edge.uses-endpoint', style: { 'line-style': 'dotted', 'line-color': c.accent } },
    { selector: 'edge.default-route', style: { 'target-arrow-shape': 'triangle', 'arrow-scale': 0.7 } },
    { selector: '.faded', style: { opacity: 0.25 } },
    { selector: 'node.on-path', style: { 'border-color': c.ok, 'border-width': 3 } },
    {
      selector: 'node.blocked',
      style: { 'border-color': c.bad, 'border-width': 5, 'border-style': 'double' },
    },
    {
      selector: 'node.finding',
      style: { 'border-color': c.warn, 'border-width': 4, 'border-style': 'dashed' },
    },
    // Last of the node states, so the chosen box stands out on a trace too: a border and a halo around it.
    {
      selector: 'node:selected, node.focused',
      style: {
        'border-color': c.select,
        'border-width': 4,
        'overlay-color': c.select,
        'overlay-opacity': 0.18,
        'overlay-padding': 6,
      },
    },
    {
      selector: 'edge.trace',
      style: {
        width: 3.5,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'line-color': c.ok,
        'target-arrow-color': c.ok,
        label: 'data(label)',
        color: c.fg,
        'font-size': 10,
        'font-weight': 'bold',
        'text-rotation': 'autorotate',
        'z-index': 20,
      },
    },
    {
      selector: 'edge.trace.fail',
      style: { 'line-color': c.bad, 'target-arrow-color': c.bad, 'line-style': 'dashed' },
    },
    {
      selector: 'edge.trace.unknown',
      style: { 'line-color': c.unknown, 'target-arrow-color': c.unknown, 'line-style': 'dotted' },
    },
    { selector: 'edge.trace.dns', style: { width: 2.5 } },
    {
      selector: 'node.badge',
      style: {
        shape: 'round-rectangle',
        'text-overflow-wrap': 'anywhere',
        'background-color': c.bad,
        'border-color': c.bg,
        'border-width': 2,
        color: '#fff',
        'font-weight': 'bold',
        'font-size': 11,
        'text-max-width': '222px',
        'z-index': 30,
      },
    },
    {
      selector: 'edge.badge-link',
      style: { 'line-color': c.bad, width: 2, 'line-style': 'dashed', 'curve-style': 'straight', 'z-index': 29 },
    },
  ];
}
