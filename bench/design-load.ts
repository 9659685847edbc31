// Loading the 1 MB design file in-process: `loadDesignText` (YAML read, shape check, conversion to the model) once
// cold (the first call in a fresh process, as the CLI makes it) and a few times warm, wall and CPU, and the YAML
// read alone both ways: the fast reader (src/input/yaml-fast.ts) and the full parser it falls back to.
// Prints figures; asserts nothing. Usage: npx tsx bench/design-load.ts [SCALE] (default 1).
import { stringify } from 'yaml';
import { readYamlFast } from '../src/input/yaml-fast.js';
import { parseYamlFull } from '../src/input/yaml.js';
import { loadDesignText } from '../src/sources/design/load.js';
import { generateEstate, sizeAt } from './estate.js';

const scale = Number(process.argv[2] ?? '1');
const text = stringify(generateEstate(sizeAt(scale)));

function timed(what: string, run: () => unknown): void {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const ok = run();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `${what.padEnd(44)} ${wall.toFixed(0).padStart(6)} ms wall ${cpuMs.toFixed(0).padStart(6)} ms CPU ${ok ? '' : ' (FAILED)'}`,
  );
}

console.log(`design file: ${(text.length / 1e6).toFixed(2)} MB, ${text.split('\n').length} lines (scale ${scale})`);
timed('loadDesignText, cold (first call)', () => loadDesignText(text, 'estate.yaml').ok);
for (let i = 0; i < 3; i++) timed('loadDesignText, warm', () => loadDesignText(text, 'estate.yaml').ok);
for (let i = 0; i < 3; i++) timed('YAML read: fast reader', () => readYamlFast(text) !== undefined);
for (let i = 0; i < 2; i++)
  timed('YAML read: full parser (the fallback)', () => 'parsed' in parseYamlFull(text, 'estate.yaml'));
