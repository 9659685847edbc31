// The live AWS source and its snapshot as forms of each conformance case. The fake AWS serves the reference design
// file; it tags every resource with its design name, and the AWS source takes ids from `Name` tags, so the models
// match without an id mapping (AWS ids stay in provenance). What AWS states and a design file does not (the vpce
// id, the service's private DNS name) is left out of the comparison; what AWS cannot state (clients, the DNS and
// internet breakout of on-premises sites) comes from an overlay (test/conformance/overlays/), as a user gives it
// with --overlay.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fakeFor } from '../../src/sources/aws/testing/harness.js';
import { writeSnapshotFile } from '../../src/sources/snapshot/file.js';
import { takeSnapshot } from '../../src/sources/snapshot/take.js';
import type { FormSetup, SourceForm } from './cases.js';

const STATES_MORE: SourceForm['statesMore'] = [
  { collection: 'endpoints', field: 'awsId', why: 'AWS always gives the vpce id; the design files leave it out' },
  {
    collection: 'endpoints',
    field: 'servicePrivateDnsName',
    why: "the service's private DNS name comes from DescribeVpcEndpointServices; a design file cannot state it",
  },
];

function overlayOf(reference: string): string {
  return join('test/conformance/overlays', basename(reference));
}

async function liveSetup(reference: string): Promise<FormSetup> {
  const h = await fakeFor(reference);
  return { options: { env: h.env, overlay: overlayOf(reference) }, close: () => h.fake.close() };
}

async function snapshotSetup(reference: string): Promise<FormSetup> {
  const h = await fakeFor(reference);
  try {
    const taken = await takeSnapshot(`aws:${h.model.region}`, { env: h.env });
    if ('diagnostics' in taken) throw new Error(JSON.stringify(taken.diagnostics));
    const file = join(mkdtempSync(join(tmpdir(), 'wspl-conformance-snapshot-')), 'snapshot.json');
    writeSnapshotFile(file, taken.snapshot);
    return { spec: file, options: { overlay: overlayOf(reference) }, close: () => Promise.resolve() };
  } finally {
    await h.fake.close();
  }
}

export function awsForms(region: string): SourceForm[] {
  return [
    { kind: 'aws', spec: `aws:${region}`, setup: liveSetup, statesMore: STATES_MORE },
    { kind: 'snapshot', spec: '(a snapshot of the fake AWS)', setup: snapshotSetup, statesMore: STATES_MORE },
  ];
}
