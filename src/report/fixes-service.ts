// The fix for each WorkSpaces requirement or service answer that stops a connection (ServiceReason of
// src/workspaces/types.ts), with the directory, endpoint and WorkSpace ids of this setup. Commands follow the rule
// pages (docs/rules/); where no command fixes it, the fix says what to change instead (decisions tested in
// fixes.test.ts for every code).
import type { ServiceReason } from '../workspaces/types.js';
import type { Blocker } from '../workspaces/types.js';
import { sh, type Fix, type FixContext } from './fixes-core.js';

const DEVICE_FIELD = { windows: 'DeviceTypeWindows', macos: 'DeviceTypeOsx', linux: 'DeviceTypeLinux' } as const;

/** The streaming endpoint's vpce id as the directory's access endpoint config names it. */
function vpceOf(ctx: FixContext, directory: string): string {
  const dir = ctx.model.directories.find((d) => d.id === directory);
  if (dir?.streamingEndpoint) {
    const ep = ctx.model.endpoints.find((e) => e.id === dir.streamingEndpoint);
    if (ep?.awsId) return ep.awsId;
    return `<id of ${dir.streamingEndpoint}>`;
  }
  return dir?.streamingEndpointAwsId ?? '<id of the streaming endpoint>';
}

/** `aws workspaces modify-workspace-access-properties` writing the access endpoint config. */
function accessConfig(ctx: FixContext, directory: string, vpce: string, pcoipFallback = false): string {
  const config = {
    AccessEndpointConfig: {
      AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: vpce }],
      ...(pcoipFallback ? { InternetFallbackProtocols: ['PCOIP'] } : {}),
    },
  };
  return `aws workspaces modify-workspace-access-properties --resource-id ${ctx.idArg(directory)} --workspace-access-properties ${sh(JSON.stringify(config))}`;
}

/** A new Interface endpoint of the right service, in the endpoint's own VPC, subnets and groups when they are known. */
function createEndpoint(ctx: FixContext, endpoint: string, service: string): string {
  const ep = ctx.model.endpoints.find((e) => e.id === endpoint);
  const vpc = ep ? ctx.idArg(ep.vpc) : sh('<id of a VPC of the directory account>');
  const subnets = ep && ep.subnets.length > 0 ? ep.subnets.map((s) => ctx.idArg(s)).join(' ') : sh('<subnet ids>');
  const groups =
    ep && ep.securityGroups.length > 0
      ? ep.securityGroups.map((g) => ctx.idArg(g)).join(' ')
      : sh('<security group ids>');
  return `aws ec2 create-vpc-endpoint --vpc-endpoint-type Interface --vpc-id ${vpc} --service-name ${sh(service)} --subnet-ids ${subnets} --security-group-ids ${groups} --private-dns-enabled`;
}

function highlander(ctx: FixContext, endpoint: string): string {
  const region = ctx.model.endpoints.find((e) => e.id === endpoint)?.region ?? ctx.model.region;
  return `com.amazonaws.${region}.highlander`;
}

/** The directories that use this endpoint for streaming. */
function directoriesOf(ctx: FixContext, endpoint: string): string[] {
  return ctx.model.directories.filter((d) => d.streamingEndpoint === endpoint).map((d) => d.id);
}

/** A new endpoint, then each directory pointed at it. */
function replaceEndpoint(ctx: FixContext, endpoint: string, note: string): Fix {
  const pointAt = directoriesOf(ctx, endpoint).map((d) =>
    accessConfig(ctx, d, '<VpcEndpointId printed by create-vpc-endpoint>'),
  );
  return ctx.place(endpoint, [createEndpoint(ctx, endpoint, highlander(ctx, endpoint)), ...pointAt], note);
}

/** `workspace`: the WorkSpace of the trace, when the fix may name it (a matrix row may stand for several). */
export function serviceFix(ctx: FixContext, b: Blocker, r: ServiceReason, workspace?: string): Fix {
  switch (r.code) {
    case 'private-dns-off':
      return ctx.place(r.endpoint, [
        `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${ctx.idArg(r.endpoint)} --private-dns-enabled`,
      ]);
    case 'dns-record-ip-type':
      return ctx.place(r.endpoint, [
        `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${ctx.idArg(r.endpoint)} --dns-options DnsRecordIpType=ipv4`,
      ]);
    case 'vpc-dns-attributes-off': {
      const cli: string[] = [];
      if (!r.support)
        cli.push(`aws ec2 modify-vpc-attribute --vpc-id ${ctx.idArg(r.vpc)} --enable-dns-support '{"Value":true}'`);
      if (!r.hostnames)
        cli.push(`aws ec2 modify-vpc-attribute --vpc-id ${ctx.idArg(r.vpc)} --enable-dns-hostnames '{"Value":true}'`);
      return ctx.place(r.vpc, cli);
    }
    case 'access-endpoint-type':
      return ctx.place(r.directory, [accessConfig(ctx, r.directory, vpceOf(ctx, r.directory))]);
    case 'pcoip-no-fallback': {
      const fallback = accessConfig(ctx, r.directory, vpceOf(ctx, r.directory), true);
      const toDcv = workspace
        ? [
            `aws workspaces modify-workspace-properties --workspace-id ${ctx.idArg(workspace)} --workspace-properties '{"Protocols":["WSP"]}'`,
          ]
        : [];
      return ctx.place(
        r.directory,
        [fallback, ...toDcv],
        workspace
          ? `either command: the first lets every PCoIP WorkSpace of ${r.directory} stream over the internet (not private); the second moves ${workspace} to DCV, which streams through the endpoint`
          : `either turn on PCoIP internet fallback (this command; PCoIP then streams over the internet, not privately) or move each PCoIP WorkSpace to DCV (aws workspaces modify-workspace-properties --workspace-properties '{"Protocols":["WSP"]}')`,
      );
    }
    case 'fips-encryption':
      return ctx.place(r.directory, [
        `aws workspaces modify-endpoint-encryption-mode --directory-id ${ctx.idArg(r.directory)} --endpoint-encryption-mode STANDARD_TLS`,
      ]);
    case 'device-denied':
      return ctx.place(r.directory, [
        `aws workspaces modify-workspace-access-properties --resource-id ${ctx.idArg(r.directory)} --workspace-access-properties ${DEVICE_FIELD[r.os]}=ALLOW`,
      ]);
    case 'ip-group-denied': {
      const rules = JSON.stringify([
        { ipRule: r.source.includes('/') ? r.source : `${r.source}/32`, ruleDesc: 'wspl fix' },
      ]);
      return ctx.place(
        r.group,
        [`aws workspaces authorize-ip-rules --group-id ${ctx.idArg(r.group)} --user-rules ${sh(rules)}`],
        'only if this source should be allowed: the group is an access control, not a fault',
      );
    }
    case 'wrong-endpoint-service':
      return replaceEndpoint(
        ctx,
        r.endpoint,
        `an endpoint's service cannot change: create an Interface endpoint of ${r.expected} and point the directory at it`,
      );
    case 'endpoint-state':
      if (r.state === 'pending')
        return ctx.place(
          r.endpoint,
          [],
          `no single command: ${r.endpoint} is still being created; wait until it is available`,
        );
      return replaceEndpoint(
        ctx,
        r.endpoint,
        `a ${r.state} endpoint cannot be brought back: create a new one and point the directory at it`,
      );
    case 'endpoint-other-account':
    case 'endpoint-shared-vpc':
      return ctx.place(
        b.resource,
        [],
        `no single command: create the streaming endpoint in a VPC that account ${r.code === 'endpoint-other-account' ? r.account : 'of the directory'} owns (aws ec2 create-vpc-endpoint there), then point the directory at it`,
      );
    case 'pools-directory':
      return ctx.place(
        r.directory,
        [],
        `no single command: ${r.directory} is a Pools directory, which cannot use a streaming endpoint; use a WorkSpaces Personal directory for private streaming`,
      );
    case 'client-too-old-for-443':
      return ctx.place(
        r.client,
        [],
        `no AWS command: update the WorkSpaces client of ${r.client} to 5.23.0 or newer (Windows, macOS) or 2024.7 or newer (Linux), or open port 4195`,
      );
    case 'private-name-unresolvable':
      return resolverFix(ctx, b, r);
  }
}

/** Forwarding the private name into the endpoint's VPC through its inbound resolver endpoint. */
function resolverFix(
  ctx: FixContext,
  b: Blocker,
  r: Extract<ServiceReason, { code: 'private-name-unresolvable' }>,
): Fix {
  const epVpc = r.endpointVpc;
  const inbound = ctx.model.resolverEndpoints.find((e) => e.direction === 'inbound' && e.vpc === epVpc);
  const targets = inbound && inbound.addresses.length > 0 ? inbound.addresses.map((a) => a.ip) : undefined;
  const where = targets
    ? targets.join(', ')
    : `the addresses of an inbound resolver endpoint in ${epVpc ?? 'the endpoint VPC'}`;
  if (r.resolver.kind === 'internet')
    return ctx.place(
      b.resource,
      [],
      `no single command: public DNS never answers ${r.name}; the client must use a resolver that forwards it to ${where}`,
    );
  if (r.resolver.kind !== 'vpc')
    return ctx.place(
      b.resource,
      [],
      `no AWS command: on ${r.resolver.kind === 'onprem' ? `the DNS of ${r.resolver.network}` : `the DNS servers of ${r.resolver.vpc}`}, add a conditional forwarder for ${r.name} to ${where}`,
    );
  const vpc = r.resolver.vpc;
  const outbound = ctx.model.resolverEndpoints.find((e) => e.direction === 'outbound' && e.vpc === vpc);
  const ips = targets
    ? targets.map((ip) => `Ip=${ip}`).join(' ')
    : sh(`<Ip=… of an inbound resolver endpoint in ${epVpc ?? 'the endpoint VPC'}>`);
  return ctx.place(
    vpc,
    [
      `aws route53resolver create-resolver-rule --rule-type FORWARD --creator-request-id ${sh(`wspl-${vpc}`)} --domain-name ${sh(r.name)} --resolver-endpoint-id ${outbound ? ctx.idArg(outbound.id) : sh(`<id of an outbound resolver endpoint in ${vpc}>`)} --target-ips ${ips}`,
      `aws route53resolver associate-resolver-rule --resolver-rule-id ${sh('<ResolverRuleId printed by create-resolver-rule>')} --vpc-id ${ctx.idArg(vpc)}`,
    ],
    inbound
      ? undefined
      : `create the inbound resolver endpoint in ${epVpc ?? 'the endpoint VPC'} first (aws route53resolver create-resolver-endpoint --direction INBOUND)`,
  );
}
