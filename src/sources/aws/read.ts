// Reading one account in one Region: every list at once, every page of it, and the calls that need an answer
// (attributes of each VPC, entries of each prefix list, routes of each transit gateway route table, …) started as
// soon as the page that names their resource arrives. A call that fails is recorded with its error and the read
// goes on: what it would have told stays unknown in the model.
import { READ_ACTIONS, OPERATIONS, pagingOf, type Action, type Service } from './actions.js';
import { sendAction, type Sender } from './clients.js';
import { toRawError } from './errors.js';
import type { Limiter } from './limiter.js';
import type { RawCall, RawScope } from './raw.js';

type Output = Record<string, unknown>;
type FollowUp = (page: Output, depth: number) => Promise<unknown>[];

export interface ScopeContext {
  account: string;
  region: string;
  client(service: Service): Sender;
  limiter: Limiter;
  /** Called after every request, answered or failed. */
  onCall?: (action: Action, ok: boolean) => void;
}

function items(page: Output, key: string): Record<string, unknown>[] {
  const v = page[key];
  return Array.isArray(v) ? (v.filter((x) => typeof x === 'object' && x !== null) as Record<string, unknown>[]) : [];
}

function str(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}

function withoutMetadata(output: Output): Output {
  const { $metadata: _metadata, ...rest } = output;
  return rest;
}

class ScopeReader {
  readonly calls: RawCall[] = [];

  constructor(private readonly ctx: ScopeContext) {}

  /** One action, every page of it; `follow` starts dependent calls from each page as it arrives. */
  async read(action: Action, input: Output, after: number, follow?: FollowUp): Promise<void> {
    const spec = OPERATIONS[action];
    const service = spec.service;
    const client = this.ctx.client(service);
    const call: RawCall = { action, input, pages: [] };
    this.calls.push(call);
    const pending: Promise<unknown>[] = [];
    const paging = pagingOf(action);
    let token: string | undefined;
    let depth = after;
    do {
      depth++;
      const request = {
        ...input,
        ...(paging ? { [paging.sizeField]: paging.max } : {}),
        ...(token !== undefined ? { NextToken: token } : {}),
      };
      let output: Output;
      try {
        output = await this.ctx.limiter.run(
          { account: this.ctx.account, region: this.ctx.region, service, action },
          depth,
          () => sendAction(client, action, request),
        );
      } catch (e) {
        call.error = toRawError(e, call.pages.length);
        this.ctx.onCall?.(action, false);
        break;
      }
      this.ctx.onCall?.(action, true);
      const page = withoutMetadata(output);
      call.pages.push(page);
      if (follow) pending.push(...follow(page, depth));
      const next = paging ? str(page, 'NextToken') : undefined;
      // SearchTransitGatewayRoutes says when a table holds more routes than it returned; without a token to ask
      // for them the list is incomplete, and the routes must read as unknown rather than as all there is.
      if (next === undefined && page.AdditionalRoutesAvailable === true) {
        call.error = {
          code: 'Truncated',
          message: 'AWS has more routes than it returned and gave no NextToken to ask for them',
          page: call.pages.length - 1,
        };
        break;
      }
      // A token that repeats would page forever: stop and say so rather than loop.
      if (next !== undefined && next === token) {
        call.error = { code: 'BadAnswer', message: 'the same NextToken came back twice', page: call.pages.length };
        break;
      }
      token = next;
    } while (token !== undefined && token !== '');
    await Promise.all(pending);
  }

  plan(d0: number): Promise<unknown>[] {
    const r = (action: Action, follow?: FollowUp, input: Output = {}) => this.read(action, input, d0, follow);
    return [
      r('ec2:DescribeVpcs', (page, d) =>
        items(page, 'Vpcs').flatMap((v) => {
          const VpcId = str(v, 'VpcId');
          if (VpcId === undefined) return [];
          return ['enableDnsSupport', 'enableDnsHostnames'].map((Attribute) =>
            this.read('ec2:DescribeVpcAttribute', { VpcId, Attribute }, d),
          );
        }),
      ),
      r('ec2:DescribeSubnets'),
      r('ec2:DescribeRouteTables'),
      r('ec2:DescribeInternetGateways'),
      r('ec2:DescribeNatGateways'),
      r('ec2:DescribeInstances'),
      r('ec2:DescribeSecurityGroups'),
      r('ec2:DescribeNetworkAcls'),
      r('ec2:DescribeManagedPrefixLists', (page, d) =>
        items(page, 'PrefixLists').flatMap((p) => {
          const PrefixListId = str(p, 'PrefixListId');
          return PrefixListId ? [this.read('ec2:GetManagedPrefixListEntries', { PrefixListId }, d)] : [];
        }),
      ),
      r('ec2:DescribeVpcPeeringConnections'),
      r('ec2:DescribeTransitGateways'),
      r('ec2:DescribeTransitGatewayAttachments'),
      r('ec2:DescribeTransitGatewayVpcAttachments'),
      r('ec2:DescribeTransitGatewayRouteTables', (page, d) =>
        items(page, 'TransitGatewayRouteTables').flatMap((t) => {
          const TransitGatewayRouteTableId = str(t, 'TransitGatewayRouteTableId');
          if (TransitGatewayRouteTableId === undefined) return [];
          const id = { TransitGatewayRouteTableId };
          return [
            // The API insists on a filter; these two types are every route a table can hold.
            this.read(
              'ec2:SearchTransitGatewayRoutes',
              { ...id, Filters: [{ Name: 'type', Values: ['static', 'propagated'] }] },
              d,
            ),
            this.read('ec2:GetTransitGatewayRouteTableAssociations', id, d),
            this.read('ec2:GetTransitGatewayRouteTablePropagations', id, d),
          ];
        }),
      ),
      r('ec2:DescribeVpnConnections'),
      r('ec2:DescribeVpnGateways'),
      r('ec2:DescribeVpcEndpoints', (page, d) => {
        const names = [
          ...new Set(
            items(page, 'VpcEndpoints')
              .filter((e) => str(e, 'VpcEndpointType') === 'Interface')
              .flatMap((e) => str(e, 'ServiceName') ?? []),
          ),
        ].sort();
        return names.length > 0 ? [this.read('ec2:DescribeVpcEndpointServices', { ServiceNames: names }, d)] : [];
      }),
      r('ec2:DescribeNetworkInterfaces', undefined, {
        Filters: [{ Name: 'interface-type', Values: ['vpc_endpoint'] }],
      }),
      r('ec2:DescribeDhcpOptions'),
      r('workspaces:DescribeWorkspaceDirectories', (page, d) =>
        items(page, 'Directories').flatMap((dir) => {
          const DirectoryId = str(dir, 'DirectoryId');
          return DirectoryId ? [this.read('workspaces:DescribeWorkspaces', { DirectoryId }, d)] : [];
        }),
      ),
      r('workspaces:DescribeIpGroups'),
      r('workspaces:DescribeWorkspacesPools'),
      r('route53resolver:ListResolverEndpoints', (page, d) =>
        items(page, 'ResolverEndpoints').flatMap((e) => {
          const ResolverEndpointId = str(e, 'Id');
          return ResolverEndpointId
            ? [this.read('route53resolver:ListResolverEndpointIpAddresses', { ResolverEndpointId }, d)]
            : [];
        }),
      ),
      r('route53resolver:ListResolverRules'),
      r('route53resolver:ListResolverRuleAssociations'),
    ];
  }
}

/** Calls in a stable order (the order of actions.ts, then by request), so one estate always gives one file. */
function stableOrder(calls: RawCall[]): RawCall[] {
  const rank = new Map(READ_ACTIONS.map((a, i) => [a, i]));
  return calls
    .map((c) => ({ c, key: JSON.stringify(c.input) }))
    .sort((a, b) => (rank.get(a.c.action) ?? 0) - (rank.get(b.c.action) ?? 0) || a.key.localeCompare(b.key))
    .map(({ c }) => c);
}

/** Reads everything of one account in one Region. `depth`: calls already made one after another (identity). */
export async function readScope(ctx: ScopeContext, depth: number): Promise<RawScope> {
  const reader = new ScopeReader(ctx);
  await Promise.all(reader.plan(depth));
  return { account: ctx.account, region: ctx.region, calls: stableOrder(reader.calls) };
}
