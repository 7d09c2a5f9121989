// Admin: GET /api/users, POST /api/users (create with a password; no default password exists).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Role } from '../auth/roles.ts';
import { createUser, listUsers, Password, User, UserExistsError, UserName } from '../auth/users.ts';
import { appendAudit } from '../audit/log.ts';
import { currentUser } from '../plugins/auth.ts';
import { HttpError } from '../plugins/errors.ts';
import { ErrorBody } from './common.ts';

export const CreateUserBody = z.object({ name: UserName, role: Role, password: Password });

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
        summary: 'Create a user',
        body: CreateUserBody,
        response: { 201: User, 409: ErrorBody },
      },
      config: { access: 'admin' },
    },
    async (req, reply) => {
      const actor = currentUser(req).name;
      try {
        const user = await createUser(app.db, req.body.name, req.body.role, req.body.password);
        await app.db.writeTx(
          (tx) =>
            appendAudit(tx, {
              actor,
              action: 'user.create',
              target: `user:${user.name}`,
              before: null,
              after: { name: user.name, role: user.role },
            }),
          'server/audit/append',
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
};
export default users;
