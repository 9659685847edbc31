// Parameter values as CloudFormation would take them: `--parameter K=V`, else the Default, else none (Unknown, with
// how to give one). Values are checked against the declared type, AllowedValues and AllowedPattern as CloudFormation
// checks them. An SSM parameter type is resolved from Parameter Store at deployment, so its value is Unknown.
import type { DocSink } from '../iac/sink.js';
import { Unknown, type Value } from '../iac/values.js';
import type { Template } from './template.js';

const SCALAR_TYPES = new Set(['String', 'Number', 'AWS::SSM::Parameter::Name']);
const LIST_TYPES = new Set(['CommaDelimitedList', 'List<Number>']);

function isAwsIdType(type: string): boolean {
  return /^AWS::EC2::[A-Za-z]+::(Id|Name|KeyName)$/.test(type) || type === 'AWS::Route53::HostedZone::Id';
}

function isListType(type: string): boolean {
  return LIST_TYPES.has(type) || /^List<AWS::[A-Za-z0-9:]+>$/.test(type);
}

function knownType(type: string): boolean {
  return (
    SCALAR_TYPES.has(type) || isListType(type) || isAwsIdType(type) || /^AWS::SSM::Parameter::Value<.+>$/.test(type)
  );
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join(',');
  return undefined;
}

/** Resolves every declared parameter of a template. `given` holds the --parameter values (for all templates). */
export function resolveParameters(
  template: Template,
  sink: DocSink,
  given: Record<string, string>,
): Map<string, Value> {
  const out = new Map<string, Value>();
  const section = template.root.Parameters;
  for (const [name, decl] of Object.entries(template.parameters)) {
    const field = `Parameters.${name}`;
    const place = { container: section, key: name, field };
    const type = decl.Type;
    if (typeof type !== 'string' || !knownType(type)) {
      sink.error(
        'wrong-type',
        `parameter ${name} has ${typeof type === 'string' ? `unknown Type ${type}` : 'no Type'}`,
        place,
      );
      out.set(name, new Unknown(`parameter ${name} has no valid Type`));
      continue;
    }
    if (type.startsWith('AWS::SSM::Parameter::Value<')) {
      out.set(name, new Unknown(`parameter ${name}, read from Systems Manager Parameter Store at deployment`));
      continue;
    }
    const fromCli = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : undefined;
    const raw = fromCli ?? text(decl.Default);
    if (raw === undefined) {
      out.set(name, new Unknown(`parameter ${name}, which has no Default (pass --parameter ${name}=VALUE)`));
      continue;
    }
    const where = fromCli !== undefined ? `--parameter ${name}` : `the Default of ${name}`;
    const allowed = decl.AllowedValues;
    if (Array.isArray(allowed) && !allowed.map(text).includes(raw)) {
      sink.error(
        'bad-parameter',
        `${where} is ${JSON.stringify(raw)}, not one of its AllowedValues (${allowed.map(text).join(', ')})`,
        place,
      );
    }
    if (typeof decl.AllowedPattern === 'string') {
      let pattern: RegExp | undefined;
      try {
        pattern = new RegExp(`^(?:${decl.AllowedPattern})$`);
      } catch {
        sink.error('bad-parameter', `AllowedPattern of ${name} is not a valid pattern`, place);
      }
      if (pattern && !isListType(type) && !pattern.test(raw)) {
        sink.error(
          'bad-parameter',
          `${where} is ${JSON.stringify(raw)}, which does not match its AllowedPattern ${decl.AllowedPattern}`,
          place,
        );
      }
    }
    if (type === 'Number' && !Number.isFinite(Number(raw))) {
      sink.error('bad-parameter', `${where} is ${JSON.stringify(raw)}, not a number`, place);
    }
    out.set(name, isListType(type) ? (raw === '' ? [] : raw.split(',').map((s) => s.trim())) : raw);
  }
  return out;
}
