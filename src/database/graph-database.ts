/**
 * The one chokepoint between the project and Neo4j: it owns the driver, runs every API query in a READ
 * transaction with parameters, logs Cypher when asked, and turns Neo4j's errors into named ones.
 */
import neo4j, { type Driver, type Session, isDate, isDateTime, isInt, isNode, isRelationship, Neo4jError } from 'neo4j-driver';

/** Neo4j cannot be reached (down, restarting, or the network is cut). Clients see SERVICE_UNAVAILABLE. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
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
  /** Longest a read may run before Neo4j aborts it, in milliseconds. Default 15000 (env CSTO_QUERY_TIMEOUT_MS). */
  queryTimeoutMs?: number;
}

export type Row = Record<string, unknown>;

/** Called once per database round trip; tests count them, operators can trace them. */
export type QueryListener = (query: string, parameters: Row) => void;

const unavailableCodes = new Set([neo4j.error.SERVICE_UNAVAILABLE, neo4j.error.SESSION_EXPIRED]);

/** Maps a driver error to one of the named errors above. */
export function mapNeo4jError(error: unknown, uri: string): Error {
  if (error instanceof Neo4jError) {
    if (unavailableCodes.has(error.code) || error.code === 'Neo.TransientError.General.DatabaseUnavailable') {
      return new DatabaseUnavailableError(`Neo4j at ${uri} is unavailable: ${firstLine(error.message)}`, { cause: error });
    }
    if (error.code === 'Neo.ClientError.Security.Unauthorized' || error.code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
      return new DatabaseAuthError(`Neo4j at ${uri} rejected the user name or password (${error.code}).`, { cause: error });
    }
    return new DatabaseQueryError(firstLine(error.message), error.code, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

function firstLine(message: string): string {
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

export class GraphDatabase {
  readonly driver: Driver;
  readonly uri: string;
  readonly database: string;
  private readonly debugCypher: boolean;
  private readonly log: (line: string) => void;
  private readonly listeners = new Set<QueryListener>();
  private readonly queryTimeoutMs: number;

  constructor(options: GraphDatabaseOptions) {
    this.uri = options.uri;
    this.database = options.database ?? 'neo4j';
    this.debugCypher = options.debugCypher ?? false;
    this.log = options.log ?? ((line) => console.error(line));
    this.queryTimeoutMs = options.queryTimeoutMs ?? (Number(process.env.CSTO_QUERY_TIMEOUT_MS) || 15_000);
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.username, options.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
      // Fail fast while Neo4j is down, so /ready and SERVICE_UNAVAILABLE answer in seconds, not a minute.
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 2_000,
      logging: { level: 'error', logger: (_level, message) => this.log(`[neo4j-driver] ${message}`) },
    });
  }

  /** Registers a listener for every round trip; returns the function that removes it. */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs one read query in a READ transaction and returns its records as plain objects. */
  async read<T = Row>(query: string, parameters: Row = {}): Promise<T[]> {
    this.trace(query, parameters);
    try {
      const result = await this.driver.executeQuery(query, toCypherParameters(parameters) as Row, {
        routing: neo4j.routing.READ,
        database: this.database,
        // The API only reads what the loader committed before it started; causal bookmarks would only add work.
        bookmarkManager: null,
        // A runaway traversal is stopped by Neo4j itself, not left to hold a connection.
        transactionConfig: { timeout: this.queryTimeoutMs },
      });
      return result.records.map((record) => toPlain(record.toObject()) as T);
    } catch (error) {
      throw mapNeo4jError(error, this.uri);
    }
  }

  /** A session for writes; only the loader and test fixtures use it, never the API. */
  writeSession(): Session {
    return this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
  }

  /** Answers `RETURN 1`; throws a named error with one clear line when Neo4j is not usable. */
  async ping(): Promise<void> {
    await this.read('RETURN 1 AS ok');
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private trace(query: string, parameters: Row): void {
    for (const listener of this.listeners) listener(query, parameters);
    if (this.debugCypher) this.log(`[cypher] ${query.trim().replace(/\s+/g, ' ')} ${JSON.stringify(parameters)}`);
  }
}
