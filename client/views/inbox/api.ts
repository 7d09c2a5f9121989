// The inbox's calls to server/routes/listening.ts; the shapes are the server's own zod types.
import { get, request } from '../../api/http.ts';
import type {
  Category,
  MentionDetail,
  MentionSummary,
  Notification,
  ReplyProblem,
  TriageState,
  Weekly,
} from '../../../queries/listening/contract.ts';

export type { Category, MentionDetail, MentionSummary, ReplyProblem };

export interface InboxQuery {
  view: 'open' | 'all';
  mine: boolean;
  category?: Category | undefined;
}

const enc = encodeURIComponent;

export const mentions = (q: InboxQuery, signal?: AbortSignal) =>
  get<{ items: MentionSummary[] }>('/api/mentions', { ...q, limit: 100 }, signal);
export const mention = (id: string, signal?: AbortSignal) =>
  get<MentionDetail>(`/api/mentions/${enc(id)}`, undefined, signal);
export const assign = (postIds: string[], owner: string) =>
  request<{ assigned: number }>('POST', '/api/mentions/assign', { body: { postIds, owner } });
export const setState = (id: string, state: TriageState, reason?: string) =>
  request<MentionDetail>('PUT', `/api/mentions/${enc(id)}/state`, { body: { state, reason } });
export const markSent = (id: string, text: string, url: string) =>
  request<MentionDetail>('POST', `/api/mentions/${enc(id)}/reply/sent`, { body: { text, url } });
export const notifications = (signal?: AbortSignal) =>
  get<{ items: Notification[] }>('/api/notifications', undefined, signal);
/** How many weeks the inbox's weekly view covers. */
export const WEEKS = 8;
export const weekly = (signal?: AbortSignal) => get<Weekly>('/api/mentions/weekly', { weeks: WEEKS }, signal);
