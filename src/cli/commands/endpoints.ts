// `wspl endpoints [--region R]`: the WorkSpaces-related endpoint services people confuse, and the one streaming
// needs. The table is the same one the streaming-endpoint-service rule uses.
import { Option } from '@commander-js/extra-typings';
import { InputError } from '../../diagnostics.js';
import { ENDPOINT_SERVICES, serviceName } from '../../workspaces/endpoint-services.js';
import type { RegisterCommand } from './index.js';

const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export const registerEndpoints: RegisterCommand = (program, io) => {
  program
    .command('endpoints')
    .description('list the WorkSpaces-related VPC endpoint services and say which one streaming needs')
    .option('--region <region>', 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, or a <region> placeholder)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const),
    )
    .action((opts) => {
      const [region, from] =
        opts.region !== undefined
          ? [opts.region, '--region']
          : process.env.AWS_REGION
            ? [process.env.AWS_REGION, 'AWS_REGION']
            : process.env.AWS_DEFAULT_REGION
              ? [process.env.AWS_DEFAULT_REGION, 'AWS_DEFAULT_REGION']
              : ['<region>', undefined];
      // A typo would print service names that do not exist, which someone may paste into a template.
      if (from && !REGION_CODE.test(region)) {
        throw new InputError(
          `${from}: ${JSON.stringify(region)} is not a Region code such as ap-northeast-1`,
          [],
          'bad-region',
        );
      }
      const rows = ENDPOINT_SERVICES.map((s) => ({ service: serviceName(region, s.suffix), ...s }));
      const needed = rows.find((r) => r.streaming);
      if (opts.format === 'json') {
        io.out(
          JSON.stringify(
            {
              region,
              streaming: needed?.service,
              services: rows.map((r) => ({
                service: r.service,
                product: r.product,
                purpose: r.purpose,
                streaming: r.streaming,
              })),
            },
            null,
            2,
          ) + '\n',
        );
        return;
      }
      const width = Math.max(...rows.map((r) => r.service.length));
      for (const r of rows)
        io.out(`${r.streaming ? '*' : ' '} ${r.service.padEnd(width)}  ${r.product}: ${r.purpose}\n`);
      io.out(
        `\nWorkSpaces Personal streaming needs an Interface endpoint of ${needed?.service ?? ''} (private DNS on),\n` +
          `named in the directory's AccessEndpointConfig as AccessEndpointType STREAMING_WSP.\n`,
      );
    });
};
