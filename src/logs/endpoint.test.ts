import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EndpointInterner, parseEndpoint, pathOfHost, sessionKey } from './endpoint.js';
import { scanChunks } from './scanner.js';

// The interner's byte-level shortcuts (exact layout, remembered descriptions, the guessed comma position) must
// answer exactly as the tolerant string parser does, whatever came before.
describe('EndpointInterner', () => {
  const host = fc.stringMatching(/^[a-z.,"\- ]{0,12}$/).map((s) => `privatelink${s}`);
  const transport = fc.constantFrom('QUIC', 'TCP', 'UDP', 'quic');
  const port = fc.constantFrom('4195', '443', '0', '70000', '41', '');
  const description = fc
    .tuple(host, transport, port, fc.boolean())
    .map(
      ([h, t, p, tail]) =>
        `hostname: ${h}, transport: ${t}, port: ${p}${tail ? ', gatewayType: NLB, ipVersion: IPv4, additionalEndpointAttributes: ' : ''}`,
    );

  it('agrees with parseEndpoint on any sequence of descriptions', () => {
    fc.assert(
      fc.property(fc.array(description, { minLength: 1, maxLength: 30 }), (texts) => {
        const interner = new EndpointInterner();
        for (const text of texts) {
          const buf = Buffer.from(`xx${text}yy`);
          expect(interner.get(buf, 2, buf.length - 2)).toEqual(parseEndpoint(text));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hands out one object per distinct endpoint', () => {
    const interner = new EndpointInterner();
    const text = Buffer.from('hostname: a.b, transport: TCP, port: 443, gatewayType: NLB');
    expect(interner.get(text, 0, text.length)).toBe(interner.get(Buffer.from(text), 0, text.length));
  });
});

describe('host names and session ids', () => {
  it('tells the private names from public gateway names', () => {
    expect(pathOfHost('privatelink.prod.ap-northeast-1.highlander.aws.a2z.com')).toBe('privatelink');
    expect(pathOfHost('privatelink.prod.ap-northeast-1.WSP.aws.a2z.com')).toBe('privatelink');
    expect(pathOfHost('vpce-0abc-123.prod.highlander.us-east-1.vpce.amazonaws.com')).toBe('privatelink');
    expect(pathOfHost('gw1.prod.us-west-2.highlander.aws.a2z.com')).toBe('internet');
    expect(pathOfHost('10.0.21.217')).toBeNull();
  });

  it('ties prod-<region>-<uuid> to the bare uuid (inferred)', () => {
    expect(sessionKey('prod-ap-northeast-1-7F73A8AB-a674-49a0-81e8-465b2e99c9f1')).toBe(
      sessionKey('7f73a8ab-a674-49a0-81e8-465b2e99c9f1'),
    );
    expect(sessionKey('short-id')).toBe('short-id');
  });
});

describe('session ids at the end of a line', () => {
  const line = (id: string) =>
    `2025-08-28T04:29:38.638Z { Version: "5.29.1.5595" }: [INF] Supported endpoint: "hostname: h.example, transport: TCP, port: 443, gatewayType: NLB, ipVersion: IPv4, additionalEndpointAttributes: ", session ID: ${id}\n`;
  /** What the id is by definition: the text after the label up to a comma, space or quote. */
  const expected = (id: string) => /^[^, "]*/.exec(id)![0] || null;

  it('reads the same id whatever ids came before (the remembered-length shortcut)', () => {
    const id = fc.stringMatching(/^[a-z0-9\-, "]{0,10}$/);
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 12 }), (ids) => {
        const ids2: (string | null)[] = [];
        scanChunks([Buffer.from(ids.map(line).join(''))], 'x', {
          onEvent: (e) => {
            if (e.kind === 'supported') ids2.push(e.id);
          },
        });
        expect(ids2).toEqual(ids.map(expected));
      }),
      { numRuns: 300 },
    );
  });
});
