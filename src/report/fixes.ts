// The fix for *this* setup: AWS CLI commands filled with the real ids, CIDRs and ports of the input, and for a
// template source the logical id, CDK construct path or Terraform address of the resource to edit. The generic
// snippets for CloudFormation, Terraform and CDK stay in the rule pages (docs/rules/). Where the input does not
// state a value the command needs (a design file knows no sg-… id), it is written `<…>` and named so.
import type { Model, Provenance } from '../model/types.js';
import { provenanceIndex, type ProvenanceIndex } from '../rules/support/provenance.js';
import type { Finding, ReportData } from '../rules/types.js';
import type { Blocker } from '../workspaces/types.js';

export interface Fix {
  /** The model id of the resource to change. */
  resource: string;
  /** Its AWS id, when the input states it (live read, snapshot, or an id field of the design file). */
  awsId?: string;
  /** For a template source: what names it there. */
  logicalId?: string;
  constructPath?: string;
  address?: string;
  file?: string;
  line?: number;
  /** AWS CLI commands; a `<…>` is a value the input does not state. */
  cli: string[];
}

/** Sources whose `originalId` is the AWS id itself. */
const AWS_ID_SOURCES = new Set(['aws', 'snapshot']);
const TEMPLATE_SOURCES = new Set(['cloudformation', 'cdk', 'terraform-plan']);

/** Single-quoted for a POSIX shell, so an id or CIDR from the input can never run as a command. */
function sh(value: string): string {
  return /^[A-Za-z0-9_./:=,@+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function cidrOf(remote: string): string {
  if (remote.includes('/')) return remote;
  return remote.includes(':') ? `${remote}/128` : `${remote}/32`;
}

export class FixFinder {
  private readonly prov: ProvenanceIndex;
  private readonly awsIds = new Map<string, string>();

  constructor(model: Readonly<Model>) {
    this.prov = provenanceIndex(model);
    for (const e of model.endpoints) if (e.awsId) this.awsIds.set(e.id, e.awsId);
    for (const d of model.directories) if (d.directoryId) this.awsIds.set(d.id, d.directoryId);
  }

  private awsId(id: string, p: Provenance | undefined): string | undefined {
    return this.awsIds.get(id) ?? (p && AWS_ID_SOURCES.has(p.source) ? p.originalId : undefined);
  }

  /** `--group-id sg-…` when the input knows the id; `<id of vpc1/endpoint-sg>` when it does not. */
  private idArg(id: string): string {
    const known = this.awsId(id, this.prov.get(id));
    return known ? sh(known) : sh(`<id of ${id}>`);
  }

  private place(resource: string, cli: string[]): Fix {
    const p = this.prov.get(resource);
    const awsId = this.awsId(resource, p);
    const template = p && TEMPLATE_SOURCES.has(p.source);
    return {
      resource,
      ...(awsId ? { awsId } : {}),
      ...(template && p.originalId ? { logicalId: p.originalId } : {}),
      ...(p?.constructPath ? { constructPath: p.constructPath } : {}),
      ...(p?.address ? { address: p.address } : {}),
      ...(p ? { file: p.file } : {}),
      ...(p?.line !== undefined ? { line: p.line } : {}),
      cli,
    };
  }

  /** The fix of a finding its rule found without a trace (the setting itself is wrong), by rule and resource. */
  forFinding(f: Finding): Fix | undefined {
    const id = f.resource;
    switch (f.rule) {
      case 'streaming-endpoint-private-dns':
        return this.place(id, [
          `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${this.idArg(id)} --private-dns-enabled`,
        ]);
      case 'streaming-endpoint-dns-record-ip-type':
        return this.place(id, [
          `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${this.idArg(id)} --dns-options DnsRecordIpType=ipv4`,
        ]);
      case 'streaming-endpoint-vpc-dns': {
        const attribute = f.messageId === 'dnsSupportOff' ? '--enable-dns-support' : '--enable-dns-hostnames';
        return this.place(id, [
          `aws ec2 modify-vpc-attribute --vpc-id ${this.idArg(id)} ${attribute} '{"Value":true}'`,
        ]);
      }
      case 'streaming-endpoint-ports': {
        const cidr = f.data?.cidr;
        const flows = f.data?.flows;
        if (typeof cidr !== 'string' || typeof flows !== 'string' || flows === '') return undefined;
        const range = cidr.includes(':') ? `Ipv6Ranges=[{CidrIpv6=${cidr}}]` : `IpRanges=[{CidrIp=${cidr}}]`;
        const perms = flows.split(',').map((flow) => {
          const [protocol, port] = flow.split(':');
          return `IpProtocol=${protocol},FromPort=${port},ToPort=${port},${range}`;
        });
        return this.place(id, [
          `aws ec2 authorize-security-group-ingress --group-id ${this.idArg(id)} --ip-permissions ${perms.map(sh).join(' ')}`,
        ]);
      }
      default:
        return undefined;
    }
  }

  /** The fix for one blocker, or undefined when no command of the AWS CLI changes what blocks it. */
  forBlocker(b: Blocker): Fix | undefined {
    const r = b.reason;
    switch (r.code) {
      case 'sg-no-rule': {
        const verb = r.direction === 'ingress' ? 'authorize-security-group-ingress' : 'authorize-security-group-egress';
        const group = r.groups[0] ?? b.resource;
        const cidr = cidrOf(r.flow.remote);
        const range = cidr.includes(':') ? `Ipv6Ranges=[{CidrIpv6=${cidr}}]` : `IpRanges=[{CidrIp=${cidr}}]`;
        const perm = `IpProtocol=${r.flow.protocol},FromPort=${r.flow.port},ToPort=${r.flow.port},${range}`;
        return this.place(group, [`aws ec2 ${verb} --group-id ${this.idArg(group)} --ip-permissions ${sh(perm)}`]);
      }
      case 'private-dns-off':
        return this.place(r.endpoint, [
          `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${this.idArg(r.endpoint)} --private-dns-enabled`,
        ]);
      case 'vpc-dns-attributes-off': {
        const cli: string[] = [];
        if (!r.support)
          cli.push(`aws ec2 modify-vpc-attribute --vpc-id ${this.idArg(r.vpc)} --enable-dns-support '{"Value":true}'`);
        if (!r.hostnames)
          cli.push(
            `aws ec2 modify-vpc-attribute --vpc-id ${this.idArg(r.vpc)} --enable-dns-hostnames '{"Value":true}'`,
          );
        return this.place(r.vpc, cli);
      }
      case 'dns-record-ip-type':
        return this.place(r.endpoint, [
          `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${this.idArg(r.endpoint)} --dns-options DnsRecordIpType=ipv4`,
        ]);
      case 'acl-denied': {
        const egress = r.direction === 'outbound';
        const entry = [
          `aws ec2 create-network-acl-entry --network-acl-id ${this.idArg(b.resource)}`,
          egress ? '--egress' : '--ingress',
          `--rule-number ${sh(`<a free number below ${r.rule?.number ?? 32767}>`)}`,
          `--protocol ${r.flow.protocol} --port-range From=${r.flow.port},To=${r.flow.port}`,
          `${r.flow.remote.includes(':') ? '--ipv6-cidr-block' : '--cidr-block'} ${cidrOf(r.flow.remote)} --rule-action allow`,
        ];
        return this.place(b.resource, [entry.join(' ')]);
      }
      default:
        return undefined;
    }
  }
}

/** The blockers a finding carries in its data (engine rules pass them as `{ blocker }` or `{ blockers }`). */
export function findingBlockers(data: ReportData | undefined): Blocker[] {
  const out: Blocker[] = [];
  for (const v of Object.values(data ?? {})) {
    if (typeof v !== 'object') continue;
    if ('blocker' in v) out.push(v.blocker);
    else if ('blockers' in v) out.push(...v.blockers);
  }
  return out;
}

/** Each finding's fixes, for the reporters: its rule's own, else one per blocker it carries that a command can change. */
export function findingFixes(finder: FixFinder, findings: readonly Finding[]): Map<Finding, Fix[]> {
  const out = new Map<Finding, Fix[]>();
  for (const f of findings) {
    const own = finder.forFinding(f);
    const fixes = own
      ? [own]
      : findingBlockers(f.data)
          .map((b) => finder.forBlocker(b))
          .filter((x): x is Fix => x !== undefined);
    if (fixes.length > 0) out.set(f, fixes);
  }
  return out;
}
