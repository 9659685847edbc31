// The fake AWS for the benchmark, in a process of its own so its work does not share a CPU with the reader.
// Usage: node --import tsx bench/aws-fake.ts SCALE LATENCY_MS → prints its URL, serves until killed.
import { estateFromModel } from '../src/sources/aws/testing/estate.js';
import { startFakeAws } from '../src/sources/aws/testing/server.js';
import { ACCOUNTS, spreadEstate } from './aws-estate.js';

const scale = Number(process.argv[2] ?? '1');
const latencyMs = Number(process.argv[3] ?? '50');
const model = spreadEstate(scale);
const fake = await startFakeAws({
  estate: estateFromModel(model),
  latencyMs,
  roles: ACCOUNTS.map((a) => `arn:aws:iam::${a}:role/WsplReadOnly`),
});
console.log(JSON.stringify({ url: fake.url, vpcs: model.vpcs.length, workspaces: model.workspaces.length }));
