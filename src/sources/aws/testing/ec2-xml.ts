// EC2 answers on the wire: the Query protocol's XML (namespace 2016-11-15, `<item>` lists, lowerCamel element
// names). Element names come from the SDK's own schema of each operation (the `xmlName` traits generated from
// the EC2 service model), so the fake cannot drift from what the real service sends: `Instances` is
// `<instancesSet>`, `SecurityGroups` of an instance is `<groupSet>`, and so on, exactly as the model says.
import * as ec2 from '@aws-sdk/client-ec2';

export const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

type Thunk = () => unknown;
type Traits = Record<string, unknown> | number | undefined;

const LIST_MODIFIER = 64;
const MAP_MODIFIER = 128;

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function deref(ref: unknown): unknown {
  return typeof ref === 'function' ? (ref as Thunk)() : ref;
}

/** A member entry of a structure is either `[schema, traits]` or a bare schema reference. */
function splitMember(entry: unknown): { schema: unknown; traits: Traits } {
  if (Array.isArray(entry) && typeof entry[1] !== 'string' && entry.length === 2) {
    return { schema: deref(entry[0]), traits: entry[1] as Traits };
  }
  return { schema: deref(entry), traits: undefined };
}

function xmlNameOf(traits: Traits, fallback: string): string {
  if (traits && typeof traits === 'object' && typeof traits.xmlName === 'string') return traits.xmlName;
  return fallback.charAt(0).toLowerCase() + fallback.slice(1);
}

function scalar(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return escapeXml(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`cannot write ${typeof value} as an XML value`);
}

function writeValue(schema: unknown, value: unknown, out: string[]): void {
  if (typeof schema === 'number') {
    if (schema & LIST_MODIFIER) {
      for (const v of value as unknown[]) out.push(`<item>${scalar(v)}</item>`);
    } else if (schema & MAP_MODIFIER) {
      throw new Error('maps are not used by the EC2 answers this fake writes');
    } else out.push(scalar(value));
    return;
  }
  if (!Array.isArray(schema)) throw new Error('unexpected schema');
  const kind = schema[0] as number;
  if (kind === 3 || kind === -3) {
    const names = schema[4] as string[];
    const members = schema[5] as unknown[];
    const obj = value as Record<string, unknown>;
    names.forEach((name, i) => {
      const v = obj[name];
      if (v === undefined || v === null) return;
      const { schema: memberSchema, traits } = splitMember(members[i]);
      const tag = xmlNameOf(traits, name);
      out.push(`<${tag}>`);
      writeValue(memberSchema, v, out);
      out.push(`</${tag}>`);
    });
    return;
  }
  if (kind === 1) {
    const { schema: itemSchema } = splitMember(schema[4]);
    for (const v of value as unknown[]) {
      out.push('<item>');
      writeValue(itemSchema, v, out);
      out.push('</item>');
    }
    return;
  }
  throw new Error(`schema kind ${kind} is not used by the EC2 answers this fake writes`);
}

/** The output schema of an EC2 operation, from the SDK's generated schemas. */
function outputSchema(operation: string): unknown {
  const op = (ec2 as unknown as Record<string, unknown>)[`${operation}$`];
  if (!Array.isArray(op) || op[0] !== 9) throw new Error(`no operation schema for ${operation}`);
  return deref(op[5]);
}

/** The whole HTTP body of an EC2 answer, as the service writes it. */
export function ec2ResponseXml(operation: string, output: Record<string, unknown>, requestId: string): string {
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${EC2_XMLNS}">`,
    `<requestId>${requestId}</requestId>`,
  ];
  writeValue(outputSchema(operation), output, out);
  out.push(`</${operation}Response>`);
  return out.join('');
}

export function ec2ErrorXml(code: string, message: string, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`;
}
