// Overlays on template sources: instance and endpoint facts named by logical id, construct path or address, with
// mistakes refused at the overlay's own line.
import { describe, expect, it } from 'vitest';
import { brief, read, template, writeFiles } from './iac/fixtures.test-helpers.js';

const TEMPLATE = template(`  A:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: ap-northeast-1a }
  Box:
    Type: AWS::EC2::Instance
    Properties: { SubnetId: !Ref A, SourceDestCheck: false }
  BoxIp:
    Type: AWS::EC2::EIP
    Properties: { InstanceId: !Ref Box }
  Ep:
    Type: AWS::EC2::VPCEndpoint
    Properties: { VpcId: !Ref Vpc, ServiceName: com.amazonaws.ap-northeast-1.highlander, VpcEndpointType: Interface, SubnetIds: [!Ref A] }
`);

async function withOverlay(overlay: string) {
  const [file] = writeFiles({ 'o.yaml': overlay });
  return read({ 't.yaml': TEMPLATE }, { region: 'ap-northeast-1', account: '111122223333', overlay: file ?? '' });
}

describe('overlays on templates', () => {
  it('state a NAT instance and the addresses EC2 assigns, by logical id', async () => {
    const r = await withOverlay(
      'vpcs:\n  Vpc:\n    instances:\n      Box: { nat: true }\n    endpoints:\n      Ep: { addresses: [10.0.1.99] }\n',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Without a stated address, the Elastic IP stays "one, assigned at deployment".
    expect(r.model.instances[0]).toMatchObject({ nat: true, publicIpPending: true });
    expect(r.model.endpoints[0]?.addresses).toEqual([{ subnet: 'Vpc/A', ip: '10.0.1.99' }]);
  });

  it('an address the overlay gives replaces the pending one', async () => {
    const r = await withOverlay('vpcs:\n  Vpc:\n    instances:\n      Box: { publicIp: 203.0.113.4 }\n');
    expect(r.ok && r.model.instances[0]).toMatchObject({ publicIp: '203.0.113.4' });
    expect(r.ok && r.model.instances[0]?.publicIpPending).toBeUndefined();
  });

  it.each([
    [
      'an address outside the endpoint subnets',
      'vpcs:\n  Vpc:\n    endpoints:\n      Ep: { addresses: [10.9.0.1] }\n',
      '4:- address-outside-subnets',
    ],
    [
      'an endpoint the template lacks',
      'vpcs:\n  Vpc:\n    endpoints:\n      Nope: { addresses: [10.0.1.5] }\n',
      '4:- unknown-reference',
    ],
    [
      'a VPC the template lacks',
      'vpcs:\n  Other:\n    instances:\n      Box: { nat: true }\n',
      '2:- unknown-reference',
    ],
  ])('refuse %s at the overlay line', async (_what, overlay, expected) => {
    const r = await withOverlay(overlay);
    expect(r.ok).toBe(false);
    expect(brief(r.diagnostics, 'error')).toContain(expected);
  });
});
