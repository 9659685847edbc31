// Services in the fake estate: VPC endpoints with their network interfaces and the endpoint services' DNS names,
// Route 53 Resolver endpoints, rules and associations, and the WorkSpaces side (IP groups, directories, WorkSpaces,
// and Pools for WorkSpaces in Pools directories).
import type { Workspace, WorkspaceDirectory } from '@aws-sdk/client-workspaces';
import type { Directory, VpcEndpoint } from '../../../model/types.js';
import { privateStreamingName } from '../../../workspaces/knowledge.js';
import { DEVICE_TYPE_FIELDS } from '../device-types.js';
import { nameTag, type EstateBuild } from './estate.js';

function isV6(ip: string): boolean {
  return ip.includes(':');
}

/** The private DNS name a service publishes; the streaming service's is the one wspl's broker offers. */
function servicePrivateDnsName(service: string, region: string): string {
  if (service === `com.amazonaws.${region}.highlander`) return privateStreamingName(region);
  return `${service.split('.').slice(3).join('.')}.${region}.amazonaws.com`;
}

function addEndpoints(b: EstateBuild): void {
  const { model, estate, ids } = b;
  for (const e of model.endpoints) {
    const s = estate.scope(e.account, e.region);
    const vpceId = ids.of('vpce', 'vpce', e.id);
    const groups = e.securityGroups.map((g) => ({
      GroupId: ids.of('sg', 'sg', g),
      GroupName: model.securityGroups.find((x) => x.id === g)?.name ?? g,
    }));
    // One network interface per subnet that holds addresses, as AWS places one ENI per subnet of the endpoint.
    const enis: string[] = [];
    for (const subnet of [...new Set(e.addresses.map((a) => a.subnet))]) {
      const ips = e.addresses.filter((a) => a.subnet === subnet).map((a) => a.ip);
      const v4 = ips.filter((ip) => !isV6(ip));
      const eniId = ids.of('eni', 'eni', `${e.id}/${subnet}`);
      enis.push(eniId);
      s.networkInterfaces.push({
        NetworkInterfaceId: eniId,
        InterfaceType: 'vpc_endpoint',
        SubnetId: ids.of('subnet', 'subnet', subnet),
        VpcId: ids.of('vpc', 'vpc', e.vpc),
        AvailabilityZone: model.subnets.find((x) => x.id === subnet)?.az,
        ...(v4[0] !== undefined ? { PrivateIpAddress: v4[0] } : {}),
        PrivateIpAddresses: v4.map((ip, i) => ({ PrivateIpAddress: ip, Primary: i === 0 })),
        Ipv6Addresses: ips.filter(isV6).map((Ipv6Address) => ({ Ipv6Address })),
        Groups: groups,
        RequesterManaged: true,
        Status: 'in-use',
        OwnerId: e.owner,
      });
    }
    s.vpcEndpoints.push({
      VpcEndpointId: vpceId,
      VpcEndpointType: e.type,
      VpcId: ids.of('vpc', 'vpc', e.vpc),
      ServiceName: e.service,
      // EC2 writes endpoint states in lower case on the wire, whatever the SDK's enum says.
      State: e.state as never,
      SubnetIds: e.subnets.map((sn) => ids.of('subnet', 'subnet', sn)),
      Groups: groups,
      ...(e.ipAddressType !== undefined ? { IpAddressType: e.ipAddressType } : {}),
      ...(e.dnsRecordIpType !== undefined ? { DnsOptions: { DnsRecordIpType: e.dnsRecordIpType } } : {}),
      ...(e.privateDns !== undefined ? { PrivateDnsEnabled: e.privateDns } : {}),
      NetworkInterfaceIds: enis,
      RequesterManaged: false,
      OwnerId: e.owner,
      Tags: nameTag(e.name),
    });
    if (e.type === 'Interface' && !s.endpointServices.some((d) => d.ServiceName === e.service)) {
      s.endpointServices.push({
        ServiceName: e.service,
        ServiceType: [{ ServiceType: 'Interface' }],
        PrivateDnsName: e.servicePrivateDnsName ?? servicePrivateDnsName(e.service, e.region),
        AvailabilityZones: [...new Set(model.subnets.filter((x) => x.region === e.region).map((x) => x.az))],
        Owner: 'amazon',
      });
    }
  }
}

function addResolver(b: EstateBuild): void {
  const { model, estate, ids } = b;
  for (const r of model.resolverEndpoints) {
    const s = estate.scope(r.account, r.region);
    const id = ids.of('rslvr', r.direction === 'inbound' ? 'rslvr-in' : 'rslvr-out', r.id);
    const ips = r.subnets.flatMap((sn) => {
      const inSubnet = r.addresses.filter((a) => a.subnet === sn);
      const subnetId = ids.of('subnet', 'subnet', sn);
      const ipId = (key: string) => ids.of('rslvr-ip', 'rni', `${r.id}/${key}`);
      if (inSubnet.length === 0) return [{ IpId: ipId(sn), SubnetId: subnetId, Status: 'ATTACHED' as const }];
      return inSubnet.map((a) => ({
        IpId: ipId(a.ip),
        SubnetId: subnetId,
        ...(isV6(a.ip) ? { Ipv6: a.ip } : { Ip: a.ip }),
        Status: 'ATTACHED' as const,
      }));
    });
    s.resolverIps.set(id, ips);
    s.resolverEndpoints.push({
      Id: id,
      Name: r.name,
      Direction: r.direction === 'inbound' ? 'INBOUND' : 'OUTBOUND',
      HostVPCId: ids.of('vpc', 'vpc', r.vpc),
      SecurityGroupIds: r.securityGroups.map((g) => ids.of('sg', 'sg', g)),
      IpAddressCount: ips.length,
      Status: 'OPERATIONAL',
      ResolverEndpointType: 'IPV4',
    });
  }
  for (const v of model.vpcs) {
    const s = estate.scope(v.account, v.region);
    (v.resolverRules ?? []).forEach((rule, i) => {
      const ruleId = ids.of('rr', 'rslvr-rr', `${v.id}/${i}`);
      s.resolverRules.push({
        Id: ruleId,
        Name: `${v.id}-${rule.domain}`.replace(/[^A-Za-z0-9-_ ]/g, '-').slice(0, 64),
        DomainName: `${rule.domain}.`,
        RuleType: 'FORWARD',
        TargetIps: rule.to.map((Ip) => ({ Ip, Port: 53 })),
        ResolverEndpointId: ids.of('rslvr', 'rslvr-out', rule.via),
        OwnerId: v.account,
        ShareStatus: 'NOT_SHARED',
        Status: 'COMPLETE',
      });
      s.resolverAssociations.push({
        Id: ids.of('rrassoc', 'rslvr-rrassoc', `${v.id}/${i}`),
        ResolverRuleId: ruleId,
        VPCId: ids.of('vpc', 'vpc', v.id),
        Status: 'COMPLETE',
      });
    });
  }
}

function accessProperties(b: EstateBuild, d: Directory): WorkspaceDirectory['WorkspaceAccessProperties'] {
  const denied = new Set(d.deniedDeviceTypes ?? []);
  const props: Record<string, unknown> = {};
  for (const [type, field] of DEVICE_TYPE_FIELDS) props[field] = denied.has(type) ? 'DENY' : 'ALLOW';
  const endpoint: VpcEndpoint | undefined = b.model.endpoints.find((e) => e.id === d.streamingEndpoint);
  const vpceId = endpoint ? b.ids.of('vpce', 'vpce', endpoint.id) : d.streamingEndpointAwsId;
  if (vpceId !== undefined || d.accessEndpointType !== undefined) {
    props.AccessEndpointConfig = {
      AccessEndpoints: [
        {
          ...(d.accessEndpointType !== undefined ? { AccessEndpointType: d.accessEndpointType } : {}),
          ...(vpceId !== undefined ? { VpcEndpointId: vpceId } : {}),
        },
      ],
      ...(d.pcoipOverInternet ? { InternetFallbackProtocols: ['PCOIP'] } : {}),
    };
  }
  return props as WorkspaceDirectory['WorkspaceAccessProperties'];
}

function addWorkspaces(b: EstateBuild): void {
  const { model, estate, ids } = b;
  for (const g of model.ipGroups) {
    estate.scope(g.account, g.region).ipGroups.push({
      groupId: ids.of('ipg', 'wsipg', g.id),
      groupName: g.name,
      groupDesc: `${g.name} (fake)`,
      userRules: g.cidrs.map((ipRule) => ({ ipRule })),
    });
  }
  for (const d of model.directories) {
    const directoryId = d.directoryId ?? ids.of('d', d.type === 'pools' ? 'wsd' : 'd', d.id);
    ids.set('directory', d.id, directoryId);
    estate.scope(d.account, d.region).directories.push({
      DirectoryId: directoryId,
      Alias: d.id,
      DirectoryName: `${d.id}.example.com`,
      DirectoryType: 'AD_CONNECTOR',
      State: 'REGISTERED',
      WorkspaceType: d.type === 'pools' ? 'POOLS' : 'PERSONAL',
      SubnetIds: d.subnets.map((sn) => ids.of('subnet', 'subnet', sn)),
      ipGroupIds: d.ipGroups.map((g) => ids.of('ipg', 'wsipg', g)),
      EndpointEncryptionMode: d.encryption === 'fips-validated' ? 'FIPS_VALIDATED' : 'STANDARD_TLS',
      StreamingProperties: {
        ...(d.preferredProtocol !== undefined
          ? { StreamingExperiencePreferredProtocol: d.preferredProtocol === 'tcp' ? 'TCP' : 'UDP' }
          : {}),
        GlobalAccelerator: { Mode: d.globalAccelerator ? 'ENABLED_AUTO' : 'DISABLED' },
      },
      // A directory whose access endpoint configuration the model does not know is served without it.
      ...(d.streamingEndpoint !== undefined ? { WorkspaceAccessProperties: accessProperties(b, d) } : {}),
    });
  }
  const modes = { inherited: 'INHERITED', enabled: 'ENABLED_AUTO', disabled: 'DISABLED' } as const;
  model.workspaces.forEach((w, n) => {
    const d = model.directories.find((x) => x.id === w.directory);
    const s = estate.scope(w.account, w.region);
    const directoryId = d ? ids.of('directory', 'd', d.id) : ids.of('d', 'd', w.directory);
    if (d?.type === 'pools') {
      s.pools.push({
        PoolId: ids.of('pool', 'wspool', w.id),
        PoolArn: `arn:aws:workspaces:${w.region}:${w.account}:workspacespool/${ids.of('pool', 'wspool', w.id)}`,
        PoolName: w.id,
        DirectoryId: directoryId,
        BundleId: 'wsb-fake',
        State: 'RUNNING',
        RunningMode: 'AUTO_STOP',
        CapacityStatus: {
          AvailableUserSessions: 1,
          DesiredUserSessions: 1,
          ActualUserSessions: 1,
          ActiveUserSessions: 0,
        },
        CreatedAt: new Date(0),
      });
      return;
    }
    const ws: Workspace = {
      WorkspaceId: ids.of('ws', 'ws', w.id),
      DirectoryId: directoryId,
      UserName: `user${n}`,
      WorkspaceName: w.id,
      State: 'AVAILABLE',
      BundleId: 'wsb-fake',
      WorkspaceProperties: {
        Protocols: [w.protocol === 'dcv' ? 'WSP' : 'PCOIP'],
        ...(w.globalAccelerator !== undefined ? { GlobalAccelerator: { Mode: modes[w.globalAccelerator] } } : {}),
      },
    };
    s.workspaces.push(ws);
  });
}

export function addServices(b: EstateBuild): void {
  addEndpoints(b);
  addResolver(b);
  addWorkspaces(b);
}
