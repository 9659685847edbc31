// What-if from the page: pick changes (stop the NAT, take the endpoint off the directory, remove a rule…) or type
// any `set:PATH=VALUE` / `delete:PATH`, run them in order, and see which cells change and which running sessions
// would drop. The matrix then shows the changed setup, with the changed cells marked.
import { useState } from 'preact/hooks';
import type { Suggestion, WhatifView } from '../../src/web/types.js';
import type { Problem } from './backend.js';
import { OUTCOME_LOOK } from './outcomes.js';

interface Props {
  suggestions: Suggestion[];
  result: WhatifView | undefined;
  busy: boolean;
  error: { message: string; problems: Problem[] } | undefined;
  onRun: (changes: string[]) => void;
  onReset: () => void;
  onResource: (id: string) => void;
}

const LISTED = 60;
/** The usual suspects stay open; the long lists of single rules and routes open on a filter or a click. */
const OPEN_GROUPS = new Set(['Directory', 'NAT', 'Endpoint']);

export function Whatif({ suggestions, result, busy, error, onRun, onReset, onResource }: Props) {
  const [changes, setChanges] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const [typed, setTyped] = useState('');
  const needle = filter.trim().toLowerCase();
  const matching = suggestions.filter(
    (s) => !needle || `${s.group} ${s.label} ${s.change}`.toLowerCase().includes(needle),
  );
  const add = (c: string) => setChanges((list) => (list.includes(c) ? list : [...list, c]));
  const groups = [...new Set(matching.map((s) => s.group))];
  return (
    <div class="whatif">
      <form
        class="tools"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim()) add(typed.trim());
          setTyped('');
        }}
      >
        <label>
          Change{' '}
          <input
            type="text"
            value={typed}
            placeholder="set:PATH=VALUE or delete:PATH"
            aria-label="A change, as wspl whatif --change takes it"
            onInput={(e) => setTyped(e.currentTarget.value)}
            size={40}
          />
        </label>
        <button type="submit">Add</button>
      </form>
      <label>
        Suggestions{' '}
        <input
          type="search"
          value={filter}
          placeholder="filter: nat, endpoint, sg name…"
          onInput={(e) => setFilter(e.currentTarget.value)}
        />
      </label>
      <div class="suggestions">
        {groups.map((g) => (
          <details key={g} open={OPEN_GROUPS.has(g) || needle !== ''}>
            <summary>
              {g} ({matching.filter((s) => s.group === g).length})
            </summary>
            <ul>
              {matching
                .filter((s) => s.group === g)
                .slice(0, LISTED)
                .map((s) => (
                  <li key={s.change}>
                    <button
                      type="button"
                      class="add"
                      onClick={() => add(s.change)}
                      title={s.change}
                      data-change={s.change}
                    >
                      + {s.label}
                    </button>
                  </li>
                ))}
            </ul>
          </details>
        ))}
      </div>
      <h4>Changes, applied in order</h4>
      {changes.length === 0 ? (
        <p class="muted">None yet: add one above.</p>
      ) : (
        <ol class="changes">
          {changes.map((c) => (
            <li key={c}>
              <code>{c}</code>{' '}
              <button
                type="button"
                aria-label={`Remove ${c}`}
                onClick={() => setChanges(changes.filter((x) => x !== c))}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
      )}
      <div class="tools">
        <button type="button" class="primary" disabled={changes.length === 0 || busy} onClick={() => onRun(changes)}>
          {busy ? 'Running…' : '▶ Run what-if'}
        </button>
        <button
          type="button"
          disabled={!result && changes.length === 0}
          onClick={() => {
            setChanges([]);
            onReset();
          }}
        >
          Back to the setup as it is
        </button>
      </div>
      {error && (
        <div class="error" role="alert">
          <p>✗ {error.message}</p>
          <ul>
            {error.problems.map((p, i) => (
              <li key={i}>
                {p.field !== undefined ? `${p.field}: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result && <WhatifResult result={result} onResource={onResource} />}
    </div>
  );
}

function WhatifResult({ result, onResource }: { result: WhatifView; onResource: (id: string) => void }) {
  const s = result.sessions;
  return (
    <section class="whatif-result" aria-live="polite" aria-label="What-if result">
      <h4>
        ◆ {result.changedCount.toLocaleString()} {result.changedCount === 1 ? 'cell changes' : 'cells change'}
      </h4>
      {result.changed.length > 0 && (
        <ul class="changed-cells">
          {result.changed.slice(0, 200).map((c, i) => {
            const [a, b] = [OUTCOME_LOOK[c.before], OUTCOME_LOOK[c.after]];
            return (
              <li key={i} data-client={c.client} data-workspace={c.workspace} data-after={c.after}>
                {c.client} → {c.workspace}:{' '}
                <span class={`tone-${a.tone}`}>
                  {a.icon} {c.before}
                </span>{' '}
                →{' '}
                <span class={`tone-${b.tone}`}>
                  {b.icon} {c.after}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <h4>
        Running sessions: {s.running.toLocaleString()}, of which {s.droppingCount.toLocaleString()} would drop
      </h4>
      {s.dropping.length > 0 ? (
        <ul class="dropping">
          {s.dropping.slice(0, 200).map((d, i) => (
            <li key={i}>
              <span class="tone-bad">✗</span>{' '}
              <button type="button" class="linkish" onClick={() => onResource(d.client)}>
                {d.client}
              </button>{' '}
              → {d.workspace}: {d.reason}
              {d.inferred ? ' (inferred)' : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">
          {s.running > 0
            ? 'Every running session keeps going; the changes apply to new sessions (see the cells above).'
            : 'No session is connected before the changes.'}
        </p>
      )}
    </section>
  );
}
