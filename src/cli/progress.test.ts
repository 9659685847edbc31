import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureIo } from './io.js';
import { main } from './main.js';
import { ProgressLine } from './progress.js';

const CLEAR = '\r\u001b[K';
const SEED = 'examples/seed-tokyo.yaml';

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('the progress line', () => {
  it('stays silent for the first second, then draws in place at most every 100 ms, and clears at the end', () => {
    const io = { ...captureIo(), errIsTty: true };
    const c = clock();
    const p = new ProgressLine(io, { now: c.now });
    p.show('step 1');
    c.advance(900);
    p.show('step 2');
    expect(io.stderr()).toBe('');
    c.advance(200);
    p.show('step 3');
    p.show(() => 'step 4 (too soon to draw)');
    c.advance(100);
    let called = false;
    p.show(() => ((called = true), 'step 5'));
    expect(called).toBe(true);
    p.end();
    expect(io.stderr()).toBe(`${CLEAR}step 3${CLEAR}step 5${CLEAR}`);
  });

  it('never writes progress when stderr is not a terminal; a closing "in N s" line is written either way', () => {
    const c = clock();
    for (const errIsTty of [false, true]) {
      const io = { ...captureIo(), errIsTty };
      const p = new ProgressLine(io, { now: c.now });
      c.advance(5000);
      p.show('reading the account: 10 calls');
      p.show('reading the account: 42 calls in 5.0 s');
      p.end();
      expect(io.stderr()).toBe(
        errIsTty
          ? `${CLEAR}reading the account: 10 calls${CLEAR}reading the account: 42 calls in 5.0 s\n`
          : 'reading the account: 42 calls in 5.0 s\n',
      );
    }
  });
});

describe('long-running commands show progress on a terminal only', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Each reading of the clock moves it 1.5 s: every command here "takes" more than a second. */
  function slowClock() {
    let t = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => (t += 1500));
  }

  const commands: [string, string[], RegExp][] = [
    ['matrix', ['matrix', SEED], /predicting the matrix: \d of 2 clients/],
    ['check', ['check', SEED], /checking .*seed-tokyo\.yaml: \d+ of \d+ rules/],
    [
      'whatif',
      ['whatif', SEED, '--change', 'set:vpcs.vpc1.instances.nat.state=stopped'],
      /whatif over the whole estate: \d of 1 changes applied/,
    ],
    ['logs', ['logs', 'test/logs/seed-4-2-privatelink-connected.log'], /reading the logs: 1 sessions/],
  ];

  for (const [name, args, line] of commands) {
    it(`${name}: a line rewritten in place on a terminal, cleared before the end; nothing off a terminal`, async () => {
      slowClock();
      const tty = { ...captureIo(), errIsTty: true };
      await main(args, tty);
      expect(tty.stderr()).toMatch(line);
      expect(tty.stderr().startsWith(CLEAR)).toBe(true);
      expect(tty.stderr().endsWith(CLEAR)).toBe(true);
      expect(tty.stdout()).not.toContain(CLEAR);

      const piped = captureIo();
      await main(args, piped);
      expect(piped.stderr()).toBe('');
      expect(piped.stdout()).toBe(tty.stdout());
    });
  }

  it('a run that ends within the second shows nothing, even on a terminal', async () => {
    const tty = { ...captureIo(), errIsTty: true };
    await main(['matrix', SEED], tty);
    expect(tty.stderr()).toBe('');
  });
});
