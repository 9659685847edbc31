// The box chosen on the picture: what it is, where it is written, and the findings about it.
import type { FindingView, PictureNode } from '../../src/web/types.js';
import { SEVERITY_LOOK } from './outcomes.js';

interface Props {
  node: PictureNode | undefined;
  findings: FindingView[];
  open: boolean;
  onToggle: (id: string) => void;
  onRule: (id: string) => void;
}

export function NodePanel({ node, findings, open, onToggle, onRule }: Props) {
  if (!node) return <p class="muted">Choose a box on the picture (click it, or arrows on the focused picture).</p>;
  const mine = findings.filter((f) => f.nodes.includes(node.id));
  return (
    <div class="node-panel">
      <h3>{node.label}</h3>
      <dl>
        <dt>kind</dt>
        <dd>{node.kind}</dd>
        {node.resource !== undefined && (
          <>
            <dt>id</dt>
            <dd>
              <code>{node.resource}</code>
            </dd>
          </>
        )}
        {node.detail !== undefined && (
          <>
            <dt>details</dt>
            <dd>{node.detail.replaceAll('\n', ' · ')}</dd>
          </>
        )}
        {node.inactive !== undefined && (
          <>
            <dt>state</dt>
            <dd>⏸ {node.inactive}</dd>
          </>
        )}
        {node.unknown !== undefined && (
          <>
            <dt>not known</dt>
            <dd>
              ? {node.unknown}: the source did not say, so traces that need it are UNKNOWN (they name what is missing)
            </dd>
          </>
        )}
        {node.where !== undefined && (
          <>
            <dt>written at</dt>
            <dd>{node.where}</dd>
          </>
        )}
      </dl>
      {node.collapsible && (
        <button type="button" onClick={() => onToggle(node.id)}>
          {open ? '▾ Close this group' : '▸ Open this group'}
        </button>
      )}
      <h4>Findings here ({mine.length})</h4>
      <ul>
        {mine.map((f, i) => (
          <li key={i}>
            <span class={`tone-${SEVERITY_LOOK[f.severity].tone}`}>
              {SEVERITY_LOOK[f.severity].icon} {f.severity}
            </span>{' '}
            <button type="button" class="linkish" onClick={() => onRule(f.rule)}>
              {f.rule}
            </button>
            : {f.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
