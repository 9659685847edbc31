// Names or globs, as users write them on the command line and in an `expect:` section: `*` stands for any run of
// characters (slashes included: "vpc1/*" and "office-*" both work), `?` for one character; everything else is
// literal. A name without either matches only itself.

export type NameMatcher = (name: string) => boolean;

export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

export function globMatcher(pattern: string): NameMatcher {
  if (!isGlob(pattern)) return (name) => name === pattern;
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const re = new RegExp(`^${source}$`, 's');
  return (name) => re.test(name);
}

/** Matches any of the patterns; no patterns at all matches everything (no filter given). */
export function anyOf(patterns: readonly string[]): NameMatcher {
  if (patterns.length === 0) return () => true;
  const matchers = patterns.map(globMatcher);
  return (name) => matchers.some((m) => m(name));
}
