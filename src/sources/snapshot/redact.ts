// `--redact`: a snapshot that can be shared. Account ids, public IP addresses, names (tags, group and directory
// names, user names, descriptions), non-AWS domain names and ARNs are replaced, each consistently: one original
// always becomes the same stand-in, so ids, references and rule matches inside the file still line up and the
// redacted snapshot gives the same predictions. Private addresses (RFC 1918, CGNAT) and AWS's own names (service
// names, *.amazonaws.com, *.a2z.com) are kept: the predictions depend on them and they identify no one.
// Not kept: containment between two public ranges that were replaced (a public address inside a public CIDR may
// land outside the CIDR's stand-in).
import { parseRange, type IpRange } from '../../net/cidr.js';
import type { RawSnapshot } from '../aws/raw.js';

/** Fields whose string value is a name or free text someone chose. */
const NAME_FIELDS = new Set([
  'GroupName',
  'Description',
  'PrefixListName',
  'groupName',
  'groupDesc',
  'ruleDesc',
  'Alias',
  'DirectoryName',
  'WorkspaceDirectoryName',
  'WorkspaceDirectoryDescription',
  'RegistrationCode',
  'CustomerUserName',
  'UserName',
  'ComputerName',
  'WorkspaceName',
  'PoolName',
  'Name',
  'KeyName',
  'IamRoleId',
]);

/** Values that are AWS's words, not the customer's, and mean something to the prediction. */
const KEEP_NAMES = new Set(['default']);
const AWS_DOMAIN = /(^|\.)(amazonaws\.com|amazonaws\.com\.cn|a2z\.com|aws|awsapps\.com|compute\.internal)\.?$/;

/** Reserved and private IPv4 space that is kept (it names no one): RFC 1918, CGNAT, loopback, link-local, test nets. */
const KEEP_V4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/3',
].map((c) => parseRange(c) as IpRange);

function keptV4(ip: string): boolean {
  const r = parseRange(ip);
  return r === undefined || KEEP_V4.some((k) => k.start <= r.start && r.end <= k.end);
}

class Redactor {
  private readonly maps = new Map<string, Map<string, string>>();
  private readonly made = new Set<string>();

  constructor(private readonly accountBase = 100000000000) {}

  private stand(kind: string, original: string, make: (n: number) => string): string {
    let m = this.maps.get(kind);
    if (!m) {
      m = new Map();
      this.maps.set(kind, m);
    }
    let v = m.get(original);
    if (v === undefined) {
      v = make(m.size + 1);
      m.set(original, v);
    }
    return v;
  }

  account(id: string): string {
    // A stand-in already written (an ARN's account, replaced before the bare ids are) stays as it is.
    if (this.made.has(id)) return id;
    const v = this.stand('account', id, (n) => String(this.accountBase + n));
    this.made.add(v);
    return v;
  }

  /** Public IPv4 → 198.18.0.0/15 (the benchmarking block), in order of first sight. */
  ipv4(ip: string): string {
    if (keptV4(ip)) return ip;
    return this.stand('ipv4', ip, (n) => `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`);
  }

  ipv6(ip: string): string {
    const lower = ip.toLowerCase();
    if (!/^[23]/.test(lower) || lower.startsWith('2001:db8')) return ip;
    return this.stand('ipv6', lower, (n) => `2001:db8:ffff::${n.toString(16)}`);
  }

  name(value: string): string {
    if (KEEP_NAMES.has(value) || value.startsWith('com.amazonaws.')) return value;
    return this.stand('name', value, (n) => `name-${n}`);
  }

  domain(value: string): string {
    if (AWS_DOMAIN.test(value)) return value;
    const dot = value.endsWith('.') ? '.' : '';
    return this.stand('domain', value.replace(/\.$/, ''), (n) => `domain-${n}.example`) + dot;
  }

  arn(value: string): string {
    const m = /^(arn:aws[\w-]*:[\w-]*:[\w-]*:)(\d{12})?(:?)(.*)$/.exec(value);
    if (!m) return value;
    const [, head = '', account, sep = '', resource = ''] = m;
    const type = /^([\w-]+)[/:]/.exec(resource)?.[1];
    const redactedResource = this.stand('arn', resource, (n) => (type ? `${type}/redacted-${n}` : `redacted-${n}`));
    return `${head}${account !== undefined ? this.account(account) : ''}${sep}${redactedResource}`;
  }

  /** Any string: ARNs, account ids, IP addresses (and the addresses of CIDRs) wherever they appear. */
  text(value: string): string {
    return value
      .replace(/arn:aws[\w-]*:[\w-]*:[\w-]*:\d{0,12}:[^\s"',)]+/g, (a) => this.arn(a))
      .replace(/(?<![\w.])\d{12}(?!\w)/g, (a) => this.account(a))
      .replace(/(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(\/\d{1,2})?(?![\w.])/g, (_all, ip: string, len?: string) => {
        const mapped = this.ipv4(ip);
        return len !== undefined && mapped !== ip
          ? `${zeroHost(mapped, Number(len.slice(1)))}${len}`
          : `${mapped}${len ?? ''}`;
      })
      .replace(
        /(?<![\w:])([0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{0,4}){2,7})(\/\d{1,3})?/g,
        (_all, ip: string, len?: string) => (parseRange(ip) ? `${this.ipv6(ip)}${len ?? ''}` : `${ip}${len ?? ''}`),
      );
  }

  value(key: string | undefined, v: unknown, parent?: Record<string, unknown>): unknown {
    if (typeof v === 'string') {
      if (key === 'DomainName' || (key === 'Value' && parent?.Key === undefined && isDomainList(parent)))
        return this.domain(v);
      if (key !== undefined && isNameField(key, parent)) return this.name(v);
      return this.text(v);
    }
    // A request holds ids, filter names and service names, never a customer's name: it stays as sent.
    if (key === 'input') return v;
    if (Array.isArray(v)) return v.map((x) => this.value(key, x, parent));
    if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      // A tag's value is the customer's; its key is kept (it says what kind of value it was).
      if (typeof o.Key === 'string' && 'Value' in o && Object.keys(o).length <= 2)
        return { Key: o.Key, Value: typeof o.Value === 'string' ? this.name(o.Value) : o.Value };
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, this.value(k, x, o)]));
    }
    return v;
  }
}

/**
 * `Name` is a person's choice on Route 53 Resolver endpoints, rules and associations (objects with an `Id`), but
 * AWS's word elsewhere (an instance's `State.Name`, a filter's `Name`).
 */
function isNameField(key: string, parent: Record<string, unknown> | undefined): boolean {
  if (key === 'Name') return typeof parent?.Id === 'string' || typeof parent?.ResolverRuleId === 'string';
  return NAME_FIELDS.has(key);
}

/** DHCP `domain-name` values are domains; mark the lists that hold them. */
function isDomainList(parent: Record<string, unknown> | undefined): boolean {
  return parent !== undefined && (parent as { __domain?: boolean }).__domain === true;
}

function zeroHost(ip: string, prefix: number): string {
  const parts = ip.split('.').map(Number);
  const value = parts.reduce((acc, p) => acc * 256 + p, 0);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const net = (value & mask) >>> 0;
  return [24, 16, 8, 0].map((s) => (net >>> s) & 255).join('.');
}

/** Marks DHCP `domain-name` values so the walk treats them as domains, not free text. */
function markDomains(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(markDomains);
  if (typeof v !== 'object' || v === null) return v;
  const o = v as Record<string, unknown>;
  if (o.Key === 'domain-name' && Array.isArray(o.Values))
    return {
      ...o,
      Values: (o.Values as unknown[]).map((x) => (typeof x === 'object' && x !== null ? { ...x, __domain: true } : x)),
    };
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, markDomains(x)]));
}

function unmark(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unmark);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>)
      .filter(([k]) => k !== '__domain')
      .map(([k, x]) => [k, unmark(x)]),
  );
}

export function redactSnapshot(snapshot: RawSnapshot): RawSnapshot {
  const r = new Redactor();
  const { createdAt, wsplVersion, wsplSnapshot } = snapshot;
  const body = unmark(
    r.value(
      undefined,
      markDomains({ accounts: snapshot.accounts, scopes: snapshot.scopes, failures: snapshot.failures }),
    ),
  ) as Pick<RawSnapshot, 'accounts' | 'scopes' | 'failures'>;
  return {
    wsplSnapshot,
    createdAt,
    wsplVersion,
    accounts: body.accounts,
    regions: [...snapshot.regions],
    redacted: true,
    scopes: body.scopes,
    failures: body.failures,
  };
}
