// Sessions live in memory: an opaque random id (256 bits) in an HttpOnly cookie maps to the user and
// a CSRF token. A restart signs everyone out, which is acceptable for a single-process server and
// keeps the session check off the database on every request.
import { randomBytes } from 'node:crypto';
import type { Role } from './roles.ts';

export interface Session {
  id: string;
  user: { name: string; role: Role };
  csrfToken: string;
  createdAt: number;
  lastSeen: number;
}

export interface SessionStoreOptions {
  /** Sign out after this long without a request. */
  idleMs?: number;
  /** Sign out after this long regardless. */
  absoluteMs?: number;
  now?: () => number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly idleMs: number;
  private readonly absoluteMs: number;
  private readonly now: () => number;

  constructor(opts: SessionStoreOptions = {}) {
    this.idleMs = opts.idleMs ?? 8 * 3600_000;
    this.absoluteMs = opts.absoluteMs ?? 24 * 3600_000;
    this.now = opts.now ?? Date.now;
  }

  create(user: Session['user']): Session {
    const t = this.now();
    const s: Session = {
      id: randomBytes(32).toString('base64url'),
      user,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: t,
      lastSeen: t,
    };
    this.sessions.set(s.id, s);
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

  delete(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  /** Signs a user out everywhere (role changed, password reset). */
  deleteUser(name: string): void {
    for (const [id, s] of this.sessions) if (s.user.name === name) this.sessions.delete(id);
  }
}
