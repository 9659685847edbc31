// Everything outside the VPCs: peerings, transit gateways, on-premises networks, prefix lists, IP groups.
import type { Model, OnPremConnection, TgwAttachment, TgwRouteTable } from '../../model/types.js';
import { entries, type DesignContext } from './context.js';
import { convertRules } from './convert-rules.js';
import { vpcRefs } from './convert-vpc.js';
import { PEERING_DEFAULT_STATE } from './defaults.js';
import { get, has } from './names.js';
import { didYouMean } from '../did-you-mean.js';
import { attachmentNames } from './suggest.js';
import type { DesignDoc, DesignOnPrem, DesignTgw } from './schema.js';

export function convertCidrLists(ctx: DesignContext, doc: DesignDoc, model: Model): void {
  for (const key of ['prefixLists', 'ipGroups'] as const) {
    for (const [name, cidrs] of entries(doc[key])) {
      cidrs.forEach((c, i) => ctx.checkCidr(c, [key, name, i]));
      model[key].push({
        id: name,
        name,
        account: model.account,
        region: model.region,
        cidrs,
        prov: ctx.prov([key, name], name),
      });
    }
  }
}

export function convertPeerings(ctx: DesignContext, doc: DesignDoc, model: Model): void {
  for (const [name, p] of entries(doc.peerings)) {
    const path = ['peerings', name];
    for (const side of ['requester', 'accepter'] as const) {
      if (!has(doc.vpcs, p[side])) ctx.error('unknown-reference', [...path, side], `VPC "${p[side]}" not found`);
    }
    model.peerings.push({
      id: name,
      name,
      account: model.vpcs.find((v) => v.id === p.requester)?.account ?? model.account,
      region: model.vpcs.find((v) => v.id === p.requester)?.region ?? model.region,
      requesterVpc: p.requester,
      accepterVpc: p.accepter,
      state: p.state ?? PEERING_DEFAULT_STATE,
      prov: ctx.prov(path, name),
    });
  }
}

const ATTACHMENT_KINDS = ['vpc', 'vpn', 'dx', 'peering'] as const;

function convertAttachments(ctx: DesignContext, doc: DesignDoc, tgwName: string, raw: DesignTgw): TgwAttachment[] {
  const tableNames = Object.keys(raw.routeTables ?? {});
  const out: TgwAttachment[] = [];
  for (const [name, a] of entries(raw.attachments)) {
    const path = ['transitGateways', tgwName, 'attachments', name];
    const kinds = ATTACHMENT_KINDS.filter((k) => a[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.error(
        'bad-attachment',
        path,
        `an attachment names exactly one of vpc, vpn, dx, peering (found ${kinds.join(', ') || 'none'})`,
      );
      continue;
    }
    let table = a.routeTable;
    if (table === undefined) {
      if (tableNames.length === 1) table = tableNames[0];
      else
        ctx.error(
          'missing-field',
          path,
          `routeTable is needed when transit gateway ${tgwName} has ${tableNames.length} route tables`,
        );
    } else if (!tableNames.includes(table)) {
      ctx.error(
        'unknown-reference',
        [...path, 'routeTable'],
        `route table "${table}" not found in transit gateway ${tgwName}`,
      );
    }
    const common = {
      id: `${tgwName}/${name}`,
      name,
      routeTable: `${tgwName}/${table ?? ''}`,
      prov: ctx.prov(path, name),
    };
    const kind = kinds[0];
    if (kind === 'vpc' && a.vpc !== undefined) {
      const vpc = get(doc.vpcs, a.vpc);
      if (!vpc) ctx.error('unknown-reference', [...path, 'vpc'], `VPC "${a.vpc}" not found`);
      const subnets = vpc ? vpcRefs(ctx, vpc, a.vpc, 'subnets', a.subnets ?? [], [...path, 'subnets']) : [];
      out.push({ ...common, kind, vpc: a.vpc, subnets });
    } else if ((kind === 'vpn' || kind === 'dx') && a[kind] !== undefined) {
      const onPrem = a[kind];
      if (!has(doc.onPremises, onPrem))
        ctx.error('unknown-reference', [...path, kind], `on-premises network "${onPrem}" not found`);
      out.push({ ...common, kind, onPrem: `onprem/${onPrem}` });
    } else if (kind === 'peering' && a.peering !== undefined) {
      if (!has(doc.transitGateways, a.peering))
        ctx.error('unknown-reference', [...path, 'peering'], `transit gateway "${a.peering}" not found`);
      out.push({ ...common, kind, peerTgw: a.peering });
    }
  }
  return out;
}

export function convertTransitGateways(ctx: DesignContext, doc: DesignDoc, model: Model): void {
  for (const [name, raw] of entries(doc.transitGateways)) {
    const path = ['transitGateways', name];
    const routeTables: TgwRouteTable[] = entries(raw.routeTables).map(([tableName, routes]) => {
      const at = [...path, 'routeTables', tableName];
      const out: TgwRouteTable['routes'] = [];
      for (const [destination, target] of Object.entries(routes)) {
        const rp = [...at, destination];
        if (!ctx.checkCidr(destination, rp)) continue;
        if (target === 'blackhole') out.push({ destination, prov: ctx.prov(rp) });
        else if (has(raw.attachments, target))
          out.push({ destination, attachment: `${name}/${target}`, prov: ctx.prov(rp) });
        else ctx.error('unknown-reference', rp, `attachment "${target}" not found in transit gateway ${name}`);
      }
      return { id: `${name}/${tableName}`, name: tableName, routes: out, prov: ctx.prov(at, tableName) };
    });
    const attachments = convertAttachments(ctx, doc, name, raw);
    addPropagatedRoutes(ctx, doc, name, raw, routeTables, attachments);
    model.transitGateways.push({
      id: name,
      account: raw.account !== undefined ? ctx.account(raw.account, [...path, 'account']) : model.account,
      region: raw.region !== undefined ? ctx.region(raw.region, [...path, 'region']) : model.region,
      routeTables,
      attachments,
      prov: ctx.prov(path, name),
    });
  }
}

/**
 * Propagation: an attachment puts its CIDRs (the VPC's, or the site's for VPN and Direct Connect) into each route
 * table it propagates to. Written after the static routes, so longest-prefix match prefers a static route of the same
 * prefix, as the transit gateway does.
 */
function addPropagatedRoutes(
  ctx: DesignContext,
  doc: DesignDoc,
  tgwName: string,
  raw: DesignTgw,
  tables: TgwRouteTable[],
  attachments: TgwAttachment[],
): void {
  for (const [name, a] of entries(raw.attachments)) {
    const att = attachments.find((x) => x.name === name);
    if (!att) continue;
    (a.propagateTo ?? []).forEach((tableName, i) => {
      const at = ['transitGateways', tgwName, 'attachments', name, 'propagateTo', i];
      const table = tables.find((t) => t.name === tableName);
      if (!table) {
        ctx.error('unknown-reference', at, `route table "${tableName}" not found in transit gateway ${tgwName}`);
        return;
      }
      const cidrs = propagatedCidrs(doc, att);
      if (cidrs === undefined) {
        ctx.error('bad-attachment', at, `a ${att.kind} attachment has no CIDRs of its own to propagate`);
        return;
      }
      for (const destination of cidrs)
        table.routes.push({ destination, attachment: att.id, propagated: true, prov: ctx.prov(at) });
    });
  }
}

function propagatedCidrs(doc: DesignDoc, att: TgwAttachment): string[] | undefined {
  if (att.kind === 'vpc') {
    const v = get(doc.vpcs, att.vpc);
    return v ? [v.cidr, ...(v.secondaryCidrs ?? []), ...(v.ipv6Cidrs ?? [])] : [];
  }
  if (att.kind === 'vpn' || att.kind === 'dx') {
    const o = get(doc.onPremises, att.onPrem.replace(/^onprem\//, ''));
    return o ? [...(o.cidr !== undefined ? [o.cidr] : []), ...(o.cidrs ?? [])] : [];
  }
  return undefined;
}

/** `vpn: X` / `dx: X`: X is a VPC (its VGW), a transit gateway (its attachment for this site) or TGW/ATTACHMENT. */
function convertConnection(
  ctx: DesignContext,
  doc: DesignDoc,
  site: string,
  c: { vpn?: string; dx?: string },
  path: (string | number)[],
): OnPremConnection | undefined {
  const kinds = (['vpn', 'dx'] as const).filter((k) => c[k] !== undefined);
  const kind = kinds[0];
  if (kinds.length !== 1 || kind === undefined) {
    ctx.error('bad-connection', path, 'a connection names exactly one of vpn, dx');
    return undefined;
  }
  const via = c[kind] ?? '';
  const at = [...path, kind];
  if (has(doc.vpcs, via)) return { kind, via: 'vgw', vpc: via };
  const [tgwName = '', attachmentName] = via.split('/', 2);
  const tgw = get(doc.transitGateways, tgwName);
  if (!tgw) {
    const known = [...Object.keys(doc.vpcs ?? {}), ...attachmentNames(doc)];
    ctx.error('unknown-reference', at, `"${via}" is neither a VPC nor a transit gateway${didYouMean(via, known)}`);
    return undefined;
  }
  const attachment = attachmentName ?? entries(tgw.attachments).find(([, a]) => a[kind] === site)?.[0];
  if (attachment === undefined || !has(tgw.attachments, attachment)) {
    ctx.error(
      'unknown-reference',
      at,
      `transit gateway ${tgwName} has no ${kind} attachment ${attachmentName ?? `for ${site}`}`,
    );
    return undefined;
  }
  return { kind, via: 'tgw', tgw: tgwName, attachment: `${tgwName}/${attachment}` };
}

export function convertOnPrem(ctx: DesignContext, doc: DesignDoc, name: string, raw: DesignOnPrem, model: Model): void {
  const path = ['onPremises', name];
  const cidrs = [...(raw.cidr !== undefined ? [raw.cidr] : []), ...(raw.cidrs ?? [])];
  if (raw.cidr !== undefined) ctx.checkCidr(raw.cidr, [...path, 'cidr']);
  (raw.cidrs ?? []).forEach((c, i) => ctx.checkCidr(c, [...path, 'cidrs', i]));
  if (cidrs.length === 0) ctx.error('missing-field', path, `on-premises network ${name} needs cidr or cidrs`);
  const connections: OnPremConnection[] = [];
  (raw.connections ?? []).forEach((c, i) => {
    const conn = convertConnection(ctx, doc, name, c, [...path, 'connections', i]);
    if (conn) connections.push(conn);
  });
  const server = raw.dns?.server;
  if (server !== undefined) ctx.checkIp(server, [...path, 'dns', 'server']);
  const forwarders = (raw.dns?.forwarders ?? []).map((f, i) => {
    f.to.forEach((ip, j) => ctx.checkIp(ip, [...path, 'dns', 'forwarders', i, 'to', j]));
    return { domain: f.domain.replace(/\.$/, ''), to: f.to };
  });
  if (raw.internet?.publicIp !== undefined) ctx.checkIp(raw.internet.publicIp, [...path, 'internet', 'publicIp']);
  model.onPremises.push({
    id: `onprem/${name}`,
    name,
    cidrs,
    connections,
    dns: { ...(server !== undefined ? { server } : {}), forwarders },
    ...(raw.internet !== undefined ? { internet: { ...raw.internet } } : {}),
    ...(raw.egress !== undefined
      ? { egress: convertRules(ctx, { doc }, raw.egress, 'egress', [...path, 'egress']) }
      : {}),
    prov: ctx.prov(path, name),
  });
}

export function convertOnPremises(ctx: DesignContext, doc: DesignDoc, model: Model): void {
  for (const [name, raw] of entries(doc.onPremises)) convertOnPrem(ctx, doc, name, raw, model);
}
