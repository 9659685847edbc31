// `wspl serve`: the dashboard's page and its JSON API, on 127.0.0.1 only. The API answers from a Dashboard (pure
// computation over one model); `refresh` reads the source again and swaps the Dashboard when the new one loads.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { InputError, type Diagnostic } from '../diagnostics.js';
import type { StaticFile } from './assets.js';
import type { Dashboard } from './dashboard.js';
import { hostGuard, loopbackHosts } from './guard.js';

export interface AppOptions {
  /** The Host values this server answers to (see guard.ts). */
  allowedHosts: () => ReadonlySet<string>;
  /** Reads the source again; absent when it cannot be read again. */
  reload?: () => Promise<Dashboard>;
  /** The built page (web-dist/app); absent in API-only tests. */
  files?: Map<string, StaticFile>;
}

const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MAX_CHANGES = 50;

const JSON_TYPE = { 'Content-Type': 'application/json' };

/** The views that do not change while a Dashboard lives, each written out once (megabytes at 500,000 cells). */
export const VIEWS = ['topology', 'matrix', 'findings', 'suggestions'] as const;
type View = (typeof VIEWS)[number];
const written = new WeakMap<Dashboard, Map<View, string>>();

export function viewJson(dashboard: Dashboard, view: View): string {
  let cache = written.get(dashboard);
  if (!cache) written.set(dashboard, (cache = new Map<View, string>()));
  let text = cache.get(view);
  if (text === undefined) {
    const value =
      view === 'topology'
        ? dashboard.topology
        : view === 'matrix'
          ? dashboard.matrix
          : view === 'findings'
            ? dashboard.findings()
            : dashboard.suggestions();
    text = JSON.stringify(value);
    cache.set(view, text);
  }
  return text;
}

const laidOut = new WeakMap<Dashboard, Promise<string>>();

function layoutJson(dashboard: Dashboard): Promise<string> {
  let text = laidOut.get(dashboard);
  if (!text) laidOut.set(dashboard, (text = dashboard.layout().then((l) => JSON.stringify(l))));
  return text;
}

/** Lays out the first picture and writes every view out now, so the first page load waits for neither. */
export async function prepareViews(dashboard: Dashboard): Promise<Dashboard> {
  for (const view of VIEWS) viewJson(dashboard, view);
  await layoutJson(dashboard);
  return dashboard;
}

function problem(c: Context, status: 400 | 404 | 409 | 422 | 500, error: string, diagnostics: Diagnostic[] = []) {
  return c.json({ error, diagnostics }, status);
}

function changesOf(body: unknown): string[] | string {
  if (body === null || typeof body !== 'object' || !('changes' in body)) return 'expected {"changes": ["set:…", …]}';
  const changes = body.changes;
  if (!Array.isArray(changes) || !changes.every((x) => typeof x === 'string'))
    return '"changes" must be a list of strings';
  if (changes.length === 0) return 'give at least one change';
  if (changes.length > MAX_CHANGES) return `at most ${MAX_CHANGES} changes at once`;
  return changes;
}

export function createApp(initial: Dashboard, options: AppOptions): Hono {
  let dashboard = initial;
  let reloading: Promise<Dashboard> | undefined;
  const app = new Hono();

  app.use('*', hostGuard(options.allowedHosts));
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
    else c.header('Content-Security-Policy', PAGE_POLICY);
  });
  app.onError((e, c) => {
    if (e instanceof InputError) return problem(c, 422, e.message, e.diagnostics);
    return problem(c, 500, `internal error: ${e.message}`);
  });

  app.get('/api/snapshot', async (c) => c.json(await dashboard.snapshot()));
  app.get('/api/overview', (c) => c.json(dashboard.overview()));
  for (const part of VIEWS) app.get(`/api/${part}`, (c) => c.body(viewJson(dashboard, part), 200, JSON_TYPE));
  app.get('/api/layout', async (c) => c.body(await layoutJson(dashboard), 200, JSON_TYPE));
  app.get('/api/trace', (c) => {
    const client = c.req.query('client');
    const workspace = c.req.query('workspace');
    if (client === undefined || workspace === undefined)
      return problem(c, 400, 'give ?client=NAME&workspace=NAME (and &change=CHANGE… for a what-if)');
    const changes = c.req.queries('change') ?? [];
    if (changes.length > MAX_CHANGES) return problem(c, 400, `at most ${MAX_CHANGES} changes at once`);
    const view = dashboard.trace(client, workspace, changes);
    if (!view) return problem(c, 404, `no cell for client "${client}" and WorkSpace "${workspace}"`);
    return c.json(view);
  });
  app.post('/api/whatif', async (c) => {
    if (!(c.req.header('content-type') ?? '').startsWith('application/json'))
      return problem(c, 400, 'send the changes as application/json');
    const body: unknown = await c.req.json().catch(() => undefined);
    const changes = changesOf(body);
    if (typeof changes === 'string') return problem(c, 400, changes);
    return c.json(dashboard.whatif(changes));
  });
  app.post('/api/refresh', async (c) => {
    if (!options.reload) return problem(c, 409, 'this source cannot be read again');
    reloading ??= options.reload().finally(() => (reloading = undefined));
    dashboard = await reloading;
    return c.json(dashboard.overview());
  });
  app.get('/api/docs/:kind/:id', (c) => {
    const kind = c.req.param('kind');
    if (kind !== 'rules' && kind !== 'outcomes') return problem(c, 404, `no such page kind "${kind}"`);
    const page = dashboard.doc(kind, c.req.param('id'));
    return page ? c.json(page) : problem(c, 404, `no page "${c.req.param('id')}"`);
  });
  app.all('/api/*', (c) => problem(c, 404, `no API at ${c.req.method} ${c.req.path}`));

  app.get('*', (c) => {
    const file = options.files?.get(c.req.path === '/' ? '/index.html' : c.req.path);
    if (!file) return c.text('404: not found\n', 404);
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': file.type });
  });
  return app;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (never another interface). Port 0 picks a free port. */
export async function startServer(
  dashboard: Dashboard,
  options: Omit<AppOptions, 'allowedHosts'> & { port: number },
): Promise<RunningServer> {
  let hosts: ReadonlySet<string> = new Set();
  const app = createApp(dashboard, { ...options, allowedHosts: () => hosts });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port });
    s.once('listening', () => resolve(s));
    s.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new InputError(`port ${options.port} on 127.0.0.1 is in use: pick another with --port N`, [], 'port-in-use')
          : e,
      ),
    );
  });
  const port = (server.address() as AddressInfo).port;
  hosts = loopbackHosts(port);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
