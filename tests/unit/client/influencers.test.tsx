// @vitest-environment jsdom
// The influencer table: ranked as the server ranked it, re-sortable by column, trimmed by the minimum
// score in the client, and social-media text shown as text.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../../client/api/types.ts';
import { parseState, type InfluencerFilters } from '../../../client/state/filters.ts';
import { SessionContext } from '../../../client/state/session.ts';
import { Influencers } from '../../../client/views/influencers/Influencers.tsx';
import { fakeApi, influencer } from './fake-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// As the server sends them: highest score first.
const items = [
  influencer({
    accountId: 'x:1',
    handle: 'zoe_md',
    name: 'Zoe',
    score: 0.91,
    role: 'clinician',
    specialties: ['diabetes'],
    place: { name: 'Boston', region: 'Massachusetts', country: 'US', lat: 42.36, lon: -71.06 },
    why: {
      matched: ['specialty diabetes', '3 km from Boston'],
      community: { id: 2, label: '#t1d' },
      topInteractions: [{ accountId: 'x:9', handle: 'amy', type: 'mention', count: 12 }],
      summary: [],
    },
  }),
  influencer({ accountId: 'x:2', handle: 'ann_rn', name: '<img src=x onerror=alert(1)>', score: 0.55 }),
  influencer({ accountId: 'x:3', handle: 'Bo', name: 'Bo', score: 0.12, role: 'patient_advocate' }),
];

const user = (role: Me['user']['role']) => ({ name: 'sam', role }) as Me['user'];

function renderView(
  filters: InfluencerFilters = parseState('').filters,
  role: Me['user']['role'] = 'outreach',
) {
  const onOpen = vi.fn();
  const onFilters = vi.fn();
  render(
    <SessionContext.Provider value={user(role)}>
      <Influencers filters={filters} onFilters={onFilters} selected={undefined} onOpen={onOpen} />
    </SessionContext.Provider>,
  );
  return { onOpen, onFilters };
}

const handles = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((tr) => within(tr).getAllByRole('cell')[1]!.querySelector('.handle')!.textContent);

describe('Influencers', () => {
  it('asks the server with the filters and lists the accounts in its order, with why', async () => {
    const { calls } = fakeApi({ 'GET /api/influencers': { body: { items, next: null } } });
    renderView(parseState('?specialty=diabetes&near=Boston&radiusKm=10').filters);
    await waitFor(() => expect(screen.getByTestId('influencer-count').textContent).toBe('3 shown'));
    const q = calls[0]!.query;
    expect([q.get('specialty'), q.get('near'), q.get('radiusKm'), q.get('limit')]).toEqual([
      'diabetes',
      'Boston',
      '10',
      '100',
    ]);
    expect(handles()).toEqual(['@zoe_md', '@ann_rn', '@Bo']);
    const first = screen.getAllByRole('row')[1]!;
    expect(first.querySelector('td.why')!.textContent).toBe(
      'specialty diabetes; 3 km from Boston; community #t1d; 12 mentions from @amy',
    );
    expect(first.textContent).toContain('Boston, Massachusetts, US');
  });

  it('sorts by score, by account and back by rank', async () => {
    fakeApi({ 'GET /api/influencers': { body: { items, next: null } } });
    renderView();
    await screen.findByText('@zoe_md');
    fireEvent.click(screen.getByRole('button', { name: 'Score' }));
    expect(handles()).toEqual(['@zoe_md', '@ann_rn', '@Bo']);
    fireEvent.click(screen.getByRole('button', { name: 'Score' }));
    expect(handles()).toEqual(['@Bo', '@ann_rn', '@zoe_md']);
    // Handles sort case-insensitively, A→Z on the second press.
    const account = screen.getByRole('button', { name: 'Account' });
    fireEvent.click(account);
    fireEvent.click(account);
    expect(handles()).toEqual(['@ann_rn', '@Bo', '@zoe_md']);
    // The rank column keeps the server's rank whatever the order on screen.
    const ranks = screen
      .getAllByRole('row')
      .slice(1)
      .map((tr) => within(tr).getAllByRole('cell')[0]!.textContent);
    expect(ranks).toEqual(['2', '3', '1']);
    fireEvent.click(screen.getByRole('button', { name: '#' }));
    fireEvent.click(screen.getByRole('button', { name: '#' }));
    expect(handles()).toEqual(['@zoe_md', '@ann_rn', '@Bo']);
  });

  it('asks the server for the accounts at or above the minimum score, as the CLI and API do', async () => {
    const { calls } = fakeApi({ 'GET /api/influencers': { body: { items, next: null } } });
    renderView(parseState('?minScore=0.5&includeFlagged=true').filters);
    await waitFor(() => expect(screen.getByTestId('influencer-count').textContent).toBe('2 shown'));
    expect(handles()).toEqual(['@zoe_md', '@ann_rn']);
    expect(calls[0]!.query.get('minScore')).toBe('0.5');
    expect(calls[0]!.query.get('includeFlagged')).toBe('true');
  });

  it('shows an account name holding markup as text', async () => {
    fakeApi({ 'GET /api/influencers': { body: { items, next: null } } });
    renderView();
    const cell = await screen.findByText('<img src=x onerror=alert(1)>');
    expect(cell.tagName).toBe('STRONG');
    expect(document.querySelectorAll('table img')).toHaveLength(0);
  });

  it('opens an account by click and by Enter on its row', async () => {
    fakeApi({ 'GET /api/influencers': { body: { items, next: null } } });
    const { onOpen } = renderView();
    await screen.findByText('@Bo');
    const rows = screen.getAllByRole('row').slice(1);
    fireEvent.click(rows[0]!);
    fireEvent.keyDown(rows[2]!, { key: 'Enter' });
    // The row comes along (the account panel says where the account stands in this ranking).
    expect(onOpen.mock.calls.map((c) => c[0])).toEqual(['x:1', 'x:3']);
    expect(onOpen.mock.calls[1]![1]).toMatchObject({ accountId: 'x:3' });
  });

  it('adds an account to the pipeline without opening it', async () => {
    const { calls } = fakeApi({
      'GET /api/influencers': { body: { items, next: null } },
      'PUT /api/outreach/relationships/x:3': { body: {} },
    });
    const { onOpen } = renderView();
    fireEvent.click(await screen.findByRole('button', { name: 'Add to pipeline: @Bo' }));
    await waitFor(() => expect(screen.getAllByRole('row')[3]!.textContent).toContain('Added'));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ stage: 'to_follow' });
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('gives a viewer no pipeline button', async () => {
    fakeApi({ 'GET /api/influencers': { body: { items, next: null } } });
    renderView(undefined, 'viewer');
    await screen.findByText('@Bo');
    expect(screen.queryByRole('button', { name: /outreach pipeline/ })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Outreach' })).toBeNull();
  });

  it('loads the next page on "Load more"', async () => {
    const { calls } = fakeApi({
      'GET /api/influencers': (c) =>
        c.query.get('cursor') === 'p2'
          ? { body: { items: [influencer({ accountId: 'x:4', handle: 'dee', score: 0.05 })], next: null } }
          : { body: { items, next: 'p2' } },
    });
    renderView();
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getByTestId('influencer-count').textContent).toBe('4 shown'));
    expect(handles().at(-1)).toBe('@dee');
    expect(calls.at(-1)!.query.get('cursor')).toBe('p2');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('says so when nothing matches, and shows the server error when the request fails', async () => {
    fakeApi({ 'GET /api/influencers': { body: { items: [], next: null } } });
    renderView();
    expect(await screen.findByText('No account matches these filters.')).toBeTruthy();
    cleanup();
    fakeApi({
      'GET /api/influencers': {
        status: 400,
        body: { error: 'bad_request', message: 'unknown place "Atlantis"' },
      },
    });
    renderView(parseState('?near=Atlantis').filters);
    expect((await screen.findByRole('alert')).textContent).toBe('unknown place "Atlantis"');
  });
});
