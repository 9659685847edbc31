// A dropped path, made with network namespaces where the machine allows it: the probe must call a silent TCP
// drop a timeout (not a refusal) and QUIC silence inconclusive, and still fail the run. Skipped with the reason
// where namespaces cannot be made (not Linux, not root, a container that forbids them).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DROPPED_ADDRESS, makeDroppedPath, netnsSkipReason, type DroppedPath } from './testing/netns.js';
import { probeReportSchema } from './types.js';

const skip = netnsSkipReason();
if (skip) console.warn(`[wspl probe tests] dropped-path test skipped: ${skip}`);

const child = fileURLToPath(new URL('./testing/dropped-path-child.ts', import.meta.url));

describe.skipIf(skip !== undefined)(`a dropped path (network namespaces)${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let path: DroppedPath | undefined;
  beforeAll(() => {
    path = makeDroppedPath();
  });
  afterAll(() => path?.remove());

  it('TCP times out, QUIC is silent and said to prove nothing, the address that answers refuses, the run fails', async () => {
    const { stdout } = await promisify(execFile)(
      'ip',
      ['netns', 'exec', path!.prober, process.execPath, '--import', 'tsx', child],
      { cwd: process.cwd(), timeout: 20_000 },
    );
    const { report: raw, answering } = JSON.parse(stdout);
    const report = probeReportSchema.parse(raw);
    const at = (id: string) => report.checks.find((c) => c.id === id);
    expect(at(`TCP:4195@${DROPPED_ADDRESS}`)).toMatchObject({ status: 'fail', result: 'timeout' });
    expect(at(`TCP:443@${DROPPED_ADDRESS}`)).toMatchObject({ status: 'fail', result: 'timeout' });
    expect(at(`QUIC:4195@${DROPPED_ADDRESS}`)).toMatchObject({ status: 'inconclusive', result: 'silent' });
    expect(at(`QUIC:4195@${DROPPED_ADDRESS}`)?.explanation).toContain('silence is not proof of a block');
    expect(answering.status).toBe('refused');
    expect(report.connect).toBeNull();
    expect(report.verdict.failures.join(' ')).toMatch(
      /no endpoint address is confirmed reachable .*QUIC went unanswered/,
    );
  }, 25_000);
});
