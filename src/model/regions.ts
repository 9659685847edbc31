// AWS Region codes, so a typo ("ap-northeast-01", "eu-west1") is an error with a suggestion instead of a silent
// Region nobody has. Source: AWS Region billing codes,
// https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-region-billing-codes.html (read 2026-11),
// plus the GovCloud, China and European Sovereign Cloud partitions.
export const AWS_REGIONS: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'ca-west-1',
  'mx-central-1',
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
  'eu-north-1',
  'il-central-1',
  'me-south-1',
  'me-central-1',
  'sa-east-1',
  'us-gov-west-1',
  'us-gov-east-1',
  'cn-north-1',
  'cn-northwest-1',
  'eusc-de-east-1',
];

const KNOWN = new Set(AWS_REGIONS);

export function isKnownRegion(region: string): boolean {
  return KNOWN.has(region);
}

/**
 * Does an Availability Zone name belong to the Region? Zone names are the Region code plus a letter
 * (ap-northeast-1a); Local Zones and Wavelength Zones add a suffix after the Region (us-west-2-lax-1a). Zone ids
 * (apne1-az1) do not name their Region in full, so they are not judged here (undefined).
 */
export function zoneInRegion(zone: string, region: string): boolean | undefined {
  if (/^[a-z]{2,4}\d+-az\d+$/.test(zone)) return undefined;
  const listed = LISTED_ZONE.exec(zone);
  if (listed) return listed[1] === region;
  if (!zone.startsWith(region)) return false;
  const rest = zone.slice(region.length);
  return /^[a-z]$/.test(rest) || /^-[a-z0-9-]+[a-z]$/.test(rest);
}

// A template that writes `!Select [N, !GetAZs '']` asks for the N-th zone of the Region as the deploying account sees
// it: which zone that is depends on the account, but it differs from the (N+1)-th. That is all the model keeps.
const LISTED_ZONE = /^([a-z]{2,4}(?:-[a-z]+)+-\d+) zone #(\d+) \(Fn::GetAZs\)$/;

/** The zone at `index` (from 0) of the list Fn::GetAZs gives for a Region: a name that says exactly that. */
export function listedZone(region: string, index: number): string {
  return `${region} zone #${index + 1} (Fn::GetAZs)`;
}

/** The closest known Region code to a misspelt one (edit distance ≤ 3), for "did you mean". */
export function closestRegion(region: string): string | undefined {
  let best: { code: string; d: number } | undefined;
  for (const code of AWS_REGIONS) {
    const d = editDistance(region, code);
    if (d <= 3 && (!best || d < best.d)) best = { code, d };
  }
  return best?.code;
}

/** Levenshtein distance; inputs are short identifiers, so the simple table is fine. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
