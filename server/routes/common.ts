// Schemas shared by several routes: the error body and the common parameters.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { z } from 'zod';
import { Invalid } from '../../queries/errors.ts';
import { HttpError } from '../plugins/errors.ts';

const gzipAsync = promisify(zlib.gzip);

export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

/** Account ids are `<platform>:<id>`; bounded so a huge id is a 400, not a slow query. */
export const AccountId = z
  .string()
  .min(3, 'must look like <platform>:<id>')
  .max(300, 'is too long')
  .regex(/^[a-z][a-z0-9-]*:.+$/, 'must look like <platform>:<id>, e.g. x:12345');

export const AccountParams = z.object({ id: AccountId });

export const Limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsoDate = z.iso.date('must be a date like 2025-03-31');

const JSON_TYPE = 'application/json; charset=utf-8';

/** Bodies shorter than this go out as they are: gzip saves little on them and costs a pass. */
const GZIP_FROM_BYTES = 16 * 1024;

/**
 * A response body checked against its schema and serialised once, for answers the server caches.
 * Large ones are also gzip-compressed once, on the first request that accepts it, and reused: one
 * community's graph at 1M interactions is 1.3 MiB of JSON and about a tenth of that compressed, and
 * compressing it again on every request (as a compression plugin would) is the cost we cache away.
 */
export class JsonBody {
  private compressed: Promise<Buffer> | undefined;
  constructor(readonly json: string) {}

  /** The gzip form, made once; null for a body too small to be worth it. */
  gzip(): Promise<Buffer> | null {
    if (this.json.length < GZIP_FROM_BYTES) return null;
    return (this.compressed ??= gzipAsync(this.json));
  }
}

export function serialised<S extends z.ZodType>(schema: S, value: z.input<S>): JsonBody {
  return new JsonBody(JSON.stringify(schema.parse(value)));
}

/** Whether an Accept-Encoding header takes gzip (`gzip` or `*`, with no q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Sends a cached body, compressed when it is large and the client accepts gzip. Fastify sends a string
 * or a Buffer with a content type as it is, so the route keeps its response schema for the OpenAPI
 * document while cached answers skip per-request validation and serialisation.
 */
export async function sendBody(req: FastifyRequest, reply: FastifyReply, body: JsonBody) {
  reply.type(JSON_TYPE);
  const gzip = body.gzip();
  if (gzip === null) return reply.send(body.json);
  reply.header('vary', 'accept-encoding');
  if (!acceptsGzip(req.headers['accept-encoding'])) return reply.send(body.json);
  return reply.header('content-encoding', 'gzip').send(await gzip);
}

/**
 * Runs a check of the query string from queries/ (e.g. postWindow) and turns its `Invalid` into a 400
 * whose fields are named as the query string has them ("query.from").
 */
export function queryInvalid<T>(check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof Invalid) {
      const details = (err.details ?? []).map((d) =>
        d && typeof d === 'object' && 'field' in d ? { ...d, field: `query.${String(d.field)}` } : d,
      );
      throw new HttpError(400, 'bad_request', err.message, details);
    }
    throw err;
  }
}
