import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.ts';
import { ensureDemoUser } from '../../../queries/users.ts';
import { client, cookiesOf, PASSWORD, signIn, useApi, type Api } from './client.ts';

describe('sign-in, sessions and CSRF over HTTP', () => {
  const suite = useApi({ loginAttemptsPerMinute: 5 }, { seed: false });
  let api: Api;
  beforeAll(async () => {
    api = suite.api;
  });

  it('signs in with an HttpOnly SameSite=Strict session cookie and answers /me', async () => {
    const alice = await signIn(api, 'alice', 'outreach');
    const me = await alice.fetch('/api/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { name: 'alice', role: 'outreach' } });

    const res = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: PASSWORD }),
    });
    const session = res.headers.getSetCookie().find((c) => c.startsWith('cc_session='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(session).toMatch(/Path=\//);
    // The id is opaque and long (256 bits), not the user's name.
    const id = session!.split(';')[0]!.split('=')[1]!;
    expect(id.length).toBeGreaterThanOrEqual(43);
    expect(id).not.toContain('alice');
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    await signIn(api, 'bob', 'viewer');
    const wrong = await client(api.url).fetch('/api/auth/login', {
      method: 'POST',
      json: { username: 'bob', password: 'not the password' },
    });
    const unknown = await client(api.url).fetch('/api/auth/login', {
      method: 'POST',
      json: { username: 'nobody', password: 'whatever it is' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).message).toBe((await unknown.json()).message);
    expect(wrong.headers.getSetCookie().some((c) => c.startsWith('cc_session='))).toBe(false);
  });

  it('answers 401 without a session and after logout', async () => {
    expect((await client(api.url).fetch('/api/auth/me')).status).toBe(401);
    const carol = await signIn(api, 'carol', 'viewer');
    expect((await carol.fetch('/api/auth/me')).status).toBe(200);
    const out = await carol.fetch('/api/auth/logout', { method: 'POST' });
    expect(out.status).toBe(204);
    expect((await carol.fetch('/api/auth/me')).status).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF header, or with a wrong one', async () => {
    const admin = await signIn(api, 'root', 'admin');
    const body = { name: 'dave', role: 'viewer', password: 'a long enough password' };
    const noHeader = await client(api.url, admin.cookie).fetch('/api/users', { method: 'POST', json: body });
    expect(noHeader.status).toBe(403);
    expect(await noHeader.json()).toMatchObject({ error: 'csrf' });
    const wrong = await client(api.url, admin.cookie, 'x'.repeat(43)).fetch('/api/users', {
      method: 'POST',
      json: body,
    });
    expect(wrong.status).toBe(403);
    const ok = await admin.fetch('/api/users', { method: 'POST', json: body });
    expect(ok.status).toBe(201);
    // The new user can sign in with the password the admin chose.
    const login = await client(api.url).fetch('/api/auth/login', {
      method: 'POST',
      json: { username: 'dave', password: 'a long enough password' },
    });
    expect(login.status).toBe(200);
    expect(cookiesOf(login)).toContain('cc_session=');
  });

  it('stores a salted scrypt hash, never the password', async () => {
    const rows = await api.db.read('MATCH (u:User {name: $n}) RETURN properties(u) AS p', { n: 'dave' });
    const p = JSON.stringify(rows[0]?.p);
    expect(p).not.toContain('a long enough password');
    expect(p).toMatch(/scrypt\$32768\$8\$1\$/);
  });

  it('rate-limits sign-in attempts per address and username with 429', async () => {
    const attempt = () =>
      client(api.url).fetch('/api/auth/login', {
        method: 'POST',
        json: { username: 'erin', password: 'guess guess guess' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await attempt();
    expect(await limited.json()).toMatchObject({ error: 'too_many_requests' });
    // Another username from the same address is not locked out.
    await signIn(api, 'frank', 'viewer');
  });

  it('ensureDemoUser gives the demo admin a fresh password each time; the old one stops working', async () => {
    const first = await ensureDemoUser(api.db);
    const second = await ensureDemoUser(api.db);
    expect(second.username).toBe('demo');
    expect(second.password).not.toBe(first.password);
    expect(second.password.length).toBeGreaterThanOrEqual(20);
    const login = (password: string) =>
      client(api.url).fetch('/api/auth/login', { method: 'POST', json: { username: 'demo', password } });
    expect((await login(first.password)).status).toBe(401);
    const ok = await login(second.password);
    expect(ok.status).toBe(200);
    expect((await ok.json()).user).toEqual({ name: 'demo', role: 'admin' });
  });

  it('`user add` reads the password from standard input and refuses a short one', async () => {
    const env = { CARECIRCLE_NEO4J_INSTANCE: process.env.CARECIRCLE_NEO4J_INSTANCE };
    const ok = await runCli(['user', 'add', '--name', 'grace', '--role', 'outreach', '--json'], {
      input: 'meadow lantern violet quartz\n',
      env,
    });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ name: 'grace', role: 'outreach' });
    const login = await client(api.url).fetch('/api/auth/login', {
      method: 'POST',
      json: { username: 'grace', password: 'meadow lantern violet quartz' },
    });
    expect(login.status).toBe(200);

    const short = await runCli(['user', 'add', '--name', 'henry', '--role', 'viewer'], {
      input: 'short\n',
      env,
    });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/password/);
    const bad = await runCli(['user', 'add', '--name', 'henry', '--role', 'boss'], {
      input: 'long enough password\n',
      env,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/role/);
  });
});
