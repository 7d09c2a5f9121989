// The chat routes (server/routes/chats.ts) and the outreach relationship routes this view reuses.
import { get, request } from '../../api/http.ts';
import type { Chat, ChatDetail } from '../../../queries/chats.ts';
import type { Relationship } from '../../../queries/outreach/model.ts';

export type { Chat, ChatDetail };

export const listChats = (q: { specialty?: string }, signal?: AbortSignal) =>
  get<{ items: Chat[] }>('/api/chats', { specialty: q.specialty, limit: 200 }, signal).then((r) => r.items);
export const getChat = (tag: string, signal?: AbortSignal) =>
  get<ChatDetail>(`/api/chats/${encodeURIComponent(tag)}`, undefined, signal);
export const follow = (tag: string, on: boolean) =>
  request<{ followed: boolean }>(on ? 'PUT' : 'DELETE', `/api/chats/${encodeURIComponent(tag)}/follow`);
export const createFeed = () => request<{ url: string; createdAt: string }>('POST', '/api/chat-feed');
export const revokeFeed = () => request<{ revoked: boolean }>('DELETE', '/api/chat-feed');
export const feedInfo = (signal?: AbortSignal) =>
  get<{ exists: boolean; createdAt: string | null }>('/api/chat-feed', undefined, signal);

/**
 * Puts each account into the outreach pipeline at "to follow" unless it already has a relationship
 * (any stage): nobody is moved backwards. Returns how many were added and how many already had one.
 */
export async function addToPipeline(ids: string[]): Promise<{ added: number; kept: number }> {
  let added = 0;
  let kept = 0;
  for (const id of ids) {
    const path = `/api/outreach/relationships/${encodeURIComponent(id)}`;
    const { relationship } = await get<{ relationship: Relationship | null }>(path);
    if (relationship) {
      kept++;
      continue;
    }
    await request<Relationship>('PUT', path, { body: { stage: 'to_follow' } });
    added++;
  }
  return { added, kept };
}
