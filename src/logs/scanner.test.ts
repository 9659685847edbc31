import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAt, fixtureText, PRIVATE_HOST } from './fixtures.test-helpers.js';
import { scanChunks } from './scanner.js';
import type { LogEvent } from './events.js';

const scan = (text: string | Buffer, name = 'x.log') =>
  scanChunks([Buffer.isBuffer(text) ? text : Buffer.from(text)], name);
const ep = (transport: 'QUIC' | 'TCP', port: number) => ({ hostname: PRIVATE_HOST, transport, port });
const ALL_FOUR = [ep('QUIC', 4195), ep('QUIC', 443), ep('TCP', 4195), ep('TCP', 443)];

describe('the seed fixtures', () => {
  it('4-2: CONNECTED over PrivateLink with QUIC 4195, 4 offered and 4 reachable', () => {
    const r = scan(fixtureText('connected'));
    expect(r.sessions).toHaveLength(1);
    const s = r.sessions[0]!;
    expect(s).toMatchObject({
      id: 'prod-ap-northeast-1-7f73a8ab-a674-49a0-81e8-465b2e99c9f1',
      protocol: 'WSP',
      start: '2025-08-28T04:29:37.292Z',
      path: 'privatelink',
      region: 'ap-northeast-1',
      clientVersion: '5.29.1.5595',
      outcome: 'CONNECTED',
      offered: ALL_FOUR,
      reachable: ALL_FOUR,
      chosen: ep('QUIC', 4195),
      inferred: [],
    });
    // The start entry and its .WSP. continuation block, the supported list, both reachable lists, the attempt.
    expect(s.lines.map((l) => l.line)).toEqual([
      1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 24, 25,
    ]);
    expect(r.diagnoses).toEqual([]);
    expect(r.stats).toMatchObject({ lines: 25, entries: 21, continuation: 4, unknown: 0, garbage: 0, unparsed: 0 });
  });

  it('4-3: NO_REACHABLE_ENDPOINT on the private path, with the no-reachable-endpoint diagnosis', () => {
    const r = scan(fixtureText('noReachable'));
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]).toMatchObject({
      id: 'prod-ap-northeast-1-af1a279d-fefe-4a61-ad99-ae0c5534d9ad',
      protocol: 'WSP',
      inferred: ['protocol'],
      path: 'privatelink',
      offered: ALL_FOUR,
      reachable: [],
      chosen: null,
      outcome: 'NO_REACHABLE_ENDPOINT',
    });
    expect(r.diagnoses.map((d) => [d.code, d.severity, d.inferred])).toEqual([
      ['no-reachable-endpoint', 'error', false],
    ]);
    const d = r.diagnoses[0]!;
    expect(d.session).toBe('prod-ap-northeast-1-af1a279d-fefe-4a61-ad99-ae0c5534d9ad');
    expect(d.lines.map((l) => l.line)).toEqual([3, 4, 5, 6, 7]);
    expect(d.message).toMatch(/routes to the endpoint VPC/);
    expect(d.message).toMatch(/remove the streaming endpoint/);
  });

  it('4-4: RESOURCE_NOT_FOUND on a PCoIP connect, with pcoip-blocked-by-streaming-endpoint', () => {
    const r = scan(fixtureText('pcoip'));
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]).toMatchObject({
      id: 'd6df764d-65e9-4abd-8882-98d2bfd6cbbc',
      protocol: 'PCOIP',
      path: null,
      offered: [],
      outcome: 'RESOURCE_NOT_FOUND',
      brokerError: 'RESOURCE_NOT_FOUND',
    });
    expect(r.sessions[0]!.lines.map((l) => l.line)).toEqual([1, 3, 4]);
    expect(r.diagnoses.map((d) => [d.code, d.inferred])).toEqual([['pcoip-blocked-by-streaming-endpoint', true]]);
  });

  it('reads the three excerpts in one stream as three sessions in log order', () => {
    const r = scan(fixtureText('connected') + fixtureText('noReachable') + fixtureText('pcoip'));
    expect(r.sessions.map((s) => s.outcome)).toEqual(['CONNECTED', 'NO_REACHABLE_ENDPOINT', 'RESOURCE_NOT_FOUND']);
  });

  it('hands sessions on in the order they started, even when an earlier one never ends', () => {
    // A session that only got its offer (no result), then two complete ones.
    const offerOnly = fixtureText('connected').split('\n').slice(0, 12).join('\n') + '\n';
    const order: string[] = [];
    scanChunks([Buffer.from(offerOnly + fixtureText('pcoip') + fixtureText('noReachable'))], 'x', {
      onSession: (s) => order.push(s.outcome),
    });
    expect(order).toEqual(['INCOMPLETE', 'RESOURCE_NOT_FOUND', 'NO_REACHABLE_ENDPOINT']);
  });

  it('closes an undecided session once many later sessions have started, so memory stays bounded', () => {
    const offerOnly = fixtureText('connected').split('\n').slice(0, 12).join('\n') + '\n';
    let pcoip = '';
    for (let i = 0; i < 100; i++) pcoip += fixtureText('pcoip').replaceAll('d6df764d', String(10000000 + i));
    let events = 0;
    let eventsWhenClosed = -1;
    const outcomes: string[] = [];
    scanChunks([Buffer.from(offerOnly + pcoip)], 'x', {
      onEvent: () => events++,
      onSession: (s) => {
        if (s.outcome === 'INCOMPLETE') eventsWhenClosed = events;
        outcomes.push(s.outcome);
      },
    });
    expect(outcomes).toHaveLength(101);
    expect(outcomes[0]).toBe('INCOMPLETE');
    // Closed while the log was still being read, not held to the end.
    expect(eventsWhenClosed).toBeGreaterThan(0);
    expect(eventsWhenClosed).toBeLessThan(events - 30 * 3); // before the last 30 sessions were read
  });

  it('emits the events of each known message', () => {
    const kinds: LogEvent['kind'][] = [];
    scanChunks([Buffer.from(fixtureText('connected'))], 'x', { onEvent: (e) => kinds.push(e.kind) });
    expect(new Set(kinds)).toEqual(
      new Set([
        'session-start',
        'start-endpoint',
        'session-init',
        'supported',
        'probed-header',
        'probed',
        'reachable',
        'attempt',
        'connecting-using',
      ]),
    );
  });
});

describe('damaged and unusual input', () => {
  const all = fixtureText('connected') + fixtureText('noReachable') + fixtureText('pcoip');

  it('CRLF line endings and a BOM change nothing but the stats', () => {
    const lf = scan(all);
    const crlf = scan(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(all.replaceAll('\n', '\r\n'))]));
    expect(crlf.sessions).toEqual(lf.sessions);
    expect(crlf.diagnoses).toEqual(lf.diagnoses);
    expect(crlf.stats.bom).toBe(true);
  });

  it('a log cut in the middle of a session gives INCOMPLETE and a note-level diagnosis', () => {
    const text = fixtureText('connected');
    const cutText = text.slice(0, text.indexOf('Reachable endpoint: ') + 60); // cut inside line 19
    const r = scan(cutText);
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]).toMatchObject({ outcome: 'INCOMPLETE', chosen: null, offered: ALL_FOUR });
    expect(r.stats.cutLastLine).toBe(true);
    expect(r.stats.unparsed).toBe(1);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['session-incomplete']);
  });

  it('garbage and binary lines are counted and skipped; the sessions around them survive', () => {
    const lines = fixtureText('noReachable').split('\n');
    const junk = Buffer.from([0x00, 0xff, 0x13, 0x80, 0x0a, 0xc3, 0x28, 0x0a]);
    const bytes = Buffer.concat([
      Buffer.from(lines.slice(0, 4).join('\n') + '\n'),
      junk,
      Buffer.from(lines.slice(4).join('\n')),
    ]);
    const r = scan(bytes);
    expect(r.stats.garbage).toBe(2);
    expect(r.stats.firstGarbageLine).toBe(5);
    expect(r.sessions[0]!.outcome).toBe('NO_REACHABLE_ENDPOINT');
    expect(r.sessions[0]!.offered).toHaveLength(4);
  });

  it('text that is not a client log gives no entries and no sessions', () => {
    const r = scan('hello\nworld\n2025-01-01 not a client line\n');
    expect(r.stats).toMatchObject({ entries: 0, unknown: 3 });
    expect(r.sessions).toEqual([]);
  });

  it('any chunking of a log gives the same sessions, diagnoses and stats', () => {
    const variants = [all, all.replaceAll('\n', '\r\n'), '\ufeff' + all, all.slice(0, all.length - 37)];
    fc.assert(
      fc.property(fc.constantFrom(...variants), fc.array(fc.nat(all.length + 200), { maxLength: 20 }), (text, at) => {
        const bytes = Buffer.from(text);
        const whole = scanChunks([bytes], 'x.log');
        expect(scanChunks(cutAt(bytes, at), 'x.log')).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('one byte at a time gives the same result as one chunk', () => {
    const bytes = Buffer.from(all.replaceAll('\n', '\r\n'));
    const single = [...bytes].map((b) => Buffer.from([b]));
    expect(scanChunks(single, 'x.log')).toEqual(scanChunks([bytes], 'x.log'));
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(600), { maxLength: 6 }), (raw, at) => {
        const bytes = Buffer.concat([Buffer.from(fixtureText('pcoip').slice(0, 120)), Buffer.from(raw)]);
        const r = scanChunks(cutAt(bytes, at), 'x.log', { maxLineBytes: 256 });
        expect(r.stats.lines).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('entry headers', () => {
  it("reads each line's own time and version, however headers repeat (the repeated-header shortcut)", () => {
    const time = fc.constantFrom(
      '2025-08-28T05:05:17.238Z',
      '2025-08-28T05:05:17.239Z',
      '2025-08-28T05:05:17.2Z',
      'not-a-time-at-all-here!!',
    );
    const version = fc.constantFrom('5.29.1.5595', '5.29.1.5596', '', '5.3');
    const level = fc.constantFrom('WRN', 'INF', 'ERRR');
    const entry = fc.tuple(time, version, level);
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 20 }), (entries) => {
        const text = entries
          .map(([t, v, l]) => `${t} { Version: "${v}" }: [${l}] No endpoints are reachable.\n`)
          .join('');
        const got: [string, string | null][] = [];
        scanChunks([Buffer.from(text)], 'x', {
          onEvent: (e) => got.push([e.time, e.version]),
        });
        const valid = entries.filter(([t]) => !t.startsWith('not'));
        expect(got).toEqual(valid.map(([t, v]) => [t, v]));
      }),
      { numRuns: 300 },
    );
  });
});
