// Which colour is which community, by name (the label analysis builds from its top hashtags), for the
// communities in view; a click opens one, as a click on its super-node does.
import type { Community, GraphNodeData } from '../../api/types.ts';
import { communityColor } from '../../graph/style.ts';

interface LegendCommunity {
  id: number;
  name: string;
  color: string;
  /** Accounts of it in the current view (or its size, in the aggregated view). */
  inView: number;
}

/** How a community is called everywhere in Explore: its label, else its number. */
export function communityName(c: Pick<Community, 'id' | 'label'>): string {
  return c.label ? c.label : `Community ${c.id}`;
}

export function legendCommunities(
  nodes: readonly GraphNodeData[],
  aggregated: boolean,
  known: readonly Community[],
): LegendCommunity[] {
  const byId = new Map(known.map((c) => [c.id, c]));
  const counts = new Map<number, number>();
  for (const n of nodes) {
    if (n.community === null) continue;
    const id = Number(n.community);
    counts.set(id, (counts.get(id) ?? 0) + (aggregated ? n.size : 1));
  }
  return [...counts]
    .map(([id, inView]) => ({
      id,
      inView,
      color: communityColor(id),
      name: communityName(byId.get(id) ?? { id, label: null }),
    }))
    .sort((a, b) => b.inView - a.inView || a.id - b.id);
}

/** Entries listed; the rest are summed up in one line. */
const LISTED = 12;

export function CommunityLegend(props: { items: readonly LegendCommunity[]; onOpen: (id: number) => void }) {
  const shown = props.items.slice(0, LISTED);
  const rest = props.items.length - shown.length;
  if (shown.length === 0) return null;
  return (
    <ul className="legend community-legend" aria-label="Communities (node colour)">
      {shown.map((c) => (
        <li key={c.id}>
          <button type="button" className="link" onClick={() => props.onOpen(c.id)} title={`Open ${c.name}`}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            {c.name}
          </button>{' '}
          <span className="muted">{c.inView}</span>
        </li>
      ))}
      {rest > 0 && <li className="muted">+{rest} smaller</li>}
    </ul>
  );
}
