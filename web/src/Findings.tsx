// The findings of `check`, most severe first: each names its rule (its page opens here) and its resource (shown on
// the picture).
import { useState } from 'preact/hooks';
import type { Severity } from '../../src/rules/types.js';
import type { FindingsView, FindingView } from '../../src/web/types.js';
import { SEVERITY_LOOK } from './outcomes.js';

interface Props {
  findings: FindingsView;
  onFinding: (f: FindingView) => void;
  onRule: (id: string) => void;
}

const ORDER: Severity[] = ['error', 'warning', 'info'];
const SHOWN_AT_ONCE = 300;

export function Findings({ findings, onFinding, onRule }: Props) {
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(new Set(ORDER));
  const [text, setText] = useState('');
  const needle = text.trim().toLowerCase();
  const list = findings.findings
    .filter((f) => severities.has(f.severity))
    .filter((f) => !needle || `${f.rule} ${f.resource} ${f.message}`.toLowerCase().includes(needle))
    .sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  const toggle = (s: Severity) => {
    const next = new Set(severities);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    setSeverities(next);
  };
  return (
    <div class="findings">
      <div class="tools">
        {ORDER.map((s) => (
          <label key={s} class={`chip tone-${SEVERITY_LOOK[s].tone}`}>
            <input type="checkbox" checked={severities.has(s)} onChange={() => toggle(s)} />
            {SEVERITY_LOOK[s].icon} {findings.counts[s]} {s}
          </label>
        ))}
        <input
          type="search"
          placeholder="filter findings"
          aria-label="Filter findings"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </div>
      {list.length === 0 && <p class="muted">No finding to show.</p>}
      <ul class="finding-list">
        {list.slice(0, SHOWN_AT_ONCE).map((f, i) => (
          <li key={i} class={f.suppressed ? 'suppressed' : ''} data-rule={f.rule}>
            <span class={`tone-${SEVERITY_LOOK[f.severity].tone}`}>
              {SEVERITY_LOOK[f.severity].icon} {f.severity}
            </span>{' '}
            <button type="button" class="linkish" onClick={() => onRule(f.rule)} title="Open the rule page">
              {f.rule}
            </button>{' '}
            on{' '}
            <button
              type="button"
              class="linkish"
              onClick={() => onFinding(f)}
              title="Show on the picture"
              disabled={f.nodes.length === 0}
            >
              {f.resource}
            </button>
            {f.inferred ? ' (inferred)' : ''}
            {f.suppressed ? ` (suppressed: ${f.suppressed.reason})` : ''}
            <div>{f.message}</div>
            {f.location && (
              <div class="muted">
                {f.location.file}
                {f.location.line !== undefined ? `:${f.location.line}` : ''}
              </div>
            )}
          </li>
        ))}
      </ul>
      {list.length > SHOWN_AT_ONCE && (
        <p class="muted">{list.length - SHOWN_AT_ONCE} more: narrow the filter to see them.</p>
      )}
    </div>
  );
}
