// The fix for *this* setup: AWS CLI commands filled with the real ids, CIDRs and ports of the input, and for a
// template source the logical id, CDK construct path or Terraform address of the resource to edit. The generic
// snippets for CloudFormation, Terraform and CDK stay in the rule pages (docs/rules/). Every reason the engine gives
// gets a fix: commands where the AWS CLI can change it, else a note saying what to change (fixes-net.ts,
// fixes-service.ts; the decision for each code is held by fixes.test.ts).
import type { Finding, ReportData } from '../rules/types.js';
import { SERVICE_REASON_CODES, type Blocker, type Reason, type ServiceReason } from '../workspaces/types.js';
import { FixContext, sh, type Fix } from './fixes-core.js';
import { netFix } from './fixes-net.js';
import { serviceFix } from './fixes-service.js';

export type { Fix } from './fixes-core.js';

const SERVICE_CODES: ReadonlySet<string> = new Set<string>(SERVICE_REASON_CODES);

function isServiceReason(r: Reason): r is ServiceReason {
  return SERVICE_CODES.has(r.code);
}

export class FixFinder extends FixContext {
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

  /**
   * The fix for one blocker: commands with this setup's ids, or a note saying why no single command does it.
   * `workspace`: the WorkSpace the blocker stops, when the fix may name it (a matrix row's trace may stand for
   * several WorkSpaces, so the matrix leaves it out).
   */
  forBlocker(b: Blocker, workspace?: string): Fix {
    return isServiceReason(b.reason) ? serviceFix(this, b, b.reason, workspace) : netFix(this, b, b.reason);
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

/** Each finding's fixes, for the reporters: its rule's own, else one per blocker it carries. */
export function findingFixes(finder: FixFinder, findings: readonly Finding[]): Map<Finding, Fix[]> {
  const out = new Map<Finding, Fix[]>();
  for (const f of findings) {
    const own = finder.forFinding(f);
    const fixes = own ? [own] : findingBlockers(f.data).map((b) => finder.forBlocker(b));
    if (fixes.length > 0) out.set(f, fixes);
  }
  return out;
}
