// Mutations of a real input for the fuzz tests: bytes flipped, cut, duplicated, lines swapped, values replaced, and
// snippets known to trip YAML readers and terminals inserted (deep nesting, looping aliases, tags, merge keys,
// escape sequences, CR, invalid UTF-8, huge numbers, names JavaScript treats specially).
import fc from 'fast-check';

/** Runs per input kind: small in the normal suite (each under about a second), large to hunt: WSPL_FUZZ_RUNS=20000. */
export const FUZZ_RUNS = Number(process.env.WSPL_FUZZ_RUNS ?? 12);
/** Replays a failure fast-check printed: WSPL_FUZZ_SEED=<seed> (with its path, WSPL_FUZZ_PATH=<path>). */
export const FUZZ_PARAMS: fc.Parameters<unknown> = {
  numRuns: FUZZ_RUNS,
  ...(process.env.WSPL_FUZZ_SEED ? { seed: Number(process.env.WSPL_FUZZ_SEED) } : {}),
  ...(process.env.WSPL_FUZZ_PATH ? { path: process.env.WSPL_FUZZ_PATH } : {}),
};

const ESC = '\u001b';

/** Text that trips YAML readers, the design-file schema or a terminal. */
export const YAML_SNIPPETS: readonly string[] = [
  '&a [*a]',
  '&a {k: *a}',
  '*a',
  '*nope',
  '&x {p: 1}',
  '{<<: *x}',
  '<<: 5',
  '<<: *nope',
  '<<: [*x, 3]',
  '!!binary aGVsbG8=',
  '!!set {a, b}',
  '!!omap [a: 1]',
  '!!timestamp 2025-08-28',
  '2025-08-28',
  '!!float .nan',
  '!!int "x"',
  '!custom x',
  '.inf',
  '-.inf',
  '1e400',
  '0x1F',
  '-1',
  '99999999999999999999',
  'null',
  '~',
  '[]',
  '{}',
  '""',
  "''",
  '|\n  block\n',
  '>-\n  folded\n',
  '"\\e]0;pwned\\a"',
  '"\\e[2J\\e[H"',
  '"\\u202Egpj.exe"',
  '"a\\r\\nfake.yaml:1: error: forged"',
  '"\\0"',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  `${'- '.repeat(260)}1`,
  '['.repeat(260),
  `${'{a: '.repeat(260)}1${'}'.repeat(260)}`,
  `${'? '.repeat(260)}1`,
  '---',
  '...',
  '%YAML 1.1\n---',
  '? [a]\n: 1',
  '\t',
  '\r',
  '\r\n',
  '\u2028',
  `${ESC}[2J`,
  `${ESC}]0;title\u0007`,
  '10.0.0.0/33',
  '999.1.1.1',
  '::1',
  'tcp:99999 from 0.0.0.0/0',
  'udp:443 to sg-nope',
  'vpc9/nope',
  'internet',
  'onprem/nowhere',
  'ap-northeast-9',
  'dualstack',
  'pools',
  'fips-validated',
  'x'.repeat(3000),
];

/** Lines and fields that trip the client log reader or a terminal. */
export const LOG_SNIPPETS: readonly string[] = [
  `2025-08-28T04:29:37.292Z { Version: "5.29.1.5595" }: [INF] Starting WSP session using SessionId: ${ESC}]0;x\u0007, endpoints:\n`,
  `hostname: ${ESC}[2J, transport: QUIC, port: 99999, gatewayType: NLB, ipVersion: IPv4, additionalEndpointAttributes:\n`,
  '2025-08-28T04:29:37.292Z { Version: "5.2\r9" }: [INF] wspl prediction: CONNECTED\n',
  '2025-08-28T04:29:37.292Z { Version: "x" }: [ERR] Error while calling PerformResourceActionConnect: \u001b[31mRED\n',
  '2025-08-28T04:29:37.292Z { Version: "x" }: [DBG] PerformResourceActionRequest Type: CONNECT, Protocol: \u202E, Session-Id: \r\n',
  '2025-08-28T04:29:37.292Z { Version: "x" }: [INF] Connecting WorkSpace using QUIC\r',
  '2025-08-28T04:29:37.292Z { Version: "x" }: [WRN] No endpoints are reachable.\n',
  '2025-08-28T04:29:37.292Z { Version: "x" }: [INF] wspl prediction: UNKNOWN\n',
  'Reachable endpoint: "hostname: a, transport: TCP, port: 443, gatewayType: NLB", session ID: ',
  `${'x'.repeat(70_000)}\n`,
  '\r',
  '\n\n\n',
  ESC,
  '\u0000\u0000',
  '\uFEFF',
];

/** Byte sequences that are not UTF-8 text, or are text in a form YAML readers trip on. */
const BYTE_SNIPPETS: readonly number[][] = [
  [0x00],
  [0xff, 0xfe],
  [0xc3],
  [0xed, 0xa0, 0x80],
  [0xef, 0xbb, 0xbf],
  [0xe9],
  [0x80, 0x81],
  [0xf4, 0x90, 0x80, 0x80],
];

type Op =
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'byte'; at: number; byte: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'value'; at: number; bytes: Uint8Array };

function opArbitrary(snippets: readonly string[]): fc.Arbitrary<Op> {
  const at = fc.nat();
  const snippet = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...snippets).map((s) => Buffer.from(s, 'utf8')) },
    { weight: 1, arbitrary: fc.constantFrom(...BYTE_SNIPPETS).map((b) => Uint8Array.from(b)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).map((s) => Buffer.from(s, 'utf8')) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 6 }) },
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, bytes: snippet }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('value' as const), at, bytes: snippet }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.nat({ max: 120 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('byte' as const), at, byte: fc.nat({ max: 255 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-line' as const), at }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), at, other: fc.nat() }) },
  );
}

/** Offsets where lines start. */
function lineStarts(b: Buffer): number[] {
  const starts = [0];
  for (let i = b.indexOf(10); i !== -1 && i + 1 < b.length; i = b.indexOf(10, i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(b: Buffer, index: number): [number, number] {
  const starts = lineStarts(b);
  const start = starts[index % starts.length] ?? 0;
  const next = b.indexOf(10, start);
  return [start, next === -1 ? b.length : next + 1];
}

function apply(b: Buffer, op: Op): Buffer {
  const at = b.length === 0 ? 0 : op.at % (b.length + 1);
  switch (op.kind) {
    case 'insert':
      return Buffer.concat([b.subarray(0, at), op.bytes, b.subarray(at)]);
    case 'delete':
      return Buffer.concat([b.subarray(0, at), b.subarray(at + op.length)]);
    case 'byte':
      if (b.length === 0) return b;
      return Buffer.concat([b.subarray(0, at % b.length), Uint8Array.of(op.byte), b.subarray((at % b.length) + 1)]);
    case 'truncate':
      return b.subarray(0, at);
    case 'duplicate-line': {
      const [s, e] = lineAt(b, op.at);
      return Buffer.concat([b.subarray(0, e), b.subarray(s, e), b.subarray(e)]);
    }
    case 'swap-lines': {
      const [s1, e1] = lineAt(b, op.at);
      const [s2, e2] = lineAt(b, op.other);
      if (s1 === s2) return b;
      const [a, c] =
        s1 < s2
          ? [
              [s1, e1],
              [s2, e2],
            ]
          : [
              [s2, e2],
              [s1, e1],
            ];
      if (a[1]! > c[0]!) return b;
      return Buffer.concat([
        b.subarray(0, a[0]),
        b.subarray(c[0], c[1]),
        b.subarray(a[1], c[0]),
        b.subarray(a[0], a[1]),
        b.subarray(c[1]),
      ]);
    }
    case 'value': {
      // The value after the n-th `: ` (a YAML value, a log field), up to the end of its line.
      const marks: number[] = [];
      for (let i = b.indexOf(': '); i !== -1; i = b.indexOf(': ', i + 1)) marks.push(i + 2);
      if (marks.length === 0) return b;
      const from = marks[op.at % marks.length]!;
      const eol = b.indexOf(10, from);
      return Buffer.concat([b.subarray(0, from), op.bytes, b.subarray(eol === -1 ? b.length : eol)]);
    }
  }
}

/** `base` with one to four mutations applied in turn. */
export function mutated(base: Buffer, snippets: readonly string[] = YAML_SNIPPETS): fc.Arbitrary<Buffer> {
  return fc.array(opArbitrary(snippets), { minLength: 1, maxLength: 4 }).map((ops) => ops.reduce(apply, base));
}

/** A short YAML value for a `whatif` change: a snippet, a mutation of a plain value, or random text. */
export const changeValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...YAML_SNIPPETS) },
  {
    weight: 2,
    arbitrary: mutated(Buffer.from('{ at: internet, publicIp: 198.51.100.7, version: 5.29.1 }')).map((b) =>
      b.toString('utf8'),
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);
