// Graceful shutdown as an operator sees it: SIGTERM to a running server lets a request that is
// already being received finish with its normal answer, refuses new connections, closes the Neo4j
// driver and exits 0.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUser } from '../../../server/auth/users.ts';
import type { Db } from '../../../queries/db.ts';
import { resetGraph, testDb } from '../../helpers/db.ts';
import { PASSWORD } from './client.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe('SIGTERM shuts the server down gracefully', () => {
  let db: Db;
  let child: ChildProcess;
  let out = '';
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const logs = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg?: string; url?: string });

  beforeAll(async () => {
    db = testDb();
    await setUser(db, 'shutdown-user', 'viewer', PASSWORD);
    child = spawn(`${root}node_modules/.bin/tsx`, ['tests/integration/server/serve-child.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code, signal) => (exit = { code, signal }));
    await until('the server to listen', () => logs().some((l) => l.url) || exit !== undefined);
  });
  afterAll(async () => {
    if (exit === undefined) child.kill('SIGKILL');
    await resetGraph(db);
    await db.close();
  });

  it('finishes the in-flight request, refuses new ones, closes the driver and exits 0', async () => {
    expect(exit).toBeUndefined();
    const url = new URL(
      logs()
        .find((l) => l.url)!
        .url!.replace('localhost', '127.0.0.1'),
    );

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

    child.kill('SIGTERM');
    await until('the shutdown to start', () => logs().some((l) => l.msg?.startsWith('shutting down')));
    await sleep(300);
    // Still running: it waits for the request it is receiving.
    expect(exit).toBeUndefined();
    // New connections are refused once shutdown has begun.
    await expect(fetch(`${url.origin}/api/health`)).rejects.toThrow();

    socket.write(body.slice(20));
    await ended;
    const [head, json] = response.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(head).toMatch(/set-cookie: cc_session=/i);
    expect(JSON.parse(json!)).toMatchObject({ user: { name: 'shutdown-user', role: 'viewer' } });

    await until('the process to exit', () => exit !== undefined);
    expect(exit).toEqual({ code: 0, signal: null });
    const msgs = logs().map((l) => l.msg);
    const closed = msgs.indexOf('neo4j driver closed');
    expect(closed).toBeGreaterThan(-1);
    expect(msgs.indexOf('shut down cleanly')).toBeGreaterThan(closed);
  });
});
