// One `whatif` change applied to a design document: `set:PATH=VALUE` (VALUE is YAML) or `delete:PATH`, where PATH
// is a dotted path of the exported design form (vpcs.vpc1.instances.nat.state). The input is never mutated.
import { InputError, type Diagnostic } from '../../diagnostics.js';
import { parseYamlInput } from '../../input/yaml.js';
import { formatPath, readPath } from './paths.js';

type Container = Record<string, unknown> | unknown[];

function isContainer(v: unknown): v is Container {
  return v !== null && typeof v === 'object';
}

function childKey(parent: Container, segment: string): string | number | undefined {
  if (!Array.isArray(parent)) return segment;
  return /^\d+$/.test(segment) ? Number(segment) : undefined;
}

function hasChild(parent: Container, key: string | number): boolean {
  return Array.isArray(parent)
    ? typeof key === 'number' && key < parent.length
    : Object.prototype.hasOwnProperty.call(parent, key);
}

/** A change as messages quote it: as given on the command line, shortened when long. */
export function shortChange(change: string): string {
  return change.length > 120 ? `${change.slice(0, 120)}…` : change;
}

function changeLabel(change: string): string {
  return `--change ${shortChange(change)}`;
}

function changeDiagnostic(change: string, message: string, field?: string): Diagnostic {
  return { severity: 'error', code: 'bad-change', file: changeLabel(change), ...(field ? { field } : {}), message };
}

/** A change that cannot be applied: exit 2, printed as `--change …: error: why`. */
export function badChange(change: string, why: string): InputError {
  return new InputError(`bad change "${change}": ${why}`, [changeDiagnostic(change, why)], 'bad-change');
}

/** Walks to the parent of the last segment, failing with the first segment that does not exist. */
function parentOf(root: Container, path: string[], change: string): Container {
  let node: Container = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = childKey(node, path[i] ?? '');
    const next: unknown =
      key === undefined || !hasChild(node, key) ? undefined : (node as Record<string | number, unknown>)[key];
    if (!isContainer(next)) {
      const where = formatPath(path.slice(0, i + 1));
      throw badChange(
        change,
        next === undefined ? `${where} does not exist` : `${where} is a value, not a map or list`,
      );
    }
    node = next;
  }
  return node;
}

function parseValue(text: string, change: string): unknown {
  const read = parseYamlInput(text, 'value');
  if ('diagnostics' in read) {
    const errors = read.diagnostics.filter((d) => d.severity === 'error');
    const diagnostics = errors.map((d) =>
      changeDiagnostic(
        change,
        d.code === 'yaml-syntax'
          ? `the value is not valid YAML (${d.message})`
          : `the value cannot be used: ${d.message}`,
        d.field !== undefined ? `value.${d.field}` : undefined,
      ),
    );
    throw new InputError(
      `bad change "${change}": ${diagnostics[0]?.message ?? 'unreadable value'}`,
      diagnostics,
      'bad-change',
    );
  }
  return read.parsed.value;
}

/** Applies one change and returns the new document. Throws InputError (exit 2) for bad syntax or missing paths. */
export function applyChange(doc: object, change: string): object {
  const m = /^(set|delete):(.*)$/s.exec(change);
  if (!m) throw badChange(change, 'expected set:PATH=VALUE or delete:PATH');
  const op = m[1] as 'set' | 'delete';
  const read = readPath(m[2] ?? '', op === 'set' ? '=' : '');
  if ('error' in read) throw badChange(change, read.error);
  const { path, rest } = read;
  // An object key of this name would set the prototype instead of a field: the change would silently do nothing.
  if (path.includes('__proto__')) throw badChange(change, '"__proto__" cannot be used as a name');
  if (op === 'set' && !rest.startsWith('=')) throw badChange(change, 'expected set:PATH=VALUE');
  const copy = structuredClone(doc) as Container;
  const parent = parentOf(copy, path, change);
  const last = path[path.length - 1] ?? '';
  const key = childKey(parent, last);
  if (key === undefined) throw badChange(change, `${formatPath(path)}: a list index must be a number`);
  if (op === 'delete') {
    if (!hasChild(parent, key)) throw badChange(change, `${formatPath(path)} does not exist`);
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else Reflect.deleteProperty(parent, key);
    return copy;
  }
  const value = parseValue(rest.slice(1), change);
  if (Array.isArray(parent)) {
    if ((key as number) > parent.length) throw badChange(change, `${formatPath(path)} is past the end of the list`);
    parent[key as number] = value;
  } else parent[key] = value;
  return copy;
}
