// Admin: the user life cycle. List and create; change a role; reset a password; disable and enable;
// delete; end someone's sessions. The rules and the audit entries are in queries/users.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Role } from '../auth/roles.ts';
import {
  changeRole,
  createUser,
  deleteUser,
  endSessions,
  listUsers,
  Password,
  resetPassword,
  setDisabled,
  User,
  UserExistsError,
  UserName,
} from '../../queries/users.ts';
import { currentUser } from '../plugins/auth.ts';
import { HttpError } from '../plugins/errors.ts';
import { ErrorBody } from './common.ts';

const CreateUserBody = z.object({ name: UserName, role: Role, password: Password });
const UserParams = z.object({ name: UserName });
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

const users: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List users',
        response: { 200: z.object({ items: z.array(User) }) },
      },
      config: { access: 'admin' },
    },
    async () => ({ items: await listUsers(app.db) }),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (the password must not be easy to guess)',
        body: CreateUserBody,
        response: { 201: User, 400: ErrorBody, 409: ErrorBody },
      },
      config: { access: 'admin' },
    },
    async (req, reply) => {
      const actor = currentUser(req).name;
      try {
        const user = await createUser(
          app.db,
          req.body.name,
          req.body.role,
          req.body.password,
          actor,
          'body.password',
        );
        return reply.code(201).send(user);
      } catch (err) {
        if (err instanceof UserExistsError)
          throw new HttpError(409, 'conflict', err.message, [
            { field: 'body.name', message: 'already exists' },
          ]);
        throw err;
      }
    },
  );

  app.put(
    '/api/users/:name/role',
    {
      schema: {
        tags: ['users'],
        summary: "Change a user's role (it applies from their next request)",
        params: UserParams,
        body: z.object({ role: Role }),
        response: { 200: User, ...errors },
      },
      config: { access: 'admin' },
    },
    async (req) => changeRole(app.db, currentUser(req).name, req.params.name, req.body.role),
  );

  app.put(
    '/api/users/:name/password',
    {
      schema: {
        tags: ['users'],
        summary: "Reset a user's password (their sessions end)",
        params: UserParams,
        body: z.object({ password: Password }),
        response: { 200: User, ...errors },
      },
      config: { access: 'admin' },
    },
    async (req) => resetPassword(app.db, currentUser(req).name, req.params.name, req.body.password),
  );

  app.post(
    '/api/users/:name/disable',
    {
      schema: {
        tags: ['users'],
        summary: 'Disable a user: no sign-in, and their sessions stop at their next request',
        params: UserParams,
        response: { 200: User, ...errors },
      },
      config: { access: 'admin' },
    },
    async (req) => setDisabled(app.db, currentUser(req).name, req.params.name, true),
  );

  app.post(
    '/api/users/:name/enable',
    {
      schema: {
        tags: ['users'],
        summary: 'Enable a disabled user again',
        params: UserParams,
        response: { 200: User, ...errors },
      },
      config: { access: 'admin' },
    },
    async (req) => setDisabled(app.db, currentUser(req).name, req.params.name, false),
  );

  app.post(
    '/api/users/:name/end-sessions',
    {
      schema: {
        tags: ['users'],
        summary: "End all of a user's sessions (they must sign in again)",
        params: UserParams,
        response: { 204: z.null(), ...errors },
      },
      config: { access: 'admin' },
    },
    async (req, reply) => {
      await endSessions(app.db, currentUser(req).name, req.params.name);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/users/:name',
    {
      schema: {
        tags: ['users'],
        summary: 'Delete a user (outreach records keep their name as text)',
        params: UserParams,
        response: { 204: z.null(), ...errors },
      },
      config: { access: 'admin' },
    },
    async (req, reply) => {
      await deleteUser(app.db, currentUser(req).name, req.params.name);
      return reply.code(204).send(null);
    },
  );
};
export default users;
