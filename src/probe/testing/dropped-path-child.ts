// Runs inside the prober namespace (netns.test.ts): a whole probe whose private name resolves to an address on a
// dropped path, and one TCP probe to an address that answers. Prints the results as JSON on stdout.
import { ANSWERING_ADDRESS, DROPPED_ADDRESS } from './netns.js';
import { probe } from '../index.js';
import { tcpConnect } from '../tcp.js';

const PRIVATE = 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com';
const [report, answering] = await Promise.all([
  probe(
    { region: 'ap-northeast-1', timeoutMs: 400 },
    {
      // Only the private name resolves; the AWS hosts do not, so nothing is sent towards them.
      lookup: (name) =>
        name === PRIVATE
          ? Promise.resolve([{ address: DROPPED_ADDRESS }])
          : Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' })),
      systemServers: () => [],
    },
  ),
  tcpConnect(ANSWERING_ADDRESS, 4195, 400),
]);
process.stdout.write(JSON.stringify({ report, answering }));
