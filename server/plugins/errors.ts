// Errors handled in one place: bad requests answer 4xx naming the field; the database being down
// answers 503; anything else is a 500 with no internals in the body (the log has the details).
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DatabaseAuthError, DatabaseUnavailableError } from '../../queries/db.ts';
import { DomainError, HTTP_STATUS } from '../../queries/errors.ts';

interface ErrorBody {
  error: string;
  message: string;
  details?: unknown;
}

/** Errors a route throws on purpose, with a status and a message meant for the caller. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, req, reply) => {
      if (hasZodFastifySchemaValidationErrors(err)) {
        // 'querystring' is Fastify's word; callers think of ?a=b as the query.
        const where =
          err.validationContext === 'querystring' ? 'query' : (err.validationContext ?? 'request');
        const details = err.validation.map((v) => ({
          field: `${where}${v.instancePath.replaceAll('/', '.') || ''}`,
          message: v.message,
        }));
        const first = details[0];
        return reply.code(400).send({
          error: 'bad_request',
          message: first ? `${first.field}: ${first.message}` : 'invalid request',
          details,
        } satisfies ErrorBody);
      }
      if (err instanceof HttpError) {
        return reply
          .code(err.statusCode)
          .send({ error: err.error, message: err.message, details: err.details } satisfies ErrorBody);
      }
      if (err instanceof DomainError) {
        // Thrown by queries/ on purpose: the kind decides the status, the message is for the caller.
        return reply
          .code(HTTP_STATUS[err.kind])
          .send({ error: err.kind, message: err.message, details: err.details } satisfies ErrorBody);
      }
      if (err instanceof DatabaseUnavailableError || err instanceof DatabaseAuthError) {
        req.log.warn({ err: err.message }, 'database unavailable');
        return reply.code(503).send({
          error: 'database_unavailable',
          message: 'The graph database is not reachable right now; try again shortly.',
        } satisfies ErrorBody);
      }
      const status = err.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        // Fastify's own refusals (unparseable JSON, wrong content type, body too large) name the body.
        const fromParser = typeof err.code === 'string' && err.code.startsWith('FST_ERR_CTP_');
        return reply.code(status).send({
          error: status === 400 ? 'bad_request' : (err.code ?? 'bad_request'),
          message: fromParser ? `body: ${err.message}` : err.message,
          ...(fromParser ? { details: [{ field: 'body', message: err.message }] } : {}),
        } satisfies ErrorBody);
      }
      req.log.error({ err }, 'unhandled error');
      return reply.code(500).send({
        error: 'internal',
        message: 'Something went wrong on our side; it has been logged.',
      } satisfies ErrorBody);
    });
    app.setNotFoundHandler((req, reply) => {
      // Client-side routes fall back to the web app's index.html when the client is built and served.
      const r = reply as typeof reply & { sendFile?: (file: string) => unknown };
      if (req.method === 'GET' && !req.url.startsWith('/api/') && typeof r.sendFile === 'function') {
        return r.sendFile('index.html');
      }
      return reply
        .code(404)
        .send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` });
    });
  },
  { name: 'errors' },
);
