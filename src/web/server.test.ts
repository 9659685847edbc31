// The dashboard's API through app.request(): no socket, no browser.
import { describe, expect, it } from 'vitest';
import { readBundle } from './assets.js';
import { loopbackHosts } from './guard.js';
import { createApp } from './server.js';
import { dashboardOf } from './testing/examples.js';
import type { FindingsView, MatrixView, Snapshot, TraceView, WhatifView } from './types.js';

const PORT = 40123;
const BASE = `http://127.0.0.1:${PORT}`;
const page = new Map([
  ['/index.html', { body: new TextEncoder().encode('<!doctype html><title>wspl</title>'), type: 'text/html' }],
  ['/assets/app.js', { body: new TextEncoder().encode('console.log(1)'), type: 'text/javascript' }],
]);

function app(reload?: () => Promise<ReturnType<typeof dashboardOf>>) {
  return createApp(dashboardOf('seed-tokyo'), {
    allowedHosts: () => loopbackHosts(PORT),
    files: page,
    ...(reload ? { reload } : {}),
  });
}

const json = async <T>(r: Response) => (await r.json()) as T;
const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) => ({
  method: 'POST',
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('who may ask', () => {
  const a = app();
  it('answers to 127.0.0.1:PORT and localhost:PORT', async () => {
    expect((await a.request(`${BASE}/api/overview`)).status).toBe(200);
    expect((await a.request(`http://localhost:${PORT}/api/overview`)).status).toBe(200);
  });

  it.each([
    ['a foreign Host header', { host: 'evil.example:80' }],
    ['a rebinding name on the right port', { host: `attacker.example:${PORT}` }],
    ['the right host on another port', { host: '127.0.0.1:1' }],
    ['a foreign Origin', { host: `127.0.0.1:${PORT}`, origin: 'http://evil.example' }],
    ['an Origin with the port missing', { host: `127.0.0.1:${PORT}`, origin: 'http://127.0.0.1' }],
  ])('refuses %s with 403', async (_what, headers) => {
    for (const path of ['/api/snapshot', '/', '/api/whatif']) {
      const r = await a.request(`${BASE}${path}`, { headers });
      expect(r.status, path).toBe(403);
      expect(await r.text()).toMatch(/^403: /);
    }
  });

  it('lets the page itself post (same Origin)', async () => {
    const r = await a.request(
      `${BASE}/api/whatif`,
      post(
        { changes: ['set:vpcs.vpc1.instances.nat.state=stopped'] },
        {
          'content-type': 'application/json',
          origin: BASE,
        },
      ),
    );
    expect(r.status).toBe(200);
  });
});

describe('the page', () => {
  const a = app();
  it('serves the built page with a strict content policy, and nothing else', async () => {
    const r = await a.request(`${BASE}/`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html');
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'.*connect-src 'self'/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await (await a.request(`${BASE}/assets/app.js`)).text()).toBe('console.log(1)');
    expect((await a.request(`${BASE}/../package.json`)).status).toBe(404);
    expect((await a.request(`${BASE}/assets/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });

  it('is built (npm ci runs Vite) and loads nothing from elsewhere', () => {
    const built = readBundle('app');
    const html = new TextDecoder().decode(built.get('/index.html')?.body);
    const local = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(local.filter((u) => u.startsWith('./assets/'))).toHaveLength(2);
    const own = (u: string) => u.startsWith('./assets/') || u.startsWith('api/') || u === 'data:,';
    expect(local.every(own), local.join(' ')).toBe(true);
    for (const [path, file] of built) {
      const text = new TextDecoder().decode(file.body);
      // A remote script, style, font or fetch would show as a URL in one of these forms.
      expect(text, path).not.toMatch(
        /(?:src|href)=["']https?:|url\(["']?https?:|import\(["']https?:|fetch\(["']https?:/,
      );
    }
  });
});

describe('the API', () => {
  const a = app();

  it('snapshot: overview, topology, matrix, findings and suggestions in one answer', async () => {
    const r = await a.request(`${BASE}/api/snapshot`);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const s = await json<Snapshot>(r);
    expect(s.overview).toMatchObject({ source: 'examples/seed-tokyo.yaml', refreshable: true });
    expect(s.overview.counts).toMatchObject({ vpcs: 2, clients: 2, workspaces: 2 });
    expect(s.overview.outcomes).toEqual({ CONNECTED: 1, RESOURCE_NOT_FOUND: 2, NO_REACHABLE_ENDPOINT: 1 });
    expect(s.topology.nodes.some((n) => n.id === 'eni:vpc1/streaming#10.0.21.217')).toBe(true);
    expect(s.suggestions.length).toBeGreaterThan(0);
  });

  it('matrix: the home client cannot reach the endpoint', async () => {
    const m = await json<MatrixView>(await a.request(`${BASE}/api/matrix`));
    const c = m.clients.findIndex((x) => x.id === 'home');
    const w = m.workspaces.findIndex((x) => x.id === 'dcv-desktop');
    expect(m.kinds[m.cells[c * m.workspaces.length + w]!]?.outcome).toBe('NO_REACHABLE_ENDPOINT');
  });

  it('trace: one cell, drawn on the picture; bad or unknown cells say why', async () => {
    const t = await json<TraceView>(await a.request(`${BASE}/api/trace?client=home&workspace=dcv-desktop`));
    expect(t.trace.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(t.blockers.map((b) => b.blocker.ruleId)).toEqual(['client-dns-resolution', 'client-route-to-endpoint']);
    expect(t.blockers[0]?.fix).toMatch(/inbound resolver endpoint/);
    const missing = await a.request(`${BASE}/api/trace?client=home`);
    expect(missing.status).toBe(400);
    const unknown = await a.request(`${BASE}/api/trace?client=nobody&workspace=dcv-desktop`);
    expect(unknown.status).toBe(404);
    expect((await json<{ error: string }>(unknown)).error).toMatch(/nobody/);
  });

  it('trace after what-if changes', async () => {
    const q = new URLSearchParams({ client: 'ec2-client', workspace: 'dcv-desktop' });
    q.append('change', 'set:vpcs.vpc1.instances.nat.state=stopped');
    const t = await json<TraceView>(await a.request(`${BASE}/api/trace?${q.toString()}`));
    expect(t.trace.outcome).toBe('REGISTRATION_FAILED');
  });

  it('findings: check, each linked to the picture', async () => {
    const f = await json<FindingsView>(await a.request(`${BASE}/api/findings`));
    expect(f.findings.find((x) => x.rule === 'streaming-endpoint-multi-az')?.nodes).toEqual([
      'eni:vpc1/streaming#10.0.21.217',
    ]);
  });

  it('topology answers on its own', async () => {
    const r = await a.request(`${BASE}/api/topology`);
    expect(r.status).toBe(200);
  });

  it('whatif: stopping the NAT turns the EC2 client red; running sessions continue', async () => {
    const r = await a.request(`${BASE}/api/whatif`, post({ changes: ['set:vpcs.vpc1.instances.nat.state=stopped'] }));
    const w = await json<WhatifView>(r);
    expect(w.changed.map((c) => [c.client, c.workspace, c.after])).toEqual([
      ['ec2-client', 'dcv-desktop', 'REGISTRATION_FAILED'],
      ['ec2-client', 'pcoip-desktop', 'REGISTRATION_FAILED'],
    ]);
    expect(w.sessions.droppingCount).toBe(0);
  });

  it.each([
    ['not JSON', 'changes', { 'content-type': 'text/plain' }, 400, /application\/json/],
    ['broken JSON', '{', { 'content-type': 'application/json' }, 400, /expected \{"changes"/],
    ['no list', { changes: 'set:x=1' }, { 'content-type': 'application/json' }, 400, /list of strings/],
    ['an empty list', { changes: [] }, { 'content-type': 'application/json' }, 400, /at least one/],
    [
      'a path that is not there',
      { changes: ['set:vpcs.nope.x=1'] },
      { 'content-type': 'application/json' },
      422,
      /vpcs\.nope does not exist/,
    ],
    [
      'bad syntax',
      { changes: ['stop the nat'] },
      { 'content-type': 'application/json' },
      422,
      /expected set:PATH=VALUE/,
    ],
  ])('whatif refuses %s', async (_what, body, headers, status, message) => {
    const r = await a.request(`${BASE}/api/whatif`, post(body, headers));
    expect(r.status).toBe(status);
    expect((await json<{ error: string }>(r)).error).toMatch(message);
  });

  it('whatif names the field of a change the design file does not have', async () => {
    const r = await a.request(`${BASE}/api/whatif`, post({ changes: ['set:vpcs.vpc1.instances.nat.colour=blue'] }));
    expect(r.status).toBe(422);
    const body = await json<{ diagnostics: { field: string }[] }>(r);
    expect(body.diagnostics[0]?.field).toBe('vpcs.vpc1.instances.nat.colour');
  });

  it('rule and outcome pages, and only those', async () => {
    const rule = await a.request(`${BASE}/api/docs/rules/client-dns-resolution`);
    expect((await json<{ markdown: string }>(rule)).markdown).toMatch(/^# client-dns-resolution/);
    const outcome = await a.request(`${BASE}/api/docs/outcomes/NO_REACHABLE_ENDPOINT`);
    expect(outcome.status).toBe(200);
    for (const path of ['rules/README', 'rules/..%2F..%2Fpackage', 'rules/nope', 'other/x', 'outcomes/CONNECTED.md'])
      expect((await a.request(`${BASE}/api/docs/${path}`)).status, path).toBe(404);
    expect((await a.request(`${BASE}/api/nope`)).status).toBe(404);
  });
});

describe('refresh', () => {
  it('reads the source again and answers from the new setup', async () => {
    let reads = 0;
    const a = app(() => {
      reads++;
      return Promise.resolve(dashboardOf('office-tgw'));
    });
    const r = await a.request(`${BASE}/api/refresh`, { method: 'POST' });
    expect(r.status).toBe(200);
    expect(reads).toBe(1);
    const m = await json<MatrixView>(await a.request(`${BASE}/api/matrix`));
    expect(m.clients.map((c) => c.id)).toEqual(['office-pc']);
  });

  it('keeps the old setup when the source no longer reads, and says why', async () => {
    const { InputError } = await import('../diagnostics.js');
    const a = app(() =>
      Promise.reject(
        new InputError('cannot read x.yaml', [
          { severity: 'error', code: 'yaml-syntax', file: 'x.yaml', line: 3, message: 'bad' },
        ]),
      ),
    );
    const r = await a.request(`${BASE}/api/refresh`, { method: 'POST' });
    expect(r.status).toBe(422);
    expect((await json<{ diagnostics: unknown[] }>(r)).diagnostics).toHaveLength(1);
    const m = await json<MatrixView>(await a.request(`${BASE}/api/matrix`));
    expect(m.clients.map((c) => c.id)).toEqual(['ec2-client', 'home']);
  });

  it('says so when the source cannot be read again', async () => {
    expect((await app().request(`${BASE}/api/refresh`, { method: 'POST' })).status).toBe(409);
  });
});
