// This package repeats two of wspl's facts so it can be used without wspl installed: its rule ids and where
// CloudFormation offers AWS::WorkSpaces::Directory. Here they are held to wspl's own (built in the repository).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { DIRECTORY_NOT_OFFERED, DIRECTORY_OFFERED } from './directory-regions.js';
import { WSPL_RULE } from './rule-ids.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const lib = async <T>(file: string) => (await import(pathToFileURL(path.join(REPO, 'dist', file)).href)) as T;

it('every rule id named in a synth-time error is one of wspl’s', async () => {
  const { RULE_IDS } = await lib<{ RULE_IDS: readonly string[] }>('workspaces/rule-ids.js');
  for (const id of Object.values(WSPL_RULE)) expect(RULE_IDS).toContain(id);
});

it('the Regions table is wspl’s', async () => {
  const { WORKSPACES_DIRECTORY_AVAILABILITY: wspl } = await lib<{
    WORKSPACES_DIRECTORY_AVAILABILITY: { offered: readonly string[]; notOffered: readonly string[] };
  }>('rules/support/cloudformation-availability.js');
  expect([...DIRECTORY_OFFERED].sort()).toEqual([...wspl.offered].sort());
  expect([...DIRECTORY_NOT_OFFERED].sort()).toEqual([...wspl.notOffered].sort());
});
