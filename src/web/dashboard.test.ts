import { describe, expect, it } from 'vitest';
import { InputError } from '../diagnostics.js';
import { changeApplier } from '../sources/changes.js';
import { predictMatrix } from '../workspaces/matrix.js';
import { suggestChanges } from './suggestions.js';
import { dashboardOf, example } from './testing/examples.js';
import type { MatrixView } from './types.js';

function cell(m: MatrixView, client: string, workspace: string) {
  const c = m.clients.findIndex((x) => x.id === client);
  const w = m.workspaces.findIndex((x) => x.id === workspace);
  return m.kinds[m.cells[c * m.workspaces.length + w] ?? -1];
}

describe('the matrix view', () => {
  it.each(['seed-tokyo', 'office-tgw', 'hub-spoke'])('%s: every cell says what `wspl matrix` says', (name) => {
    const d = dashboardOf(name);
    const traces = predictMatrix(d.model);
    expect(d.matrix.cells).toHaveLength(traces.length);
    for (const t of traces) {
      expect(cell(d.matrix, t.client, t.workspace), `${t.client} × ${t.workspace}`).toMatchObject({
        outcome: t.outcome,
        path: t.path,
      });
      if (t.endpoint) expect(cell(d.matrix, t.client, t.workspace)?.port).toBe(t.endpoint.port);
    }
  });

  it('says why in one line: the first blocker, or how it connects', () => {
    const m = dashboardOf('seed-tokyo').matrix;
    expect(cell(m, 'home', 'dcv-desktop')?.cause).toMatch(/^home: public DNS cannot resolve .*\(\+1 more\)$/);
    expect(cell(m, 'ec2-client', 'dcv-desktop')?.cause).toBe('privatelink QUIC 4195 to 10.0.21.217');
  });
});

describe('what-if over the whole matrix (seed 4-5)', () => {
  it('stopping the NAT turns both EC2 cells into REGISTRATION_FAILED; the running stream goes on (inferred)', () => {
    const w = dashboardOf('seed-tokyo').whatif(['set:vpcs.vpc1.instances.nat.state=stopped']);
    expect(w.changed).toEqual([
      { client: 'ec2-client', workspace: 'dcv-desktop', before: 'CONNECTED', after: 'REGISTRATION_FAILED' },
      { client: 'ec2-client', workspace: 'pcoip-desktop', before: 'RESOURCE_NOT_FOUND', after: 'REGISTRATION_FAILED' },
    ]);
    expect(w.changedCount).toBe(2);
    expect(w.sessions).toEqual({ running: 1, dropping: [], droppingCount: 0 });
    expect(w.topology.nodes.find((n) => n.id === 'instance:vpc1/nat')?.inactive).toBe('stopped');
  });

  it('taking the endpoint off the directory keeps the session; deleting the endpoint then cuts it', () => {
    const d = dashboardOf('seed-tokyo');
    const off = d.whatif(['set:directories.corp.streamingEndpoint=null']);
    expect(off.sessions.droppingCount).toBe(0);
    const deleted = d.whatif(['set:directories.corp.streamingEndpoint=null', 'delete:vpcs.vpc1.endpoints.streaming']);
    expect(deleted.sessions.dropping).toEqual([
      expect.objectContaining({ client: 'ec2-client', workspace: 'dcv-desktop', inferred: false }),
    ]);
    expect(deleted.sessions.dropping[0]?.reason).toMatch(/no longer exists.*observed in seed 4-5/);
  });

  it('traces a cell in the changed setup', () => {
    const v = dashboardOf('seed-tokyo').trace('ec2-client', 'dcv-desktop', [
      'set:vpcs.vpc1.instances.nat.state=stopped',
    ]);
    expect(v?.trace.outcome).toBe('REGISTRATION_FAILED');
    expect(v?.blockers.flatMap((b) => b.nodes)).toContain('instance:vpc1/nat');
  });

  it('refuses a change that does not apply, naming the field', () => {
    const d = dashboardOf('seed-tokyo');
    expect(() => d.whatif(['set:vpcs.vpc9.instances.nat.state=stopped'])).toThrow(/vpcs\.vpc9 does not exist/);
    try {
      d.whatif(['set:vpcs.vpc1.instances.nat.colour=blue']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).diagnostics[0]).toMatchObject({ field: 'vpcs.vpc1.instances.nat.colour' });
      expect((e as InputError).diagnostics[0]?.message).toMatch(/colour/);
    }
  });
});

describe('suggested changes', () => {
  it.each(['seed-tokyo', 'office-tgw', 'hub-spoke'])('%s: every suggestion applies as written', (name) => {
    const model = example(name);
    const suggestions = suggestChanges(model);
    expect(suggestions.length).toBeGreaterThan(5);
    for (const s of suggestions) expect(() => changeApplier(model, name)(s.change), s.change).not.toThrow();
  });

  it('offers the seed changes by name', () => {
    const changes = suggestChanges(example('seed-tokyo')).map((s) => s.change);
    expect(changes).toEqual(
      expect.arrayContaining([
        'set:vpcs.vpc1.instances.nat.state=stopped',
        'set:directories.corp.streamingEndpoint=null',
        'set:vpcs.vpc1.endpoints.streaming.state=deleted',
        'set:directories.corp.pcoipOverInternet=true',
        'delete:vpcs.vpc1.securityGroups.endpoint-sg.ingress.3',
        'delete:vpcs.vpc1.routeTables.private."0.0.0.0/0"',
      ]),
    );
  });
});

describe('findings', () => {
  it('links each finding of check to its resource on the picture', () => {
    const f = dashboardOf('seed-tokyo').findings();
    expect(f.findings.find((x) => x.rule === 'pcoip-workspaces-unreachable')?.nodes).toEqual(['directory:corp']);
    expect(f.findings.find((x) => x.rule === 'internet-clients-cut-off')?.nodes).toEqual(['client:home']);
    expect(f.counts.error).toBeGreaterThan(0);
    expect(f.rules.map((r) => r.id)).toContain('client-dns-resolution');
  });
});
