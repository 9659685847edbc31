// Where the page gets its data. Served by `wspl serve`, it asks the server's API; opened from a report file, it
// computes in the page (inline-backend.ts). The views do not know which.
import type { DocPage, Overview, Snapshot, TraceView, WhatifView } from '../../src/web/types.js';

/** The views, each as it arrives: the picture needs only the overview and the topology to be drawn. */
export type Parts = { [K in keyof Snapshot]: Promise<Snapshot[K]> };

export interface Problem {
  message: string;
  field?: string;
  code?: string;
}

/** A request the backend refused, with the reasons it gave (a bad what-if change names the field). */
export class BackendError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

export interface Backend {
  kind: 'server' | 'report';
  load(): Parts;
  /** One cell's trace, in the setup as it is or after what-if changes. */
  trace(client: string, workspace: string, changes: string[]): Promise<TraceView>;
  whatif(changes: string[]): Promise<WhatifView>;
  /** Reads the source again (the server only). */
  refresh?: () => Promise<Overview>;
  doc(kind: 'rules' | 'outcomes', id: string): Promise<DocPage | undefined>;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body: unknown = await response.json().catch(() => undefined);
  const failure =
    body !== null && typeof body === 'object' && 'error' in body
      ? (body as { error: unknown; diagnostics?: Problem[] })
      : undefined;
  if (!response.ok || body === undefined || failure)
    throw new BackendError(
      typeof failure?.error === 'string' ? failure.error : `${response.status} ${response.statusText}`,
      failure?.diagnostics ?? [],
    );
  return body as T;
}

export function httpBackend(): Backend {
  return {
    kind: 'server',
    load: () => {
      // The picture's data first; the matrix, the findings and the suggestions (megabytes on a large estate) are
      // asked for once it is in, so they do not compete with it for the network and the page's thread.
      const overview = call<Overview>('api/overview');
      const topology = call<Snapshot['topology']>('api/topology');
      const layout = call<Snapshot['layout']>('api/layout');
      const picture = Promise.allSettled([topology, layout]);
      const after = <T>(path: string) => picture.then(() => call<T>(path));
      return {
        overview,
        topology,
        layout,
        matrix: after<Snapshot['matrix']>('api/matrix'),
        findings: after<Snapshot['findings']>('api/findings'),
        suggestions: after<Snapshot['suggestions']>('api/suggestions'),
      };
    },
    trace: (client, workspace, changes) => {
      const query = new URLSearchParams({ client, workspace });
      for (const c of changes) query.append('change', c);
      return call<TraceView>(`api/trace?${query.toString()}`);
    },
    whatif: (changes) =>
      call<WhatifView>('api/whatif', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ changes }),
      }),
    refresh: () => call<Overview>('api/refresh', { method: 'POST' }),
    doc: async (kind, id) => {
      try {
        return await call<DocPage>(`api/docs/${kind}/${encodeURIComponent(id)}`);
      } catch {
        return undefined;
      }
    },
  };
}
