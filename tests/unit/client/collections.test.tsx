// @vitest-environment jsdom
// Admin → Collections: the watches table cell by cell (last run, posts and interactions added, error
// as text, next run, whether a token is set), run now / pause / remove with its second question, and
// the add form: kinds follow the platform, and the server's 400 is shown next to the field it names.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Admin } from '../../../client/views/admin/Admin.tsx';
import type { Watch } from '../../../client/api/types.ts';
import { fakeApi, type Call } from './fake-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const run = (over: Partial<NonNullable<Watch['lastRun']>> = {}): NonNullable<Watch['lastRun']> => ({
  id: 'r1',
  watch: 'w',
  startedAt: '2026-03-01T10:00:00Z',
  finishedAt: '2026-03-01T10:00:09Z',
  status: 'done',
  pages: 4,
  posts: 20,
  interactions: 31,
  rejected: 0,
  error: null,
  ...over,
});

const watch = (over: Partial<Watch> & { id: string }): Watch => ({
  platform: 'mastodon',
  kind: 'hashtag',
  target: 'raredisease',
  baseUrl: 'https://mastodon.social',
  intervalMinutes: 60,
  since: null,
  until: null,
  paused: false,
  createdAt: '2026-03-01T09:00:00Z',
  nextRunAt: '2026-03-01T11:00:09Z',
  running: false,
  tokenSet: false,
  lastRun: null,
  ...over,
});

const LIST = [
  watch({ id: 'mastodon-hashtag-raredisease', lastRun: run() }),
  watch({
    id: 'x-search-t1d',
    platform: 'x',
    kind: 'search',
    target: '#T1D',
    paused: true,
    lastRun: run({
      status: 'failed',
      posts: 3,
      interactions: 4,
      error: 'api.x.com answered 401 <img src=x onerror=alert(1)>: the bearer token was refused',
    }),
  }),
];

async function openCollections(routes: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({
    'GET /api/users': { body: { items: [] } },
    'GET /api/audit': { body: { items: [], next: null } },
    'GET /api/watches': { body: { items: LIST, scheduler: { periodic: true, nextCheck: null } } },
    ...routes,
  });
  render(<Admin onOpenAccount={() => {}} />);
  fireEvent.click(screen.getByRole('button', { name: 'Collections' }));
  const section = await screen.findByTestId('collections');
  await waitFor(() => expect(within(section).getAllByRole('row')).toHaveLength(3));
  return { ...api, section };
}

const cellsOf = (row: HTMLElement) => [...row.querySelectorAll('td')].map((td) => td.textContent);

describe('Admin → Collections', () => {
  it('shows each watch with its last run, what it added, its error as text, next run and token state', async () => {
    const { section } = await openCollections({});
    const rows = within(section).getAllByRole('row');
    const masto = cellsOf(rows[1]!);
    expect(masto[0]).toBe('mastodon-hashtag-raredisease' + 'Mastodon hashtag raredisease every 60 min');
    expect(masto[1]).toBe('active');
    expect(masto[2]).toBe(`done, ${new Date('2026-03-01T10:00:09Z').toLocaleString()}`);
    expect(masto.slice(3, 6)).toEqual(['20', '31', '']);
    expect(masto[6]).toBe(new Date('2026-03-01T11:00:09Z').toLocaleString());
    expect(masto[7]).toBe('not set');

    const x = cellsOf(rows[2]!);
    expect(x[1]).toBe('paused');
    expect(x.slice(3, 8)).toEqual([
      '3',
      '4',
      'api.x.com answered 401 <img src=x onerror=alert(1)>: the bearer token was refused',
      'paused',
      'missing (required)',
    ]);
    // Platform text is text: no element was made of it.
    expect(section.querySelectorAll('img')).toHaveLength(0);
    expect(within(rows[2]!).getByRole('button', { name: 'Resume' })).toBeTruthy();
  });

  it('runs a watch now, pauses one, and removes one only after the second question', async () => {
    const { calls, section } = await openCollections({
      'POST /api/watches/mastodon-hashtag-raredisease/run': { status: 202, body: LIST[0] },
      'POST /api/watches/mastodon-hashtag-raredisease/pause': { body: { ...LIST[0], paused: true } },
      'DELETE /api/watches/x-search-t1d': { status: 204 },
    });
    const posts = () => calls.filter((c: Call) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`);
    const [, masto, x] = within(section).getAllByRole('row');
    fireEvent.click(within(masto!).getByRole('button', { name: 'Run now' }));
    await within(masto!).findByText('Run started');
    fireEvent.click(within(masto!).getByRole('button', { name: 'Pause' }));
    await within(masto!).findByText('Paused');

    fireEvent.click(within(x!).getByRole('button', { name: 'Remove…' }));
    expect(posts()).not.toContain('DELETE /api/watches/x-search-t1d');
    fireEvent.click(within(x!).getByRole('button', { name: 'Remove x-search-t1d (collected posts stay)' }));
    await waitFor(() =>
      expect(posts()).toEqual([
        'POST /api/watches/mastodon-hashtag-raredisease/run',
        'POST /api/watches/mastodon-hashtag-raredisease/pause',
        'DELETE /api/watches/x-search-t1d',
      ]),
    );
    // Each change reloads the list.
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'GET' && c.path === '/api/watches').length).toBeGreaterThan(3),
    );
  });

  it('offers the kinds of the chosen platform, sends the watch, and shows the refusal next to its field', async () => {
    const { calls, section } = await openCollections({
      'POST /api/watches': (c) =>
        (c.body as { baseUrl?: string }).baseUrl
          ? { status: 201, body: watch({ id: 'bluesky-search-t1d' }) }
          : {
              status: 400,
              body: {
                error: 'invalid',
                message: 'baseUrl is required for Mastodon: the instance, e.g. https://mastodon.social',
                details: [
                  {
                    field: 'body.baseUrl',
                    message: 'is required for Mastodon: the instance, e.g. https://mastodon.social',
                  },
                ],
              },
            },
    });
    const form = within(section).getByRole('form', { name: 'Add a watch' });
    const kinds = () =>
      [...(within(form).getByLabelText('What to follow') as HTMLSelectElement).options].map((o) => o.value);
    expect(kinds()).toEqual(['hashtag', 'account', 'followers', 'follows', 'thread', 'reposted-by']);

    fireEvent.change(within(form).getByLabelText(/^Target/), { target: { value: 'raredisease' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add watch' }));
    const error = await within(form).findByText(
      'is required for Mastodon: the instance, e.g. https://mastodon.social',
    );
    const instance = within(form).getByLabelText('Instance (required)');
    expect(instance.getAttribute('aria-invalid')).toBe('true');
    expect(instance.getAttribute('aria-describedby')).toBe(error.id);

    fireEvent.change(within(form).getByLabelText('Platform'), { target: { value: 'bluesky' } });
    expect(kinds()).toEqual([
      'search',
      'account',
      'followers',
      'follows',
      'thread',
      'quotes',
      'reposted-by',
      'likes',
    ]);
    expect(
      within(form)
        .getByLabelText(/^Target/)
        .closest('div')!.textContent,
    ).toContain('a search query');
    fireEvent.change(within(form).getByLabelText(/^Target/), { target: { value: '#T1D' } });
    fireEvent.change(within(form).getByLabelText('API server (optional)'), {
      target: { value: 'https://public.api.bsky.app' },
    });
    fireEvent.change(within(form).getByLabelText('Every (minutes)'), { target: { value: '15' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add watch' }));
    await within(form).findByText(/Watch bluesky-search-t1d added/);
    expect(calls.filter((c) => c.method === 'POST').at(-1)!.body).toEqual({
      platform: 'bluesky',
      kind: 'search',
      target: '#T1D',
      intervalMinutes: 15,
      baseUrl: 'https://public.api.bsky.app',
    });
  });
});
