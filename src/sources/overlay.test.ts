import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types.js';
import { traceConnection } from '../workspaces/trace.js';
import { loadSource } from './index.js';
import { applyOverlay } from './overlay.js';

const dir = mkdtempSync(join(tmpdir(), 'wspl-overlay-'));
function overlayFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The seed as a template source would give it: no protocols, names only by construct path. */
async function templateLikeSeed(): Promise<Model> {
  const m = await loadSource('examples/seed-tokyo.yaml');
  return {
    ...m,
    clients: [],
    workspaces: m.workspaces.map(({ protocol: _unknown, ...w }) => ({
      ...w,
      prov: { ...w.prov, constructPath: `Seed/${w.id}/Resource` },
    })),
    instances: m.instances.map((i) => ({ ...i, prov: { ...i.prov, constructPath: `Seed/${i.name}/Resource` } })),
  };
}

describe('overlays', () => {
  it('leave a WorkSpace whose protocol no source states UNKNOWN, naming the fact', async () => {
    const m = await templateLikeSeed();
    m.clients = (await loadSource('examples/seed-tokyo.yaml')).clients;
    const t = traceConnection(m, 'ec2-client', 'dcv-desktop');
    expect(t.outcome).toBe('UNKNOWN');
    expect(t.missing.join(' ')).toContain('dcv-desktop: streaming protocol');
  });

  it('add clients and state protocols, naming resources by construct path', async () => {
    const file = overlayFile(
      'seed.overlay.yaml',
      [
        'clients:',
        '  ec2-client: { at: Seed/client, version: "5.29.1" }',
        '  home: { at: internet, publicIp: 198.51.100.7 }',
        'workspaces:',
        '  Seed/dcv-desktop: { protocol: dcv }',
        '  pcoip-desktop: { protocol: pcoip }',
        '',
      ].join('\n'),
    );
    const r = applyOverlay(await templateLikeSeed(), file);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const client = r.model.clients.find((c) => c.id === 'ec2-client');
    expect(client?.at).toEqual({ kind: 'vpc', vpc: 'vpc1', subnet: 'vpc1/client-a', instance: 'vpc1/client' });
    expect(client?.prov).toMatchObject({ file, line: 2 });
    const ws = r.model.workspaces.find((w) => w.id === 'dcv-desktop');
    expect(ws?.protocol).toBe('dcv');
    expect(ws?.prov.fields?.protocol).toEqual({ line: 5, file });
    expect(traceConnection(r.model, 'ec2-client', 'dcv-desktop').outcome).toBe('CONNECTED');
    expect(traceConnection(r.model, 'home', 'pcoip-desktop').outcome).toBe('RESOURCE_NOT_FOUND');
  });

  it('change only the directory fields it states', async () => {
    const base = await loadSource('examples/seed-tokyo.yaml');
    const file = overlayFile('dir.overlay.yaml', 'directories:\n  corp: { pcoipOverInternet: true }\n');
    const r = applyOverlay(base, file);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const before = base.directories[0];
    const after = r.model.directories[0];
    expect(after).toEqual({
      ...before,
      pcoipOverInternet: true,
      prov: { ...before?.prov, fields: { pcoipOverInternet: { line: 2, file } } },
    });
  });

  it('refuse unknown names and fields with file, line and field', async () => {
    const base = await loadSource('examples/seed-tokyo.yaml');
    const file = overlayFile(
      'bad.overlay.yaml',
      'directories:\n  nope: { pcoipOverInternet: true }\nclients:\n  x: { at: vpc9/pc }\npeerings: {}\n',
    );
    const r = applyOverlay(base, file);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => `${String(d.line)} ${d.code} ${d.field ?? ''}`)).toEqual([
      '5 unknown-key peerings',
    ]);
    const r2 = applyOverlay(
      base,
      overlayFile(
        'bad2.overlay.yaml',
        'directories:\n  nope: { pcoipOverInternet: true }\nclients:\n  x: { at: vpc9/pc }\n',
      ),
    );
    expect(r2.diagnostics.map((d) => `${String(d.line)} ${d.code} ${d.field ?? ''}`).sort()).toEqual([
      '2 unknown-reference directories.nope',
      '4 unknown-reference clients.x.at',
    ]);
  });
});
