// Generates a large design document: VPCs with subnets, security groups, NAT, a transit gateway, on-premises
// sites, directories with streaming endpoints and thousands of WorkSpaces. `scale` 1 is the foundation issue's
// estate: 200 VPCs, 2,000 subnets, 10,000 security-group rules, 100 client networks, 50 directories, 5,000 WorkSpaces.

export interface EstateSize {
  vpcs: number;
  subnetsPerVpc: number;
  rulesPerVpc: number;
  clients: number;
  directories: number;
  workspaces: number;
}

export function sizeAt(scale: number): EstateSize {
  return {
    vpcs: 200 * scale,
    subnetsPerVpc: 10,
    rulesPerVpc: 50,
    clients: 100 * scale,
    directories: 50 * scale,
    workspaces: 5000 * scale,
  };
}

const REGION = 'ap-northeast-1';

/** VPC i gets 10.(i / 256).(i % 256)… no: a /20 per VPC inside 10.0.0.0/8 and 100.64.0.0/10 when that runs out. */
function vpcBase(i: number): [number, number] {
  return [Math.floor(i / 16), (i % 16) * 16];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function generateEstate(size: EstateSize): any {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const vpcs: Record<string, any> = {};
  const attachments: Record<string, unknown> = {};
  const tgwRoutes: Record<string, string> = {};
  const endpointVpcs: string[] = [];
  for (let i = 0; i < size.vpcs; i++) {
    const [b2, b3] = vpcBase(i);
    const name = `vpc${i}`;
    const cidr = `10.${b2}.${b3}.0/20`;
    const subnets: Record<string, unknown> = {};
    for (let s = 0; s < size.subnetsPerVpc; s++) {
      subnets[`s${s}`] = {
        cidr: `10.${b2}.${b3 + Math.floor(s / 4)}.${(s % 4) * 64}/26`,
        az: `${REGION}${s % 2 ? 'c' : 'a'}`,
        routeTable: s === 0 ? 'public' : 'private',
      };
    }
    const clientRules: string[] = [];
    // 8 rules go to the endpoint and resolver groups below; the client group takes the rest.
    for (let r = 0; r < size.rulesPerVpc - 9; r++) clientRules.push(`tcp:${1000 + r} to 10.${r % 200}.0.0/16`);
    clientRules.push('all to 0.0.0.0/0');
    const isEndpointVpc = i % 4 === 0;
    const vpc: Record<string, unknown> = {
      cidr,
      dns: { support: true, hostnames: true },
      internetGateway: `igw${i}`,
      subnets,
      routeTables: {
        public: { '0.0.0.0/0': `igw${i}` },
        private: { '0.0.0.0/0': 'natgw', '10.0.0.0/8': 'tgw1', '192.168.0.0/16': 'tgw1' },
      },
      natGateways: { natgw: { subnet: 's0', publicIp: `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}` } },
      securityGroups: {
        client: { egress: clientRules },
        endpoint: {
          ingress: [
            'tcp:443 from 10.0.0.0/8',
            'udp:443 from 10.0.0.0/8',
            'tcp:4195 from 10.0.0.0/8',
            i % 8 === 0 ? 'udp:4195 from 10.0.0.0/8' : 'udp:4195 from 10.0.0.0/9',
            'tcp:443 from 192.168.0.0/16',
            'udp:4195 from 192.168.0.0/16',
          ],
          egress: [],
        },
        resolver: { ingress: ['udp:53 from 192.168.0.0/16', 'tcp:53 from 192.168.0.0/16'] },
      },
      instances: { pc: { subnet: 's3', securityGroups: ['client'], privateIp: `10.${b2}.${b3}.${3 * 64 + 10}` } },
      networkAcls: {
        edge: {
          subnets: ['s5', 's6'],
          ingress: ['100 allow all from 10.0.0.0/8', '110 deny all from 0.0.0.0/0'],
          egress: ['100 allow tcp:1024-65535 to 0.0.0.0/0', '110 allow udp:1024-65535 to 0.0.0.0/0'],
        },
      },
    };
    if (isEndpointVpc) {
      endpointVpcs.push(name);
      vpc.endpoints = {
        streaming: {
          service: `com.amazonaws.${REGION}.highlander`,
          subnets: ['s5', 's6'],
          securityGroups: ['endpoint'],
          privateDns: true,
          dnsRecordIpType: 'ipv4',
          addresses: [`10.${b2}.${b3 + 1}.${64 + 10}`, `10.${b2}.${b3 + 1}.${128 + 10}`],
        },
      };
      vpc.resolverEndpoints = {
        inbound: { subnets: ['s7'], addresses: [`10.${b2}.${b3 + 1}.${192 + 10}`], securityGroups: ['resolver'] },
      };
    }
    vpcs[name] = vpc;
    attachments[`att${i}`] = { vpc: name, subnets: ['s1', 's2'], routeTable: 'main' };
    tgwRoutes[cidr] = `att${i}`;
  }
  const onPremises: Record<string, unknown> = {};
  const clients: Record<string, unknown> = {};
  const onpremCount = Math.floor(size.clients * 0.15);
  const internetCount = Math.floor(size.clients * 0.05);
  for (let o = 0; o < onpremCount; o++) {
    const ep = endpointVpcs[o % endpointVpcs.length]!;
    const [b2, b3] = vpcBase(Number(ep.slice(3)));
    onPremises[`site${o}`] = {
      cidrs: [`192.168.${o}.0/24`],
      connections: [{ vpn: `tgw1/vpn${o}` }],
      dns: {
        server: `192.168.${o}.53`,
        forwarders: [
          { domain: `privatelink.prod.${REGION}.highlander.aws.a2z.com`, to: [`10.${b2}.${b3 + 1}.${192 + 10}`] },
        ],
      },
      internet: { publicIp: `198.51.100.${o + 1}` },
    };
    attachments[`vpn${o}`] = { vpn: `site${o}`, routeTable: 'main' };
    tgwRoutes[`192.168.${o}.0/24`] = `vpn${o}`;
    clients[`office${o}`] = { at: `onprem/site${o}`, privateIp: `192.168.${o}.20` };
  }
  for (let h = 0; h < internetCount; h++)
    clients[`home${h}`] = { at: 'internet', publicIp: `198.51.100.${200 + h}`, version: h % 2 ? '5.20.0' : '5.29.1' };
  for (let c = 0; Object.keys(clients).length < size.clients; c++)
    clients[`ec2-${c}`] = { at: `vpc${(c * 7) % size.vpcs}/pc` };

  const directories: Record<string, unknown> = {};
  const workspaces: Record<string, unknown> = {};
  for (let d = 0; d < size.directories; d++) {
    const wsVpc = `vpc${(d * 4 + 1) % size.vpcs}`;
    directories[`dir${d}`] = {
      id: `d-${(0x9567a1b2 + d).toString(16)}`,
      vpc: wsVpc,
      subnets: ['s1', 's2'],
      streamingEndpoint: d % 5 === 4 ? null : `${endpointVpcs[d % endpointVpcs.length]}/streaming`,
      pcoipOverInternet: d % 3 === 0,
      ipGroups: d % 5 === 4 ? ['offices'] : [],
    };
  }
  for (let w = 0; w < size.workspaces; w++)
    workspaces[`ws${w}`] = { directory: `dir${w % size.directories}`, protocol: w % 10 === 0 ? 'pcoip' : 'dcv' };
  return {
    wspl: 1,
    account: '111122223333',
    region: REGION,
    vpcs,
    transitGateways: { tgw1: { routeTables: { main: tgwRoutes }, attachments } },
    onPremises,
    ipGroups: { offices: ['198.51.100.0/25'] },
    directories,
    workspaces,
    clients,
  };
}
