// How every command talks to people and scripts: human lines on stderr/stdout, one JSON document on
// stdout with --json, errors as one clear line (no stack traces), and DESIGN.md's exit codes.
import { ConfigError } from '../queries/connection.ts';
import { DatabaseError } from '../queries/db.ts';
import { DomainError } from '../queries/errors.ts';
import { LocalNeo4jError } from '../neo4j/jars.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2, rejected: 3 } as const;

export class UsageError extends Error {
  override name = 'UsageError';
}

interface Output {
  json: boolean;
  /** Progress and information for people; silent with --json so stdout stays parseable. */
  info(line: string): void;
  /** The command's result: printed as JSON with --json, otherwise through `human`. */
  result(value: unknown, human?: (value: never) => string): void;
}

export function output(json: boolean): Output {
  return {
    json,
    info(line) {
      if (!json) process.stderr.write(line + '\n');
    },
    result(value, human) {
      if (json) process.stdout.write(JSON.stringify(value, null, 2) + '\n');
      else process.stdout.write((human ? human(value as never) : String(value)) + '\n');
    },
  };
}

/** Known failures become one line and exit 1 (2 for usage); unknown ones keep their stack for a bug report. */
export function fail(err: unknown, json: boolean): never {
  const known =
    err instanceof ConfigError ||
    err instanceof DatabaseError ||
    err instanceof DomainError ||
    err instanceof LocalNeo4jError ||
    err instanceof UsageError;
  const message = known ? (err as Error).message : ((err as Error)?.stack ?? String(err));
  if (json) process.stdout.write(JSON.stringify({ error: (err as Error)?.name ?? 'Error', message }) + '\n');
  else process.stderr.write(`error: ${message}\n`);
  process.exit(err instanceof UsageError ? EXIT.usage : EXIT.failed);
}

/** Formats rows as an aligned text table. */
export function table(rows: Record<string, unknown>[], columns?: string[]): string {
  if (rows.length === 0) return '(none)';
  const cols = columns ?? Object.keys(rows[0]!);
  const cell = (v: unknown) =>
    v === null || v === undefined ? '' : typeof v === 'number' ? fmtNum(v) : String(v);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    line(cols),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(cols.map((c) => cell(r[c])))),
  ].join('\n');
}

function fmtNum(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(4);
}
