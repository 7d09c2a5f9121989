// Neo4j going away and coming back: the API answers 503 with a clear message while it is gone and
// serves again by itself once it is back, without a restart. A TCP proxy in front of the test
// Neo4j plays the part of the network.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionFromEnv } from '../../../queries/connection.ts';
import { Db } from '../../../queries/db.ts';
import { resetGraph, testDb } from '../../helpers/db.ts';
import { signIn, startApi, type Api, type Client } from './client.ts';
import { seedGraph } from './seed.ts';

class Proxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    if (this.server?.listening) return;
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', resolve);
    });
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    if (!server?.listening) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('Neo4j unreachable', () => {
  let api: Api;
  let proxy: Proxy;
  let viewer: Client;
  beforeAll(async () => {
    const seedDb = testDb();
    await resetGraph(seedDb);
    await seedGraph(seedDb);
    await seedDb.close();
    const conn = connectionFromEnv();
    const target = new URL(conn.uri.replace(/^bolt/, 'http'));
    proxy = new Proxy({ host: target.hostname, port: Number(target.port) });
    await proxy.up();
    api = await startApi({
      db: new Db({ ...conn, uri: `bolt://127.0.0.1:${proxy.port}` }),
    });
    viewer = await signIn(api, 'nora', 'viewer');
  });
  afterAll(async () => {
    await proxy.up();
    await resetGraph(api.db);
    await api.close();
    await proxy.down();
  });

  it('answers 503 with a clear message while Neo4j is gone, and recovers by itself', async () => {
    expect((await viewer.fetch('/api/accounts/x%3A1')).status).toBe(200);

    await proxy.down();
    // An uncached read answers 503 at once.
    const down = await viewer.fetch('/api/accounts/x%3A1/ego');
    expect(down.status).toBe(503);
    const body = await down.json();
    expect(body).toEqual({
      error: 'database_unavailable',
      message: 'The graph database is not reachable right now; try again shortly.',
    });
    // The cached account page (server/graph/cache.ts) follows once its analysis run id is due to be
    // read again, at most a second later.
    await new Promise((r) => setTimeout(r, 1_100));
    const cached = await viewer.fetch('/api/accounts/x%3A1');
    expect(cached.status).toBe(503);
    expect((await cached.json()).error).toBe('database_unavailable');
    const health = await viewer.fetch('/api/health');
    expect(health.status).toBe(503);
    // Sign-in needs the database too: it says so rather than claiming a wrong password.
    const login = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nora', password: 'whatever it is' }),
    });
    expect(login.status).toBe(503);

    await proxy.up();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await viewer.fetch('/api/accounts/x%3A1')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    expect((await viewer.fetch('/api/health')).status).toBe(200);
  });
});
