// Test helpers comparing the fast reader with the full parser (used by the yaml-fast tests only): the same value,
// key order included, and the same line for every path in it, or the same diagnostics when the full parser refuses.
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { readYamlFast } from '../yaml-fast.js';
import { positionLocator } from '../yaml-locate.js';
import { parseYamlFull, parseYamlInput } from '../yaml.js';

type Path = (string | number)[];

/** Every path into `value`, and for each a step past its end (a missing key or index), as consumers look up. */
export function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix, [...prefix, 'no-such-key'], [...prefix, 10_000]);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

/** Equal values with the same key order all the way down (isDeepStrictEqual ignores the order of keys). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (!isDeepStrictEqual(a, b)) return false;
  if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object') return true;
  if (!isDeepStrictEqual(Object.keys(a), Object.keys(b))) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return Object.keys(ra).every((k) => sameValue(ra[k], rb[k]));
}

/**
 * Reads `text` both ways and checks they agree; returns whether the fast reader took it. When it did, the full
 * parser must have accepted the text too, with the same value and lines; parseYamlInput must agree either way.
 */
export function expectBothWaysEqual(text: string): boolean {
  const full = parseYamlFull(text, 'f.yaml');
  const fast = readYamlFast(text);
  const input = parseYamlInput(text, 'f.yaml');
  if ('diagnostics' in full) {
    expect(fast, `the fast reader took a text the full parser refuses: ${JSON.stringify(text)}`).toBeUndefined();
    expect(input).toEqual(full);
    return false;
  }
  if (!('parsed' in input)) throw new Error(`parseYamlInput refused ${JSON.stringify(text)}`);
  const paths = pathsOf(full.parsed.value);
  const fullLines = paths.map((p) => full.parsed.locate(p));
  expect(sameValue(input.parsed.value, full.parsed.value), `values differ for ${JSON.stringify(text)}`).toBe(true);
  expect(input.parsed.warnings).toEqual(full.parsed.warnings);
  expect(paths.map((p) => input.parsed.locate(p))).toEqual(fullLines);
  if (fast === undefined) return false;
  expect(sameValue(fast.value, full.parsed.value), `values differ for ${JSON.stringify(text)}`).toBe(true);
  const locate = positionLocator(fast.positions);
  expect(paths.map((p) => locate(p))).toEqual(fullLines);
  return true;
}
