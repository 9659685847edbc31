// Fn::Cidr [ipBlock, count, cidrBits]: `count` consecutive networks of `cidrBits` host bits carved from the start of
// ipBlock, as CloudFormation computes them before deployment.
import ipaddr from 'ipaddr.js';
import { parseRange } from '../../net/cidr.js';

function addressText(value: bigint, version: 4 | 6): string {
  const bytes: number[] = [];
  for (let i = (version === 4 ? 4 : 16) - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}

export function carveCidrs(block: string, count: number, cidrBits: number): { cidrs: string[] } | { error: string } {
  const range = parseRange(block);
  if (!range || !block.includes('/')) return { error: `"${block}" is not a CIDR block` };
  const width = range.version === 4 ? 32 : 128;
  if (!Number.isInteger(count) || count < 1 || count > 256) return { error: `count must be 1 to 256, found ${count}` };
  if (!Number.isInteger(cidrBits) || cidrBits < 1 || cidrBits > width - range.prefix) {
    return { error: `cidrBits must be 1 to ${width - range.prefix} for ${block}, found ${cidrBits}` };
  }
  const size = 1n << BigInt(cidrBits);
  if (BigInt(count) * size > range.end - range.start + 1n) {
    return { error: `${block} does not hold ${count} networks of ${cidrBits} host bits` };
  }
  const prefix = width - cidrBits;
  const cidrs: string[] = [];
  for (let i = 0n; i < BigInt(count); i++)
    cidrs.push(`${addressText(range.start + i * size, range.version)}/${prefix}`);
  return { cidrs };
}
