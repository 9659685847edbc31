// Runs the CLI from the TypeScript sources (npx tsx src/cli/dev.ts …), for development without a build.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
