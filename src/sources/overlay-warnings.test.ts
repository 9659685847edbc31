// A warning that a plan cannot state a fact goes once the overlay states that fact, and only then.
import { describe, expect, it } from 'vitest';
import { writeFiles } from './iac/fixtures.test-helpers.js';
import { readSource } from './index.js';

const PLAN = 'test/iac/seed-tokyo.tfplan.json';

async function unknownFields(overlay?: string): Promise<string[]> {
  const options = overlay === undefined ? {} : { overlay: writeFiles({ 'o.yaml': overlay })[0] ?? '' };
  const r = await readSource(PLAN, { account: '111122223333', ...options });
  expect(r.ok).toBe(true);
  return r.diagnostics
    .filter((d) => d.code === 'unknown-value')
    .map((d) => d.field?.split('.').pop() ?? '')
    .sort();
}

describe('overlay-settled warnings', () => {
  it('keeps the warnings about facts the overlay leaves out, drops those it states', async () => {
    expect(await unknownFields()).toEqual(['encryption', 'globalAccelerator', 'preferredProtocol']);
    expect(
      await unknownFields('directories:\n  aws_workspaces_directory.corp: { encryption: standard-tls }\n'),
    ).toEqual(['globalAccelerator', 'preferredProtocol']);
  });
});
