// The seed's three real client log excerpts, copied into test/logs/ so the repository is self-contained.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = fileURLToPath(new URL('../../test/logs/', import.meta.url));

export const FIXTURES = {
  connected: 'seed-4-2-privatelink-connected.log',
  noReachable: 'seed-4-3-home-no-reachable-endpoint.log',
  pcoip: 'seed-4-4-pcoip-resource-not-found.log',
} as const;

export function fixturePath(name: keyof typeof FIXTURES): string {
  return FIXTURE_DIR + FIXTURES[name];
}

export function fixtureText(name: keyof typeof FIXTURES): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Cuts a buffer at the given offsets (duplicates and out-of-range offsets allowed). */
export function cutAt(buf: Buffer, at: readonly number[]): Buffer[] {
  const points = [...new Set(at.map((p) => Math.min(p, buf.length)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(buf.subarray(prev, p));
    prev = p;
  }
  out.push(buf.subarray(prev));
  return out;
}

export const PRIVATE_HOST = 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com';
