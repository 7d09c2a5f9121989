// The accounts the filters or the search leave in focus, as a list beside the graph: named, ranked by
// score, and the keyboard's way to the graph's nodes (a node on the canvas cannot take focus).
import type { GraphNodeData } from '../../api/types.ts';

/** Rows shown before "and N more"; the picture labels up to LABELLED_MATCHES of them. */
export const MATCHES_LISTED = 100;

export function rankedMatches(
  nodes: readonly GraphNodeData[],
  matches: ReadonlySet<string>,
): GraphNodeData[] {
  return nodes
    .filter((n) => matches.has(n.id))
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.label.localeCompare(b.label));
}

export function MatchList(props: {
  ranked: readonly GraphNodeData[];
  selected: string | undefined;
  onPick: (id: string) => void;
  onZoom: () => void;
}) {
  const shown = props.ranked.slice(0, MATCHES_LISTED);
  const rest = props.ranked.length - shown.length;
  return (
    <aside className="match-list" aria-labelledby="match-list-title">
      <header>
        <h3 id="match-list-title">
          {props.ranked.length} {props.ranked.length === 1 ? 'match' : 'matches'}
        </h3>
        <button type="button" onClick={props.onZoom} disabled={props.ranked.length === 0}>
          Zoom to matches
        </button>
      </header>
      {props.ranked.length === 0 ? (
        <p className="muted">No account in this view matches. Widen the filters or open another community.</p>
      ) : (
        <ol>
          {shown.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className="link"
                aria-current={props.selected === n.id ? 'true' : undefined}
                onClick={() => props.onPick(n.id)}
              >
                {n.label}
              </button>
              {n.score !== null && <span className="muted"> {n.score.toFixed(2)}</span>}
            </li>
          ))}
        </ol>
      )}
      {rest > 0 && <p className="muted">and {rest} more; narrow the filters to list them.</p>}
    </aside>
  );
}
