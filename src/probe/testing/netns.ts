// A dropped path made with network namespaces (Linux, root): namespace A (the prober) is joined by a veth pair to
// namespace B, and A routes 198.18.0.8/29 (a benchmarking range, RFC 2544) through B. B does not forward, so a
// packet to 198.18.0.9 vanishes without an answer: no reset, no ICMP. Nothing changes in the host's own network.
import { execFileSync, spawnSync } from 'node:child_process';

export const DROPPED_ADDRESS = '198.18.0.9';
/** B's own address: it answers, so a probe there is refused rather than dropped (the contrast). */
export const ANSWERING_ADDRESS = '198.18.0.2';

export interface DroppedPath {
  /** The namespace to run the prober in (`ip netns exec NAME …`). */
  prober: string;
  remove(): void;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

/** Why namespaces cannot be used here, or undefined when they can. */
export function netnsSkipReason(): string | undefined {
  if (process.platform !== 'linux') return 'network namespaces exist only on Linux';
  if (process.getuid?.() !== 0) return 'making network namespaces needs root';
  const name = `wspl-try-${String(process.pid)}`;
  const r = spawnSync('ip', ['netns', 'add', name], { encoding: 'utf8' });
  if (r.error) return `the ip command is not available (${r.error.message})`;
  if (r.status !== 0) return `this machine does not allow \`ip netns add\`: ${r.stderr.trim()}`;
  spawnSync('ip', ['netns', 'del', name]);
  return undefined;
}

export function makeDroppedPath(): DroppedPath {
  const id = String(process.pid);
  const a = `wspl-pa-${id}`;
  const b = `wspl-pb-${id}`;
  const remove = () => {
    for (const ns of [a, b]) spawnSync('ip', ['netns', 'del', ns]);
  };
  try {
    ip('netns', 'add', a);
    ip('netns', 'add', b);
    ip('link', 'add', `wpa${id}`, 'netns', a, 'type', 'veth', 'peer', 'name', `wpb${id}`, 'netns', b);
    ip('-n', a, 'addr', 'add', '198.18.0.1/30', 'dev', `wpa${id}`);
    ip('-n', a, 'link', 'set', `wpa${id}`, 'up');
    ip('-n', a, 'link', 'set', 'lo', 'up');
    ip('-n', b, 'addr', 'add', `${ANSWERING_ADDRESS}/30`, 'dev', `wpb${id}`);
    ip('-n', b, 'link', 'set', `wpb${id}`, 'up');
    ip('-n', a, 'route', 'add', '198.18.0.8/29', 'via', ANSWERING_ADDRESS);
    // A new namespace does not forward; say so explicitly rather than rely on the default.
    ip('netns', 'exec', b, 'sh', '-c', 'echo 0 > /proc/sys/net/ipv4/ip_forward');
  } catch (e) {
    remove();
    throw e;
  }
  return { prober: a, remove };
}
