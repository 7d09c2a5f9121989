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
  { method: 'GET', path: '/api/audit', url: () => '/api/audit?limit=5', access: 'admin', ok: 200 },
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
  ...LISTENING_ROUTES,
];

/** Routes handled outside the matrix: login is public and rate-limited; docs are public. */
export const NOT_IN_MATRIX = new Set(['POST /api/auth/login']);
