// One read shared by every caller that asks for the same key while it is under way. A finished read
// is never reused, so a caller that starts after a change committed sees it (unless a read had
// already started: a window of one read). Used for the user's session state (plugins/auth.ts) and
// the inbox token (listening/inbox-cache.ts).
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  run(key: string, read: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = read();
    this.inFlight.set(key, started);
    const done = () => {
      if (this.inFlight.get(key) === started) this.inFlight.delete(key);
    };
    started.then(done, done);
    return started;
  }

  /** The next caller starts a new read, even when one is under way (after a write of our own). */
  forget(key: string): void {
    this.inFlight.delete(key);
  }
}
