// The report's backend: the model and the views computed when the report was written are embedded in the page;
// a trace or a what-if runs the same engine here, in the page, on first use.
import { InputError } from '../../src/diagnostics.js';
import type { Model } from '../../src/model/types.js';
import type { CheckPolicy } from '../../src/rules/policy.js';
import { Dashboard } from '../../src/web/dashboard.js';
import type { Snapshot } from '../../src/web/types.js';
import { BackendError, type Backend } from './backend.js';

/** What `wspl report --html` embeds (src/web/report-html.ts writes it). */
export interface Embedded {
  source: string;
  loadedAt: string;
  model: Model;
  policy: CheckPolicy;
  docs: { rules: Record<string, string>; outcomes: Record<string, string> };
  snapshot: Snapshot;
}

export function inlineBackend(data: Embedded): Backend {
  let dashboard: Dashboard | undefined;
  const engine = () =>
    (dashboard ??= new Dashboard(data.model, {
      source: data.source,
      refreshable: false,
      policy: data.policy,
      loadedAt: data.loadedAt,
      docs: { rule: (id) => data.docs.rules[id], outcome: (id) => data.docs.outcomes[id] },
    }));
  // Let the page paint its "working" state before the engine takes the thread.
  const later = <T>(f: () => T) =>
    new Promise<T>((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(f());
        } catch (e) {
          reject(
            e instanceof InputError
              ? new BackendError(e.message, e.diagnostics)
              : e instanceof Error
                ? e
                : new Error(String(e)),
          );
        }
      }, 0),
    );
  return {
    kind: 'report',
    load: () => {
      const s = data.snapshot;
      return {
        overview: Promise.resolve(s.overview),
        topology: Promise.resolve(s.topology),
        layout: Promise.resolve(s.layout),
        matrix: Promise.resolve(s.matrix),
        findings: Promise.resolve(s.findings),
        suggestions: Promise.resolve(s.suggestions),
      };
    },
    trace: (client, workspace, changes) =>
      later(() => {
        const view = engine().trace(client, workspace, changes);
        if (!view) throw new BackendError(`no cell for ${client} × ${workspace}`);
        return view;
      }),
    whatif: (changes) => later(() => engine().whatif(changes)),
    doc: (kind, id) => {
      const markdown = kind === 'rules' ? data.docs.rules[id] : data.docs.outcomes[id];
      return Promise.resolve(markdown !== undefined ? { id, markdown } : undefined);
    },
  };
}
