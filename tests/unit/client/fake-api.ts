// A stand-in for the server at the HTTP boundary, for the client's component tests only: each test
// says what each route answers, and every request the components made is kept for assertions. The
// real server is exercised by tests/e2e.
import { vi } from 'vitest';
import type { AccountProfile, InfluencerItem } from '../../../client/api/types.ts';

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

type Answer = { status?: number; body?: unknown };
type Route = (call: Call) => Answer | Promise<Answer>;

export function fakeApi(routes: Record<string, Route | Answer>) {
  const calls: Call[] = [];
  const fetchStub = vi.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://carecircle.test');
    const method = (init.method ?? 'GET').toUpperCase();
    const call: Call = {
      method,
      // Route keys are written decoded: `/api/accounts/x:1` matches the client's `x%3A1`.
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const route = routes[`${method} ${call.path}`];
    if (!route) {
      return new Response(
        JSON.stringify({ error: 'not_found', message: `no fake for ${method} ${call.path}` }),
        {
          status: 404,
          headers: { 'content-type': 'application/json' },
        },
      );
    }
    const answer = typeof route === 'function' ? await route(call) : route;
    const status = answer.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchStub);
  return { calls };
}

export function influencer(over: Partial<InfluencerItem> & { accountId: string }): InfluencerItem {
  return {
    handle: over.accountId.split(':')[1] ?? over.accountId,
    name: null,
    score: 0.5,
    community: 1,
    place: null,
    specialties: [],
    role: 'other',
    localReach: null,
    spamFlag: null,
    rank: 0,
    contextSize: 0,
    topic: null,
    window: null,
    why: { topInteractions: [], community: null, matched: [], summary: [] },
    ...over,
  };
}

export function profile(
  over: Omit<Partial<AccountProfile>, 'account'> & { account?: Partial<AccountProfile['account']> } = {},
): AccountProfile {
  const base: AccountProfile = {
    account: {
      id: 'x:1',
      platform: 'x',
      handle: 'dr_ana',
      name: 'Dr Ana Ruiz',
      bio: 'Endocrinologist. #T1D',
      location: 'Boston, MA',
      followers: 1200,
      following: 300,
      verified: false,
      url: 'https://x.com/dr_ana',
      place: { name: 'Boston', region: 'Massachusetts', country: 'US', lat: 42.36, lon: -71.06 },
      specialties: ['diabetes'],
      role: 'clinician',
    },
    scores: {
      score: 0.8123,
      rank: 3,
      pagerank: 0.01234,
      inWeight: 40,
      communityShare: 0.2,
      bridge: 0.1,
      localReach: 0.62,
      spamFlag: null,
    },
    community: { id: 4, label: '#t1d #diabetes', size: 37 },
    explanation: ['Mentioned by 14 accounts in #t1d', 'Ranks 3rd among diabetes accounts'],
    interactions: { inAccounts: 14, inTotal: 40, outAccounts: 5, outTotal: 9 },
    topHashtags: [{ tag: 't1d', count: 12 }],
    recentPosts: [],
    outreach: { relationship: null, contacts: 0 },
  };
  return { ...base, ...over, account: { ...base.account, ...over.account } };
}
