// `wspl endpoints [--region R]`: the WorkSpaces-related endpoint services people confuse, and the one streaming
// needs. The table is the same one the streaming-endpoint-service rule uses.
import { Option } from '@commander-js/extra-typings';
import { InputError } from '../../diagnostics.js';
import { ENDPOINT_SERVICES, serviceName } from '../../workspaces/endpoint-services.js';
import { wrapLine } from '../../report/wrap.js';
import { textWidth } from '../io.js';
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
      const nameWidth = Math.max(...rows.map((r) => r.service.length));
      const width = textWidth(io);
      // The purpose continues under itself, right of the service names.
      for (const r of rows)
        io.out(
          wrapLine(
            `${r.streaming ? '*' : ' '} ${r.service.padEnd(nameWidth)}  ${r.product}: ${r.purpose}`,
            width,
            nameWidth + 4,
          ) + '\n',
        );
      io.out(
        '\n' +
          wrapLine(
            `WorkSpaces Personal streaming needs an Interface endpoint of ${needed?.service ?? ''} (private DNS on), ` +
              `named in the directory's AccessEndpointConfig as AccessEndpointType STREAMING_WSP.`,
            width,
            0,
          ) +
          '\n',
      );
    });
};
