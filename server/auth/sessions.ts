// Sessions live in memory: an opaque random id (256 bits) in an HttpOnly cookie maps to the user's
// name, the user's session epoch and a CSRF token. A restart signs everyone out, which is acceptable
// for a single-process server. The role kept here is only what the last request read: the auth plugin
// reads the user on every request (queries/users.ts sessionState), so a role change, a disable or a
// deletion made anywhere (another process, the command line) applies at the user's next request.
import { randomBytes } from 'node:crypto';
import type { Role } from './roles.ts';

export interface Session {
  id: string;
  user: { name: string; role: Role };
  csrfToken: string;
  /** The user's sessionEpoch when this session began; a newer epoch on the user ends it. */
  epoch: number;
  createdAt: number;
  lastSeen: number;
}

interface SessionStoreOptions {
  /** Sign out after this long without a request (default 30 min, OWASP ASVS 3.3). */
  idleMs?: number;
  /** Sign out after this long regardless (default 12 h). */
  absoluteMs?: number;
  now?: () => number;
}

const DEFAULT_IDLE_MS = 30 * 60_000;
const DEFAULT_ABSOLUTE_MS = 12 * 3600_000;

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly idleMs: number;
  private readonly absoluteMs: number;
  private readonly now: () => number;

  constructor(opts: SessionStoreOptions = {}) {
    this.idleMs = opts.idleMs ?? DEFAULT_IDLE_MS;
    this.absoluteMs = opts.absoluteMs ?? DEFAULT_ABSOLUTE_MS;
    this.now = opts.now ?? Date.now;
  }

  create(user: Session['user'], epoch = 0): Session {
    const t = this.now();
    const s: Session = {
      id: randomBytes(32).toString('base64url'),
      user: { ...user },
      csrfToken: randomBytes(32).toString('base64url'),
      epoch,
      createdAt: t,
      lastSeen: t,
    };
    this.sessions.set(s.id, s);
    // Sessions nobody comes back to would otherwise stay in memory for ever.
    if (this.sessions.size % 256 === 0) this.prune(t);
    return s;
  }

  /** The live session for this id, refreshed; expired ones are dropped. */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const s = this.sessions.get(id);
    if (!s) return undefined;
    const t = this.now();
    if (t - s.lastSeen > this.idleMs || t - s.createdAt > this.absoluteMs) {
      this.sessions.delete(id);
      return undefined;
    }
    s.lastSeen = t;
    return s;
  }

  private prune(t: number): void {
    for (const [id, s] of this.sessions)
      if (t - s.lastSeen > this.idleMs || t - s.createdAt > this.absoluteMs) this.sessions.delete(id);
  }

  delete(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  /** Signs a user out everywhere in this process (other processes move the user's epoch instead). */
  deleteUser(name: string): void {
    for (const [id, s] of this.sessions) if (s.user.name === name) this.sessions.delete(id);
  }
}
