// Read-only by construction: the code can send only the actions docs/iam-policy.json grants, and those are reads.
// (That nothing else can be sent at run time is tested in read.test.ts, with the real clients.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_ACTIONS, READ_ONLY_VERB } from './actions.js';

interface Statement {
  Effect: string;
  Action: string[];
  Resource: string;
}
const policy = JSON.parse(readFileSync('docs/iam-policy.json', 'utf8')) as { Statement: Statement[] };

/** Source files of the live source that ship (tests and the fake are not part of the tool). */
function shippedFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : shippedFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const SERVICE_OF_PACKAGE: Record<string, string> = {
  '@aws-sdk/client-ec2': 'ec2',
  '@aws-sdk/client-workspaces': 'workspaces',
  '@aws-sdk/client-route53resolver': 'route53resolver',
  '@aws-sdk/client-sts': 'sts',
};

describe('docs/iam-policy.json', () => {
  const allowed = policy.Statement.flatMap((s) => s.Action);

  it('allows exactly the actions the reader calls, all of them reads, and denies nothing by omission', () => {
    expect([...allowed].sort()).toEqual([...READ_ACTIONS].sort());
    for (const action of allowed) expect(action).toMatch(READ_ONLY_VERB);
    for (const s of policy.Statement) expect(s).toMatchObject({ Effect: 'Allow', Resource: '*' });
  });

  it('covers every SDK command the shipped code imports', () => {
    const imported: string[] = [];
    for (const file of shippedFiles('src/sources')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(@aws-sdk\/[\w-]+)'/g)) {
        const service = SERVICE_OF_PACKAGE[m[2] ?? ''];
        for (const name of (m[1] ?? '').split(',').map((s) => s.trim())) {
          if (!name.endsWith('Command')) continue;
          expect(service, `${file} imports ${name} from ${m[2]}`).toBeDefined();
          imported.push(`${service}:${name.replace(/Command$/, '')}`);
        }
      }
    }
    expect(imported.length).toBeGreaterThanOrEqual(READ_ACTIONS.length);
    for (const action of imported) expect(allowed, action).toContain(action);
    // The command table maps exactly these actions (read as text: this test loads no SDK).
    const table = readFileSync('src/sources/aws/commands.ts', 'utf8');
    const keys = [...table.matchAll(/^\s+'([a-z0-9]+:\w+)': \w+Command,$/gm)].map((m) => m[1]);
    expect(keys.sort()).toEqual([...READ_ACTIONS].sort());
  });
});
