import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  contains,
  hasHostBits,
  isPrivate,
  longestPrefixMatch,
  nthAddress,
  overlaps,
  parseRange,
  privateBlockOf,
  range,
} from './cidr.js';

const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
const cidr4 = fc.tuple(v4, fc.integer({ min: 0, max: 32 })).map(([a, p]) => `${a}/${p}`);

describe('parseRange', () => {
  it('parses IPv4 and IPv6 CIDRs and bare addresses', () => {
    expect(range('10.0.0.0/16')).toMatchObject({ version: 4, prefix: 16, start: 0x0a000000n, end: 0x0a00ffffn });
    expect(range('10.0.21.217')).toMatchObject({ prefix: 32 });
    expect(range('2001:db8::/32')).toMatchObject({ version: 6, prefix: 32 });
  });
  it('rejects garbage, out-of-range prefixes and shorthand IPv4', () => {
    for (const bad of ['', 'abc', '10.0.0.0/33', '10.0.0/16', '10.0.0.0/1a', '1.2.3.4/8/9', '::1/129', '300.1.1.1/8']) {
      expect(parseRange(bad), bad).toBeUndefined();
    }
  });
  it('detects host bits', () => {
    expect(hasHostBits('10.0.0.1/16')).toBe(true);
    expect(hasHostBits('10.0.0.0/16')).toBe(false);
  });
  it('knows private space', () => {
    expect(isPrivate(range('10.0.21.217'))).toBe(true);
    expect(isPrivate(range('198.51.100.7'))).toBe(false);
  });
  it('names the private block an address sits in', () => {
    expect(privateBlockOf(range('10.0.21.217'))?.text).toBe('10.0.0.0/8');
    expect(privateBlockOf(range('172.31.0.5'))?.text).toBe('172.16.0.0/12');
    expect(privateBlockOf(range('100.64.1.1'))?.text).toBe('100.64.0.0/10');
    expect(privateBlockOf(range('fd12::1'))?.text).toBe('fc00::/7');
    expect(privateBlockOf(range('172.32.0.1'))).toBeUndefined();
    expect(privateBlockOf(range('2001:db8::1'))).toBeUndefined();
  });
  it('computes the VPC resolver address', () => {
    expect(nthAddress(range('10.0.0.0/16'), 2)).toBe('10.0.0.2');
    expect(nthAddress(range('fd00::/64'), 2)).toBe('fd00::2');
  });
});

describe('range algebra (properties)', () => {
  it('a CIDR contains every address it was built from, and its network address round-trips', () => {
    fc.assert(
      fc.property(cidr4, (c) => {
        const r = range(c);
        const addr = range(c.split('/')[0]!);
        expect(contains(r, addr)).toBe(true);
        expect(r.end - r.start + 1n).toBe(1n << BigInt(32 - r.prefix));
        const again = range(`${nthAddress(r, 0)}/${r.prefix}`);
        expect(again.start).toBe(r.start);
      }),
    );
  });
  it('two CIDRs either nest or do not overlap', () => {
    fc.assert(
      fc.property(cidr4, cidr4, (a, b) => {
        const ra = range(a);
        const rb = range(b);
        if (overlaps(ra, rb)) expect(contains(ra, rb) || contains(rb, ra)).toBe(true);
      }),
    );
  });
  it('longest-prefix match picks the most specific containing route, matching a brute-force oracle', () => {
    fc.assert(
      fc.property(fc.array(cidr4, { maxLength: 12 }), v4, (routes, dst) => {
        const entries = routes.map((r, i) => ({ range: range(r), value: i }));
        const d = range(dst);
        const got = longestPrefixMatch(entries, d);
        const candidates = entries.filter((e) => e.range.start <= d.start && d.end <= e.range.end);
        if (candidates.length === 0) expect(got).toBeUndefined();
        else expect(got!.range.prefix).toBe(Math.max(...candidates.map((c) => c.range.prefix)));
      }),
    );
  });
});
