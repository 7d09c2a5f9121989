// Hashtag chats: the list, one chat's page, following a chat, and the iCalendar feed of followed
// chats. Calendar apps cannot send the session cookie, so the feed is authorised by a per-user secret
// token in its URL (created on request, revocable, stored hashed); the feed route logs nothing at
// info level, so the token never reaches the request log.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../plugins/auth.ts';
import { HttpError } from '../plugins/errors.ts';
import {
  Chat,
  ChatDetail,
  ChatQuery,
  createFeedToken,
  feedStatus,
  followChat,
  followedChats,
  getChat,
  listChats,
  revokeFeedToken,
  unfollowChat,
  userForFeedToken,
} from '../../queries/chats.ts';
import { chatCalendar } from '../../queries/chats-calendar.ts';
import { ErrorBody } from './common.ts';

const TagParams = z.object({
  tag: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(100, 'is too long')
    .regex(/^#?[\p{L}\p{N}_]+$/u, 'must be a hashtag, e.g. hcsmchat'),
});

const FeedInfo = z.object({ exists: z.boolean(), createdAt: z.string().nullable() });

const chats: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/chats',
    {
      schema: {
        tags: ['chats'],
        summary: 'Recurring hashtag chats found by the latest analysis, surest first',
        querystring: ChatQuery,
        response: { 200: z.object({ items: z.array(Chat) }) },
      },
      config: { access: 'viewer' },
    },
    async (req) => ({ items: await listChats(app.db, req.query, { user: currentUser(req).name }) }),
  );

  app.get(
    '/api/chat-feed',
    {
      schema: {
        tags: ['chats'],
        summary: 'Whether I have a calendar feed (the token itself is shown only when created)',
        response: { 200: FeedInfo },
      },
      config: { access: 'viewer' },
    },
    async (req) => {
      const s = await feedStatus(app.db, currentUser(req).name);
      return { exists: s.createdAt !== null, createdAt: s.createdAt };
    },
  );

  app.post(
    '/api/chat-feed',
    {
      schema: {
        tags: ['chats'],
        summary: 'Create my calendar feed URL (replaces and disables any earlier one)',
        response: { 201: z.object({ url: z.string(), createdAt: z.string() }) },
      },
      config: { access: 'viewer' },
    },
    async (req, reply) => {
      const { token, createdAt } = await createFeedToken(app.db, currentUser(req).name);
      const url = `${req.protocol}://${req.host}/api/chats.ics?token=${token}`;
      return reply.code(201).send({ url, createdAt });
    },
  );

  app.delete(
    '/api/chat-feed',
    {
      schema: {
        tags: ['chats'],
        summary: 'Revoke my calendar feed URL',
        response: { 200: z.object({ revoked: z.boolean() }) },
      },
      config: { access: 'viewer' },
    },
    async (req) => revokeFeedToken(app.db, currentUser(req).name),
  );

  app.get(
    '/api/chats.ics',
    {
      schema: {
        tags: ['chats'],
        summary: 'iCalendar feed (RFC 5545) of the chats the token’s owner follows',
        description: 'Authorised by the token from POST /api/chats/feed, not by the session cookie.',
        querystring: z.object({ token: z.string().max(200) }),
        produces: ['text/calendar'],
        response: { 200: z.string(), 401: ErrorBody },
        security: [],
      },
      config: { access: 'public' },
      logLevel: 'warn',
    },
    async (req, reply) => {
      const user = await userForFeedToken(app.db, req.query.token);
      if (!user) throw new HttpError(401, 'unauthorized', 'unknown or revoked calendar feed token');
      const ics = chatCalendar(await followedChats(app.db, user), {
        user,
        appUrl: `${req.protocol}://${req.host}`,
      });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(ics);
    },
  );

  app.get(
    '/api/chats/:tag',
    {
      schema: {
        tags: ['chats'],
        summary: 'One chat: schedule, next occurrences, hosts, regulars, newcomers, communities, sessions',
        params: TagParams,
        response: { 200: ChatDetail, 404: ErrorBody },
      },
      config: { access: 'viewer' },
    },
    async (req) => getChat(app.db, req.params.tag, { user: currentUser(req).name }),
  );

  app.put(
    '/api/chats/:tag/follow',
    {
      schema: {
        tags: ['chats'],
        summary: 'Follow a chat (it appears in my calendar feed)',
        params: TagParams,
        response: { 200: z.object({ tag: z.string(), followed: z.boolean() }), 404: ErrorBody },
      },
      config: { access: 'viewer' },
    },
    async (req) => followChat(app.db, currentUser(req).name, req.params.tag),
  );

  app.delete(
    '/api/chats/:tag/follow',
    {
      schema: {
        tags: ['chats'],
        summary: 'Stop following a chat',
        params: TagParams,
        response: { 200: z.object({ tag: z.string(), followed: z.boolean() }) },
      },
      config: { access: 'viewer' },
    },
    async (req) => unfollowChat(app.db, currentUser(req).name, req.params.tag),
  );
};
export default chats;
