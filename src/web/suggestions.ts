// Changes the page offers for what-if, read off the design-file form of the model so every path is one that
// `wspl export` prints and `wspl whatif --change` accepts: stop or start a NAT instance, delete a NAT gateway,
// take the endpoint off the directory or delete it, toggle PCoIP fallback, remove one security-group rule,
// network-ACL rule or route.
import type { Model } from '../model/types.js';
import { exportDesign } from '../sources/design/export.js';
import { formatPath } from '../sources/design/paths.js';
import { streamingServiceName } from '../workspaces/knowledge.js';
import type { Suggestion } from './types.js';

/** Per group; a large estate has thousands of rules, and the page filters what it lists. */
const PER_GROUP = 2000;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function entriesOf(v: unknown): [string, Obj][] {
  return isObj(v) ? Object.entries(v).filter((e): e is [string, Obj] => isObj(e[1])) : [];
}

function ruleText(rule: unknown): string {
  if (typeof rule === 'string') return rule;
  if (isObj(rule) && typeof rule.rule === 'string') return rule.rule;
  return JSON.stringify(rule);
}

class Suggestions {
  readonly list: Suggestion[] = [];
  private readonly perGroup = new Map<string, number>();

  add(group: string, label: string, op: 'set' | 'delete', path: (string | number)[], resource: string, value?: string) {
    const n = this.perGroup.get(group) ?? 0;
    if (n >= PER_GROUP) return;
    this.perGroup.set(group, n + 1);
    const change = op === 'set' ? `set:${formatPath(path)}=${value ?? 'null'}` : `delete:${formatPath(path)}`;
    this.list.push({ change, label, group, resource });
  }
}

export function suggestChanges(model: Model): Suggestion[] {
  const doc = exportDesign(model);
  const out = new Suggestions();
  const streamingServices = new Set([model.region, ...model.vpcs.map((v) => v.region)].map(streamingServiceName));

  for (const [dir, d] of entriesOf(doc.directories)) {
    if (typeof d.streamingEndpoint === 'string') {
      out.add(
        'Directory',
        `take streaming endpoint ${d.streamingEndpoint} off directory ${dir}`,
        'set',
        ['directories', dir, 'streamingEndpoint'],
        dir,
        'null',
      );
    }
    const fallback = d.pcoipOverInternet === true;
    out.add(
      'Directory',
      `${fallback ? 'turn off' : 'turn on'} PCoIP over the internet on ${dir}`,
      'set',
      ['directories', dir, 'pcoipOverInternet'],
      dir,
      String(!fallback),
    );
  }
  for (const [vpc, v] of entriesOf(doc.vpcs)) {
    for (const [name, inst] of entriesOf(v.instances)) {
      if (inst.nat !== true) continue;
      const stopped = inst.state === 'stopped';
      const path = ['vpcs', vpc, 'instances', name, 'state'];
      out.add(
        'NAT',
        `${stopped ? 'start' : 'stop'} NAT instance ${vpc}/${name}`,
        'set',
        path,
        `${vpc}/${name}`,
        stopped ? 'running' : 'stopped',
      );
    }
    // Deleting a NAT gateway or an endpoint that routes or directories still name would leave the design invalid;
    // AWS shows such a resource as `deleted` for a while, and so does the model.
    for (const [name, ngw] of entriesOf(v.natGateways)) {
      if (ngw.state === 'deleted') continue;
      const path = ['vpcs', vpc, 'natGateways', name, 'state'];
      out.add('NAT', `delete NAT gateway ${vpc}/${name}`, 'set', path, `${vpc}/${name}`, 'deleted');
    }
    for (const [name, ep] of entriesOf(v.endpoints)) {
      if (typeof ep.service === 'string' && !streamingServices.has(ep.service)) continue;
      const id = `${vpc}/${name}`;
      if (ep.state !== 'deleted')
        out.add('Endpoint', `delete endpoint ${id}`, 'set', ['vpcs', vpc, 'endpoints', name, 'state'], id, 'deleted');
      if (ep.privateDns !== false)
        out.add(
          'Endpoint',
          `turn private DNS off on ${id}`,
          'set',
          ['vpcs', vpc, 'endpoints', name, 'privateDns'],
          id,
          'false',
        );
    }
    for (const [name, sg] of entriesOf(v.securityGroups)) {
      for (const dir of ['ingress', 'egress'] as const) {
        const rules = sg[dir];
        if (!Array.isArray(rules)) continue;
        rules.forEach((rule, i) =>
          out.add(
            'Security-group rule',
            `remove "${ruleText(rule)}" from ${vpc}/${name} ${dir}`,
            'delete',
            ['vpcs', vpc, 'securityGroups', name, dir, i],
            `${vpc}/${name}`,
          ),
        );
      }
    }
    for (const [name, acl] of entriesOf(v.networkAcls)) {
      for (const dir of ['ingress', 'egress'] as const) {
        const rules = acl[dir];
        if (!Array.isArray(rules)) continue;
        rules.forEach((rule, i) =>
          out.add(
            'Network ACL rule',
            `remove "${ruleText(rule)}" from ${vpc}/${name} ${dir}`,
            'delete',
            ['vpcs', vpc, 'networkAcls', name, dir, i],
            `${vpc}/${name}`,
          ),
        );
      }
    }
    for (const [name, table] of entriesOf(v.routeTables)) {
      for (const [dest, target] of Object.entries(table)) {
        out.add(
          'Route',
          `remove route ${dest} → ${String(target)} from ${vpc}/${name}`,
          'delete',
          ['vpcs', vpc, 'routeTables', name, dest],
          `${vpc}/${name}`,
        );
      }
    }
  }
  return out.list;
}
