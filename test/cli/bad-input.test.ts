// Bad input across every command that reads input: exit 2 with a message naming the file (and the line and field
// where there is one), never a crash, never the internal-error path, and never a change to the user's files.
import { runCli } from '../../src/cli/testing/run-cli.js';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A matrix's JSON without where each fix's resource is written (the file name and line differ between forms). */
function unplaced(json: string): string {
  return json.replace(/"file":"[^"]*",("line":\d+,)?/g, '');
}

const SEED_TEXT = readFileSync('examples/seed-tokyo.yaml', 'utf8');
const LOG = readFileSync('test/logs/seed-4-2-privatelink-connected.log');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wspl-bad-input-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const run = (...args: string[]) => runCli(args);

/** Exit 2 with a clear message: names `mention`, no internal error, no stack trace. */
async function rejects(args: string[], mention: string | RegExp) {
  const r = await run(...args);
  expect(r.err).not.toContain('internal error');
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(r.code, r.err).toBe(2);
  if (typeof mention === 'string') expect(r.err).toContain(mention);
  else expect(r.err).toMatch(mention);
  return r;
}

/** Every command that reads a design file, on `path`. */
const designCommands = (path: string): string[][] => [
  ['trace', path, '--client', 'ec2-client', '--workspace', 'dcv-desktop'],
  ['matrix', path],
  ['export', path],
  ['check', path],
  [
    'whatif',
    path,
    '--client',
    'ec2-client',
    '--workspace',
    'dcv-desktop',
    '--change',
    'set:vpcs.vpc1.instances.nat.state=stopped',
  ],
  ['logs', 'test/logs/seed-4-2-privatelink-connected.log', '--topology', path, '--client', 'ec2-client'],
];

function aliasBomb(head = ''): string {
  const lines = [head, 'a: &a [x,x,x,x,x,x,x,x,x,x]'];
  for (let i = 1; i < 9; i++)
    lines.push(
      `l${i}: &l${i} [${Array(10)
        .fill(i === 1 ? '*a' : `*l${i - 1}`)
        .join(',')}]`,
    );
  return lines.join('\n') + '\n';
}

describe('design files every command rejects with exit 2', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['empty.yaml', '', /empty\.yaml:1: error: the file is empty/],
    ['broken.yaml', 'wspl: 1\nvpcs: {a: [\n', /broken\.yaml:3: error: .*\[yaml-syntax\]/],
    ['truncated.yaml', SEED_TEXT.slice(0, 1200), /truncated\.yaml:\d+: error: vpcs\.vpc1\.securityGroups/],
    [
      'garbage.yaml',
      Buffer.from([0x80, 0x81, 0xfe, 0x41, 0x0a, 0xc3]),
      /garbage\.yaml:1: error: this file is not UTF-8 text: byte 0x80 is not UTF-8/,
    ],
    [
      'binary.yaml',
      Buffer.concat([Buffer.from('wspl: 1\n'), Buffer.from([0, 1, 2, 3])]),
      /binary\.yaml:2: error: this is binary data/,
    ],
    [
      'utf16.yaml',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED_TEXT, 'utf16le')]),
      /utf16\.yaml: error: this file is UTF-16 text.*save it as UTF-8/,
    ],
    [
      'dup.yaml',
      SEED_TEXT.replace('vpcs:\n', 'region: us-east-1\nvpcs:\n'),
      /dup\.yaml:9: error: duplicate key "region"/,
    ],
    ['bomb.yaml', aliasBomb('wspl: 1'), /bomb\.yaml:6: error: l4\.7: the aliases \(\*name\) expand/],
    [
      'deep.yaml',
      'wspl: 1\nvpcs: ' + '{a: '.repeat(3000) + '1' + '}'.repeat(3000) + '\n',
      /deep\.yaml:2: error: the YAML is nested too deeply/,
    ],
    [
      'cidr.yaml',
      SEED_TEXT.replace('cidr: 10.0.0.0/16', 'cidr: 10.0.0.0/33'),
      /cidr\.yaml:11: error: vpcs\.vpc1\.cidr: .*\/33/,
    ],
    [
      'ref.yaml',
      SEED_TEXT.replace('streamingEndpoint: vpc1/streaming', 'streamingEndpoint: vpc9/nope'),
      /ref\.yaml:56: error: directories\.corp\.streamingEndpoint: endpoint "vpc9\/nope" not found/,
    ],
    [
      'type.yaml',
      SEED_TEXT.replace('region: ap-northeast-1', 'region: 5'),
      /type\.yaml:7: error: region: expected a string, found number 5/,
    ],
    [
      'version.yaml',
      SEED_TEXT.replace('vpc1/client, version: 5.29.1', 'vpc1/client, version: banana'),
      /version\.yaml:68: error: clients\.ec2-client\.version/,
    ],
    [
      'proto.yaml',
      SEED_TEXT + '__proto__: { x: 1 }\n',
      /proto\.yaml:70: error: __proto__: "__proto__" cannot be used as a name/,
    ],
    ['twodocs.yaml', SEED_TEXT + '---\nwspl: 1\n', /twodocs\.yaml:70: error: a second YAML document/],
    [
      'huge.yaml',
      SEED_TEXT.replace('account: "111122223333"', 'account: 1e400'),
      /huge\.yaml:6: error: account: number \.inf/,
    ],
  ];
  it.each(cases)('%s', async (name, content, message) => {
    const path = file(name, content);
    for (const args of designCommands(path)) await rejects(args, message);
  });

  it('a folder, a missing file and an unknown kind of file', async () => {
    mkdirSync(join(dir, 'folder.yaml'), { recursive: true });
    for (const [path, message] of [
      [join(dir, 'folder.yaml'), 'is a directory but not a CDK output folder'],
      [join(dir, 'missing.yaml'), 'no such file or directory'],
      [file('notes.txt', 'hello'), 'cannot tell what kind of source this is'],
    ] as const) {
      for (const args of designCommands(path)) await rejects(args, message);
    }
  });
});

describe('inputs that are fine: BOM and CRLF', () => {
  it.each([
    ['bom.yaml', '\uFEFF' + SEED_TEXT],
    ['crlf.yaml', SEED_TEXT.replace(/\n/g, '\r\n')],
  ])('%s reads like the seed', async (name, content) => {
    const path = file(name, content);
    const seed = await run('matrix', 'examples/seed-tokyo.yaml', '--format', 'json');
    const r = await run('matrix', path, '--format', 'json');
    expect(r.code).toBe(0);
    expect(unplaced(r.out)).toBe(unplaced(seed.out));
  });
});

describe('nothing the user had is modified', () => {
  it('every command leaves the design file, its config, its clients file and the logs byte for byte, mtime too', async () => {
    const project = join(dir, 'untouched');
    mkdirSync(project, { recursive: true });
    const design = join(project, 'design.yaml');
    copyFileSync('examples/seed-tokyo.yaml', design);
    const config = join(project, 'wspl.config.yaml');
    copyFileSync('test/check/wspl.config.yaml', config);
    const clients = join(project, 'clients.yaml');
    copyFileSync('test/check/extra-clients.yaml', clients);
    const log = join(project, 'client.log');
    writeFileSync(log, LOG);
    const watched = [design, config, clients, log];
    const before = watched.map((p) => ({ bytes: readFileSync(p), mtime: statSync(p).mtimeMs }));
    const commands = [
      ...designCommands(design),
      ['trace', design, '--client', 'home', '--workspace', 'dcv-desktop', '--format', 'log'],
      ['check', design, '--clients', clients, '--format', 'sarif'],
      [
        'whatif',
        design,
        '--client',
        'ec2-client',
        '--workspace',
        'dcv-desktop',
        '--change',
        'delete:vpcs.vpc1.endpoints.streaming',
      ],
      ['logs', log, '--format', 'json'],
      ['logs', project, '--topology', design, '--client', 'ec2-client'],
    ];
    for (const args of commands) {
      const r = await run(...args);
      expect([0, 1, 2]).toContain(r.code);
      expect(r.err).not.toContain('internal error');
    }
    watched.forEach((p, i) => {
      expect(readFileSync(p).equals(before[i]!.bytes), p).toBe(true);
      expect(statSync(p).mtimeMs, p).toBe(before[i]!.mtime);
    });
  });
});

describe('whatif changes', () => {
  const W = ['whatif', 'examples/seed-tokyo.yaml', '--client', 'ec2-client', '--workspace', 'dcv-desktop', '--change'];

  it.each([
    ['toggle:x', 'expected set:PATH=VALUE or delete:PATH'],
    ['set:', 'empty segment'],
    ['set:a..b=1', 'empty segment'],
    ['set:"open=1', 'unclosed quote'],
    ['delete:vpcs.nope.x', 'vpcs.nope does not exist'],
    ['set:vpcs.vpc1.cidr=[', 'the value is not valid YAML'],
    ['set:x=a: 1\na: 2', 'duplicate key "a"'],
    ['set:vpcs.vpc1.securityGroups.endpoint-sg.ingress.99=x', 'past the end of the list'],
    // Before: exit 0, the unknown field ignored and the session "continues" as if something had changed.
    ['set:vpcs.__proto__={x: {cidr: 10.9.0.0/16}}', '"__proto__" cannot be used as a name'],
    ['set:clinets.home.at=internet', 'clinets does not exist'],
    ['set:typo=1', '"typo" is not a field of the design file'],
    // Before: "no client named ec2-client", without saying the change removed it.
    ['delete:clients.ec2-client', 'it removes the client "ec2-client"'],
    ['delete:workspaces.dcv-desktop', 'it removes the WorkSpace "dcv-desktop"'],
  ])('%s', async (change, message) => {
    await rejects([...W, change], message);
  });

  it('a change that makes the design invalid names the change and the field, not a line of a file the user never saw', async () => {
    const r = await rejects(
      [...W, 'set:vpcs.vpc1.cidr=10.5.0.0/16'],
      'examples/seed-tokyo.yaml after set:vpcs.vpc1.cidr=10.5.0.0/16: error: vpcs.vpc1.subnets.public-a.cidr:',
    );
    expect(r.err).not.toMatch(/after set:vpcs\.vpc1\.cidr=10\.5\.0\.0\/16:\d+:/);
  });

  it('a very long change is shortened in the message', async () => {
    const r = await rejects([...W, 'set:x=' + '['.repeat(3000)], 'the value is not valid YAML');
    expect(r.err.length).toBeLessThan(600);
  });
});

describe('check --config and --clients', () => {
  const SEED = 'examples/seed-tokyo.yaml';

  it.each([
    ['bomb', aliasBomb(), /bomb\.config\.yaml:6: error: l4\.7: the aliases/], // before: uncaught ReferenceError
    ['scalar', 'hello', /scalar\.config\.yaml:1: error: a check configuration is a YAML map .* found string "hello"/],
    ['dup', 'preset: strict\npreset: strict\n', /dup\.config\.yaml:2: error: duplicate key "preset"/],
    ['binary', Buffer.from([0, 1, 2, 0xff]), /binary\.config\.yaml:1: error: this is binary data/],
    [
      'utf16',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('preset: strict\n', 'utf16le')]),
      /utf16\.config\.yaml: error: this file is UTF-16/,
    ],
    [
      'severity',
      'rules:\n  pcoip-workspaces-unreachable: {severity: fatal, reason: x}\n',
      /severity\.config\.yaml:2: error: rules\.pcoip-workspaces-unreachable\.severity: "fatal" is not one of: error, warning, info, off/,
    ],
    ['unknown', 'presets: strict\n', /unknown\.config\.yaml:1: error: presets: unknown field "presets"/],
  ])('--config %s', async (name, content, message) => {
    await rejects(['check', SEED, '--config', file(`${name}.config.yaml`, content)], message);
  });

  it('--config and --clients naming a folder or a missing file', async () => {
    for (const option of ['--config', '--clients']) {
      await rejects(['check', SEED, option, dir], `${dir}: error: cannot read it: it is a folder, not a file`);
      await rejects(['check', SEED, option, join(dir, 'nope.yaml')], 'cannot read it: no such file');
    }
  });

  it('a broken wspl.config.yaml next to the source is exit 2 too', async () => {
    const project = join(dir, 'with-config');
    mkdirSync(project, { recursive: true });
    copyFileSync(SEED, join(project, 'design.yaml'));
    writeFileSync(join(project, 'wspl.config.yaml'), 'rules: {');
    await rejects(
      ['check', join(project, 'design.yaml')],
      /with-config\/wspl\.config\.yaml:1: error: .*\[yaml-syntax\]/,
    );
  });

  it.each([
    ['bomb', aliasBomb(), /bomb\.clients\.yaml:6: error: l4\.7: the aliases/], // before: uncaught ReferenceError
    ['broken', 'clients: {', /broken\.clients\.yaml:1: error: .*\[yaml-syntax\]/], // before: no line, no cause
    [
      'dup',
      'clients:\n  lap: { at: internet }\n  lap: { at: internet }\n',
      /dup\.clients\.yaml:3: error: duplicate key "lap"/,
    ],
    [
      'other',
      'clients:\n  lap: { at: internet }\npeerings: {}\n',
      /other\.clients\.yaml:3: error: peerings: unknown field "peerings"/,
    ], // before: ignored
    ['empty', '', /empty\.clients\.yaml:1: error: an overlay is a YAML map .* found null/],
    [
      'field',
      'clients:\n  lap:\n    at: internet\n    publicIp: 999.1.1.1\n',
      /field\.clients\.yaml:4: error: clients\.lap\.publicIp: "999\.1\.1\.1" is not an IP address/,
    ],
    [
      'version',
      'clients:\n  lap: { at: internet, version: banana }\n',
      /version\.clients\.yaml:2: error: clients\.lap\.version/,
    ],
    ['binary', Buffer.from([0, 1, 0xff]), /binary\.clients\.yaml:1: error: this is binary data/],
  ])('--clients %s', async (name, content, message) => {
    await rejects(['check', SEED, '--clients', file(`${name}.clients.yaml`, content)], message);
  });
});

describe('logs', () => {
  it.each([
    ['empty.log', '', 'the file is empty'],
    [
      'binary.log',
      Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)),
      'no WorkSpaces client log lines',
    ],
    ['utf16.log', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOG.toString(), 'utf16le')]), 'UTF-16'],
  ])('%s is exit 2 naming the file', async (name, content, message) => {
    const path = file(name, content);
    await rejects(['logs', path], `${path}: error:`);
    await rejects(['logs', path, '--format', 'json'], message);
  });

  it('a folder with no files, or none that is a client log', async () => {
    const none = join(dir, 'no-files');
    mkdirSync(join(none, 'sub'), { recursive: true });
    await rejects(['logs', none], 'the folder holds no files');
    const other = join(dir, 'other-files');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'a.txt'), 'hello\n');
    writeFileSync(join(other, 'b.log'), '');
    await rejects(['logs', other], 'none of its 2 files holds WorkSpaces client log lines');
  });

  it('a log cut mid-line reads what is there: the session is INCOMPLETE', async () => {
    const r = await run('logs', file('cut.log', LOG.subarray(0, 700)), '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).sessions[0].outcome).toBe('INCOMPLETE');
  });

  it('--client or --workspace without --topology is bad usage (before: silently ignored)', async () => {
    await rejects(
      ['logs', 'test/logs/seed-4-2-privatelink-connected.log', '--client', 'ec2-client'],
      '--client only works with --topology',
    );
    await rejects(
      ['logs', 'test/logs/seed-4-2-privatelink-connected.log', '--workspace', 'dcv-desktop'],
      '--workspace only works with --topology',
    );
  });
});

describe('explain, endpoints, schema', () => {
  it('explain: unknown or odd names are exit 2 with the valid ones', async () => {
    for (const name of ['', '__proto__', 'constructor', '../../etc/passwd', 'x'.repeat(10000)]) {
      await rejects(['explain', name], 'streaming-endpoint-private-dns');
    }
  });

  it('endpoints: a --region that is not a Region code is exit 2 (before: made-up service names, exit 0)', async () => {
    for (const region of ['', '../../x', 'tokyo', 'ap-northeast-1\n']) {
      await rejects(['endpoints', '--region', region], 'is not a Region code such as ap-northeast-1');
    }
  });

  it('schema takes one known name at most', async () => {
    await rejects(['schema', 'extra'], 'Allowed choices are design, trace, matrix, check, logs, whatif');
    await rejects(['schema', 'design', 'extra'], 'too many arguments');
  });
});
