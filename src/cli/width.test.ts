// Text output fits the terminal it is printed on (its columns, when stdout is one) and 100 columns otherwise.
import { describe, expect, it } from 'vitest';
import { captureIo, type Io } from './io.js';
import { main } from './main.js';

const SEED = 'examples/seed-tokyo.yaml';

async function outputOf(args: string[], columns?: number): Promise<string> {
  const io: Io & { stdout(): string } = { ...captureIo(), ...(columns !== undefined ? { columns } : {}) };
  await main(args, io);
  return io.stdout();
}

/** A line may pass the width only as a fix command (never broken) or by one word longer than any line could hold. */
function overflows(text: string, width: number): string[] {
  return text
    .split('\n')
    .filter((l) => l.length > width)
    .filter((l) => !/^\s*\$ /.test(l))
    .filter((l) => !l.split(' ').some((w) => w.length > width / 2));
}

describe('text output fits the width', () => {
  const cases: string[][] = [
    ['check', SEED, 'examples/office-tgw.yaml'],
    ['trace', SEED, '--client', 'home', '--workspace', 'dcv-desktop'],
    ['matrix', 'examples/office-tgw.yaml'],
    ['whatif', SEED, '--change', 'set:vpcs.vpc1.instances.nat.state=stopped'],
    [
      'whatif',
      SEED,
      '--client',
      'ec2-client',
      '--workspace',
      'dcv-desktop',
      '--change',
      'delete:vpcs.vpc1.endpoints.streaming',
    ],
    ['logs', 'test/logs/seed-4-3-home-no-reachable-endpoint.log'],
    ['explain', 'client-dns-resolution'],
    ['explain', 'dns'],
    ['endpoints', '--region', 'ap-northeast-1'],
  ];
  for (const args of cases) {
    it(`${args.slice(0, 2).join(' ')}: the terminal's 60 columns, or 100 into a pipe`, async () => {
      const narrow = await outputOf(args, 60);
      const piped = await outputOf(args);
      // A docs page's code is kept as written (a command or a template must paste as it is): lines found whole in
      // the page's Markdown are not held to the width.
      const markdown = args[0] === 'explain' ? await outputOf([...args, '--markdown']) : '';
      const source = markdown.startsWith('#') ? markdown.split('\n') : [];
      const own = (l: string) => !source.some((s) => s.trim() !== '' && s.trim() === l.trim());
      expect(overflows(narrow, 60).filter(own)).toEqual([]);
      expect(overflows(piped, 100).filter(own)).toEqual([]);
      // The same words either way: only where the lines break differs.
      expect(narrow.replace(/\s+/g, ' ')).toBe(piped.replace(/\s+/g, ' '));
    });
  }

  it('the width follows the terminal: a wide one keeps long lines whole', async () => {
    const wide = await outputOf(['trace', SEED, '--client', 'home', '--workspace', 'dcv-desktop'], 300);
    expect(wide.split('\n').some((l) => l.length > 100)).toBe(true);
  });
});
