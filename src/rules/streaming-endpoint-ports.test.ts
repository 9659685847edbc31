import rule from './streaming-endpoint-ports.js';
import { design, seed } from './testing/design.js';
import { ruleTester } from './testing/rule-tester.js';

const ingress = (rules: string) => `set:vpcs.vpc1.securityGroups.endpoint-sg.ingress=[${rules}]`;

ruleTester(rule, {
  valid: [
    { name: 'the seed: TCP and UDP 443 and 4195 from the VPC', model: seed() },
    {
      name: 'rules by client security group',
      model: seed(
        ingress('tcp:443 from client-sg, udp:443 from client-sg, tcp:4195 from client-sg, udp:4195 from client-sg'),
      ),
    },
    { name: 'one all-traffic rule', model: seed(ingress('all from 10.0.10.0/24')) },
  ],
  invalid: [
    {
      name: 'UDP missing: warning, streams lose QUIC',
      model: seed(ingress('tcp:443 from 10.0.0.0/16, tcp:4195 from 10.0.0.0/16')),
      errors: [{ messageId: 'udpMissing', resource: 'vpc1/endpoint-sg', data: { network: '10.0.10.15' } }],
    },
    {
      name: '4195 missing: warning, only 443 left',
      model: seed(ingress('tcp:443 from 10.0.0.0/16, udp:443 from 10.0.0.0/16')),
      errors: [{ messageId: 'port4195Missing', resource: 'vpc1/endpoint-sg' }],
    },
    {
      name: 'nothing allowed: error',
      model: seed(ingress('')),
      errors: [{ messageId: 'nothingAllowed', resource: 'vpc1/endpoint-sg' }],
    },
    {
      name: 'allowed from the wrong range',
      model: seed(
        ingress(
          'tcp:443 from 10.9.0.0/16, udp:443 from 10.9.0.0/16, tcp:4195 from 10.9.0.0/16, udp:4195 from 10.9.0.0/16',
        ),
      ),
      errors: [{ messageId: 'nothingAllowed', resource: 'vpc1/endpoint-sg' }],
    },
    {
      name: 'only TCP 4195: the rest is missing',
      model: seed(ingress('tcp:4195 from 10.0.0.0/16')),
      errors: [
        { messageId: 'partlyMissing', resource: 'vpc1/endpoint-sg', data: { missing: 'UDP 4195, UDP 443, TCP 443' } },
      ],
    },
    {
      name: 'no clients in the model: the groups allow no UDP from anywhere',
      model: design(`
wspl: 1
account: "111122223333"
region: ap-northeast-1
vpcs:
  vpc1:
    cidr: 10.0.0.0/16
    dns: { support: true, hostnames: true }
    subnets:
      endpoint-a: { cidr: 10.0.21.0/24, az: ap-northeast-1a }
    securityGroups:
      endpoint-sg:
        ingress: [tcp:443 from 10.0.0.0/16, tcp:4195 from 10.0.0.0/16]
    endpoints:
      streaming:
        service: com.amazonaws.ap-northeast-1.highlander
        subnets: [endpoint-a]
        securityGroups: [endpoint-sg]
directories:
  corp: { streamingEndpoint: vpc1/streaming }
`),
      errors: [{ messageId: 'udpMissing', resource: 'vpc1/endpoint-sg', data: { network: 'any source' } }],
    },
  ],
});
