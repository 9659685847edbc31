// The networks clients connect from, as security groups see them (source address and SG membership). Internet
// clients are left out: they cannot reach a private endpoint at all (internet-clients-cut-off says so).
import type { Model } from '../../model/types.js';
import type { Source } from './sg-ingress.js';

export interface ClientNetwork extends Source {
  /** What to call it in a message: the client's address, its subnet, or the on-premises network. */
  label: string;
  clients: string[];
}

export interface MissingClientNetwork {
  client: string;
  what: string;
}

export function clientNetworks(model: Readonly<Model>): { networks: ClientNetwork[]; missing: MissingClientNetwork[] } {
  const byKey = new Map<string, ClientNetwork>();
  const missing: MissingClientNetwork[] = [];
  const add = (cidr: string, memberOf: string[], label: string, client: string) => {
    const key = `${cidr}|${memberOf.join(',')}`;
    const existing = byKey.get(key);
    if (existing) existing.clients.push(client);
    else byKey.set(key, { cidr, memberOf, label, clients: [client] });
  };
  for (const client of model.clients) {
    const at = client.at;
    if (at.kind === 'internet') continue;
    if (at.kind === 'onprem') {
      const net = model.onPremises.find((n) => n.id === at.network);
      if (!net) missing.push({ client: client.id, what: `on-premises network ${at.network}` });
      const label = net?.id ?? at.network;
      if (client.privateIp) add(`${client.privateIp}/32`, [], `${client.privateIp} (${label})`, client.id);
      else for (const cidr of net?.cidrs ?? []) add(cidr, [], `${cidr} (${label})`, client.id);
      continue;
    }
    const instance = at.instance ? model.instances.find((i) => i.id === at.instance) : undefined;
    const ip = client.privateIp ?? instance?.privateIp;
    const memberOf = instance?.securityGroups ?? [];
    if (ip) {
      add(`${ip}/32`, memberOf, `${ip} (${at.subnet})`, client.id);
      continue;
    }
    const subnet = model.subnets.find((s) => s.id === at.subnet);
    if (subnet) add(subnet.cidr, memberOf, `${subnet.cidr} (${subnet.id})`, client.id);
    else missing.push({ client: client.id, what: `subnet ${at.subnet}` });
  }
  return { networks: [...byKey.values()], missing };
}
