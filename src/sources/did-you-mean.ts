// "Did you mean": the one place that picks, among the names an input does have, the one a misspelt or incomplete name
// most likely meant. Used for unknown fields (design/suggest.ts), unknown references of every source, and Regions
// (closestRegion in model/regions.ts shares the distance).
import { editDistance } from '../model/regions.js';

/**
 * The candidate `written` most likely meant: first a name it is the tail of (`office-dx` for `tgw/office-dx`, a
 * reference that left out its VPC or transit gateway), then the closest by edit distance, when close enough (a
 * quarter of the name's length, at least one edit). Case is ignored when measuring.
 */
export function closestName(written: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates].filter((c) => c !== written);
  const tail = list.filter((c) => c.endsWith(`/${written}`));
  if (tail.length === 1) return tail[0];
  let best: { name: string; d: number } | undefined;
  const w = written.toLowerCase();
  for (const name of list) {
    const d = editDistance(w, name.toLowerCase());
    if (d <= Math.max(1, Math.floor(name.length / 4)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name ?? tail[0];
}

/** `; did you mean "X"?` for a message, or nothing when no candidate is close. */
export function didYouMean(written: string, candidates: Iterable<string>): string {
  const meant = closestName(written, candidates);
  return meant !== undefined ? `; did you mean "${meant}"?` : '';
}
