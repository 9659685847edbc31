// Redaction on hand-made raw answers: what is replaced, what is kept, and that one original always becomes the same
// stand-in (so references inside the file still line up).
import { describe, expect, it } from 'vitest';
import type { RawSnapshot } from '../aws/raw.js';
import { redactSnapshot } from './redact.js';

const ACCOUNT = '123456789012';
const raw: RawSnapshot = {
  wsplSnapshot: 1,
  createdAt: '2026-11-30T00:00:00.000Z',
  wsplVersion: '0.1.0',
  accounts: [ACCOUNT],
  regions: ['ap-northeast-1'],
  redacted: false,
  scopes: [
    {
      account: ACCOUNT,
      region: 'ap-northeast-1',
      calls: [
        {
          action: 'ec2:DescribeInstances',
          input: { Filters: [{ Name: 'instance-state-name', Values: ['running'] }] },
          pages: [
            {
              Reservations: [
                {
                  OwnerId: ACCOUNT,
                  Instances: [
                    {
                      InstanceId: 'i-0abc',
                      State: { Name: 'running' },
                      PrivateIpAddress: '10.0.10.15',
                      PublicIpAddress: '54.250.1.10',
                      Tags: [{ Key: 'Name', Value: 'alice-laptop-jump' }],
                      IamInstanceProfile: { Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/AliceAdmin` },
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          action: 'ec2:DescribeSecurityGroups',
          input: {},
          pages: [
            {
              SecurityGroups: [
                {
                  GroupId: 'sg-1',
                  GroupName: 'alice-laptop-jump',
                  IpPermissions: [
                    { IpProtocol: 'tcp', IpRanges: [{ CidrIp: '54.250.1.10/32', Description: 'Alice at home' }] },
                    { IpProtocol: 'tcp', IpRanges: [{ CidrIp: '52.95.0.0/16' }] },
                  ],
                },
                { GroupId: 'sg-2', GroupName: 'default', VpcId: 'vpc-1', OwnerId: ACCOUNT },
              ],
            },
          ],
        },
        {
          action: 'route53resolver:ListResolverRules',
          input: {},
          pages: [
            {
              ResolverRules: [
                { Id: 'rslvr-rr-1', Name: 'corp', DomainName: 'corp.example.com.', OwnerId: ACCOUNT },
                {
                  Id: 'rslvr-rr-2',
                  Name: 'streaming',
                  DomainName: 'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com.',
                },
              ],
            },
          ],
        },
      ],
    },
  ],
  failures: [
    {
      account: ACCOUNT,
      region: 'ap-northeast-1',
      action: 'ec2:DescribeVpcs',
      code: 'UnauthorizedOperation',
      message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/AliceAdmin/wspl is not authorized`,
    },
  ],
};

describe('redactSnapshot', () => {
  const out = redactSnapshot(raw);
  const text = JSON.stringify(out);

  it('replaces account ids, public addresses, names, customer domains and ARNs', () => {
    for (const secret of [ACCOUNT, '54.250.1.10', '52.95.0.0', 'alice', 'Alice', 'corp.example.com', 'AliceAdmin'])
      expect(text, secret).not.toContain(secret);
    expect(out.redacted).toBe(true);
  });

  it('keeps private addresses, ids, AWS names and words AWS gives meaning to', () => {
    for (const kept of [
      '10.0.10.15',
      'i-0abc',
      'sg-1',
      '"default"',
      'privatelink.prod.ap-northeast-1.highlander.aws.a2z.com.',
      '"running"',
      'instance-state-name',
    ])
      expect(text, kept).toContain(kept);
  });

  it('replaces one original by one stand-in everywhere, so references still match', () => {
    const calls = out.scopes[0]?.calls ?? [];
    const instances = calls[0]?.pages[0] as {
      Reservations: { Instances: { Tags: { Value: string }[]; PublicIpAddress: string }[] }[];
    };
    const instance = instances.Reservations[0]!.Instances[0]!;
    const groups = (
      calls[1]?.pages[0] as {
        SecurityGroups: { GroupName: string; IpPermissions: { IpRanges: { CidrIp: string }[] }[] }[];
      }
    ).SecurityGroups;
    expect(instance.Tags[0]!.Value).toBe(groups[0]!.GroupName);
    expect(out.accounts[0]).toBe(out.scopes[0]?.account);
    expect(out.accounts[0]).toMatch(/^\d{12}$/);
    // The public address and the /32 that allows it stay the same address.
    expect(`${instance.PublicIpAddress}/32`).toBe(groups[0]!.IpPermissions[0]!.IpRanges[0]!.CidrIp);
    expect(out.failures[0]?.message).toMatch(new RegExp(`arn:aws:sts::${out.accounts[0]}:assumed-role/redacted-\\d+`));
  });
});
