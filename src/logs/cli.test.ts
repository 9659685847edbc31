// `wspl logs` end to end, in process.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../cli/io.js';
import { stdinForTesting } from '../input/read.js';
import { OUTPUT_SCHEMAS } from '../report/output-schemas.js';
import { main } from '../cli/main.js';
import { FIXTURE_DIR, fixturePath, fixtureText } from './fixtures.test-helpers.js';
import { readLogs } from './read.js';
import { logReportToJson } from '../report/logs.js';

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['logs', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wspl-logs-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('wspl logs', () => {
  it('reads standard input for `-`, once', async () => {
    stdinForTesting(fixturePath('connected'));
    try {
      const { code, out, err } = await run('-', '--format', 'json');
      expect(err).toBe('');
      expect(code).toBe(0);
      const json = JSON.parse(out);
      expect(json.sessions.map((s: { outcome: string }) => s.outcome)).toEqual(['CONNECTED']);
      expect(json.files.map((f: { file: string }) => f.file)).toEqual(['<stdin>']);
      expect(OUTPUT_SCHEMAS.logs.safeParse(json).success).toBe(true);
      stdinForTesting(fixturePath('connected'));
      const twice = await run('-', '-');
      expect(twice.code).toBe(2);
      expect(twice.err).toMatch(/<stdin>: error: standard input was read already and can be read only once/);
    } finally {
      stdinForTesting();
    }
  });

  it('--help says how to read on worker threads, and from what size they are used', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toMatch(/WSPL_LOGS_PARALLEL_MIN_BYTES=N +read inputs of N bytes or more on worker threads/);
    expect(out).toMatch(/Default 1 GiB/);
    expect(out).toMatch(/WSPL_LOGS_WORKERS=N/);
  });

  it('--format json prints the contract shape for the seed 4-2 log', async () => {
    const { code, out, err } = await run(fixturePath('connected'), '--format', 'json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['sessions', 'diagnoses', 'files']);
    const s = json.sessions[0];
    expect(Object.keys(s).slice(0, 9)).toEqual([
      'id',
      'protocol',
      'start',
      'path',
      'offered',
      'reachable',
      'chosen',
      'outcome',
      'lines',
    ]);
    expect(s).toMatchObject({
      id: 'prod-ap-northeast-1-7f73a8ab-a674-49a0-81e8-465b2e99c9f1',
      protocol: 'WSP',
      path: 'privatelink',
      outcome: 'CONNECTED',
      chosen: { hostname: 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com', transport: 'QUIC', port: 4195 },
    });
    expect(s.offered).toHaveLength(4);
    expect(s.reachable).toHaveLength(4);
    expect(s.lines.slice(0, 3)).toEqual([1, 2, 3]);
    expect(json.diagnoses).toEqual([]);
  });

  it('names the file in line references when several files are read', async () => {
    const { code, out } = await run(fixturePath('noReachable'), fixturePath('pcoip'), '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.sessions.map((s: { outcome: string }) => s.outcome)).toEqual([
      'NO_REACHABLE_ENDPOINT',
      'RESOURCE_NOT_FOUND',
    ]);
    expect(json.diagnoses.map((d: { code: string }) => d.code)).toEqual([
      'no-reachable-endpoint',
      'pcoip-blocked-by-streaming-endpoint',
    ]);
    expect(json.diagnoses[1].lines).toEqual([1, 3, 4].map((n) => `${fixturePath('pcoip')}:${n}`));
  });

  it('text output: a block per session, then diagnoses and a summary', async () => {
    const { code, out } = await run(FIXTURE_DIR);
    expect(code).toBe(0);
    expect(out).toContain('Session prod-ap-northeast-1-7f73a8ab-a674-49a0-81e8-465b2e99c9f1  WSP');
    expect(out).toMatch(/outcome +CONNECTED/);
    expect(out).toMatch(/chosen +QUIC 4195 privatelink\.prod\.ap-northeast-1\.highlander\.aws\.a2z\.com/);
    expect(out).toMatch(/reachable +0 of 4/);
    expect(out).toMatch(/Diagnoses\n {2}error no-reachable-endpoint/);
    expect(out).toContain('pcoip-blocked-by-streaming-endpoint');
    // The summary is the last paragraph (wrapped at 100 columns).
    expect(out.trim().split('\n\n').at(-1)?.replace(/\s+/g, ' ')).toBe(
      '3 sessions (1 CONNECTED, 1 NO_REACHABLE_ENDPOINT, 1 RESOURCE_NOT_FOUND); 2 errors, 0 warnings, 0 notes',
    );
    expect(out).not.toContain('\u001b['); // no colours when not a terminal
  });

  it('streams the same JSON as the whole-report renderer', async () => {
    const { out } = await run(FIXTURE_DIR, fixturePath('pcoip'), '--format', 'json');
    const report = await readLogs([FIXTURE_DIR, fixturePath('pcoip')]);
    expect(JSON.parse(out)).toEqual(logReportToJson(report));
    expect(JSON.parse(out).sessions).toHaveLength(4);
  });

  it('streams JSON byte for byte as JSON.stringify(…, null, 2) prints it', async () => {
    writeFileSync(
      join(dir, 'quiet.log'),
      '2025-08-28T04:29:38.723Z { Version: "5.29.1.5595" }: [DBG] Session window deactivated\n',
    );
    for (const args of [[FIXTURE_DIR], [fixturePath('connected')], [join(dir, 'quiet.log')]]) {
      const { out } = await run(...args, '--format', 'json');
      expect(out).toBe(JSON.stringify(JSON.parse(out), null, 2) + '\n');
    }
  });

  it('says so when a client log holds no session', async () => {
    writeFileSync(
      join(dir, 'quiet.log'),
      '2025-08-28T04:29:38.723Z { Version: "5.29.1.5595" }: [DBG] Session window deactivated\n',
    );
    const text = await run(join(dir, 'quiet.log'));
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^No connection attempt found/);
    const json = await run(join(dir, 'quiet.log'), '--format', 'json');
    expect(JSON.parse(json.out)).toMatchObject({ sessions: [], diagnoses: [] });
  });

  it('a log cut mid-session reads as INCOMPLETE, with a note about the cut', async () => {
    const text = fixtureText('connected');
    writeFileSync(join(dir, 'cut.log'), text.slice(0, text.indexOf('Reachable endpoints after probing')));
    const { code, out } = await run(join(dir, 'cut.log'), '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.sessions[0].outcome).toBe('INCOMPLETE');
    expect(json.diagnoses.map((d: { code: string }) => d.code)).toEqual(['session-incomplete']);
    expect(json.files[0].notes.join(' ')).toMatch(/no line break/);
  });

  it('exits 2 naming a file with no WorkSpaces lines', async () => {
    writeFileSync(join(dir, 'other.log'), 'Jan 1 00:00:00 host sshd[1]: hello\n');
    const { code, out, err } = await run(join(dir, 'other.log'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`${join(dir, 'other.log')}: error: no WorkSpaces client log lines`);
  });

  it('exits 2 naming a missing file', async () => {
    const { code, err } = await run(join(dir, 'nope.log'));
    expect(code).toBe(2);
    expect(err).toContain(`${join(dir, 'nope.log')}: error: no such file or folder [unreadable]`);
  });

  it('exits 2 without any path or --local', async () => {
    const { code, err } = await run();
    expect(code).toBe(2);
    expect(err).toMatch(/give a log file or folder, or --local/);
  });

  it('exits 2 on an unknown format', async () => {
    const { code, err } = await run(fixturePath('pcoip'), '--format', 'xml');
    expect(code).toBe(2);
    expect(err).toMatch(/Allowed choices are text, json/);
  });

  describe('--local', () => {
    const saved = { HOME: process.env.HOME, LOCALAPPDATA: process.env.LOCALAPPDATA };
    beforeEach(() => {
      process.env.HOME = dir;
      delete process.env.LOCALAPPDATA;
    });
    afterEach(() => {
      process.env.HOME = saved.HOME;
      if (saved.LOCALAPPDATA === undefined) delete process.env.LOCALAPPDATA;
      else process.env.LOCALAPPDATA = saved.LOCALAPPDATA;
    });

    it('says clearly that no client log folder exists here, and where it looked', async () => {
      const { code, err } = await run('--local');
      expect(code).toBe(2);
      expect(err).toMatch(/--local: no WorkSpaces client log folder on this machine/);
      expect(err).toContain(join(dir, '.local', 'share', 'Amazon Web Services', 'Amazon WorkSpaces', 'logs'));
    });

    it('reads the folder that exists', async () => {
      const logs = join(dir, 'Library', 'Application Support', 'Amazon Web Services', 'Amazon WorkSpaces', 'logs');
      mkdirSync(logs, { recursive: true });
      writeFileSync(join(logs, 'client.log'), fixtureText('noReachable'));
      const { code, out } = await run('--local', '--format', 'json');
      expect(code).toBe(0);
      expect(JSON.parse(out).sessions[0].outcome).toBe('NO_REACHABLE_ENDPOINT');
    });
  });
});
