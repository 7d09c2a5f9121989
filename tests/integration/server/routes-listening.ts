// The listening routes (issue 18) in the authorisation matrix. Mention routes are asked about a post
// that is not in the inbox: the role check passed when the answer is the domain's 404.
import type { RouteCase } from './routes.ts';

const missing = encodeURIComponent('x:no-such-post');

export const LISTENING_ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/identity', url: () => '/api/identity', access: 'viewer', ok: 200 },
  {
    method: 'PUT',
    path: '/api/identity',
    url: () => '/api/identity',
    body: () => ({ names: ['Matrix General'], exclusions: ['matrix reloaded'] }),
    access: 'admin',
    ok: 200,
  },
  {
    method: 'POST',
    path: '/api/identity/{list}',
    url: () => '/api/identity/nicknames',
    body: () => ({ terms: ['Matrix Gen'] }),
    access: 'admin',
    ok: 200,
  },
  {
    method: 'DELETE',
    path: '/api/identity/{list}',
    url: () => '/api/identity/campuses?term=Nowhere',
    access: 'admin',
    ok: 404,
  },
  {
    method: 'PUT',
    path: '/api/users/{name}/escalation',
    url: () => '/api/users/matrix-admin/escalation',
    body: () => ({ on: false }),
    access: 'admin',
    ok: 200,
  },
  { method: 'GET', path: '/api/mentions', url: () => '/api/mentions?mine=true', access: 'viewer', ok: 200 },
  {
    method: 'GET',
    path: '/api/mentions/weekly',
    url: () => '/api/mentions/weekly',
    access: 'viewer',
    ok: 200,
  },
  {
    method: 'POST',
    path: '/api/mentions/assign',
    url: () => '/api/mentions/assign',
    body: () => ({ postIds: ['x:no-such-post'], owner: 'matrix-admin' }),
    access: 'outreach',
    ok: 404,
  },
  {
    method: 'GET',
    path: '/api/mentions/{id}',
    url: () => `/api/mentions/${missing}`,
    access: 'viewer',
    ok: 404,
  },
  {
    method: 'PUT',
    path: '/api/mentions/{id}/state',
    url: () => `/api/mentions/${missing}/state`,
    body: () => ({ state: 'resolved' }),
    access: 'outreach',
    ok: 404,
  },
  {
    method: 'PUT',
    path: '/api/mentions/{id}/draft',
    url: () => `/api/mentions/${missing}/draft`,
    body: () => ({ text: 'Thank you for telling us.' }),
    access: 'outreach',
    ok: 404,
  },
  {
    method: 'POST',
    path: '/api/mentions/{id}/reply/check',
    url: () => `/api/mentions/${missing}/reply/check`,
    body: () => ({ text: 'Thank you for telling us.' }),
    access: 'outreach',
    ok: 200,
  },
  {
    method: 'POST',
    path: '/api/mentions/{id}/reply/sent',
    url: () => `/api/mentions/${missing}/reply/sent`,
    body: () => ({ text: 'Thank you for telling us.', url: 'https://x.com/MatrixGeneral/status/1' }),
    access: 'outreach',
    ok: 404,
  },
  { method: 'GET', path: '/api/notifications', url: () => '/api/notifications', access: 'viewer', ok: 200 },
  {
    method: 'POST',
    path: '/api/notifications/{id}/read',
    url: () => '/api/notifications/00000000-0000-4000-8000-000000000000/read',
    access: 'viewer',
    ok: 404,
  },
];
