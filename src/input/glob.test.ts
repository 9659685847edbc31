import { describe, expect, it } from 'vitest';
import { anyOf, globMatcher, isGlob } from './glob.js';

describe('globMatcher', () => {
  it('a plain name matches only itself', () => {
    const m = globMatcher('office-pc');
    expect(m('office-pc')).toBe(true);
    expect(m('office-pc2')).toBe(false);
    expect(isGlob('office-pc')).toBe(false);
  });
  it('* spans any run (slashes too), ? one character, the rest is literal', () => {
    expect(globMatcher('office-*')('office-pc')).toBe(true);
    expect(globMatcher('office-*')('home')).toBe(false);
    expect(globMatcher('vpc1/*')('vpc1/client')).toBe(true);
    expect(globMatcher('ws?')('ws1')).toBe(true);
    expect(globMatcher('ws?')('ws10')).toBe(false);
    expect(globMatcher('a.b*')('axb')).toBe(false);
    expect(globMatcher('(x)[1]*')('(x)[1]y')).toBe(true);
  });
  it('anyOf: no pattern is no filter', () => {
    expect(anyOf([])('anything')).toBe(true);
    expect(anyOf(['a*', 'b'])('b')).toBe(true);
    expect(anyOf(['a*', 'b'])('c')).toBe(false);
  });
});
