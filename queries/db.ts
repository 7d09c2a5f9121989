// The one door to the database. Every Cypher statement the project runs passes through `Db`:
// it picks a read or write transaction, closes the session in `finally`, tags the transaction with
// the statement's name, maps Neo4j's errors to the named errors below and converts values to plain
// JavaScript deliberately. Nothing else imports neo4j-driver (eslint enforces it).
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  Neo4jError,
  isInt,
  isNode,
  isRelationship,
  isDateTime,
  isDate,
  isLocalDateTime,
  isDuration,
  isPoint,
  isPath,
} from 'neo4j-driver';
import { loadCypher, type Statement } from './cypher.ts';
import { TooLarge } from './errors.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Base class: every error leaving this module is one of these, with a message a user can act on. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
  constructor(
    message: string,
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
/** Neo4j cannot be reached at all (wrong URI, server down, network). */
export class DatabaseUnavailableError extends DatabaseError {
  override name = 'DatabaseUnavailableError';
}
/** Neo4j answered but refused the credentials. */
export class DatabaseAuthError extends DatabaseError {
  override name = 'DatabaseAuthError';
}
/** A uniqueness or existence constraint refused a write. */
export class ConstraintViolationError extends DatabaseError {
  override name = 'ConstraintViolationError';
}
/** The statement itself is wrong (syntax, types, parameters): a bug in our Cypher, named. */
export class QueryError extends DatabaseError {
  override name = 'QueryError';
}

export interface DbOptions {
  uri: string;
  user: string;
  password: string;
  database?: string | undefined;
  /** Log each statement's name and duration (never its parameters: they may hold notes). */
  log?: ((line: string) => void) | undefined;
  /**
   * How long a transaction that failed with a transient error (deadlock, a lock still held by a
   * client that was killed, a leader switch) is retried. Short for the web server, which must answer;
   * longer for batch commands, which must finish.
   */
  retryMs?: number | undefined;
  /**
   * Longest a read transaction may run before Neo4j stops it (default 0: no limit). The web server
   * sets 15 s (SERVER_READ_TIMEOUT_MS): requests must answer, so a read that would take longer is
   * refused as TooLarge; batch work it runs (analysis jobs) asks for `untimed()`.
   */
  readTimeoutMs?: number | undefined;
}

/** How long one read transaction of a web request may run (see DbOptions.readTimeoutMs). */
export const SERVER_READ_TIMEOUT_MS = 15_000;

/** Integers for LIMIT and SKIP must reach Neo4j as integers, not floats. */
export function int(n: number): unknown {
  return neo4j.int(Math.trunc(n));
}

/** Converts driver values to plain JSON-friendly JavaScript. Integers outside the safe range fail loudly. */
function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  // Strings, numbers and booleans first: analysis reads about a million of them per run, and the
  // driver's type checks below cost more than everything else the projection does per value.
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (isInt(value)) {
    if (!neo4j.integer.inSafeRange(value))
      throw new DatabaseError(`integer ${value.toString()} is too large`);
    return value.toNumber();
  }
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  // A byte array property (e.g. the day bitsets of analysis/activity-days.ts) stays bytes.
  if (value instanceof Int8Array) return value;
  if (isNode(value as never) || isRelationship(value as never)) {
    return toPlain((value as { properties: unknown }).properties);
  }
  if (isPath(value as never)) {
    const p = value as { segments: { start: unknown; end: unknown }[] };
    return p.segments.map((s) => ({ start: toPlain(s.start), end: toPlain(s.end) }));
  }
  if (
    isDateTime(value as never) ||
    isDate(value as never) ||
    isLocalDateTime(value as never) ||
    isDuration(value as never)
  ) {
    return String(value);
  }
  if (isPoint(value as never)) {
    const p = value as { x: number; y: number };
    return { x: p.x, y: p.y };
  }
  if (typeof value === 'object') {
    const out: Row = {};
    for (const [k, v] of Object.entries(value as Row)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

function rows(result: QueryResult): Row[] {
  return result.records.map((r) => toPlain(r.toObject()) as Row);
}

/**
 * Neo4j's refusals of a statement that reads too much: the transaction memory pool
 * (`dbms.memory.transaction.total.max` / `db.memory.transaction.max`) or our read timeout. Both are the
 * size of the request, not a fault, so they become TooLarge (HTTP 503 with advice to narrow it).
 */
export function tooLarge(code: string, msg: string): TooLarge | null {
  if (
    /MemoryPoolOutOfMemoryError|TransactionOutOfMemoryError|MemoryLimitExceeded/.test(code) ||
    /dbms\.memory\.transaction\.total\.max|db\.memory\.transaction\.max/.test(msg)
  ) {
    return new TooLarge(
      'This request needs more memory than the graph database allows one request; narrow it (a smaller limit, one community, a filter).',
    );
  }
  if (/TransactionTimedOut/.test(code)) {
    return new TooLarge(
      'This request took longer than the graph database allows one request; narrow it (a smaller limit, one community, a filter).',
    );
  }
  return null;
}

function describe(uri: string, err: unknown): DatabaseError | TooLarge {
  if (err instanceof DatabaseError || err instanceof TooLarge) return err;
  const e = err as Neo4jError & { code?: string; message?: string };
  const code = e?.code ?? '';
  const msg = e?.message ?? String(err);
  const large = tooLarge(code, msg);
  if (large) return large;
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|Could not perform discovery|Connection was closed|Failed to connect/i.test(
      msg,
    )
  ) {
    return new DatabaseUnavailableError(`Neo4j at ${uri} cannot be reached (${firstLine(msg)})`, code, {
      cause: err,
    });
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new DatabaseAuthError(`Neo4j at ${uri} refused the credentials: ${firstLine(msg)}`, code, {
      cause: err,
    });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConstraintViolationError(firstLine(msg), code, { cause: err });
  }
  if (code.startsWith('Neo.ClientError.Statement.')) {
    return new QueryError(firstLine(msg), code, { cause: err });
  }
  return new DatabaseError(firstLine(msg), code || undefined, { cause: err });
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 300);
}

/** A transaction handed to callbacks: run named statements, get plain rows. */
export interface Tx {
  run(statement: Statement | string, params?: Params): Promise<Row[]>;
}

function wrapTx(tx: ManagedTransaction, log?: (line: string) => void): Tx {
  return {
    async run(statement, params = {}) {
      const text = typeof statement === 'string' ? statement : statement.text;
      if (!log) return rows(await tx.run(text, params));
      const started = Date.now();
      const result = rows(await tx.run(text, params));
      log(`db stmt ${nameOf(statement)} ${Date.now() - started}ms`);
      return result;
    },
  };
}

export class Db {
  private readonly driver: Driver;
  readonly uri: string;
  readonly database: string | undefined;
  private readonly log: ((line: string) => void) | undefined;
  private readonly readTimeoutMs: number;
  /** Set on views made by `untimed()`: they share the driver, and closing them closes nothing. */
  private readonly view: boolean;
  private readonly opts: DbOptions;

  constructor(opts: DbOptions, shared?: Driver) {
    this.uri = opts.uri;
    this.database = opts.database || undefined;
    this.log = opts.log;
    this.readTimeoutMs = opts.readTimeoutMs ?? 0;
    this.view = shared !== undefined;
    this.opts = opts;
    this.driver =
      shared ??
      neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
        // Fail fast when the server is down; the caller decides whether to retry.
        connectionTimeout: 5_000,
        connectionAcquisitionTimeout: 10_000,
        maxTransactionRetryTime: opts.retryMs ?? 5_000,
        userAgent: 'carecircle',
      });
  }

  /**
   * The same object for every view of one connection (`untimed()` included), opaque: what a cache per
   * database keys on, so what an analysis job reads through its view serves the server's requests too.
   */
  get connection(): object {
    return this.driver;
  }

  /** The same connection without the read timeout, for batch work that reads the whole graph. */
  untimed(): Db {
    if (this.readTimeoutMs === 0) return this;
    return new Db({ ...this.opts, readTimeoutMs: 0 }, this.driver);
  }

  /** Checks the connection and returns what the server says about itself. */
  async serverInfo(): Promise<{ version: string; edition: string; address: string }> {
    try {
      await this.driver.getServerInfo({ database: this.database });
      const [row] = await this.read(loadCypher('system/components'));
      return {
        version: String(row?.version ?? 'unknown'),
        edition: String(row?.edition ?? 'unknown'),
        address: this.uri,
      };
    } catch (err) {
      throw describe(this.uri, err);
    }
  }

  /** One read transaction running one statement. */
  read(statement: Statement | string, params: Params = {}): Promise<Row[]> {
    return this.readTx((tx) => tx.run(statement, params), nameOf(statement));
  }

  /** One write transaction running one statement. */
  write(statement: Statement | string, params: Params = {}): Promise<Row[]> {
    return this.writeTx((tx) => tx.run(statement, params), nameOf(statement));
  }

  readTx<T>(work: (tx: Tx) => Promise<T>, name = 'read'): Promise<T> {
    return this.transaction('READ', work, name);
  }

  writeTx<T>(work: (tx: Tx) => Promise<T>, name = 'write'): Promise<T> {
    return this.transaction('WRITE', work, name);
  }

  /** Runs a statement outside an explicit transaction (schema changes, CALL { } IN TRANSACTIONS). */
  async autoCommit(statement: Statement | string, params: Params = {}): Promise<Row[]> {
    const session = this.driver.session({ database: this.database });
    const started = Date.now();
    try {
      const text = typeof statement === 'string' ? statement : statement.text;
      return rows(await session.run(text, params));
    } catch (err) {
      throw describe(this.uri, err);
    } finally {
      await session.close();
      this.log?.(`db auto ${nameOf(statement)} ${Date.now() - started}ms`);
    }
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, name: string) {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const started = Date.now();
    const config = {
      metadata: { app: 'carecircle', query: name },
      ...(mode === 'READ' && this.readTimeoutMs > 0 ? { timeout: this.readTimeoutMs } : {}),
    };
    try {
      return mode === 'READ'
        ? await session.executeRead((tx) => work(wrapTx(tx, this.log)), config)
        : await session.executeWrite((tx) => work(wrapTx(tx, this.log)), config);
    } catch (err) {
      throw describe(this.uri, err);
    } finally {
      await session.close();
      this.log?.(`db ${mode.toLowerCase()} ${name} ${Date.now() - started}ms`);
    }
  }

  /** The operators of a statement's plan (EXPLAIN: nothing runs), e.g. to check a write has no Eager. */
  async explain(statement: Statement | string, params: Params = {}): Promise<string[]> {
    const session = this.driver.session({ database: this.database });
    try {
      const text = typeof statement === 'string' ? statement : statement.text;
      const result = await session.run(`EXPLAIN ${text}`, params);
      const ops: string[] = [];
      const walk = (p: { operatorType: string; children: unknown[] } | false) => {
        if (!p) return;
        ops.push(p.operatorType);
        for (const c of p.children) walk(c as { operatorType: string; children: unknown[] });
      };
      walk(result.summary.plan as never);
      return ops;
    } catch (err) {
      throw describe(this.uri, err);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs a read statement under PROFILE and returns its plan: each operator with its details (e.g.
   * `a:Account`, the index used), rows and database hits, and the totals. Tests use it to prove a read
   * stays bounded as the graph grows; it is not for request paths.
   */
  async profile(statement: Statement | string, params: Params = {}): Promise<QueryProfile> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const text = typeof statement === 'string' ? statement : statement.text;
      const result = await session.run(`PROFILE ${text}`, params);
      const operators: ProfiledOperator[] = [];
      const walk = (p: RawProfile | false) => {
        if (!p) return;
        const details = p.arguments?.Details;
        operators.push({
          operator: p.operatorType.replace(/@.*$/, ''),
          details: typeof details === 'string' ? details : '',
          rows: Number(p.rows ?? 0),
          dbHits: Number(p.dbHits ?? 0),
        });
        for (const c of p.children) walk(c);
      };
      walk(result.summary.profile as never);
      return {
        operators,
        rows: operators.reduce((s, o) => s + o.rows, 0),
        dbHits: operators.reduce((s, o) => s + o.dbHits, 0),
        result: rows(result),
      };
    } catch (err) {
      throw describe(this.uri, err);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    if (this.view) return;
    await this.driver.close();
  }
}

interface RawProfile {
  operatorType: string;
  arguments?: Record<string, unknown>;
  rows?: number;
  dbHits?: number;
  children: RawProfile[];
}

export interface ProfiledOperator {
  /** e.g. NodeIndexSeek, NodeByLabelScan, Expand(All) (the runtime suffix `@neo4j` removed). */
  operator: string;
  details: string;
  rows: number;
  dbHits: number;
}

export interface QueryProfile {
  operators: ProfiledOperator[];
  /** Rows produced, summed over every operator. */
  rows: number;
  dbHits: number;
  result: Row[];
}

function nameOf(statement: Statement | string): string {
  return typeof statement === 'string' ? 'inline' : statement.name;
}
