import { CFN_VPC_ENDPOINT_RESOURCE, VPC_ENDPOINT_API } from './sources.js';
import { defineRule } from './types.js';

/** The only services with Gateway endpoints; every other AWS service, highlander included, is Interface only. */
const GATEWAY_SERVICES = /^com\.amazonaws\.[a-z0-9-]+\.(s3|dynamodb)$/;

// CloudFormation's VpcEndpointType and Terraform's vpc_endpoint_type both default to Gateway, whatever the
// service (next-round §B.1, §B.4). Leaving it out for an interface-only service makes EC2 refuse the endpoint.
export default defineRule({
  meta: {
    id: 'iac-endpoint-type-default',
    description: 'An endpoint of an interface-only service (highlander) must say VpcEndpointType: Interface',
    severity: 'error',
    messages: {
      gatewayByDefault:
        'endpoint {{endpoint}} of {{service}} does not set {{property}}, so {{tool}} asks for a Gateway endpoint, which {{service}} does not offer: set {{property}} to Interface',
    },
    sources: [CFN_VPC_ENDPOINT_RESOURCE, VPC_ENDPOINT_API],
    usesEngine: false,
  },
  check(model, ctx) {
    for (const e of model.endpoints) {
      if (!e.prov.template?.defaulted?.includes('type')) continue;
      if (e.type !== 'Gateway' || GATEWAY_SERVICES.test(e.service)) {
        ctx.pass(e.id);
        continue;
      }
      const terraform = e.prov.source === 'terraform-plan';
      ctx.report({
        resource: e.id,
        messageId: 'gatewayByDefault',
        data: {
          endpoint: e.id,
          service: e.service,
          property: terraform ? 'vpc_endpoint_type' : 'VpcEndpointType',
          tool: terraform ? 'Terraform' : 'CloudFormation',
        },
      });
    }
  },
});
