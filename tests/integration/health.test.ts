import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { Db } from '../../queries/db.ts';
import { testDb } from '../helpers/db.ts';

describe('GET /api/health', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: testDb(), logLevel: 'silent' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('reports Neo4j reachable with its version', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.neo4j.reachable).toBe(true);
    expect(body.neo4j.version).toMatch(/^5\.26\./);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not_found' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths).toHaveProperty('/api/health');
  });

  it('answers 503 with a message, not a stack, when Neo4j is down', async () => {
    const down = await buildApp({
      db: new Db({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x' }),
      logLevel: 'silent',
    });
    try {
      const res = await down.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'degraded', neo4j: { reachable: false } });
      expect(res.body).not.toMatch(/\bat .*\.ts:\d+/);
    } finally {
      await down.close();
    }
  });
});
