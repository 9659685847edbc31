// main() keeps to the contract's exit codes even when wspl itself has a bug: an exception that is not bad input
// becomes one clear "internal error" message and exit 2, not a Node stack trace and exit 1.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureIo } from './io.js';
import { main } from './main.js';

vi.mock('../workspaces/matrix.js', () => ({
  predictMatrixEntries: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'id')");
  },
}));

afterEach(() => vi.unstubAllEnvs());

describe('main', () => {
  it('turns a bug into exit 2 with a plain message and a way to get the stack', async () => {
    vi.stubEnv('WSPL_DEBUG', '');
    const io = captureIo();
    const code = await main(['matrix', 'examples/seed-tokyo.yaml'], io);
    expect(code).toBe(2);
    expect(io.stderr()).toContain(
      "wspl: internal error: TypeError: Cannot read properties of undefined (reading 'id')",
    );
    expect(io.stderr()).toContain('This is a bug in wspl');
    expect(io.stderr()).toContain('WSPL_DEBUG=1');
    expect(io.stderr()).not.toMatch(/^\s+at /m);
    expect(io.stdout()).toBe('');
  });

  it('prints the stack with WSPL_DEBUG=1', async () => {
    vi.stubEnv('WSPL_DEBUG', '1');
    const io = captureIo();
    expect(await main(['matrix', 'examples/seed-tokyo.yaml'], io)).toBe(2);
    expect(io.stderr()).toMatch(/^\s+at /m);
  });

  it('bad input still takes its own path: diagnostics, no internal error', async () => {
    const io = captureIo();
    expect(await main(['matrix', 'test/check/nope.yaml'], io)).toBe(2);
    expect(io.stderr()).not.toContain('internal error');
  });
});
