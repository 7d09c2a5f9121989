// Every API route with a well-formed sample request and the least role that may use it: the
// authorisation matrix and the property-based tests both walk this list, and a test checks it
// against the OpenAPI document so a new route cannot be forgotten.
import type { Role } from '../../../server/auth/roles.ts';
import { LISTENING_ROUTES } from './routes-listening.ts';

export interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI form, e.g. /api/accounts/{id} */
  path: string;
  /** A concrete URL for a valid request. */
  url: () => string;
  body?: () => unknown;
  access: 'public' | Role;
  ok: number;
  /** Signs the session out: run it with a session of its own. */
  endsSession?: boolean;
}

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export const jobIdHolder = { id: '' };

export const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/health', url: () => '/api/health', access: 'public', ok: 200 },
  { method: 'GET', path: '/api/auth/me', url: () => '/api/auth/me', access: 'viewer', ok: 200 },
  {
    method: 'POST',
    path: '/api/auth/logout',
    url: () => '/api/auth/logout',
    access: 'viewer',
    ok: 204,
    endsSession: true,
  },
  { method: 'GET', path: '/api/users', url: () => '/api/users', access: 'admin', ok: 200 },
  {
    method: 'POST',
    path: '/api/users',
    url: () => '/api/users',
    body: () => ({ name: `u${unique()}`, role: 'viewer', password: 'a long enough password' }),
    access: 'admin',
    ok: 201,
  },
  // The user life cycle, on a name nobody has: the role check passed, the lookup answered 404.
  ...(['role', 'password'] as const).map((what): RouteCase => ({
    method: 'PUT',
    path: `/api/users/{name}/${what}`,
    url: () => `/api/users/nobody-${unique()}/${what}`,
    body: () => (what === 'role' ? { role: 'viewer' } : { password: 'a long enough password' }),
    access: 'admin',
    ok: 404,
  })),
  ...(['disable', 'enable', 'end-sessions'] as const).map((what): RouteCase => ({
    method: 'POST',
    path: `/api/users/{name}/${what}`,
    url: () => `/api/users/nobody-${unique()}/${what}`,
    access: 'admin',
    ok: 404,
  })),
  {
    method: 'DELETE',
    path: '/api/users/{name}',
    url: () => `/api/users/nobody-${unique()}`,
    access: 'admin',
    ok: 404,
  },
  {
    method: 'POST',
    path: '/api/auth/password',
    url: () => '/api/auth/password',
    // The current password again: refused (400) after the role and the current password were checked.
    body: () => ({
      currentPassword: 'correct horse battery staple',
      password: 'correct horse battery staple',
    }),
    access: 'viewer',
    ok: 400,
  },
  {
    method: 'GET',
    path: '/api/influencers',
    url: () => '/api/influencers?limit=5',
    access: 'viewer',
    ok: 200,
  },
  { method: 'GET', path: '/api/communities', url: () => '/api/communities', access: 'viewer', ok: 200 },
  {
    method: 'GET',
    path: '/api/communities/{id}',
    url: () => '/api/communities/1',
    access: 'viewer',
    ok: 200,
  },
  { method: 'GET', path: '/api/accounts/{id}', url: () => '/api/accounts/x%3A1', access: 'viewer', ok: 200 },
  {
    method: 'GET',
    path: '/api/accounts/{id}/ego',
    url: () => '/api/accounts/x%3A1/ego',
    access: 'viewer',
    ok: 200,
  },
  {
    method: 'GET',
    path: '/api/accounts/{id}/paths',
    url: () => '/api/accounts/x%3A1/paths',
    access: 'viewer',
    ok: 200,
  },
  { method: 'GET', path: '/api/hashtags', url: () => '/api/hashtags?limit=5', access: 'viewer', ok: 200 },
  { method: 'GET', path: '/api/graph', url: () => '/api/graph?cap=50', access: 'viewer', ok: 200 },
  {
    method: 'GET',
    path: '/api/outreach/relationships/{id}',
    url: () => '/api/outreach/relationships/x%3A1',
    access: 'viewer',
    ok: 200,
  },
  {
    method: 'PUT',
    path: '/api/outreach/relationships/{id}',
    url: () => '/api/outreach/relationships/x%3A2',
    body: () => ({ stage: 'following', nextStep: 'say hello' }),
    access: 'outreach',
    ok: 200,
  },
  {
    method: 'POST',
    path: '/api/outreach/contacts',
    url: () => '/api/outreach/contacts',
    body: () => ({ accountId: 'x:3', at: '2025-05-01T09:00:00Z', channel: 'email', note: 'sent the deck' }),
    access: 'outreach',
    ok: 201,
  },
  {
    method: 'GET',
    path: '/api/outreach/contacts',
    url: () => '/api/outreach/contacts?accountId=x%3A3',
    access: 'viewer',
    ok: 200,
  },
  {
    method: 'GET',
    path: '/api/outreach/pipeline',
    url: () => '/api/outreach/pipeline',
    access: 'viewer',
    ok: 200,
  },
  {
    method: 'GET',
    path: '/api/outreach/next-steps',
    url: () => '/api/outreach/next-steps',
    access: 'viewer',
    ok: 200,
  },
  {
    method: 'GET',
    path: '/api/outreach/export.csv',
    url: () => '/api/outreach/export.csv',
    access: 'viewer',
    ok: 200,
  },
  {
    // Runs after the PUT above gave x:2 a next step; the admin's purge replaces it with a tombstone.
    method: 'POST',
    path: '/api/outreach/relationships/{id}/purge-next-step',
    url: () => '/api/outreach/relationships/x%3A2/purge-next-step',
    body: () => ({ reason: 'test of the purge route' }),
    access: 'admin',
    ok: 200,
  },
  {
    // No such contact: the admin passes the role check and gets 404 (purging itself: purge.test.ts).
    method: 'POST',
    path: '/api/outreach/contacts/{id}/purge',
    url: () => '/api/outreach/contacts/00000000-0000-4000-8000-000000000000/purge',
    body: () => ({ reason: 'test of the purge route' }),
    access: 'admin',
    ok: 404,
  },
  {
    // No such contact: the outreach user passes the role check and gets 404 (editing: outreach-daily.test.ts).
    method: 'PATCH',
    path: '/api/outreach/contacts/{id}',
    url: () => '/api/outreach/contacts/00000000-0000-4000-8000-000000000000',
    body: () => ({ outcome: 'interested' }),
    access: 'outreach',
    ok: 404,
  },
  {
    method: 'DELETE',
    path: '/api/outreach/contacts/{id}',
    url: () => '/api/outreach/contacts/00000000-0000-4000-8000-000000000000',
    access: 'outreach',
    ok: 404,
  },
  {
    method: 'GET',
    path: '/api/outreach/reminders',
    url: () => '/api/outreach/reminders?today=2025-06-01',
    access: 'viewer',
    ok: 200,
  },
  {
    method: 'GET',
    path: '/api/outreach/accounts/{id}/timeline',
    url: () => '/api/outreach/accounts/x%3A1/timeline?limit=5',
    access: 'viewer',
    ok: 200,
  },
  { method: 'GET', path: '/api/audit', url: () => '/api/audit?limit=5', access: 'admin', ok: 200 },
  {
    method: 'GET',
    path: '/api/jobs/import-files',
    url: () => '/api/jobs/import-files',
    access: 'admin',
    ok: 200,
  },
  { method: 'GET', path: '/api/jobs', url: () => '/api/jobs', access: 'admin', ok: 200 },
  {
    method: 'GET',
    path: '/api/jobs/{id}',
    url: () => `/api/jobs/${jobIdHolder.id}`,
    access: 'admin',
    ok: 200,
  },
  {
    method: 'POST',
    path: '/api/jobs',
    url: () => '/api/jobs',
    body: () => ({ kind: 'ingest', files: ['missing.csv'] }),
    access: 'admin',
    // A well-formed request for a file that is not there: the role check passed, the file check answered.
    ok: 400,
  },
  { method: 'GET', path: '/api/chats', url: () => '/api/chats?limit=5', access: 'viewer', ok: 200 },
  // The seeded graph has no chat: a well-formed request for one answers 404 once the role check passed.
  { method: 'GET', path: '/api/chats/{tag}', url: () => '/api/chats/nosuchchat', access: 'viewer', ok: 404 },
  {
    method: 'PUT',
    path: '/api/chats/{tag}/follow',
    url: () => '/api/chats/nosuchchat/follow',
    access: 'viewer',
    ok: 404,
  },
  {
    method: 'DELETE',
    path: '/api/chats/{tag}/follow',
    url: () => '/api/chats/nosuchchat/follow',
    access: 'viewer',
    ok: 200,
  },
  { method: 'GET', path: '/api/chat-feed', url: () => '/api/chat-feed', access: 'viewer', ok: 200 },
  { method: 'POST', path: '/api/chat-feed', url: () => '/api/chat-feed', access: 'viewer', ok: 201 },
  { method: 'DELETE', path: '/api/chat-feed', url: () => '/api/chat-feed', access: 'viewer', ok: 200 },
  // Authorised by its token, not the session: a wrong token is refused for everyone alike.
  {
    method: 'GET',
    path: '/api/chats.ics',
    url: () => `/api/chats.ics?token=${'x'.repeat(43)}`,
    access: 'public',
    ok: 401,
  },
  ...LISTENING_ROUTES,
  // Collections: reading is for every role, changes are admin-only. The matrix adds a watch (a fresh
  // id each time; nothing runs it: the test app's scheduler is off) and asks for one nobody has.
  { method: 'GET', path: '/api/watches', url: () => '/api/watches', access: 'viewer', ok: 200 },
  {
    method: 'POST',
    path: '/api/watches',
    url: () => '/api/watches',
    body: () => ({
      id: `matrix-${unique()}`,
      platform: 'mastodon',
      kind: 'hashtag',
      target: 'raredisease',
      baseUrl: 'http://127.0.0.1:9',
    }),
    access: 'admin',
    ok: 201,
  },
  ...(['pause', 'resume', 'run'] as const).map((what): RouteCase => ({
    method: 'POST',
    path: `/api/watches/{id}/${what}`,
    url: () => `/api/watches/nobody-${unique()}/${what}`,
    access: 'admin',
    ok: 404,
  })),
  {
    method: 'DELETE',
    path: '/api/watches/{id}',
    url: () => `/api/watches/nobody-${unique()}`,
    access: 'admin',
    ok: 404,
  },
  {
    method: 'GET',
    path: '/api/watches/{id}/runs',
    url: () => `/api/watches/nobody-${unique()}/runs`,
    access: 'viewer',
    ok: 404,
  },
];

/** Routes handled outside the matrix: login is public and rate-limited; docs are public. */
export const NOT_IN_MATRIX = new Set(['POST /api/auth/login']);
