import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrContains, formatRange, overlaps, parseAddress, parseCidr } from './cidr.js';

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));

describe('strict CIDR parsing for sources', () => {
  it('accepts network addresses and rejects host bits, naming the network address', () => {
    expect(parseCidr('10.0.0.0/16').ok).toBe(true);
    expect(parseCidr('2001:db8::/32').ok).toBe(true);
    expect(parseCidr('10.0.0.1/16')).toEqual({
      ok: false,
      message: '"10.0.0.1/16" has host bits set; the network address is 10.0.0.0/16',
    });
    expect(parseCidr('10.0.0.0/33').ok).toBe(false);
    expect(parseCidr('10.0.0.0').ok).toBe(false);
    expect(parseCidr('10.1/16').ok).toBe(false); // ipaddr.js alone would take this short form
    expect(parseCidr('nonsense').ok).toBe(false);
    expect(parseAddress('10.0.1.300').ok).toBe(false);
    expect(parseAddress('fe80::1%eth0').ok).toBe(false);
  });

  it('answers containment the same way for a bare address and its /32 (one answer for every caller)', () => {
    expect(cidrContains('10.0.0.0/16', '10.0.0.5')).toBe(true);
    expect(cidrContains('10.0.0.0/16', '10.0.0.5/32')).toBe(true);
    expect(cidrContains('10.0.0.0/16', 'garbage')).toBe(false);
  });

  it('answers containment and overlap', () => {
    expect(cidrContains('10.0.0.0/16', '10.0.21.0/24')).toBe(true);
    expect(cidrContains('10.0.0.0/16', '10.1.0.0/24')).toBe(false);
    expect(cidrContains('10.0.0.0/16', '2001:db8::/64')).toBe(false);
    expect(cidrContains('10.0.21.0/24', '10.0.21.217')).toBe(true);
    expect(cidrContains('10.0.21.0/24', '10.0.22.1')).toBe(false);
  });

  it('property: the network of any address/prefix parses back to itself and contains the address', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 0, max: 32 }), (ip, prefix) => {
        const raw = parseCidr(`${ip}/${prefix}`);
        const network = raw.ok ? formatRange(raw.value) : /network address is (\S+)$/.exec(raw.message)?.[1];
        expect(network).toBeDefined();
        const parsed = parseCidr(network ?? '');
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(formatRange(parsed.value)).toBe(network);
        expect(cidrContains(network ?? '', ip)).toBe(true);
        // accepted as written exactly when the address is the network address itself
        expect(raw.ok).toBe(network === `${ip}/${prefix}`);
      }),
    );
  });

  it('property: overlap is symmetric and means one network holds the other', () => {
    const net = fc.tuple(ipv4, fc.integer({ min: 0, max: 32 })).map(([ip, p]) => {
      const r = parseCidr(`${ip}/${p}`);
      return r.ok ? r.value : parseCidr(/network address is (\S+)$/.exec(r.message)?.[1] ?? '');
    });
    fc.assert(
      fc.property(net, net, (a, b) => {
        if (!('version' in a) || !('version' in b)) return;
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        const both = cidrContains(formatRange(a), formatRange(b)) || cidrContains(formatRange(b), formatRange(a));
        expect(overlaps(a, b)).toBe(both);
      }),
    );
  });
});
