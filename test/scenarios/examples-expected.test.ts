// Every example states what wspl predicts for it in its header; hold the examples to their word.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSource } from '../../src/sources/index.js';
import { traceConnection } from '../../src/workspaces/trace.js';

interface Claim {
  client: string;
  workspace: string;
  outcome: string;
}

/** "# Expected: wspl trace F --client C --workspace W -> OUTCOME" (the arrow may be on the next comment line), and
 *  the matrix form "#   CLIENT → WORKSPACE: OUTCOME". */
function claims(text: string): Claim[] {
  const out: Claim[] = [];
  for (const m of text.matchAll(
    /# Expected: wspl trace \S+ --client (\S+) --workspace (\S+)\s*(?:\n#\s*)?-> ([A-Z_]+)/g,
  )) {
    out.push({ client: m[1]!, workspace: m[2]!, outcome: m[3]! });
  }
  for (const m of text.matchAll(/^#\s+(\S+)\s+→ (\S+): ([A-Z_]+)/gm))
    out.push({ client: m[1]!, workspace: m[2]!, outcome: m[3]! });
  return out;
}

const files = readdirSync('examples').filter((f) => f.endsWith('.yaml') && f !== 'seed-tokyo.yaml');

describe.each(files)('examples/%s', (file) => {
  const text = readFileSync(`examples/${file}`, 'utf8');
  const list = claims(text);
  it('states its expected prediction', () => {
    expect(list.length).toBeGreaterThan(0);
  });
  it.each(list.map((c) => [`${c.client} → ${c.workspace}: ${c.outcome}`, c] as const))('%s', async (_name, c) => {
    expect(traceConnection(await loadSource(`examples/${file}`), c.client, c.workspace).outcome).toBe(c.outcome);
  });
});
