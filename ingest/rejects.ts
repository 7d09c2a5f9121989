// The rejects file: one JSON line per refused row — file, line, reason and the raw text — so nothing is
// lost silently and a fixed file can be loaded again. Created only when there is something to write.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';

export interface Reject {
  file: string;
  line: number;
  reason: string;
  raw: string;
}

export class RejectsFile {
  private stream: WriteStream | undefined;
  count = 0;

  constructor(readonly path: string) {}

  async write(r: Reject): Promise<void> {
    if (!this.stream) {
      mkdirSync(path.dirname(this.path), { recursive: true });
      this.stream = createWriteStream(this.path, { flags: 'w' });
    }
    this.count += 1;
    if (!this.stream.write(JSON.stringify(r) + '\n')) {
      await new Promise<void>((resolve) => this.stream!.once('drain', resolve));
    }
  }

  async close(): Promise<void> {
    const s = this.stream;
    if (!s) return;
    await new Promise<void>((resolve, reject) =>
      s.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  }
}

/** Where rejects go when --rejects is not given: ./rejects/ingest-<time>.jsonl (git-ignored). */
export function defaultRejectsPath(now = new Date()): string {
  return path.join('rejects', `ingest-${now.toISOString().replace(/[:.]/g, '-')}.jsonl`);
}
