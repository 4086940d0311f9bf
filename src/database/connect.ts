/** Opens the configured Neo4j: the server named by NEO4J_URI, or the managed local one started on demand. */
import type { Neo4jConnection } from '../config.js';
import { startManagedNeo4j, type ManagedNeo4j } from '../neo4j/managed-neo4j.js';
import { superviseNeo4j, type SuperviseOptions, type Supervisor } from '../neo4j/supervise-neo4j.js';
import { GraphDatabase, DatabaseAuthError, DatabaseUnavailableError, firstLine } from './graph-database.js';

export interface OpenedDatabase {
  db: GraphDatabase;
  /** 'external' or 'local (managed)'. */
  description: string;
  /** The managed Neo4j, when one was started (none with NEO4J_URI). */
  managed?: ManagedNeo4j;
  /** From now on, restarts the managed Neo4j when it dies (nothing to do without one); close() stops the supervisor. */
  supervise(options: SuperviseOptions): Supervisor | undefined;
  /** Closes the driver and stops the managed Neo4j, if one was started. */
  close(): Promise<void>;
}

export interface OpenOptions {
  debugCypher?: boolean;
  log?: (line: string) => void;
}

/** A connection failure as one line a person can act on. */
export function describeConnectionFailure(error: unknown, uri: string): string {
  if (error instanceof DatabaseAuthError) {
    return `${error.message} Check NEO4J_USERNAME and NEO4J_PASSWORD.`;
  }
  if (error instanceof DatabaseUnavailableError) {
    return `Cannot reach Neo4j at ${uri}. Is it running, and is NEO4J_URI right? (${error.message})`;
  }
  return `Neo4j at ${uri} failed: ${error instanceof Error ? firstLine(error.message) : String(error)}`;
}

/** Thrown with a message that is already one clear line; commands print it without a stack trace. */
export class ConnectionFailedError extends Error {
  override name = 'ConnectionFailedError';
}

export async function openDatabase(connection: Neo4jConnection, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const log = options.log ?? ((line: string) => console.error(line));
  let managed: ManagedNeo4j | undefined;
  let uri: string;
  let password: string;
  if (connection.kind === 'external') {
    uri = connection.uri;
    password = connection.password;
  } else {
    managed = await startManagedNeo4j({ password: connection.password, log });
    uri = managed.uri;
    password = managed.password;
  }
  const db = new GraphDatabase({
    uri,
    username: connection.kind === 'external' ? connection.username : managed!.username,
    password,
    database: connection.database,
    debugCypher: options.debugCypher,
    log,
  });
  let supervisor: Supervisor | undefined;
  const close = async () => {
    await db.close();
    await (supervisor ?? managed)?.stop();
  };
  const opened: OpenedDatabase = {
    db,
    description: managed ? `managed local Neo4j at ${uri}` : `Neo4j at ${uri}`,
    managed,
    supervise: (supervision) => (supervisor = managed ? superviseNeo4j(managed, supervision) : undefined),
    close,
  };
  try {
    // A first connection to a Neo4j that has just started can be slow on a busy machine; /ready's 1.5 s is for later.
    await db.ping(30_000);
  } catch (error) {
    await close();
    throw new ConnectionFailedError(describeConnectionFailure(error, uri), { cause: error });
  }
  return opened;
}
