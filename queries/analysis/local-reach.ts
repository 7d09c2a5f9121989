// Local reach: the share of an account's weighted incoming attention (the same weighted interactions
// analysis scores with) that comes from accounts whose resolved place lies within LOCAL_RADIUS_KM of
// the account's own place. It makes "influential here" measurable, not only "lives here". Attention
// from accounts without a known place counts in the total but never as local. null when the
// account's own place has no coordinates, or when nobody interacted with it.
import { distanceKm, type Place } from '../geo/resolve.ts';
import type { EdgeList } from './edges.ts';

const LOCAL_RADIUS_KM = 50;

export function localReach(
  edges: EdgeList,
  places: ReadonlyArray<Place | null>,
  radiusKm = LOCAL_RADIUS_KM,
): (number | null)[] {
  const n = edges.n;
  const total = new Float64Array(n);
  const local = new Float64Array(n);
  for (let e = 0; e < edges.m; e++) {
    const s = edges.src[e]!;
    const t = edges.dst[e]!;
    const w = edges.weight[e]!;
    if (s === t || !(w > 0)) continue;
    const pt = places[t];
    if (!pt || pt.lat === null || pt.lon === null) continue;
    total[t] = total[t]! + w;
    const ps = places[s];
    if (ps && ps.lat !== null && ps.lon !== null && distanceKm(ps.lat, ps.lon, pt.lat, pt.lon) <= radiusKm) {
      local[t] = local[t]! + w;
    }
  }
  const out = new Array<number | null>(n);
  for (let i = 0; i < n; i++) out[i] = total[i]! > 0 ? local[i]! / total[i]! : null;
  return out;
}
