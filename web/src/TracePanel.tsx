// One cell's prediction, step by step, beside the picture that draws it: the outcome, each step with its hops, every
// blocker with its cause, its rule page and the fix, warnings and what the input lacks.
import type { Provenance } from '../../src/model/types.js';
import type { TraceView } from '../../src/web/types.js';
import { Markdown } from './markdown.js';
import { OUTCOME_LOOK, STATUS_LOOK } from './outcomes.js';

interface Props {
  view: TraceView | undefined;
  busy: boolean;
  onResource: (id: string, nodes: string[]) => void;
  onRule: (id: string) => void;
  onOutcome: (id: string) => void;
}

function where(p: Provenance | undefined): string | undefined {
  if (!p) return undefined;
  return p.line !== undefined ? `${p.file}:${p.line}` : p.file;
}

export function TracePanel({ view, busy, onResource, onRule, onOutcome }: Props) {
  if (busy) return <p class="muted">Tracing…</p>;
  if (!view)
    return <p class="muted">Choose a cell of the matrix (click it, or Enter on it) to draw its path on the picture.</p>;
  const t = view.trace;
  const look = OUTCOME_LOOK[t.outcome];
  return (
    <div class="trace">
      <h3>
        {t.client} → {t.workspace}:{' '}
        <button
          type="button"
          class={`badge tone-${look.tone}`}
          onClick={() => onOutcome(t.outcome)}
          title="What this outcome means"
        >
          {look.icon} {t.outcome}
        </button>
      </h3>
      <p>
        {t.path ? `path: ${t.path}` : 'no path'}
        {t.endpoint
          ? ` · ${t.endpoint.transport} ${t.endpoint.port} to ${t.endpoint.address ?? t.endpoint.hostname}`
          : ''}
      </p>
      {view.blockers.length > 0 && (
        <section aria-label="Blockers">
          <h4>
            Blocked by {view.blockers.length} {view.blockers.length === 1 ? 'setting' : 'settings'} (fix all of them)
          </h4>
          <ol class="blockers">
            {view.blockers.map((b, i) => (
              <li key={i} class="blocker">
                <p>
                  <span class="tone-bad">✗</span>{' '}
                  <button type="button" class="linkish" onClick={() => onResource(b.blocker.resource, b.nodes)}>
                    {b.blocker.resource}
                  </button>{' '}
                  <em>{b.blocker.kind}</em>
                  {b.blocker.phase === 'return' ? ' (return traffic)' : ''}
                  {b.blocker.inferred ? ' (inferred)' : ''}: {b.blocker.detail}
                </p>
                {where(b.blocker.location) && <p class="muted">edit: {where(b.blocker.location)}</p>}
                {b.blocker.ruleId !== undefined && (
                  <p>
                    rule{' '}
                    <button type="button" class="linkish" onClick={() => onRule(b.blocker.ruleId ?? '')}>
                      {b.blocker.ruleId}
                    </button>
                  </p>
                )}
                {b.fix !== undefined && (
                  <details open>
                    <summary>How to fix</summary>
                    <Markdown text={b.fix} />
                  </details>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-label="Steps">
        <h4>Steps</h4>
        <ol class="steps">
          {t.steps.map((s) => {
            const sl = STATUS_LOOK[s.status];
            return (
              <li key={s.step}>
                <span class={`tone-${sl.tone}`}>{sl.icon}</span> <strong>{s.step}</strong> {s.status}
                {s.inferred ? ' (inferred)' : ''}: {s.detail}
                {s.hops && s.hops.length > 0 && (
                  <details>
                    <summary>{s.hops.length} hops</summary>
                    <Hops hops={s.hops} onResource={onResource} />
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      </section>
      {t.probes.length > 0 && (
        <section aria-label="Probes">
          <h4>Probes (in the client's order)</h4>
          <ul class="probes">
            {t.probes.map((p, i) => {
              const status = p.reachable === 'unknown' ? 'unknown' : p.reachable ? 'ok' : 'fail';
              const sl = STATUS_LOOK[status];
              return (
                <li key={i}>
                  <span class={`tone-${sl.tone}`}>{sl.icon}</span> {p.transport} {p.port} {p.address ?? p.hostname}:{' '}
                  {p.reachable === true ? 'reachable' : p.reachable === false ? 'blocked' : 'unknown'}
                  {p.hops.length > 0 && (
                    <details>
                      <summary>{p.hops.length} hops</summary>
                      <Hops hops={p.hops} onResource={onResource} />
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {t.warnings.length > 0 && (
        <section aria-label="Warnings">
          <h4>Warnings</h4>
          <ul>
            {t.warnings.map((w, i) => (
              <li key={i}>
                <span class="tone-warn">▲</span> {w.code}
                {w.inferred ? ' (inferred)' : ''}: {w.detail}
              </li>
            ))}
          </ul>
        </section>
      )}
      {t.missing.length > 0 && (
        <section aria-label="Missing facts">
          <h4>What the input does not say</h4>
          <ul>
            {t.missing.map((m, i) => (
              <li key={i}>? {m}</li>
            ))}
          </ul>
        </section>
      )}
      {view.unplaced.length > 0 && <p class="muted">Not on the picture: {view.unplaced.join(', ')}</p>}
    </div>
  );
}

function Hops({
  hops,
  onResource,
}: {
  hops: NonNullable<TraceView['trace']['steps'][number]['hops']>;
  onResource: (id: string, nodes: string[]) => void;
}) {
  return (
    <ol class="hops">
      {hops.map((h, i) => (
        <li key={i}>
          <button type="button" class="linkish" onClick={() => onResource(h.node, [])}>
            {h.node}
          </button>{' '}
          {h.action}: <strong>{h.result}</strong> {h.detail}
          {where(h.location) ? <span class="muted"> ({where(h.location)})</span> : null}
        </li>
      ))}
    </ol>
  );
}
