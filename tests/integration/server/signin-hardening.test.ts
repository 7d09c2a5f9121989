// Issue 13, sign-in: the rate limit counts the user name in the form the lookup uses, so padding or
// case does not buy fresh attempts; the client address has its own budget, and X-Forwarded-For only
// counts when TRUST_PROXY names the proxy; weak passwords are refused with a reason.
import { beforeAll, describe, expect, it } from 'vitest';
import { setUser } from '../../../queries/users.ts';
import { client, PASSWORD, signIn, useApi, type Api, type Client } from './client.ts';

const login = (api: Api, username: string, password: string, headers: Record<string, string> = {}) =>
  client(api.url).fetch('/api/auth/login', { method: 'POST', json: { username, password }, headers });

describe('sign-in rate limit on the normalised user name', () => {
  // Every attempt counts, right or wrong: 5 per name per minute here.
  const suite = useApi(
    { loginAttemptsPerMinute: 5, loginAttemptsPerAddressPerMinute: 1000 },
    { seed: false },
  );
  let api: Api;
  beforeAll(async () => {
    api = suite.api;
  });

  it('finds the user whatever the padding, case or width of the name', async () => {
    await setUser(api.db, 'olive', 'viewer', PASSWORD);
    for (const variant of [' olive', '\tolive', 'OLIVE', 'ｏｌｉｖｅ']) {
      const res = await login(api, variant, PASSWORD);
      expect(res.status, JSON.stringify(variant)).toBe(200);
      expect((await res.json()).user.name).toBe('olive');
    }
  });

  it('answers 429 to every variant once the name has used its attempts', async () => {
    await setUser(api.db, 'nina', 'outreach', PASSWORD);
    const variants = [' nina', 'nina ', '\tnina', 'NINA', 'Nina'];
    // One wrong attempt per variant uses up the budget of 5, whichever spelling was used.
    const first = [];
    for (const v of variants) first.push((await login(api, v, 'wrong password here')).status);
    expect(first).toEqual([401, 401, 401, 401, 401]);
    for (const v of [...variants, 'nina', 'Nina\n', 'ｎｉｎａ']) {
      const res = await login(api, v, 'another wrong guess');
      expect(res.status, JSON.stringify(v)).toBe(429);
      expect(await res.json()).toMatchObject({ error: 'too_many_requests' });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Even the right password waits: the limit is counted before any password is checked.
    expect((await login(api, 'nina', PASSWORD)).status).toBe(429);
    // Another name is not affected (olive's fifth attempt this minute).
    expect((await login(api, 'olive ', PASSWORD)).status).toBe(200);
  });
});

describe('sign-in rate limit per client address', () => {
  describe('behind a trusted proxy (TRUST_PROXY=127.0.0.1)', () => {
    const suite = useApi(
      { loginAttemptsPerMinute: 100, loginAttemptsPerAddressPerMinute: 3, trustProxy: '127.0.0.1' },
      { seed: false },
    );

    it('counts each forwarded client address separately', async () => {
      const api = suite.api;
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      const a = [];
      for (const name of ['p1', 'p2', 'p3', 'p4'])
        a.push((await login(api, name, 'some guess or other', from('203.0.113.5'))).status);
      // Different names from one address: the address budget (3) runs out.
      expect(a).toEqual([401, 401, 401, 429]);
      // Another client behind the same proxy still has its own budget.
      expect((await login(api, 'p5', 'some guess or other', from('203.0.113.6'))).status).toBe(401);
    });
  });

  describe('without TRUST_PROXY', () => {
    const suite = useApi(
      { loginAttemptsPerMinute: 100, loginAttemptsPerAddressPerMinute: 3 },
      { seed: false },
    );

    it('ignores X-Forwarded-For, so a client cannot pick a fresh address for each attempt', async () => {
      const api = suite.api;
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const res = await login(api, `q${i}`, 'some guess or other', {
          'x-forwarded-for': `198.51.100.${i}`,
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    });
  });
});

describe('password strength', () => {
  const suite = useApi({}, { seed: false });
  let admin: Client;
  beforeAll(async () => {
    admin = await signIn(suite.api, 'pw-admin', 'admin');
  });

  it('refuses twelve spaces, password1234 and the user name in the password, naming body.password', async () => {
    for (const password of [
      ' '.repeat(12),
      'password1234',
      'quentin-2024-quentin',
      'Quentin1234567',
      'aaaaaaaaaaaa',
    ]) {
      const res = await admin.fetch('/api/users', {
        method: 'POST',
        json: { name: 'quentin', role: 'viewer', password },
      });
      expect(res.status, JSON.stringify(password)).toBe(400);
      const body = await res.json();
      expect(body.details[0].field).toBe('body.password');
      expect(body.message).toMatch(/password/);
    }
    const reasons = await admin.fetch('/api/users', {
      method: 'POST',
      json: { name: 'quentin', role: 'viewer', password: 'quentin is me 2024' },
    });
    expect((await reasons.json()).details[0].message).toMatch(/user name/);
    const easy = await admin.fetch('/api/users', {
      method: 'POST',
      json: { name: 'quentin', role: 'viewer', password: 'password1234' },
    });
    expect((await easy.json()).details[0].message).toMatch(/easy to guess/);
    // Nothing was created by the refusals; a strong password is accepted.
    const users = await (await admin.fetch('/api/users')).json();
    expect(users.items.map((u: { name: string }) => u.name)).not.toContain('quentin');
    const ok = await admin.fetch('/api/users', {
      method: 'POST',
      json: { name: 'quentin', role: 'viewer', password: 'copper kettle river 81' },
    });
    expect(ok.status).toBe(201);
  });

  it("applies the same rule to a reset and to changing one's own password", async () => {
    const reset = await admin.fetch('/api/users/quentin/password', {
      method: 'PUT',
      json: { password: 'password1234' },
    });
    expect(reset.status).toBe(400);
    expect((await reset.json()).details[0].field).toBe('body.password');
    const own = await admin.fetch('/api/auth/password', {
      method: 'POST',
      json: { currentPassword: PASSWORD, password: ' '.repeat(12) },
    });
    expect(own.status).toBe(400);
    expect((await own.json()).details[0].field).toBe('body.password');
  });
});

describe('headers on signed-in answers and the session cookie', () => {
  describe('behind a trusted proxy', () => {
    const suite = useApi({ trustProxy: '127.0.0.1' });

    it('answers signed-in requests with Cache-Control: no-store, and public ones without it', async () => {
      const viewer = await signIn(suite.api, 'hdr-viewer', 'viewer');
      for (const path of [
        '/api/auth/me',
        '/api/influencers?limit=2',
        '/api/accounts/x%3A1',
        '/api/outreach/pipeline',
      ]) {
        const res = await viewer.fetch(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('cache-control'), path).toBe('no-store');
      }
      const health = await client(suite.api.url).fetch('/api/health');
      expect(health.headers.get('cache-control')).not.toBe('no-store');
      const docs = await client(suite.api.url).fetch('/api/docs/json');
      expect(docs.headers.get('content-security-policy')).toContain("script-src 'self'");
    });

    it('sets the session cookie Secure when the proxy says the request came over HTTPS', async () => {
      await setUser(suite.api.db, 'hdr-secure', 'viewer', PASSWORD);
      const https = await login(suite.api, 'hdr-secure', PASSWORD, { 'x-forwarded-proto': 'https' });
      expect(https.status).toBe(200);
      for (const c of https.headers.getSetCookie()) expect(c).toMatch(/;\s*Secure/i);
      expect(https.headers.get('cache-control')).toBe('no-store');
      const plain = await login(suite.api, 'hdr-secure', PASSWORD);
      for (const c of plain.headers.getSetCookie()) expect(c).not.toMatch(/;\s*Secure/i);
    });
  });

  describe('with COOKIE_SECURE=true', () => {
    const suite = useApi({ cookieSecure: true }, { seed: false });

    it('sets the session cookie Secure on every sign-in', async () => {
      await setUser(suite.api.db, 'hdr-always', 'viewer', PASSWORD);
      const res = await login(suite.api, 'hdr-always', PASSWORD);
      expect(res.status).toBe(200);
      const session = res.headers.getSetCookie().find((c) => c.startsWith('cc_session='));
      expect(session).toMatch(/;\s*Secure/i);
      expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    });
  });
});
