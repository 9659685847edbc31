import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { designJsonSchema } from './schema.js';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
}

/** Just enough of JSON Schema to check the published schema against the examples (it inlines everything). */
function violations(schema: JsonSchema, value: unknown, at = '$'): string[] {
  if (schema.anyOf)
    return schema.anyOf.some((s) => violations(s, value, at).length === 0) ? [] : [`${at}: matches no alternative`];
  if (schema.const !== undefined && value !== schema.const) return [`${at}: expected ${String(schema.const)}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${String(value)} not in enum`];
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const types = schema.type === undefined ? undefined : [schema.type].flat();
  if (types && !types.some((t) => t === type || (t === 'integer' && type === 'number')))
    return [`${at}: expected ${types.join('|')}, got ${type}`];
  if (type === 'array')
    return (value as unknown[]).flatMap((v, i) => (schema.items ? violations(schema.items, v, `${at}[${i}]`) : []));
  if (type !== 'object') return [];
  const obj = value as Record<string, unknown>;
  const out = (schema.required ?? []).filter((k) => !(k in obj)).map((k) => `${at}.${k}: required`);
  for (const [k, v] of Object.entries(obj)) {
    const sub = schema.properties?.[k] ?? schema.additionalProperties;
    if (sub === false) out.push(`${at}.${k}: not allowed`);
    else if (sub && sub !== true) out.push(...violations(sub, v, `${at}.${k}`));
  }
  return out;
}

describe('the published JSON Schema', () => {
  const schema = designJsonSchema() as unknown as JsonSchema & { $schema: string };

  it('is draft 2020-12 with the top-level sections, described for editors', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['wspl', 'account', 'region']);
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining([
        'vpcs',
        'peerings',
        'transitGateways',
        'onPremises',
        'prefixLists',
        'ipGroups',
        'directories',
        'workspaces',
        'clients',
      ]),
    );
    expect(schema.description).toContain('design file');
    const vpc = schema.properties?.vpcs?.additionalProperties as JsonSchema;
    expect(vpc.additionalProperties).toBe(false);
    expect(vpc.properties?.dns?.description).toContain('hostnames');
  });

  const files = [
    ...readdirSync('examples')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join('examples', f)),
    'test/design/all-features.yaml',
  ];
  it.each(files)('accepts %s', (file) => {
    expect(violations(schema, parse(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('rejects a misspelt field and a wrong enum value', () => {
    const doc = parse(readFileSync('examples/seed-tokyo.yaml', 'utf8')) as {
      vpcs: { vpc1: Record<string, unknown> };
      workspaces: Record<string, { protocol: string }>;
    };
    doc.vpcs.vpc1.subnet = {};
    doc.workspaces['dcv-desktop']!.protocol = 'rdp';
    expect(violations(schema, doc)).toEqual([
      '$.vpcs.vpc1.subnet: not allowed',
      '$.workspaces.dcv-desktop.protocol: rdp not in enum',
    ]);
  });
});
