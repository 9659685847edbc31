// What the conversion passes share: the diagnostics sink, the line locator and provenance building.
import type { Diagnostic } from '../../diagnostics.js';
import type { Provenance } from '../../model/types.js';
import type { Locator } from '../../input/yaml-locate.js';
import { formatPath, readPath, type PathSegment } from './paths.js';
import { parseAddress, parseCidr } from '../../net/cidr.js';

export type Path = readonly PathSegment[];

export class DesignContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly file: string,
    readonly locate: Locator,
  ) {}

  report(severity: Diagnostic['severity'], code: string, path: Path, message: string): void {
    const line = this.locate(path);
    this.diagnostics.push({
      severity,
      code,
      file: this.file,
      ...(line !== undefined ? { line } : {}),
      ...(path.length > 0 ? { field: formatPath(path) } : {}),
      message,
    });
  }

  error(code: string, path: Path, message: string): void {
    this.report('error', code, path, message);
  }

  warn(code: string, path: Path, message: string): void {
    this.report('warning', code, path, message);
  }

  /** The line of a dotted field path ("vpcs.vpc1.subnets.a.cidr"), for meaning checks run on the model. */
  locateField(dotted: string): number | undefined {
    const parsed = readPath(dotted);
    return 'path' in parsed ? this.locate(parsed.path) : undefined;
  }

  prov(path: Path, originalId?: string): Provenance {
    const line = this.locate(path);
    return {
      source: 'design',
      file: this.file,
      ...(line !== undefined ? { line } : {}),
      path: formatPath(path),
      ...(originalId !== undefined ? { originalId } : {}),
    };
  }

  /** Validates a CIDR, reporting `bad-cidr`; returns whether it is valid. */
  checkCidr(value: string, path: Path): boolean {
    const parsed = parseCidr(value);
    if (!parsed.ok) this.error('bad-cidr', path, parsed.message);
    return parsed.ok;
  }

  checkIp(value: string, path: Path): boolean {
    const parsed = parseAddress(value);
    if (!parsed.ok) this.error('bad-ip', path, parsed.message);
    return parsed.ok;
  }

  /** Accepts an account id given as a string or (unquoted) number; numbers lose leading zeros, so pad and warn. */
  account(value: string | number, path: Path): string {
    let text = String(value);
    if (typeof value === 'number' && !(Number.isSafeInteger(value) && value >= 0)) {
      this.error(
        'bad-account',
        path,
        `account id written as the number ${text}, which is not a 12-digit account id; write it quoted, e.g. "111122223333"`,
      );
      return text;
    }
    if (typeof value === 'number') {
      text = text.padStart(12, '0');
      this.warn('unquoted-account', path, `account id written as a number; quote it ("${text}") to keep leading zeros`);
    }
    if (!/^\d{12}$/.test(text)) this.error('bad-account', path, `"${text}" is not a 12-digit account id`);
    return text;
  }

  region(value: string, path: Path): string {
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(value))
      this.error('bad-region', path, `"${value}" is not a Region code such as ap-northeast-1`);
    return value;
  }
}

export function entries<T>(record: Record<string, T> | undefined): [string, T][] {
  return record ? Object.entries(record) : [];
}
