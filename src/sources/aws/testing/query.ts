// The Query protocol's form body (`Action=…&Filter.1.Name=…&Filter.1.Value.1=…`) as a nested object: numbered
// segments become arrays (1-based on the wire), so handlers read `req.Filter[0].Value[0]`.
export function parseQuery(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.split('.');
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const index = /^\d+$/.test(part) ? Number(part) - 1 : undefined;
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1] ?? '');
      const container = node as Record<string | number, unknown>;
      const slot = index ?? part;
      if (last) container[slot] = value;
      else {
        container[slot] ??= nextIsIndex ? [] : {};
        node = container[slot] as Record<string, unknown> | unknown[];
      }
    });
  }
  return root;
}
