/**
 * The one chokepoint between the project and Neo4j: it owns the driver, runs every API query in a READ
 * transaction with parameters, logs Cypher when asked, and turns Neo4j's errors into named ones.
 */
import neo4j, { type Driver, type Session, isDate, isDateTime, isInt, isNode, isRelationship, Neo4jError } from 'neo4j-driver';
import { widenDriverWriteBuffer } from './driver-write-buffer.js';
import { FirstRunGate } from './first-run-gate.js';
import { currentQueryScope, type QueryScope } from './query-scope.js';

/** Neo4j cannot be reached (down, restarting, or the network is cut). Clients see SERVICE_UNAVAILABLE. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/**
 * Neo4j aborted one transaction for a reason that passes (a deadlock, a lock wait or memory limit, an operator's
 * TERMINATE TRANSACTION) while Neo4j itself is up. Clients see SERVICE_UNAVAILABLE (try again), but unlike
 * DatabaseUnavailableError it does not mark Neo4j down for every other request. `message` is Neo4j's first line.
 */
export class DatabaseTransientError extends Error {
  override name = 'DatabaseTransientError';
  constructor(
    message: string,
    readonly code: string,
    /** The driver's verdict: the same work may succeed if run again. */
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A query ran past its deadline (Neo4j's transaction timeout or the request's deadline). Clients see QUERY_TIMEOUT. */
export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
  constructor(
    message: string,
    /** The time budget that was exceeded, in milliseconds. */
    readonly budgetMs: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A full-text search whose words expanded past Lucene's limit of 1,024 clauses (each word is matched in each of the
 * index's fields, as itself and as a prefix or fuzzy match): the client's words, not our bug. Clients see BAD_USER_INPUT.
 */
export class FullTextTooBroadError extends Error {
  override name = 'FullTextTooBroadError';
}

/** Neo4j refused the user name or password. */
export class DatabaseAuthError extends Error {
  override name = 'DatabaseAuthError';
}

/** Any other failure of a query: a bug on our side, logged for the operator and masked for the client. */
export class DatabaseQueryError extends Error {
  override name = 'DatabaseQueryError';
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface GraphDatabaseOptions {
  uri: string;
  username: string;
  password: string;
  /** Database name. Default 'neo4j'. */
  database?: string;
  /** Log every query with its parameters through `log`. Default false. */
  debugCypher?: boolean;
  /** Where debug and operator lines go. Default console.error. */
  log?: (line: string) => void;
  /** Connection pool size. Default 50. */
  maxConnectionPoolSize?: number;
  /** Longest a read outside an API request may run before Neo4j aborts it, in milliseconds. Default 15000 (env CSTO_QUERY_TIMEOUT_MS). */
  queryTimeoutMs?: number;
  /** How often the database is probed while it is known to be down, in milliseconds. Default 500. */
  probeIntervalMs?: number;
  /** Longest a probe (and so /ready) waits for `RETURN 1`, in milliseconds. Default 1500. */
  probeTimeoutMs?: number;
}

export type Row = Record<string, unknown>;

/** Called once per database round trip; tests count them, operators can trace them. */
export type QueryListener = (query: string, parameters: Row) => void;

const unavailableCodes = new Set([neo4j.error.SERVICE_UNAVAILABLE, neo4j.error.SESSION_EXPIRED, neo4j.error.PROTOCOL_ERROR]);

/** Transient codes about the database as a whole (stopping, starting, a cluster member that cannot serve), not one transaction. */
const databaseDownCode = /^Neo\.TransientError\.(General\.DatabaseUnavailable$|Database\.DatabaseUnavailable$|Cluster\.)/;

/**
 * Client-class codes of a transaction stopped from outside the query (TERMINATE TRANSACTION, a stopped lock client):
 * neither the query's fault nor Neo4j down, so they are transient errors; the driver does not retry them.
 */
const stoppedFromOutsideCode = /^Neo\.ClientError\.Transaction\.(Terminated|LockClientStopped)$/;

/** Neo4j's codes for a transaction stopped by its timeout (the configured one, or the one the client asked for). */
export function isTransactionTimeoutCode(code: string): boolean {
  return code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut');
}

/**
 * The driver's "Failed to connect to server" carries three sentences of general advice (encryption settings, Neo4j
 * 4.0) before its cause; the cause (`connect ECONNREFUSED 127.0.0.1:7687`) is what a person can act on.
 */
function withoutDriverAdvice(message: string): string {
  return message.replace(/^(Failed to connect to server)\. Please ensure .*? Caused by: /, '$1: ');
}

/** Maps a driver error to one of the named errors above. */
export function mapNeo4jError(error: unknown, uri: string, budgetMs = 0): Error {
  if (error instanceof Neo4jError) {
    // Every pooled connection is busy with other queries: Neo4j is loaded, not down; this request ran out of time.
    if (error.message.startsWith('Connection acquisition timed out')) {
      return new QueryTimeoutError(`No connection to Neo4j became free in time: ${firstLine(error.message)}`, budgetMs, { cause: error });
    }
    if (isTransactionTimeoutCode(error.code)) {
      return new QueryTimeoutError(`Neo4j stopped the query at its ${budgetMs} ms timeout.`, budgetMs, { cause: error });
    }
    // A restarting database, a lost leader and broken connections mean Neo4j is down for now.
    if (unavailableCodes.has(error.code) || databaseDownCode.test(error.code) || error.code === 'N/A') {
      return new DatabaseUnavailableError(`Neo4j at ${uri} is unavailable: ${withoutDriverAdvice(firstLine(error.message))}`, { cause: error });
    }
    if (error.code.startsWith('Neo.TransientError.') || stoppedFromOutsideCode.test(error.code)) return new DatabaseTransientError(firstLine(error.message), error.code, error.retryable, { cause: error });
    if (error.code === 'Neo.ClientError.Procedure.ProcedureCallFailed' && error.message.includes('TooManyClauses')) return new FullTextTooBroadError(firstLine(error.message), { cause: error });
    if (error.code === 'Neo.ClientError.Security.Unauthorized' || error.code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
      return new DatabaseAuthError(`Neo4j at ${uri} rejected the user name or password (${error.code}).`, { cause: error });
    }
    return new DatabaseQueryError(firstLine(error.message), error.code, { cause: error });
  }
  // Socket errors from a dying connection (ECONNRESET, EPIPE) reach us without a Neo4j code.
  if (error instanceof Error && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code ?? '')) {
    return new DatabaseUnavailableError(`Neo4j at ${uri} is unavailable: ${firstLine(error.message)}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** A Neo4j message's first line: the rest is often a plan or a stack, which one-line errors leave out. */
export function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}

/** JavaScript numbers travel as floats; whole numbers become Cypher integers, which SKIP, LIMIT and ranges need. */
export function toCypherParameters(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toCypherParameters);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toCypherParameters(inner)]));
  }
  return value;
}

/** Converts driver values (Integer, Date, Node, …) into plain JSON-friendly values. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return value.toNumber();
  if (isDate(value as object) || isDateTime(value as object)) return String(value);
  if (isNode(value as object)) {
    const node = value as { labels: string[]; properties: Row };
    return { labels: node.labels, properties: toPlain(node.properties) };
  }
  if (isRelationship(value as object)) {
    const rel = value as { type: string; properties: Row };
    return { type: rel.type, properties: toPlain(rel.properties) };
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Row).map(([key, inner]) => [key, toPlain(inner)]));
  }
  return value;
}

/** Resolves with `promise`, or rejects with `onTimeout()` after `ms`; the loser is left to settle unobserved. */
function within<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), Math.max(0, ms));
  });
  // A late rejection of the losing promise must not become an unhandled rejection.
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Neo4j's own timeout fires first; Node gives up this much later, when Neo4j is too hung to enforce it. */
const nodeGraceMs = 500;

export class GraphDatabase {
  readonly driver: Driver;
  /** Probes get their own connection: a pool full of slow queries is a busy Neo4j, not a dead one. */
  private readonly probeDriver: Driver;
  readonly uri: string;
  readonly database: string;
  private readonly debugCypher: boolean;
  private readonly log: (line: string) => void;
  private readonly listeners = new Set<QueryListener>();
  private readonly queryTimeoutMs: number;
  private readonly probeIntervalMs: number;
  private readonly probeTimeoutMs: number;
  /** Set while Neo4j is known to be down: reads fail at once instead of each waiting for a timeout. */
  private downSince: number | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private probing: Promise<boolean> | undefined;
  /** When Neo4j last answered anything; a slow probe while queries still succeed means busy, not down. */
  private lastAnswerAt = 0;
  /** Concurrent first runs of one query text wait for the first: a cold Neo4j would plan each of them again. */
  private readonly firstRuns = new FirstRunGate();
  private closed = false;

  constructor(options: GraphDatabaseOptions) {
    this.uri = options.uri;
    this.database = options.database ?? 'neo4j';
    this.debugCypher = options.debugCypher ?? false;
    this.log = options.log ?? ((line) => console.error(line));
    this.queryTimeoutMs = options.queryTimeoutMs ?? (Number(process.env.CSTO_QUERY_TIMEOUT_MS) || 15_000);
    this.probeIntervalMs = options.probeIntervalMs ?? 500;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 1_500;
    widenDriverWriteBuffer();
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.username, options.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
      // Node enforces each request's deadline itself; these only bound what happens outside a request.
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 2_000,
      logging: { level: 'error', logger: (_level, message) => this.log(`[neo4j-driver] ${message}`) },
    });
    this.probeDriver = neo4j.driver(options.uri, neo4j.auth.basic(options.username, options.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 2,
      connectionTimeout: 5_000,
    });
  }

  /** Registers a listener for every round trip; returns the function that removes it. */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True while Neo4j is known to be down (a probe runs in the background until it answers again). */
  get isKnownDown(): boolean {
    return this.downSince !== undefined;
  }

  /**
   * Runs one read query in a READ transaction and returns its records as plain objects. Inside an API request
   * it must finish by the request's deadline: Neo4j's transaction timeout is set to the time left, and Node
   * gives up shortly after in case Neo4j is too hung to enforce it.
   */
  async read<T = Row>(query: string, parameters: Row = {}): Promise<T[]> {
    const scope = currentQueryScope();
    if (scope) scope.roundTrips += 1;
    this.trace(query, parameters);
    this.failFastWhileDown();
    const started = Date.now();
    return this.firstRuns.run(
      query,
      () => this.readNow<T>(query, parameters, scope),
      (firstRun) => {
        const left = (scope ? scope.deadline : started + this.queryTimeoutMs) - Date.now();
        return within(firstRun, left, () => new QueryTimeoutError('The request ran out of time waiting for the first run of the same query.', Math.max(0, left)));
      },
    );
  }

  private failFastWhileDown(): void {
    if (this.downSince !== undefined) {
      throw new DatabaseUnavailableError(`Neo4j at ${this.uri} has been unavailable for ${Math.round((Date.now() - this.downSince) / 1000)} s.`);
    }
  }

  private async readNow<T>(query: string, parameters: Row, scope: QueryScope | undefined): Promise<T[]> {
    // Checked again: Neo4j may have gone down while this run waited for the first run of its text.
    this.failFastWhileDown();
    const budgetMs = scope ? Math.min(this.queryTimeoutMs, scope.deadline - Date.now()) : this.queryTimeoutMs;
    if (budgetMs <= 0) throw new QueryTimeoutError('The request ran out of time before this query could start.', 0);
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    // An explicit transaction, not executeRead: its retries would spend the deadline on a database that is down.
    const run = this.runReadTransaction(session, query, toCypherParameters(parameters) as Row, budgetMs);
    try {
      const result = await within(run, budgetMs + nodeGraceMs, () => {
        // Neo4j checks its timeouts every few seconds, so this may be a slow query or a hung Neo4j: a probe tells.
        this.probeNow();
        return new QueryTimeoutError(`Neo4j did not finish the query within ${budgetMs + nodeGraceMs} ms.`, budgetMs);
      });
      this.lastAnswerAt = Date.now();
      this.markUp();
      return result.records.map((record) => toPlain(record.toObject()) as T);
    } catch (error) {
      const mapped = error instanceof DatabaseUnavailableError ? error : mapNeo4jError(error, this.uri, budgetMs);
      if (mapped instanceof DatabaseUnavailableError) this.markDown(mapped.message);
      throw mapped;
    }
  }

  /** A session for writes; only the loader and test fixtures use it, never the API. */
  writeSession(): Session {
    return this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
  }

  /**
   * Answers `RETURN 1` within `timeoutMs` (default the probe timeout, 1.5 s, so /ready answers within 2 s), even while
   * Neo4j is known to be down; throws a named error with one clear line when Neo4j is not usable.
   */
  async ping(timeoutMs = this.probeTimeoutMs): Promise<void> {
    const session = this.probeDriver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    const run = this.runReadTransaction(session, 'RETURN 1 AS ok', {}, timeoutMs);
    let timedOut = false;
    try {
      await within(run, timeoutMs, () => {
        timedOut = true;
        return new DatabaseUnavailableError(`Neo4j at ${this.uri} did not answer within ${timeoutMs} ms.`);
      });
      this.lastAnswerAt = Date.now();
      this.markUp();
    } catch (error) {
      const mapped = error instanceof DatabaseUnavailableError ? error : mapNeo4jError(error, this.uri, this.probeTimeoutMs);
      // An overloaded Neo4j is slow to answer a probe but still answers queries: that is not "down".
      const busyNotHung = timedOut && Date.now() - this.lastAnswerAt < 2 * timeoutMs;
      if (mapped instanceof DatabaseUnavailableError && !busyNotHung) this.markDown(mapped.message);
      throw mapped;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.probeTimer);
    await Promise.all([this.driver.close(), this.probeDriver.close()]);
  }

  /** One READ transaction with Neo4j's timeout set to `timeoutMs` (at least 1 ms, Neo4j's unit); closes the session. */
  private async runReadTransaction(session: Session, query: string, parameters: Row, timeoutMs: number) {
    try {
      const tx = session.beginTransaction({ timeout: Math.max(1, Math.floor(timeoutMs)) });
      const result = await tx.run(query, parameters);
      await tx.commit();
      return result;
    } finally {
      await session.close();
    }
  }

  private markDown(reason: string): void {
    if (this.closed) return;
    if (this.downSince === undefined) {
      this.downSince = Date.now();
      // It may come back as a new process, whose plan cache is empty.
      this.firstRuns.forget();
      // A Neo4j never reached is the caller's to report, in its own one line; this one is for one that went away.
      if (this.lastAnswerAt > 0) this.log(`[graph-database] ${reason} Failing requests fast and probing every ${this.probeIntervalMs} ms.`);
    }
    this.scheduleProbe();
  }

  private markUp(): void {
    if (this.downSince === undefined) return;
    this.log(`[graph-database] Neo4j at ${this.uri} answers again after ${((Date.now() - this.downSince) / 1000).toFixed(1)} s.`);
    this.downSince = undefined;
    clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
  }

  /** Probes now, unless a probe is under way: a failed probe marks Neo4j down, and later probes notice its return. */
  private probeNow(): void {
    if (this.probing || this.closed) return;
    this.probing = this.ping().then(
      () => true,
      () => false,
    );
    void this.probing.finally(() => {
      this.probing = undefined;
      if (this.downSince !== undefined) this.scheduleProbe();
    });
  }

  /** One probe at a time, so a hung Neo4j does not collect a pile of waiting connections. */
  private scheduleProbe(): void {
    if (this.probeTimer || this.probing || this.closed) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = undefined;
      this.probeNow();
    }, this.probeIntervalMs);
    // A probe must not keep a finished command alive.
    this.probeTimer.unref();
  }

  private trace(query: string, parameters: Row): void {
    for (const listener of this.listeners) listener(query, parameters);
    if (this.debugCypher) this.log(`[cypher] ${query.trim().replace(/\s+/g, ' ')} ${JSON.stringify(parameters)}`);
  }
}
