// Explore: the graph coloured by community and sized by influence, with the filter panel, search,
// the layout's start/stop, exports, and the aggregated view for large graphs (a community opens
// into its members).
import { useCallback, useMemo, useRef, useState } from 'react';
import { graph as fetchGraph, influencers } from '../../api/endpoints.ts';
import type { WarmPathData } from '../../api/types.ts';
import { FilterPanel } from '../../components/FilterPanel.tsx';
import { edgeKey } from '../../graph/build.ts';
import { exportPng, toGexf, toGraphml } from '../../graph/export.ts';
import { GraphCanvas, type CanvasHandle } from '../../graph/GraphCanvas.tsx';
import { STAGE_COLORS, STAGE_LABELS } from '../../graph/style.ts';
import { downloadText } from '../../lib/download.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { hasServerFilter, type InfluencerFilters } from '../../state/filters.ts';
import { STAGES } from '../../api/types.ts';
import { computeMatches } from './matches.ts';

/** Above this many accounts the server sends communities as super-nodes. */
export const GRAPH_CAP = 5000;

export function Explore(props: {
  filters: InfluencerFilters;
  onFilters: (f: InfluencerFilters) => void;
  search: string | undefined;
  onSearch: (q: string | undefined) => void;
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
  path: WarmPathData | null;
  ego: ReadonlySet<string> | null;
}) {
  const { filters } = props;
  const view = useAsync(
    (s) => fetchGraph({ cap: GRAPH_CAP, community: filters.community }, s),
    [filters.community],
  );
  const serverKey = JSON.stringify({ ...filters, minScore: undefined, community: undefined });
  const filtered = useAsync(
    async (s) =>
      hasServerFilter({ ...filters, community: undefined })
        ? new Set(
            (await influencers({ ...filters, community: undefined }, { limit: 500 }, s)).items.map(
              (i) => i.accountId,
            ),
          )
        : null,
    [serverKey],
  );
  const handle = useRef<CanvasHandle | null>(null);
  const [running, setRunning] = useState(false);
  const [searchText, setSearchText] = useState(props.search ?? '');
  const [exportError, setExportError] = useState<string | null>(null);

  const data = view.data;
  const matches = useMemo(
    () =>
      data && !data.aggregated
        ? computeMatches(data.nodes, {
            filtered: filtered.data ?? null,
            minScore: filters.minScore,
            search: props.search,
            ego: props.ego,
          })
        : null,
    [data, filtered.data, filters.minScore, props.search, props.ego],
  );
  const path = useMemo(() => {
    if (!props.path) return null;
    return {
      nodes: new Set(props.path.accounts.map((a) => a.id)),
      edges: new Set(props.path.links.map((l) => edgeKey(l.source, l.target))),
    };
  }, [props.path]);
  const focus = useMemo(
    () => ({ selected: props.selected ?? null, matches, path }),
    [props.selected, matches, path],
  );
  const onReady = useCallback((h: CanvasHandle | null) => {
    handle.current = h;
  }, []);
  const onSelect = useCallback(
    (id: string | null) => {
      const node = id ? data?.nodes.find((n) => n.id === id) : undefined;
      // A community super-node opens into its members; an account opens in the side panel.
      if (node?.kind === 'community' && node.community !== null) {
        props.onFilters({ ...filters, community: Number(node.community) });
      } else props.onSelect(id ?? undefined);
    },
    [data, filters, props],
  );

  const runSearch = () => {
    const q = searchText.trim() || undefined;
    props.onSearch(q);
    if (!q || !data || !handle.current) return;
    const found = computeMatches(data.nodes, { filtered: null, search: q });
    const first = found && [...found][0];
    if (first) {
      const pos = handle.current.sigma.getNodeDisplayData(first);
      if (pos)
        void handle.current.sigma.getCamera().animate({ x: pos.x, y: pos.y, ratio: 0.3 }, { duration: 400 });
    }
  };
  const doExport = async (kind: 'png' | 'gexf' | 'graphml') => {
    const h = handle.current;
    if (!h) return;
    setExportError(null);
    try {
      if (kind === 'png') await exportPng(h.sigma);
      else if (kind === 'gexf') downloadText(toGexf(h.graph), 'carecircle-graph.gexf', 'application/xml');
      else downloadText(toGraphml(h.graph), 'carecircle-graph.graphml', 'application/xml');
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    }
  };

  const layoutKey = filters.community === undefined ? 'all' : `community:${filters.community}`;
  return (
    <div className="with-filters">
      <FilterPanel key={JSON.stringify(filters)} filters={filters} onApply={props.onFilters} />
      <section className="content explore" aria-labelledby="explore-title">
        <header className="toolbar">
          <h2 id="explore-title">Explore</h2>
          <form
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              runSearch();
            }}
          >
            <label htmlFor="graph-search" className="visually-hidden">
              Search by handle or name
            </label>
            <input
              id="graph-search"
              placeholder="Search handle or name"
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
            />
          </form>
          <button
            type="button"
            onClick={() => (running ? handle.current?.layout.stop() : handle.current?.layout.start())}
          >
            {running ? 'Stop layout' : 'Run layout'}
          </button>
          <button type="button" onClick={() => void doExport('png')}>
            PNG
          </button>
          <button type="button" onClick={() => void doExport('gexf')}>
            GEXF
          </button>
          <button type="button" onClick={() => void doExport('graphml')}>
            GraphML
          </button>
        </header>
        <p className="status muted" data-testid="graph-status">
          {view.loading && 'Loading the graph…'}
          {data &&
            (data.aggregated
              ? `${data.totalAccounts} accounts in ${data.nodes.length} communities: click a community to open it.`
              : `${data.nodes.length} accounts, ${data.edges.length} links${data.truncated ? ` (top ${data.nodes.length} of ${data.totalAccounts} by score)` : ''}` +
                (matches ? ` · ${matches.size} match the filters` : ''))}
          {filters.community !== undefined && (
            <>
              {' '}
              <button
                type="button"
                className="link"
                onClick={() => props.onFilters({ ...filters, community: undefined })}
              >
                Back to all communities
              </button>
            </>
          )}
        </p>
        {view.error && <p role="alert">{view.error.message}</p>}
        {exportError && <p role="alert">Export failed: {exportError}</p>}
        {data && (
          <GraphCanvas
            data={data}
            layoutKey={layoutKey}
            focus={focus}
            onSelect={onSelect}
            onReady={onReady}
            onLayoutChange={setRunning}
          />
        )}
        <ul className="legend" aria-label="Outreach stage (node ring)">
          {STAGES.map((s) => (
            <li key={s}>
              <span className="ring" style={{ borderColor: STAGE_COLORS[s] }} aria-hidden="true" />
              {STAGE_LABELS[s]}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
