// The OpenAPI page is generated from the routes' own zod schemas, so it cannot drift from what the
// server accepts: every registered API route must appear in it with its path, query and body inputs.
// The docs are public on purpose (they describe shapes, never data), and this checks that too.
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { client, signIn, startApi, type Api } from './client.ts';

interface Registered {
  method: string;
  /** OpenAPI form: /api/accounts/{id} */
  path: string;
  params: string[];
  query: string[];
  body: boolean;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<string, unknown>;
  summary?: string;
}

/** The keys of a zod object schema as the route declared it (none when there is no schema). */
function keysOf(schema: unknown): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

describe('OpenAPI document at /api/docs', () => {
  let api: Api;
  const registered: Registered[] = [];
  beforeAll(async () => {
    api = await startApi({
      onRoute: (r: RouteOptions) => {
        const schema = r.schema as Record<string, unknown> | undefined;
        if (!r.url.startsWith('/api/') || schema?.hide) return;
        for (const method of [r.method].flat()) {
          // Fastify adds a HEAD route for every GET by itself; the document lists the GET.
          if (method === 'HEAD') continue;
          registered.push({
            method,
            path: r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
            params: keysOf(schema?.params),
            query: keysOf(schema?.querystring),
            body: schema?.body !== undefined,
          });
        }
      },
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('is served without a session, as a page and as JSON', async () => {
    const anonymous = client(api.url);
    const page = await fetch(`${api.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/swagger/i);
    const json = await anonymous.fetch('/api/docs/json');
    expect(json.status).toBe(200);
    const doc = await json.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Carecircle API');
  });

  it('lists every registered API route with its path, query and body parameters', async () => {
    const doc = (await (await fetch(`${api.url}/api/docs/json`)).json()) as {
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    // The routes the server really has; a handful proves the hook saw the route files at all.
    expect(registered.length).toBeGreaterThanOrEqual(25);
    const problems: string[] = [];
    for (const r of registered) {
      const op = doc.paths[r.path]?.[r.method.toLowerCase()];
      const name = `${r.method} ${r.path}`;
      if (!op) {
        problems.push(`${name}: not in the document`);
        continue;
      }
      if (!op.summary) problems.push(`${name}: no summary`);
      if (!Object.keys(op.responses).some((s) => s.startsWith('2'))) {
        problems.push(`${name}: no success response`);
      }
      const listed = (where: string) =>
        new Set((op.parameters ?? []).filter((p) => p.in === where).map((p) => p.name));
      for (const p of r.params) if (!listed('path').has(p)) problems.push(`${name}: path ${p} missing`);
      for (const q of r.query) if (!listed('query').has(q)) problems.push(`${name}: query ${q} missing`);
      // Path templates and declared params agree, so a client built from the document can call it.
      for (const m of r.path.matchAll(/\{(\w+)\}/g)) {
        if (!listed('path').has(m[1]!)) problems.push(`${name}: {${m[1]}} not described`);
      }
      if (r.body && !op.requestBody?.content['application/json']?.schema) {
        problems.push(`${name}: request body missing`);
      }
    }
    expect(problems).toEqual([]);

    // And nothing is documented that the server does not have.
    const real = new Set(registered.map((r) => `${r.method} ${r.path}`));
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.filter((d) => !real.has(d))).toEqual([]);
  });

  it('describes the inputs from the same zod schemas the routes validate with', async () => {
    const doc = await (await fetch(`${api.url}/api/docs/json`)).json();
    const influencers = doc.paths['/api/influencers'].get as OpenApiOperation;
    const limit = influencers.parameters!.find((p) => p.name === 'limit')!;
    expect(limit.schema).toMatchObject({ default: 50, minimum: 1, maximum: 500 });
    const role = influencers.parameters!.find((p) => p.name === 'role')!;
    expect(role.schema.enum).toEqual(expect.arrayContaining(['patient_advocate', 'clinician']));
    const login = doc.paths['/api/auth/login'].post as OpenApiOperation;
    const body = login.requestBody!.content['application/json']!.schema;
    expect(Object.keys(body.properties ?? {}).sort()).toEqual(['password', 'username']);
    // The documented bound is the enforced one.
    const viewer = await signIn(api, 'docs-reader', 'viewer');
    const tooMany = await viewer.fetch('/api/influencers?limit=501');
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).details[0].field).toBe('query.limit');
  });
});
