// Typed wrappers, one per server route the client uses (server/routes/*.ts).
import { get, request, setCsrfToken } from './http.ts';
import type {
  AccountProfile,
  AuditEntry,
  Community,
  CommunityDetail,
  Contact,
  ContactBody,
  ContactEdit,
  GraphEdgeData,
  GraphNodeData,
  GraphView,
  HashtagCooccurrence,
  ImportFile,
  InfluencerPage,
  Job,
  JobRequest,
  Me,
  PipelineItem,
  Relationship,
  RelationshipBody,
  Reminders,
  Role,
  Stage,
  TimelineEvent,
  User,
  WarmPathData,
  Watch,
  WatchInput,
  WatchRun,
} from './types.ts';
import type { InfluencerFilters } from '../state/filters.ts';

export async function login(username: string, password: string): Promise<Me> {
  const me = await request<Me>('POST', '/api/auth/login', { body: { username, password } });
  setCsrfToken(me.csrfToken);
  return me;
}

export async function me(): Promise<Me> {
  const m = await get<Me>('/api/auth/me');
  setCsrfToken(m.csrfToken);
  return m;
}

/** Changes my own password; the server ends my other sessions and renews this one's CSRF token. */
export async function changeMyPassword(currentPassword: string, password: string): Promise<Me> {
  const m = await request<Me>('POST', '/api/auth/password', { body: { currentPassword, password } });
  setCsrfToken(m.csrfToken);
  return m;
}

export async function logout(): Promise<void> {
  await request<void>('POST', '/api/auth/logout');
  setCsrfToken(null);
}

export const influencers = (
  f: InfluencerFilters,
  opts: { limit?: number; cursor?: string } = {},
  signal?: AbortSignal,
) =>
  get<InfluencerPage>(
    '/api/influencers',
    {
      hashtag: f.hashtag,
      specialty: f.specialty,
      near: f.near,
      radiusKm: f.near ? f.radiusKm : undefined,
      region: f.region,
      role: f.role,
      community: f.community,
      minScore: f.minScore,
      from: f.from,
      to: f.to,
      types: f.types?.join(','),
      sort: f.sort,
      includeFlagged: f.includeFlagged ? true : undefined,
      limit: opts.limit ?? 100,
      cursor: opts.cursor,
    },
    signal,
  );

export const communities = (signal?: AbortSignal) =>
  get<{ items: Community[] } | Community[]>('/api/communities', undefined, signal).then((r) =>
    Array.isArray(r) ? r : r.items,
  );
export const community = (id: number | string, signal?: AbortSignal) =>
  get<CommunityDetail>(`/api/communities/${encodeURIComponent(String(id))}`, undefined, signal);

export const account = (id: string, signal?: AbortSignal) =>
  get<AccountProfile>(`/api/accounts/${encodeURIComponent(id)}`, undefined, signal);
/** The period and interaction types a graph read counts (the filter panel's), query-string ready. */
export type GraphPeriod = Pick<InfluencerFilters, 'from' | 'to' | 'types'>;
const period = (p: GraphPeriod = {}) => ({ from: p.from, to: p.to, types: p.types?.join(',') });

export const ego = (id: string, p?: GraphPeriod, signal?: AbortSignal) =>
  get<{ nodes: GraphNodeData[]; edges: GraphEdgeData[] }>(
    `/api/accounts/${encodeURIComponent(id)}/ego`,
    period(p),
    signal,
  );
export const paths = (id: string, signal?: AbortSignal) =>
  get<{ items: WarmPathData[] }>(`/api/accounts/${encodeURIComponent(id)}/paths`, undefined, signal);

export const hashtags = (tag: string | undefined, signal?: AbortSignal) =>
  get<HashtagCooccurrence>('/api/hashtags', { tag, limit: 40 }, signal);

export const graph = (
  q: { cap?: number; community?: string | number | undefined } & GraphPeriod,
  signal?: AbortSignal,
) => get<GraphView>('/api/graph', { cap: q.cap, community: q.community, ...period(q) }, signal);

export const contacts = (accountId: string, signal?: AbortSignal) =>
  get<{ items: Contact[] }>('/api/outreach/contacts', { accountId }, signal);
export const logContact = (body: ContactBody) => request<Contact>('POST', '/api/outreach/contacts', { body });
export const purgeContact = (contactId: string, reason: string) =>
  request<{ auditEntriesRedacted: number }>(
    'POST',
    `/api/outreach/contacts/${encodeURIComponent(contactId)}/purge`,
    { body: { reason } },
  );
const contactPath = (id: string) => `/api/outreach/contacts/${encodeURIComponent(id)}`;
export const editContact = (contactId: string, body: ContactEdit) =>
  request<Contact>('PATCH', contactPath(contactId), { body });
export const deleteContact = (contactId: string) => request<void>('DELETE', contactPath(contactId));
export const timeline = (accountId: string, signal?: AbortSignal) =>
  get<{ items: TimelineEvent[] }>(
    `/api/outreach/accounts/${encodeURIComponent(accountId)}/timeline`,
    { limit: 50 },
    signal,
  );
/** My overdue and due-today next steps; `today` is the user's own calendar date. */
export const reminders = (today: string, signal?: AbortSignal) =>
  get<Reminders>('/api/outreach/reminders', { today }, signal);
export const setRelationship = (accountId: string, body: RelationshipBody) =>
  request<Relationship>('PUT', `/api/outreach/relationships/${encodeURIComponent(accountId)}`, { body });
export const pipeline = (q: { stage?: Stage; owner?: string } = {}, signal?: AbortSignal) =>
  get<{ items: PipelineItem[]; counts: Record<Stage, number> }>('/api/outreach/pipeline', q, signal);
export const nextSteps = (signal?: AbortSignal) =>
  get<{ items: PipelineItem[] }>('/api/outreach/next-steps', undefined, signal);
export const pipelineCsvUrl = '/api/outreach/export.csv';

export interface AuditFilters {
  actor?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}
export const audit = (
  q: AuditFilters & { before?: number | undefined; limit?: number } = {},
  signal?: AbortSignal,
) => get<{ items: AuditEntry[]; next: number | null }>('/api/audit', { ...q }, signal);

export const users = (signal?: AbortSignal) => get<{ items: User[] }>('/api/users', undefined, signal);
export const createUser = (body: { name: string; role: Role; password: string }) =>
  request<User>('POST', '/api/users', { body });
const userPath = (name: string) => `/api/users/${encodeURIComponent(name)}`;
export const setUserRole = (name: string, role: Role) =>
  request<User>('PUT', `${userPath(name)}/role`, { body: { role } });
export const resetUserPassword = (name: string, password: string) =>
  request<User>('PUT', `${userPath(name)}/password`, { body: { password } });
export const setUserDisabled = (name: string, disabled: boolean) =>
  request<User>('POST', `${userPath(name)}/${disabled ? 'disable' : 'enable'}`);
export const endUserSessions = (name: string) => request<void>('POST', `${userPath(name)}/end-sessions`);
export const deleteUser = (name: string) => request<void>('DELETE', userPath(name));

export const importFiles = (signal?: AbortSignal) =>
  get<{ folder: string; items: ImportFile[]; truncated: boolean; missing: boolean }>(
    '/api/jobs/import-files',
    undefined,
    signal,
  );
export const startJob = (body: JobRequest) => request<Job>('POST', '/api/jobs', { body });
export const job = (id: string, signal?: AbortSignal) =>
  get<Job>(`/api/jobs/${encodeURIComponent(id)}`, undefined, signal);

export const watches = (signal?: AbortSignal) =>
  get<{ items: Watch[]; scheduler: { periodic: boolean; nextCheck: string | null } }>(
    '/api/watches',
    undefined,
    signal,
  );
export const addWatch = (body: WatchInput) => request<Watch>('POST', '/api/watches', { body });
const watchPath = (id: string) => `/api/watches/${encodeURIComponent(id)}`;
export const watchAction = (id: string, action: 'pause' | 'resume' | 'run') =>
  request<Watch>('POST', `${watchPath(id)}/${action}`);
export const removeWatch = (id: string) => request<void>('DELETE', watchPath(id));
export const watchRuns = (id: string, signal?: AbortSignal) =>
  get<{ items: WatchRun[] }>(`${watchPath(id)}/runs`, { limit: 10 }, signal);
