// One value of a pretty-printed JSON document, made on its own: the logs writers build their JSON piece by piece.

/**
 * `value` as JSON.stringify(value, null, 2) prints it nested at `indent`: the top-level text with every line after
 * the first indented further (a string's own line breaks are escaped, so every '\n' is a layout one). Undefined for
 * what JSON leaves out (undefined, functions).
 */
export function nestedJson(value: unknown, indent: string): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined ? undefined : text.replaceAll('\n', '\n' + indent);
}
