// Explore: the graph coloured by community and sized by influence, with the filter panel, search
// with suggestions, the matches listed beside the graph, a legend of named communities, zoom, the
// choice of what sets size and colour, the layout's start/stop, exports, and the aggregated view for
// large graphs (a community opens into its members).
import { useCallback, useMemo, useRef, useState } from 'react';
import { communities as fetchCommunities, graph as fetchGraph, influencers } from '../../api/endpoints.ts';
import type { WarmPathData } from '../../api/types.ts';
import { FilterPanel } from '../../components/FilterPanel.tsx';
import { edgeKey } from '../../graph/build.ts';
import { exportPng, toGexf, toGraphml } from '../../graph/export.ts';
import { GraphCanvas, type CanvasHandle } from '../../graph/GraphCanvas.tsx';
import {
  categoryLegend,
  COLOR_LABELS,
  DEFAULT_LOOK,
  EDGE_TYPE_COLORS,
  EDGE_TYPE_LABELS,
  EDGE_TYPES,
  isCategoryColor,
  NO_COMMUNITY_COLOR,
  SIZE_LABELS,
  STAGE_COLORS,
  STAGE_LABELS,
  type EdgeType,
  type Look,
} from '../../graph/style.ts';
import type { LegendEntry } from '../../graph/export.ts';
import { downloadText } from '../../lib/download.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { hasServerFilter, periodNote, type InfluencerFilters } from '../../state/filters.ts';
import { STAGES } from '../../api/types.ts';
import { computeMatches } from './matches.ts';
import { CommunityLegend, communityName, legendCommunities } from './CommunityLegend.tsx';
import { MatchList, rankedMatches } from './MatchList.tsx';
import { CategoryLegend } from './CategoryLegend.tsx';
import { EdgeTypeFilter } from './EdgeTypeFilter.tsx';
import { zoomToNodes } from './camera.ts';

/** Suggestions offered under the search box while typing. */
const SUGGESTIONS = 8;

/** Above this many accounts the server sends communities as super-nodes. */
const GRAPH_CAP = 5000;

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
  // The period and the interaction types narrow the graph itself (the server counts only those).
  const period = { from: filters.from, to: filters.to, types: filters.types };
  const view = useAsync(
    (s) => fetchGraph({ cap: GRAPH_CAP, community: filters.community, ...period }, s),
    [filters.community, JSON.stringify(period)],
  );
  const serverKey = JSON.stringify({ ...filters, minScore: undefined, community: undefined });
  // The accounts the server's filters keep, and their topic scores when a topic was asked for.
  const ranking = useAsync(
    async (s) => {
      if (!hasServerFilter({ ...filters, community: undefined })) return null;
      const { items } = await influencers(
        { ...filters, community: undefined, minScore: undefined },
        { limit: 500 },
        s,
      );
      const topic = items.some((i) => i.topic)
        ? new Map(
            items.flatMap((i) =>
              typeof i.topic?.score === 'number' ? [[i.accountId, i.topic.score] as const] : [],
            ),
          )
        : null;
      return { ids: new Set(items.map((i) => i.accountId)), topic };
    },
    [serverKey],
  );
  const filtered = { ...ranking, data: ranking.data ? ranking.data.ids : null };
  const topicScores = ranking.data?.topic ?? null;
  const known = useAsync((s) => fetchCommunities(s), []);
  const handle = useRef<CanvasHandle | null>(null);
  const [running, setRunning] = useState(false);
  const [searchText, setSearchText] = useState(props.search ?? '');
  const [searchAt, setSearchAt] = useState(0);
  const [look, setLook] = useState<Look>(DEFAULT_LOOK);
  const [edgeTypes, setEdgeTypes] = useState<ReadonlySet<EdgeType>>(() => new Set(EDGE_TYPES));
  const [exportError, setExportError] = useState<string | null>(null);

  const data = view.data;
  const communityNames = useMemo(
    () => new Map((known.data ?? []).map((c) => [String(c.id), communityName(c)])),
    [known.data],
  );
  const legend = useMemo(
    () => (data ? legendCommunities(data.nodes, data.aggregated, known.data ?? []) : []),
    [data, known.data],
  );
  // Role, region and country: the same entries the canvas colours with (graph/style.ts).
  const categories = useMemo(
    () => (data && isCategoryColor(look.color) ? categoryLegend(look.color, data.nodes) : []),
    [data, look.color],
  );
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
  const ranked = useMemo(
    () => (data && matches ? rankedMatches(data.nodes, matches) : null),
    [data, matches],
  );
  const suggestions = useMemo(() => {
    const q = searchText.trim().toLowerCase().replace(/^@/, '');
    if (!data || q.length < 2) return [];
    return rankedMatches(
      data.nodes,
      new Set(data.nodes.filter((n) => n.label.toLowerCase().includes(q)).map((n) => n.id)),
    ).slice(0, SUGGESTIONS);
  }, [data, searchText]);
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

  const focusNode = (id: string) => {
    const h = handle.current;
    const pos = h?.sigma.getNodeDisplayData(id);
    if (h && pos) void h.sigma.getCamera().animate({ x: pos.x, y: pos.y, ratio: 0.3 }, { duration: 400 });
  };
  /** Search: a new query jumps to its best match; the same query again moves to the next one. */
  const searchResults = useMemo(
    () =>
      data && props.search
        ? rankedMatches(
            data.nodes,
            computeMatches(data.nodes, { filtered: null, search: props.search }) ?? new Set(),
          )
        : [],
    [data, props.search],
  );
  const runSearch = (step = 1) => {
    const q = searchText.trim() || undefined;
    if (q && q === props.search && searchResults.length > 0) {
      const at = (searchAt + step + searchResults.length) % searchResults.length;
      setSearchAt(at);
      focusNode(searchResults[at]!.id);
      return;
    }
    props.onSearch(q);
    setSearchAt(0);
    if (!q || !data) return;
    const found = computeMatches(data.nodes, { filtered: null, search: q });
    const first = found && rankedMatches(data.nodes, found)[0];
    if (first) focusNode(first.id);
  };
  const doExport = async (kind: 'png' | 'gexf' | 'graphml') => {
    const h = handle.current;
    if (!h) return;
    setExportError(null);
    try {
      if (kind === 'png')
        await exportPng(h.sigma, {
          title:
            filters.community !== undefined
              ? (communityNames.get(String(filters.community)) ?? 'Community')
              : 'Carecircle: interaction graph',
          subtitle: `${h.graph.order} ${data?.aggregated ? 'communities' : 'accounts'}, ${h.graph.size} links · ${new Date().toISOString().slice(0, 10)}`,
          legend: pngLegend(),
        });
      else if (kind === 'gexf') downloadText(toGexf(h.graph), 'carecircle-graph.gexf', 'application/xml');
      else downloadText(toGraphml(h.graph), 'carecircle-graph.graphml', 'application/xml');
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    }
  };

  /** The legend under the PNG: what the fill means, the stage rings and the link colours shown. */
  const pngLegend = (): LegendEntry[] => {
    const fill: LegendEntry[] =
      look.color === 'stage'
        ? [
            ...STAGES.map((st) => ({ color: STAGE_COLORS[st], label: STAGE_LABELS[st] })),
            { color: NO_COMMUNITY_COLOR, label: 'Not in the pipeline' },
          ]
        : isCategoryColor(look.color)
          ? categories.map((c) => ({ color: c.color, label: c.label }))
          : legend.slice(0, 12).map((c) => ({ color: c.color, label: c.name }));
    const rings: LegendEntry[] =
      look.color === 'stage'
        ? []
        : STAGES.map((st) => ({ color: STAGE_COLORS[st], label: STAGE_LABELS[st], ring: true }));
    const links: LegendEntry[] =
      data && !data.aggregated
        ? EDGE_TYPES.filter((t) => edgeTypes.has(t)).map((t) => ({
            color: EDGE_TYPE_COLORS[t],
            label: EDGE_TYPE_LABELS[t],
            line: true,
          }))
        : [];
    return [...fill, ...rings, ...links];
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
              list="graph-search-suggestions"
              autoComplete="off"
              onChange={(e) => setSearchText(e.target.value)}
            />
            <datalist id="graph-search-suggestions">
              {suggestions.map((n) => (
                <option key={n.id} value={n.label} />
              ))}
            </datalist>
            {props.search && searchResults.length > 0 && (
              <span className="search-steps">
                <button type="button" aria-label="Previous match" onClick={() => runSearch(-1)}>
                  ‹
                </button>
                <span className="muted" data-testid="search-position">
                  {(searchAt % searchResults.length) + 1} of {searchResults.length}
                </span>
                <button type="button" aria-label="Next match" onClick={() => runSearch(1)}>
                  ›
                </button>
              </span>
            )}
          </form>
          <span className="zoom" role="group" aria-label="Zoom">
            <button
              type="button"
              aria-label="Zoom in"
              onClick={() => void handle.current?.sigma.getCamera().animatedZoom()}
            >
              +
            </button>
            <button
              type="button"
              aria-label="Zoom out"
              onClick={() => void handle.current?.sigma.getCamera().animatedUnzoom()}
            >
              −
            </button>
            <button type="button" onClick={() => void handle.current?.sigma.getCamera().animatedReset()}>
              Fit
            </button>
          </span>
          <label>
            Size{' '}
            <select
              aria-label="Node size"
              value={look.size}
              onChange={(e) => setLook({ ...look, size: e.target.value as Look['size'] })}
            >
              {Object.entries(SIZE_LABELS).map(([k, v]) => (
                <option
                  key={k}
                  value={k}
                  disabled={k === 'topic' && !topicScores}
                  title={k === 'topic' && !topicScores ? 'Filter by a hashtag or specialty first' : undefined}
                >
                  {k === 'topic' && !topicScores ? `${v} (needs a topic)` : v}
                </option>
              ))}
            </select>
          </label>
          <label>
            Colour{' '}
            <select
              aria-label="Node colour"
              value={look.color}
              onChange={(e) => setLook({ ...look, color: e.target.value as Look['color'] })}
            >
              {Object.entries(COLOR_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </label>
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
              : `${data.nodes.length} accounts, ${data.edges.length} links${data.truncated ? ` (top ${data.nodes.length} of ${data.totalAccounts} by ${data.window ? 'activity in the period' : 'score'})` : ''}` +
                (matches ? ` · ${matches.size} match the filters` : ''))}
          {data?.window && ` · ${periodNote(filters)}`}
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
        {filtered.error && <p role="alert">{filtered.error.message}</p>}
        {exportError && <p role="alert">Export failed: {exportError}</p>}
        <div className="graph-row">
          {data && !filtered.error && (
            <GraphCanvas
              data={data}
              layoutKey={layoutKey}
              focus={focus}
              onSelect={onSelect}
              onReady={onReady}
              onLayoutChange={setRunning}
              look={look}
              communityNames={communityNames}
              topicScores={topicScores}
              edgeTypes={edgeTypes}
            />
          )}
          {ranked && !filtered.error && (
            <MatchList
              ranked={ranked}
              selected={props.selected}
              onPick={(id) => {
                props.onSelect(id);
                focusNode(id);
              }}
              onZoom={() =>
                handle.current &&
                zoomToNodes(
                  handle.current.sigma,
                  ranked.map((n) => n.id),
                )
              }
            />
          )}
        </div>
        {look.size === 'topic' && !topicScores && (
          <p className="muted">
            Topic score needs a hashtag or specialty in the filters; until then every node is small.
          </p>
        )}
        {look.color === 'community' && (
          <CommunityLegend items={legend} onOpen={(id) => props.onFilters({ ...filters, community: id })} />
        )}
        {isCategoryColor(look.color) && (
          <CategoryLegend title={COLOR_LABELS[look.color]} items={categories} />
        )}
        <ul
          className="legend"
          aria-label={look.color === 'stage' ? 'Outreach stage (node colour)' : 'Outreach stage (node ring)'}
        >
          {STAGES.map((s) => (
            <li key={s}>
              <span
                className={look.color === 'stage' ? 'swatch' : 'ring'}
                style={
                  look.color === 'stage' ? { background: STAGE_COLORS[s] } : { borderColor: STAGE_COLORS[s] }
                }
                aria-hidden="true"
              />
              {STAGE_LABELS[s]}
            </li>
          ))}
        </ul>
        {data && !data.aggregated && (
          <EdgeTypeFilter edges={data.edges} shown={edgeTypes} onChange={setEdgeTypes} />
        )}
      </section>
    </div>
  );
}
