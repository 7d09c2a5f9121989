// neo4j-admin import CSV files written as a stream. Every string is quoted with inner quotes doubled
// (RFC 4180), so commas, quotes and delimiters in bios and post texts stay inside their field; a missing
// value is an empty unquoted field, which the import tool stores as no property at all — the same as
// the null the transactional path sets. A file that got a line break inside a field is noted: only
// those files are read in multi-line mode, which is slower.
import { createWriteStream, type WriteStream } from 'node:fs';

// Small enough that the pending rows of every file stay a few hundred kB of strings.
const FLUSH_AT = 1 << 16;

export class CsvOut {
  private readonly stream: WriteStream;
  private error: Error | undefined;
  private buffer = '';
  rows = 0;
  multiline = false;

  constructor(
    readonly path: string,
    header: string,
  ) {
    this.stream = createWriteStream(path);
    // A failed write (disk full) is reported by the next drained() or close(), not as a crash.
    this.stream.on('error', (err) => (this.error ??= err));
    this.buffer = header + '\n';
  }

  /** A quoted string field, or an empty one for null. */
  str(s: string | null | undefined): string {
    if (s === null || s === undefined) return '';
    if (!this.multiline && (s.includes('\n') || s.includes('\r'))) this.multiline = true;
    return '"' + (s.includes('"') ? s.replaceAll('"', '""') : s) + '"';
  }

  /** A number or boolean field, or an empty one for null. */
  val(v: number | boolean | null | undefined): string {
    return v === null || v === undefined ? '' : String(v);
  }

  row(line: string): void {
    this.rows += 1;
    this.buffer += line + '\n';
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.buffer) this.stream.write(this.buffer);
    this.buffer = '';
  }

  /** Waits while the file is behind, so memory stays bounded however large the input. */
  async drained(): Promise<void> {
    if (this.error) throw this.error;
    if (this.stream.writableNeedDrain) await new Promise<void>((r) => this.stream.once('drain', () => r()));
  }

  async close(): Promise<void> {
    this.flush();
    if (this.error) throw this.error;
    await new Promise<void>((resolve, reject) =>
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  }
}
