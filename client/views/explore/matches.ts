// Which nodes the current filters, search and ego network leave in focus (the rest is dimmed).
// null means nothing narrows the view.
import type { GraphNodeData } from '../../api/types.ts';

export function computeMatches(
  nodes: readonly GraphNodeData[],
  opts: {
    /** Accounts the server returned for the filters; null when no server filter is set. */
    filtered: ReadonlySet<string> | null;
    minScore?: number | undefined;
    search?: string | undefined;
    ego?: ReadonlySet<string> | null;
  },
): Set<string> | null {
  const q = opts.search?.trim().toLowerCase().replace(/^@/, '');
  const narrowed = opts.filtered !== null || opts.minScore !== undefined || Boolean(q) || Boolean(opts.ego);
  if (!narrowed) return null;
  const out = new Set<string>();
  for (const n of nodes) {
    if (opts.filtered && !opts.filtered.has(n.id)) continue;
    if (opts.ego && !opts.ego.has(n.id)) continue;
    if (opts.minScore !== undefined && (n.score ?? 0) < opts.minScore) continue;
    if (q && !n.label.toLowerCase().includes(q) && !n.id.toLowerCase().includes(q)) continue;
    out.add(n.id);
  }
  return out;
}
