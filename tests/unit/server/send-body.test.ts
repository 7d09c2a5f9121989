// Cached bodies (server/routes/common.ts): a large one goes out gzip-compressed to a client that
// accepts it and as plain JSON to one that does not, with the same content either way; a small one is
// never compressed; and the compression is done once, not per request.
import Fastify from 'fastify';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { acceptsGzip, sendBody, serialised } from '../../../server/routes/common.ts';

const Rows = z.object({ rows: z.array(z.object({ id: z.string(), weight: z.number() })) });
const big = serialised(Rows, {
  rows: Array.from({ length: 2000 }, (_, i) => ({ id: `x:${i}`, weight: i / 7 })),
});
const small = serialised(Rows, { rows: [{ id: 'x:1', weight: 1 }] });

const app = Fastify();
app.get('/big', (req, reply) => sendBody(req, reply, big));
app.get('/small', (req, reply) => sendBody(req, reply, small));
afterAll(() => app.close());

describe('sendBody', () => {
  it('compresses a large body for a client that accepts gzip, with the same JSON inside', async () => {
    const res = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(big.json.length / 4);
    expect(gunzipSync(res.rawPayload).toString('utf8')).toBe(big.json);
  });

  it('sends plain JSON to a client that does not accept gzip', async () => {
    for (const header of [undefined, 'identity', 'gzip;q=0, deflate', 'br']) {
      const res = await app.inject({ url: '/big', headers: header ? { 'accept-encoding': header } : {} });
      expect(res.headers['content-encoding'], String(header)).toBeUndefined();
      expect(res.body).toBe(big.json);
    }
  });

  it('leaves small bodies as they are and compresses a large one once', async () => {
    const res = await app.inject({ url: '/small', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toEqual({ rows: [{ id: 'x:1', weight: 1 }] });
    expect(big.gzip()).toBe(big.gzip());
  });

  it('reads Accept-Encoding as HTTP defines it', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('deflate, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.0')).toBe(false);
    expect(acceptsGzip('x-gzip-like')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
