// @vitest-environment jsdom
// Explore's new controls: colour by role / region / country with its legend, size by followers and
// topic score, the link-type legend with its checkboxes, and the drawn graph starting from the
// server's stored layout.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GraphEdgeData, GraphNodeData } from '../../../client/api/types.ts';
import { buildDrawGraph, seedPosition } from '../../../client/graph/build.ts';
import { applyEdgeTypes, applyLook } from '../../../client/graph/look.ts';
import { toGexf } from '../../../client/graph/export.ts';
import {
  CATEGORIES_COLOURED,
  categoryLegend,
  EDGE_TYPE_COLORS,
  EDGE_TYPES,
  edgeLook,
  NO_COMMUNITY_COLOR,
  OTHER_COLOR,
  ROLE_COLORS,
  type EdgeType,
} from '../../../client/graph/style.ts';
import { CategoryLegend } from '../../../client/views/explore/CategoryLegend.tsx';
import { EdgeTypeFilter } from '../../../client/views/explore/EdgeTypeFilter.tsx';

afterEach(() => cleanup());

const node = (id: string, extra: Partial<GraphNodeData> = {}): GraphNodeData => ({
  id,
  label: `@${id}`,
  community: 1,
  score: 0.5,
  stage: null,
  size: 1,
  kind: 'account',
  ...extra,
});
const counts = (c: Partial<Record<EdgeType, number>>) => ({
  mention: 0,
  reply: 0,
  repost: 0,
  quote: 0,
  follow: 0,
  ...c,
});
const edge = (source: string, target: string, c: Partial<Record<EdgeType, number>>): GraphEdgeData => ({
  source,
  target,
  weight: 1,
  types: counts(c),
});

describe('colour by role, region or country', () => {
  it('gives roles their own colours and plain names, with counts and "Not known"', () => {
    const nodes = [
      node('a', { role: 'clinician' }),
      node('b', { role: 'patient_advocate' }),
      node('c', { role: 'patient_advocate' }),
      node('d', { role: null }),
    ];
    const legend = categoryLegend('role', nodes);
    expect(legend).toEqual([
      { key: 'patient_advocate', label: 'Patient advocate', color: ROLE_COLORS.patient_advocate, count: 2 },
      { key: 'clinician', label: 'Clinician', color: ROLE_COLORS.clinician, count: 1 },
      { key: null, label: 'Not known', color: NO_COMMUNITY_COLOR, count: 1 },
    ]);
    render(<CategoryLegend title="Role" items={legend} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(screen.getByRole('list', { name: 'Role (node colour)' })).toBeTruthy();
    expect(items).toEqual(['Patient advocate 2', 'Clinician 1', 'Not known 1']);
  });

  it(`colours the ${CATEGORIES_COLOURED} most frequent countries and puts the rest under "Other"`, () => {
    const nodes = Array.from({ length: CATEGORIES_COLOURED + 3 }, (_, i) =>
      Array.from({ length: 20 - i }, (_, k) => node(`n${i}-${k}`, { country: `Country ${i}` })),
    ).flat();
    const legend = categoryLegend('country', nodes);
    expect(legend).toHaveLength(CATEGORIES_COLOURED + 1);
    expect(legend[0]).toMatchObject({ label: 'Country 0', count: 20 });
    expect(legend.at(-1)).toMatchObject({ label: 'Other', color: OTHER_COLOR, count: 10 + 9 + 8 });
    expect(new Set(legend.slice(0, CATEGORIES_COLOURED).map((e) => e.color)).size).toBe(CATEGORIES_COLOURED);
  });

  it('paints the drawn nodes with the legend colours, and region fills follow the region', () => {
    const data = {
      nodes: [
        node('a', { region: 'Massachusetts' }),
        node('b', { region: 'Massachusetts' }),
        node('c', { region: 'Ontario' }),
        node('d'),
      ],
      edges: [],
    };
    const g = buildDrawGraph(data);
    applyLook(g, { size: 'score', color: 'region' }, null);
    const legend = categoryLegend('region', data.nodes);
    const colourOf = (label: string) => legend.find((e) => e.label === label)!.color;
    expect(g.getNodeAttribute('a', 'color')).toBe(colourOf('Massachusetts'));
    expect(g.getNodeAttribute('b', 'color')).toBe(colourOf('Massachusetts'));
    expect(g.getNodeAttribute('c', 'color')).toBe(colourOf('Ontario'));
    expect(g.getNodeAttribute('c', 'color')).not.toBe(colourOf('Massachusetts'));
    expect(g.getNodeAttribute('d', 'color')).toBe(NO_COMMUNITY_COLOR);
  });
});

describe('size by followers and by topic score', () => {
  const data = {
    nodes: [
      node('big', { followers: 100_000, score: 0.1 }),
      node('mid', { followers: 1_000, score: 0.9 }),
      node('none', { followers: 0, score: 0.5 }),
    ],
    edges: [],
  };

  it('orders sizes by followers (log scale), not by score', () => {
    const g = buildDrawGraph(data);
    applyLook(g, { size: 'followers', color: 'community' }, null);
    const size = (id: string) => g.getNodeAttribute(id, 'size');
    expect(size('big')).toBeGreaterThan(size('mid'));
    expect(size('mid')).toBeGreaterThan(size('none'));
    // Log scale: 1% of the followers still gets more than half the largest size above the minimum.
    expect(size('mid') - size('none')).toBeGreaterThan((size('big') - size('none')) / 2);
  });

  it('sizes the topic voices by their topic score and leaves the others small', () => {
    const g = buildDrawGraph(data);
    applyLook(
      g,
      { size: 'topic', color: 'community' },
      new Map([
        ['none', 0.8],
        ['big', 0.2],
      ]),
    );
    const size = (id: string) => g.getNodeAttribute(id, 'size');
    expect(size('none')).toBeGreaterThan(size('big'));
    expect(size('big')).toBeGreaterThan(size('mid'));
  });
});

describe('links by type', () => {
  const edges = [
    edge('a', 'b', { reply: 3, mention: 1 }),
    edge('b', 'c', { mention: 2 }),
    edge('c', 'a', { follow: 1 }),
    edge('a', 'c', { repost: 1, quote: 1 }),
  ];

  it('colours a link by its most frequent shown type and hides it when no shown type occurred', () => {
    const all = new Set(EDGE_TYPES);
    expect(edgeLook(counts({ reply: 3, mention: 1 }), all, '#ccc')).toEqual({
      color: EDGE_TYPE_COLORS.reply,
      hidden: false,
    });
    expect(edgeLook(counts({ reply: 3, mention: 1 }), new Set(['mention']), '#ccc')).toEqual({
      color: EDGE_TYPE_COLORS.mention,
      hidden: false,
    });
    expect(edgeLook(counts({ follow: 1 }), new Set(['reply']), '#ccc').hidden).toBe(true);
    // Links between communities carry no types: always shown, in the plain colour.
    expect(edgeLook(null, new Set(), '#ccc')).toEqual({ color: '#ccc', hidden: false });
  });

  it('lists each type with its count and a checkbox, and says how many links are left', () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <EdgeTypeFilter edges={edges} shown={new Set(EDGE_TYPES)} onChange={onChange} />,
    );
    expect(screen.getByRole('group', { name: 'Links by type' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Mentions 2' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Replies 1' })).toBeTruthy();
    expect(screen.getByTestId('links-shown').textContent).toBe('all 4 links shown');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mentions 2' }));
    const next = onChange.mock.calls[0]![0] as Set<EdgeType>;
    expect([...next].sort()).toEqual(['follow', 'quote', 'reply', 'repost']);
    rerender(<EdgeTypeFilter edges={edges} shown={next} onChange={onChange} />);
    expect((screen.getByRole('checkbox', { name: 'Mentions 2' }) as HTMLInputElement).checked).toBe(false);
    // a→b keeps its reply; b→c had only mentions.
    expect(screen.getByTestId('links-shown').textContent).toBe('3 of 4 links shown');
  });

  it('shows nothing for links between communities (they have no types)', () => {
    const { container } = render(
      <EdgeTypeFilter
        edges={[{ source: 'community:1', target: 'community:2', weight: 3 }]}
        shown={new Set(EDGE_TYPES)}
        onChange={() => undefined}
      />,
    );
    expect(container.innerHTML).toBe('');
  });

  it('hides the unticked links on the drawn graph and leaves them out of the GEXF', () => {
    const g = buildDrawGraph({ nodes: ['a', 'b', 'c'].map((id) => node(id)), edges });
    applyEdgeTypes(g, new Set(['reply']));
    expect(g.filterEdges((_, a) => !a.hidden)).toEqual(['a->b']);
    expect(g.getEdgeAttribute('a->b', 'color')).toBe(EDGE_TYPE_COLORS.reply);
    expect(toGexf(g).match(/<edge /g)).toHaveLength(1);
  });
});

describe('the stored layout', () => {
  it('places nodes where the server says, over this browser’s kept positions and the seeded spot', () => {
    const g = buildDrawGraph(
      { nodes: [node('a', { x: 12.5, y: -3 }), node('b')], edges: [] },
      { a: [1, 1], b: [7, 8] },
    );
    expect(g.getNodeAttributes('a')).toMatchObject({ x: 12.5, y: -3, stored: true });
    expect(g.getNodeAttributes('b')).toMatchObject({ x: 7, y: 8, stored: false });
    const fresh = buildDrawGraph({ nodes: [node('c')], edges: [] });
    const [x, y] = seedPosition('c', 1);
    expect(fresh.getNodeAttributes('c')).toMatchObject({ x, y, stored: false });
  });
});
