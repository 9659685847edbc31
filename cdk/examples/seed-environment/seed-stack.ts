// The seed's environment (ap-northeast-1) as one stack, built the way wspl-cdk says it works. It is what the seed
// set up by hand (wspl's examples/seed-tokyo.yaml): a Windows client in vpc1, reached through an EC2 Instance
// Connect endpoint; a NAT instance that lets only TCP and UDP 443 out; the WorkSpaces in vpc2, in a Simple AD
// directory registered with WorkSpaces; the streaming endpoint in vpc1 and the directory's access endpoint setting.
// One difference on purpose: the seed's endpoint sat in one zone; here it spans two (wspl rule
// streaming-endpoint-multi-az). Everything synthesizes offline: zones are given, images are SSM parameters resolved
// at deployment, the WorkSpaces bundles are stack parameters.
import { CfnParameter, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import * as ds from 'aws-cdk-lib/aws-directoryservice';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as workspaces from 'aws-cdk-lib/aws-workspaces';
import type { Construct } from 'constructs';
import { DirectoryAccess, InstanceState, StreamingEndpoint, WorkspacesDirectoryRegistration } from '../../src/index.js';

/** The switches of the seed's cases, read from CDK context (`cdk synth -c natStopped=true`). */
export interface SeedSwitches {
  /** Case 4-1: the NAT instance stopped, so the client has no internet for registration and login. */
  readonly natStopped: boolean;
  /** Case 4-4 turned around: PCoIP WorkSpaces may stream over the internet beside the endpoint. */
  readonly pcoipOverInternet: boolean;
}

export const SEED_ZONES = ['ap-northeast-1a', 'ap-northeast-1c'];
/** The client network of the seed: all of vpc1. */
export const CLIENT_VPC_CIDR = '10.0.0.0/16';
const WORKSPACES_VPC_CIDR = '10.1.0.0/16';
const HTTPS = [ec2.Port.tcp(443), ec2.Port.udp(443)];
const RDP = ec2.Port.tcp(3389);

export interface SeedEnvironmentProps extends StackProps {
  readonly switches: SeedSwitches;
}

export class SeedEnvironment extends Stack {
  readonly clientVpc: ec2.Vpc;
  readonly workspacesVpc: ec2.Vpc;
  readonly streaming: StreamingEndpoint;

  /** The seed's zones, stated: CDK would otherwise look them up in the account (no offline synth). */
  override get availabilityZones(): string[] {
    return SEED_ZONES;
  }

  constructor(scope: Construct, id: string, props: SeedEnvironmentProps) {
    super(scope, id, props);
    const { natStopped, pcoipOverInternet } = props.switches;

    // vpc1: the client's VPC. Its private subnets reach the internet only through the NAT instance.
    const nat = ec2.NatProvider.instanceV2({
      instanceType: new ec2.InstanceType('t3.micro'),
      // Nothing in or out until the rules below: the seed's NAT lets only TCP and UDP 443 out.
      defaultAllowedTraffic: ec2.NatTrafficDirection.NONE,
    });
    this.clientVpc = new ec2.Vpc(this, 'Vpc1', {
      ipAddresses: ec2.IpAddresses.cidr(CLIENT_VPC_CIDR),
      availabilityZones: SEED_ZONES,
      natGatewayProvider: nat,
      natGateways: 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'client', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
        { name: 'endpoint', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
    });
    nat.securityGroup.addIngressRule(ec2.Peer.ipv4(CLIENT_VPC_CIDR), ec2.Port.allTraffic(), 'from the client VPC');
    for (const port of HTTPS) nat.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), port, 'only 443 out');
    if (natStopped) {
      for (const [i, instance] of nat.gatewayInstances.entries()) {
        new InstanceState(this, `NatStopped${i}`, { instanceId: instance.instanceId, state: 'stopped' });
      }
    }

    // The Windows client, reached for RDP only through an EC2 Instance Connect endpoint (no public address).
    const connectSg = new ec2.SecurityGroup(this, 'ConnectEndpointSg', {
      vpc: this.clientVpc,
      description: 'EC2 Instance Connect endpoint: RDP to the client',
      allowAllOutbound: false,
    });
    const clientSg = new ec2.SecurityGroup(this, 'ClientSg', {
      vpc: this.clientVpc,
      description: 'The Windows WorkSpaces client',
      allowAllOutbound: true,
    });
    clientSg.addIngressRule(connectSg, RDP, 'RDP through EC2 Instance Connect');
    connectSg.addEgressRule(clientSg, RDP, 'RDP to the client');
    const clientSubnets = { subnetGroupName: 'client', availabilityZones: [SEED_ZONES[0] ?? ''] };
    new ec2.Instance(this, 'Client', {
      vpc: this.clientVpc,
      vpcSubnets: clientSubnets,
      instanceType: new ec2.InstanceType('t3.medium'),
      machineImage: ec2.MachineImage.latestWindows(ec2.WindowsVersion.WINDOWS_SERVER_2022_ENGLISH_FULL_BASE),
      securityGroup: clientSg,
    });
    new ec2.CfnInstanceConnectEndpoint(this, 'ClientConnect', {
      subnetId: this.clientVpc.selectSubnets(clientSubnets).subnetIds[0] ?? '',
      securityGroupIds: [connectSg.securityGroupId],
      preserveClientIp: false,
    });

    // vpc2: the WorkSpaces' VPC, two zones, no way out (the WorkSpaces stream through the endpoint in vpc1).
    this.workspacesVpc = new ec2.Vpc(this, 'Vpc2', {
      ipAddresses: ec2.IpAddresses.cidr(WORKSPACES_VPC_CIDR),
      availabilityZones: SEED_ZONES,
      natGateways: 0,
      subnetConfiguration: [{ name: 'workspaces', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
    });

    // The directory: Simple AD registered with WorkSpaces. Tokyo has no AWS::WorkSpaces::Directory, so the
    // registration and the access endpoint setting are custom resources.
    const adminPassword = new secretsmanager.Secret(this, 'CorpAdminPassword', {
      description: 'Administrator password of the seed directory',
      generateSecretString: { passwordLength: 32, excludeCharacters: '"\'\\/@' },
    });
    const ad = new ds.CfnSimpleAD(this, 'CorpAd', {
      name: 'corp.example.com',
      size: 'Small',
      password: SecretValue.secretsManager(adminPassword.secretArn).unsafeUnwrap(),
      vpcSettings: {
        vpcId: this.workspacesVpc.vpcId,
        subnetIds: this.workspacesVpc.isolatedSubnets.map((s) => s.subnetId),
      },
    });
    const directory = new WorkspacesDirectoryRegistration(this, 'Corp', {
      directoryId: ad.ref,
      subnets: this.workspacesVpc.isolatedSubnets,
    });

    this.streaming = new StreamingEndpoint(this, 'Streaming', {
      vpc: this.clientVpc,
      subnets: { subnetGroupName: 'endpoint' },
      clients: [CLIENT_VPC_CIDR],
      directory: DirectoryAccess.ofDirectoryId(directory.directoryId),
      pcoipOverInternet,
    });

    // One DCV and one PCoIP WorkSpace. A template cannot say a WorkSpace's protocol: it is the bundle's, so the
    // bundles are parameters given at deployment (and wspl is told the protocols by an overlay).
    const bundle = (name: string, protocol: string) =>
      new CfnParameter(this, name, {
        type: 'String',
        description: `A WorkSpaces bundle id (wsb-…) of a ${protocol} bundle in this Region`,
        allowedPattern: '^wsb-[0-9a-z]{8,63}$',
      }).valueAsString;
    new workspaces.CfnWorkspace(this, 'DcvDesktop', {
      bundleId: bundle('DcvBundleId', 'DCV'),
      directoryId: directory.directoryId,
      userName: 'dcv-user',
    });
    new workspaces.CfnWorkspace(this, 'PcoipDesktop', {
      bundleId: bundle('PcoipBundleId', 'PCoIP'),
      directoryId: directory.directoryId,
      userName: 'pcoip-user',
    });
  }
}
