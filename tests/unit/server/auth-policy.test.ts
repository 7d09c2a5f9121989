// Issue 13 rules that need no server: the password rule, the user-name normal form, the session
// defaults, TRUST_PROXY parsing and the stage order behind "never backwards".
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../queries/passwords.ts';
import { normaliseUserName, UserName } from '../../../queries/users.ts';
import { SessionStore } from '../../../server/auth/sessions.ts';
import { serverConfigFromEnv } from '../../../server/config.ts';
import { isBackwards } from '../../../queries/outreach/records.ts';

// The first check builds zxcvbn's dictionaries (a one-time cost of a second or more on a busy machine).
describe('password rule', { timeout: 30_000 }, () => {
  it('refuses what is easy to guess, with a reason in words', () => {
    expect(passwordProblem(' '.repeat(12), 'ann')).toMatch(/only spaces/);
    expect(passwordProblem('password1234', 'ann')).toMatch(/easy to guess/);
    expect(passwordProblem('qwertyuiop12', 'ann')).toMatch(/easy to guess/);
    expect(passwordProblem('short', 'ann')).toMatch(/at least 12/);
    expect(passwordProblem('Margaret-1984-x', 'margaret')).toMatch(/user name/);
    expect(passwordProblem('xx MARGARET xx 77', 'margaret')).toMatch(/user name/);
  });
  it('accepts a few unrelated words or a random string', () => {
    expect(passwordProblem('correct horse battery staple', 'ann')).toBeNull();
    expect(passwordProblem('copper kettle river 81', 'ann')).toBeNull();
    expect(passwordProblem('zx9!Kq2#pL7w', 'ann')).toBeNull();
  });
});

describe('user names', () => {
  it('have one normal form: NFKC, trimmed, lower case', () => {
    for (const v of [' nina', 'nina ', '\tnina', 'NINA', 'ｎｉｎａ', 'Nina\n'])
      expect(normaliseUserName(v), JSON.stringify(v)).toBe('nina');
    expect(UserName.parse('  Dr.Who@x ')).toBe('dr.who@x');
    expect(UserName.safeParse('a b').success).toBe(false);
  });
});

describe('session defaults', () => {
  it('are 30 minutes idle and 12 hours absolute', () => {
    let now = 0;
    const store = new SessionStore({ now: () => now });
    const s = store.create({ name: 'a', role: 'viewer' });
    now = 30 * 60_000;
    expect(store.get(s.id)).toBeDefined();
    now += 30 * 60_000 + 1;
    expect(store.get(s.id)).toBeUndefined();
  });
});

describe('TRUST_PROXY and session settings', () => {
  it('accepts none, hops, addresses and CIDR ranges; refuses true and junk, naming the variable', () => {
    expect(serverConfigFromEnv({}).TRUST_PROXY).toBe(false);
    expect(serverConfigFromEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(serverConfigFromEnv({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1' }).TRUST_PROXY).toBe(
      '10.0.0.1,192.168.0.0/16,::1',
    );
    for (const bad of ['true', 'proxy.local', '10.0.0.1/40', '1.2.3'])
      expect(() => serverConfigFromEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    const c = serverConfigFromEnv({});
    expect([c.SESSION_IDLE_MINUTES, c.SESSION_ABSOLUTE_HOURS]).toEqual([30, 12]);
    expect(() => serverConfigFromEnv({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/);
  });
});

describe('stage order', () => {
  it('knows which moves go backwards', () => {
    expect(isBackwards('responded', 'to_follow')).toBe(true);
    expect(isBackwards('contacted', 'following')).toBe(true);
    expect(isBackwards('to_follow', 'responded')).toBe(false);
    expect(isBackwards('partner', 'declined')).toBe(false);
    expect(isBackwards('declined', 'contacted')).toBe(true);
    expect(isBackwards('contacted', 'contacted')).toBe(false);
  });
});
