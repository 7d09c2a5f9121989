// Issue 13, sessions and the user life cycle over real HTTP: lifetimes on an injected clock, the role
// read at every request, disabled and deleted users signed out at their next request, sessions ended
// by an admin or by the command line, password reset and change, every change in the audit log.
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.ts';
import { SessionStore } from '../../../server/auth/sessions.ts';
import { client, PASSWORD, signIn, useApi, type Api, type Client } from './client.ts';

const MIN = 60_000;

describe('session lifetimes (injected clock)', () => {
  let now = Date.parse('2026-01-05T09:00:00Z');
  const suite = useApi({ sessions: new SessionStore({ now: () => now }) }, { seed: false });

  it('ends a session after 30 minutes without a request', async () => {
    const s = await signIn(suite.api, 'idle-user', 'viewer');
    now += 29 * MIN;
    expect((await s.fetch('/api/auth/me')).status).toBe(200);
    now += 29 * MIN; // 29 minutes after the last request: still alive
    expect((await s.fetch('/api/auth/me')).status).toBe(200);
    now += 31 * MIN;
    expect((await s.fetch('/api/auth/me')).status).toBe(401);
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const s = await signIn(suite.api, 'busy-user', 'viewer');
    const start = now;
    while (now - start < 12 * 60 * MIN - 20 * MIN) {
      now += 20 * MIN;
      expect((await s.fetch('/api/auth/me')).status).toBe(200);
    }
    now += 21 * MIN;
    expect((await s.fetch('/api/auth/me')).status).toBe(401);
  });
});

describe('the user life cycle', () => {
  const suite = useApi({}, { seed: false });
  let api: Api;
  let admin: Client;
  beforeAll(async () => {
    api = suite.api;
    admin = await signIn(api, 'life-admin', 'admin');
  });

  const audited = async (target: string) =>
    (
      (await (await admin.fetch(`/api/audit?target=${encodeURIComponent(target)}`)).json()).items as {
        action: string;
        actor: string;
      }[]
    ).map((e) => `${e.actor} ${e.action}`);

  it('a role change takes effect at the next request of a signed-in user', async () => {
    const olga = await signIn(api, 'olga', 'viewer');
    expect((await olga.fetch('/api/users')).status).toBe(403);
    const up = await admin.fetch('/api/users/olga/role', { method: 'PUT', json: { role: 'admin' } });
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ name: 'olga', role: 'admin' });
    // Same session, no new sign-in: the new role counts at once, and /me says so.
    expect((await olga.fetch('/api/users')).status).toBe(200);
    expect((await (await olga.fetch('/api/auth/me')).json()).user.role).toBe('admin');
    const down = await admin.fetch('/api/users/olga/role', { method: 'PUT', json: { role: 'viewer' } });
    expect(down.status).toBe(200);
    expect((await olga.fetch('/api/users')).status).toBe(403);
    expect(await audited('user:olga')).toEqual(['life-admin user.role', 'life-admin user.role']);
  });

  it('a disabled user is signed out at the next request and cannot sign in until enabled', async () => {
    const pete = await signIn(api, 'pete', 'outreach');
    expect((await pete.fetch('/api/auth/me')).status).toBe(200);
    const off = await admin.fetch('/api/users/pete/disable', { method: 'POST' });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ name: 'pete', disabled: true });
    expect((await pete.fetch('/api/auth/me')).status).toBe(401);
    const again = await client(api.url).fetch('/api/auth/login', {
      method: 'POST',
      json: { username: 'pete', password: PASSWORD },
    });
    // The same answer as a wrong password: whether the name exists or is disabled is not told.
    expect(again.status).toBe(401);
    expect((await again.json()).message).toBe('wrong username or password');
    const list = await (await admin.fetch('/api/users')).json();
    expect(list.items.find((u: { name: string }) => u.name === 'pete')).toMatchObject({ disabled: true });

    expect((await admin.fetch('/api/users/pete/enable', { method: 'POST' })).status).toBe(200);
    const back = await client(api.url).fetch('/api/auth/login', {
      method: 'POST',
      json: { username: 'pete', password: PASSWORD },
    });
    expect(back.status).toBe(200);
    // The session from before the disable stays ended.
    expect((await pete.fetch('/api/auth/me')).status).toBe(401);
    expect(await audited('user:pete')).toEqual(['life-admin user.enable', 'life-admin user.disable']);
  });

  it('concurrent requests share a read of the user, and none after a change reuses one from before', async () => {
    const sam = await signIn(api, 'sam', 'outreach');
    const burst = () => Promise.all(Array.from({ length: 24 }, () => sam.fetch('/api/auth/me')));
    expect((await burst()).map((r) => r.status)).toEqual(Array(24).fill(200));
    expect(
      (await admin.fetch('/api/users/sam/role', { method: 'PUT', json: { role: 'viewer' } })).status,
    ).toBe(200);
    const roles = await Promise.all((await burst()).map(async (r) => (await r.json()).user.role));
    expect(roles).toEqual(Array(24).fill('viewer'));
    expect((await admin.fetch('/api/users/sam/disable', { method: 'POST' })).status).toBe(200);
    expect((await burst()).map((r) => r.status)).toEqual(Array(24).fill(401));
  });

  it('a deleted user is signed out at the next request', async () => {
    const rita = await signIn(api, 'rita', 'viewer');
    expect((await admin.fetch('/api/users/rita', { method: 'DELETE' })).status).toBe(204);
    expect((await rita.fetch('/api/auth/me')).status).toBe(401);
    expect((await admin.fetch('/api/users/rita', { method: 'DELETE' })).status).toBe(404);
    expect(await audited('user:rita')).toEqual(['life-admin user.delete']);
  });

  it("ending a user's sessions signs out every one of them; they can sign in again", async () => {
    const laptop = await signIn(api, 'sam', 'viewer');
    const phone = await client(api.url).fetch('/api/auth/login', {
      method: 'POST',
      json: { username: 'sam', password: PASSWORD },
    });
    const phoneCookie = phone.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect((await admin.fetch('/api/users/sam/end-sessions', { method: 'POST' })).status).toBe(204);
    expect((await laptop.fetch('/api/auth/me')).status).toBe(401);
    expect((await client(api.url, phoneCookie).fetch('/api/auth/me')).status).toBe(401);
    const back = await client(api.url).fetch('/api/auth/login', {
      method: 'POST',
      json: { username: 'sam', password: PASSWORD },
    });
    expect(back.status).toBe(200);
  });

  it('an admin resets a password: the old one and the old sessions stop working', async () => {
    const tess = await signIn(api, 'tess', 'viewer');
    const fresh = 'juniper orbit falcon 58';
    expect(
      (await admin.fetch('/api/users/tess/password', { method: 'PUT', json: { password: fresh } })).status,
    ).toBe(200);
    expect((await tess.fetch('/api/auth/me')).status).toBe(401);
    const login = (password: string) =>
      client(api.url).fetch('/api/auth/login', { method: 'POST', json: { username: 'tess', password } });
    expect((await login(PASSWORD)).status).toBe(401);
    expect((await login(fresh)).status).toBe(200);
    const audit = await (await admin.fetch('/api/audit?target=user%3Atess')).json();
    // The audit says the password changed, never what it is.
    expect(JSON.stringify(audit.items)).not.toContain(fresh);
    expect(JSON.stringify(audit.items)).not.toContain('scrypt');
  });

  it('changing my own password needs the current one, ends my other sessions and keeps this one', async () => {
    const here = await signIn(api, 'uma', 'outreach');
    const other = await client(api.url).fetch('/api/auth/login', {
      method: 'POST',
      json: { username: 'uma', password: PASSWORD },
    });
    const otherCookie = other.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const wrong = await here.fetch('/api/auth/password', {
      method: 'POST',
      json: { currentPassword: 'not my password at all', password: 'saffron tunnel glacier 7' },
    });
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).details[0].field).toBe('body.currentPassword');
    const ok = await here.fetch('/api/auth/password', {
      method: 'POST',
      json: { currentPassword: PASSWORD, password: 'saffron tunnel glacier 7' },
    });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    const renewed = client(
      api.url,
      ok.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
      body.csrfToken,
    );
    expect((await renewed.fetch('/api/auth/me')).status).toBe(200);
    expect((await client(api.url, otherCookie).fetch('/api/auth/me')).status).toBe(401);
    expect((await here.fetch('/api/auth/me')).status).toBe(401);
    expect(await audited('user:uma')).toEqual(['uma user.change_password']);
  });

  it('the command line changes roles and disables users; the server notices at the next request', async () => {
    const vera = await signIn(api, 'vera', 'viewer');
    const env = { CARECIRCLE_NEO4J_INSTANCE: process.env.CARECIRCLE_NEO4J_INSTANCE };
    const role = await runCli(['user', 'role', '--name', ' VERA', '--role', 'outreach', '--json'], { env });
    expect(role.code, role.stderr).toBe(0);
    expect(JSON.parse(role.stdout)).toMatchObject({ name: 'vera', role: 'outreach' });
    expect((await (await vera.fetch('/api/auth/me')).json()).user.role).toBe('outreach');
    const off = await runCli(['user', 'disable', '--name', 'vera', '--json'], { env });
    expect(off.code, off.stderr).toBe(0);
    expect((await vera.fetch('/api/auth/me')).status).toBe(401);
    const missing = await runCli(['user', 'end-sessions', '--name', 'nobody-here'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no user nobody-here/);
    const actions = await audited('user:vera');
    expect(actions).toHaveLength(2);
    expect(actions.every((a) => a.startsWith('cli:'))).toBe(true);
  });

  it('refuses to demote, disable or delete the last enabled admin (409)', async () => {
    const lone = await startLoneAdmin(api);
    for (const [method, path, json] of [
      ['PUT', `/api/users/${lone.name}/role`, { role: 'viewer' }],
      ['POST', `/api/users/${lone.name}/disable`, undefined],
      ['DELETE', `/api/users/${lone.name}`, undefined],
    ] as const) {
      const res = await lone.fetch(path, { method, ...(json ? { json } : {}) });
      expect(res.status, `${method} ${path}`).toBe(409);
      expect((await res.json()).message).toMatch(/only enabled admin/);
    }
  });
});

/** Disables every other admin so the one returned is the last enabled one. */
async function startLoneAdmin(api: Api): Promise<Client> {
  const lone = await signIn(api, 'lone-admin', 'admin');
  const users = (await (await lone.fetch('/api/users')).json()).items as { name: string; role: string }[];
  for (const u of users)
    if (u.role === 'admin' && u.name !== 'lone-admin')
      expect((await lone.fetch(`/api/users/${u.name}/disable`, { method: 'POST' })).status).toBe(200);
  return lone;
}
