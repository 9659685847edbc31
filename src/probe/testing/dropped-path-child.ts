// Runs inside the prober namespace (netns.test.ts): a whole probe whose private name resolves to an address on a
// dropped path, and one TCP probe to an address that answers. Prints the results as JSON on stdout.
// It imports the probe's parts directly, not ../index.js, to keep the child's start-up short (no zod).
import { ANSWERING_ADDRESS, DROPPED_ADDRESS } from './netns.js';
import { assess } from '../assess.js';
import { liveDeps, planProbe } from '../plan.js';
import { runProbe } from '../run.js';
import { tcpConnect } from '../tcp.js';

const PRIVATE = 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com';
const plan = planProbe({ region: 'ap-northeast-1', timeoutMs: 400 });
const [observations, answering] = await Promise.all([
  runProbe(plan, {
    ...liveDeps,
    // Only the private name resolves; the AWS hosts do not, so nothing is sent towards them.
    lookup: (name) =>
      name === PRIVATE
        ? Promise.resolve([{ address: DROPPED_ADDRESS }])
        : Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' })),
    systemServers: () => [],
  }),
  tcpConnect(ANSWERING_ADDRESS, 4195, 400),
]);
const report = assess(plan, observations);
process.stdout.write(JSON.stringify({ report, answering }));
