// @vitest-environment jsdom
// Explore's reading aids: the match list (ranked, named, capped), the legend of named communities, the
// camera box around a set of nodes, what sets size and colour, the hashtag drill-down's bars, and the
// GEXF export read back by networkx with its colours, sizes and positions.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Community, GraphNodeData } from '../../../client/api/types.ts';
import { buildDrawGraph } from '../../../client/graph/build.ts';
import { fixGexfVizNamespace, toGexf } from '../../../client/graph/export.ts';
import { communityColor, nodeLook, NO_COMMUNITY_COLOR, STAGE_COLORS } from '../../../client/graph/style.ts';
import { cooccurring } from '../../../client/views/communities/Communities.tsx';
import { cameraFor } from '../../../client/views/explore/camera.ts';
import { CommunityLegend, legendCommunities } from '../../../client/views/explore/CommunityLegend.tsx';
import { MatchList, MATCHES_LISTED, rankedMatches } from '../../../client/views/explore/MatchList.tsx';

afterEach(() => cleanup());

const node = (
  id: string,
  score: number | null,
  community: number | null,
  extra: Partial<GraphNodeData> = {},
) =>
  ({
    id,
    label: `@${id}`,
    community,
    score,
    stage: null,
    size: 1,
    kind: 'account',
    ...extra,
  }) as GraphNodeData;

const community = (id: number, label: string | null, size = 10): Community => ({
  id,
  size,
  label,
  topHashtags: [],
  topAccounts: [],
  modularity: 0.1,
  stability: null,
  runId: 'r1',
});

describe('the match list', () => {
  const nodes = [node('a', 0.2, 1), node('b', 0.9, 1), node('c', null, 2), node('d', 0.5, 2)];

  it('lists only the matches, highest score first, and picks one on click', () => {
    const ranked = rankedMatches(nodes, new Set(['a', 'b', 'c']));
    expect(ranked.map((n) => n.id)).toEqual(['b', 'a', 'c']);
    const onPick = vi.fn();
    render(<MatchList ranked={ranked} selected={undefined} onPick={onPick} onZoom={() => undefined} />);
    expect(screen.getByRole('heading', { name: '3 matches' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '@a' }));
    expect(onPick).toHaveBeenCalledWith('a');
  });

  it(`shows at most ${MATCHES_LISTED} and says how many more`, () => {
    const many = Array.from({ length: MATCHES_LISTED + 7 }, (_, i) => node(`n${i}`, i, 1));
    render(
      <MatchList ranked={many} selected={undefined} onPick={() => undefined} onZoom={() => undefined} />,
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(MATCHES_LISTED);
    expect(screen.getByText(/and 7 more/)).toBeTruthy();
  });

  it('says so when nothing matches, and offers no zoom', () => {
    render(<MatchList ranked={[]} selected={undefined} onPick={() => undefined} onZoom={() => undefined} />);
    expect(screen.getByText(/No account in this view matches/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Zoom to matches' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});

describe('the community legend', () => {
  it('names the communities in view by their label, largest first, in their graph colour', () => {
    const nodes = [node('a', 1, 3), node('b', 1, 3), node('c', 1, 7), node('d', 1, null)];
    const items = legendCommunities(nodes, false, [community(3, '#t1d #diabetes'), community(7, null)]);
    expect(items).toEqual([
      { id: 3, inView: 2, color: communityColor(3), name: '#t1d #diabetes' },
      { id: 7, inView: 1, color: communityColor(7), name: 'Community 7' },
    ]);
    const onOpen = vi.fn();
    render(<CommunityLegend items={items} onOpen={onOpen} />);
    fireEvent.click(screen.getByRole('button', { name: '#t1d #diabetes' }));
    expect(onOpen).toHaveBeenCalledWith(3);
  });

  it('counts members, not super-nodes, in the aggregated view', () => {
    const nodes = [node('community:3', 1, 3, { kind: 'community', size: 120 })];
    expect(legendCommunities(nodes, true, [])[0]?.inView).toBe(120);
  });
});

describe('zoom to a set of nodes', () => {
  it('centres on the box around them, with a margin, and closes in on a single node', () => {
    const c = cameraFor([
      { x: 0.2, y: 0.4 },
      { x: 0.4, y: 0.5 },
    ])!;
    expect(c.x).toBeCloseTo(0.3);
    expect(c.y).toBeCloseTo(0.45);
    expect(c.ratio).toBeCloseTo(0.26);
    expect(cameraFor([{ x: 0.9, y: 0.1 }])).toEqual({ x: 0.9, y: 0.1, ratio: 0.3 });
    expect(cameraFor([])).toBeNull();
  });
});

describe('what sets size and colour', () => {
  const n = { score: 0.5, community: 4, stage: 'partner' as const, members: 1 };
  const scale = { maxScore: 1, degree: 10, maxDegree: 10 };
  it('sizes by score, by links in view, or all alike', () => {
    const byScore = nodeLook({ size: 'score', color: 'community' }, n, scale).size;
    const byDegree = nodeLook({ size: 'degree', color: 'community' }, n, scale).size;
    const uniform = nodeLook({ size: 'uniform', color: 'community' }, { ...n, score: 0 }, scale).size;
    expect(byDegree).toBeGreaterThan(byScore);
    expect(nodeLook({ size: 'uniform', color: 'community' }, n, scale).size).toBe(uniform);
  });
  it('colours by community or by outreach stage (grey outside the pipeline)', () => {
    expect(nodeLook({ size: 'score', color: 'community' }, n, scale).color).toBe(communityColor(4));
    expect(nodeLook({ size: 'score', color: 'stage' }, n, scale).color).toBe(STAGE_COLORS.partner);
    expect(nodeLook({ size: 'score', color: 'stage' }, { ...n, stage: null }, scale).color).toBe(
      NO_COMMUNITY_COLOR,
    );
  });
});

describe('the hashtag drill-down', () => {
  it('lists the hashtags used together with the chosen one, not the chosen one itself', () => {
    const data = {
      items: [{ tag: 't1d', posts: 40 }],
      pairs: [
        { a: 't1d', b: 'diabetes', count: 12 },
        { a: 'insulin', b: 't1d', count: 5 },
      ],
    };
    expect(cooccurring('t1d', data)).toEqual([
      { tag: 'diabetes', posts: 12 },
      { tag: 'insulin', posts: 5 },
    ]);
    expect(cooccurring(undefined, data)).toEqual(data.items);
  });
});

describe('GEXF export', () => {
  it('declares the viz namespace so networkx reads colours, sizes and positions', () => {
    const graph = buildDrawGraph(
      {
        nodes: [node('a', 0.9, 1, { stage: 'partner' }), node('b', 0.1, 2)],
        edges: [{ source: 'a', target: 'b', weight: 3 }],
      },
      { a: [10, 20], b: [-5, 7.5] },
    );
    const gexf = toGexf(graph);
    expect(gexf).toContain('xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    expect(fixGexfVizNamespace('<gexf xmlns:viz="http:///www.gexf.net/1.1draft/viz">')).toBe(
      '<gexf xmlns:viz="http://www.gexf.net/1.2draft/viz">',
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-gexf-'));
    const file = path.join(dir, 'view.gexf');
    writeFileSync(file, gexf);
    const read = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import json,sys,networkx as nx; g=nx.read_gexf(sys.argv[1]); print(json.dumps({n: d for n, d in g.nodes(data=True)}))',
        file,
      ],
      { encoding: 'utf8' },
    );
    const nodes = JSON.parse(read) as Record<
      string,
      {
        label: string;
        viz: { color: Record<string, number>; size: number; position: { x: number; y: number } };
      }
    >;
    const a = graph.getNodeAttributes('a');
    const hex = (c: Record<string, number>) =>
      '#' + [c.r, c.g, c.b].map((v) => v!.toString(16).padStart(2, '0')).join('');
    expect(nodes.a!.label).toBe('@a');
    expect(hex(nodes.a!.viz.color)).toBe(a.color);
    expect(nodes.a!.viz.size).toBeCloseTo(a.size);
    expect(nodes.a!.viz.position).toMatchObject({ x: 10, y: 20 });
    expect(nodes.b!.viz.position).toMatchObject({ x: -5, y: 7.5 });
  });
});
