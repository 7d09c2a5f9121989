// Graceful shutdown as an operator sees it: SIGTERM to a running server lets a request that is
// already being received finish with its normal answer, lets a running job finish its work, refuses
// new connections, closes the Neo4j driver and exits 0.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCypher } from '../../../queries/cypher.ts';
import { setUser } from '../../../queries/users.ts';
import type { Db } from '../../../queries/db.ts';
import { resetGraph, testDb } from '../../helpers/db.ts';
import { cookiesOf, PASSWORD } from './client.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** The real server start-up (server/serve.ts) in a process of its own, with its log collected. */
async function serveInChild(env: NodeJS.ProcessEnv = {}) {
  // Node itself with tsx's loader, not the `tsx` wrapper: the wrapper relays a signal and SIGKILLs
  // the child when its event loop does not acknowledge it within a few tens of milliseconds, which a
  // server busy with an ingest job may not do. Signals here must reach the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/server/serve-child.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const state: { exit?: { code: number | null; signal: NodeJS.Signals | null } } = {};
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.on('exit', (code, signal) => (state.exit = { code, signal }));
  const logs = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg?: string; url?: string });
  await until('the server to listen', () => logs().some((l) => l.url) || state.exit !== undefined);
  if (state.exit) throw new Error(`the server exited at start: ${JSON.stringify(state.exit)}`);
  const url = new URL(
    logs()
      .find((l) => l.url)!
      .url!.replace('localhost', '127.0.0.1'),
  );
  return {
    child,
    url,
    state,
    messages: () => logs().map((l) => l.msg),
    /** The end of the child's log, for a failure message: why it exited as it did. */
    tail: () => out.split('\n').slice(-12).join('\n'),
    kill: () => {
      if (state.exit === undefined) child.kill('SIGKILL');
    },
  };
}

describe('SIGTERM shuts the server down gracefully', () => {
  let db: Db;
  const importDir = mkdtempSync(path.join(tmpdir(), 'carecircle-shutdown-'));
  beforeAll(async () => {
    db = testDb();
    await resetGraph(db);
    await setUser(db, 'shutdown-user', 'viewer', PASSWORD);
    await setUser(db, 'shutdown-admin', 'admin', PASSWORD);
  });
  afterAll(async () => {
    await resetGraph(db);
    await db.close();
    rmSync(importDir, { recursive: true, force: true });
  });

  it('finishes the in-flight request, refuses new ones, closes the driver and exits 0', async () => {
    const server = await serveInChild();
    try {
      const { url } = server;
      // A sign-in whose body is only half sent: the request is in flight when the signal arrives.
      const body = JSON.stringify({ username: 'shutdown-user', password: PASSWORD });
      const socket = net.connect(Number(url.port), url.hostname);
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      let response = '';
      socket.on('data', (d: Buffer) => (response += d.toString()));
      const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.write(
        `POST /api/auth/login HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 20)}`,
      );
      await sleep(300);

      server.child.kill('SIGTERM');
      await until('the shutdown to start', () =>
        server.messages().some((m) => m?.startsWith('shutting down')),
      );
      await sleep(300);
      // Still running: it waits for the request it is receiving.
      expect(server.state.exit).toBeUndefined();
      // New connections are refused once shutdown has begun.
      await expect(fetch(`${url.origin}/api/health`)).rejects.toThrow();

      socket.write(body.slice(20));
      await ended;
      const [head, json] = response.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 200 /);
      expect(head).toMatch(/set-cookie: cc_session=/i);
      expect(JSON.parse(json!)).toMatchObject({ user: { name: 'shutdown-user', role: 'viewer' } });

      await until('the process to exit', () => server.state.exit !== undefined);
      expect(server.state.exit).toEqual({ code: 0, signal: null });
      const msgs = server.messages();
      const closed = msgs.indexOf('neo4j driver closed');
      expect(closed).toBeGreaterThan(-1);
      expect(msgs.indexOf('shut down cleanly')).toBeGreaterThan(closed);
    } finally {
      server.kill();
    }
  });

  it('lets a running ingest job load all of its file before exiting 0', async () => {
    // Enough rows that the job is still loading when the signal arrives.
    const rows = 8_000;
    const lines = ['source,target,type,post_id'];
    for (let i = 0; i < rows; i++) lines.push(`u${i % 400},v${i % 300},mention,p${i}`);
    writeFileSync(path.join(importDir, 'edges.csv'), `${lines.join('\n')}\n`);
    const server = await serveInChild({ CARECIRCLE_IMPORT_DIR: importDir });
    try {
      const login = await fetch(`${server.url.origin}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'shutdown-admin', password: PASSWORD }),
      });
      expect(login.status).toBe(200);
      const headers = {
        cookie: cookiesOf(login),
        'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken,
        'content-type': 'application/json',
      };
      const started = await fetch(`${server.url.origin}/api/jobs`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ kind: 'ingest', files: ['edges.csv'], format: 'csv' }),
      });
      expect(started.status).toBe(202);
      const job = (await started.json()) as { id: string };
      // Signal once it has begun writing, while it is still running.
      await until('the job to be under way', async () => {
        const j = await (await fetch(`${server.url.origin}/api/jobs/${job.id}`, { headers })).json();
        return j.status !== 'running' || (j.progress?.fraction ?? 0) > 0;
      });
      const [during] = await db.read(loadCypher('ingest/stats'));
      expect(Number(during?.mention)).toBeLessThan(rows);

      server.child.kill('SIGTERM');
      await until('the process to exit', () => server.state.exit !== undefined, 120_000);
      expect(server.state.exit, server.tail()).toEqual({ code: 0, signal: null });
      // The job was not cut short: every row of the file is in the graph.
      const [after] = await db.read(loadCypher('ingest/stats'));
      expect(Number(after?.mention)).toBe(rows);
      expect(server.messages()).toContain('neo4j driver closed');
    } finally {
      server.kill();
    }
  });
});
