/** Configuration read from the environment, in one place, with defaults a new user never has to set. */

/** How the process reaches Neo4j: an existing server named by NEO4J_URI, or one the project starts itself. */
export type Neo4jConnection =
  | { kind: 'external'; uri: string; username: string; password: string; database: string }
  | { kind: 'local'; username: string; password: string | undefined; database: string };

export interface AppConfig {
  /** HTTP port of the GraphQL server. Default 4000 (env PORT). */
  port: number;
  /** Host the HTTP server binds to. Default 127.0.0.1 (env HOST); set 0.0.0.0 in a container. */
  host: string;
  neo4j: Neo4jConnection;
  /** Log every Cypher query and its parameters. Default off (env CSTO_DEBUG_CYPHER=1). */
  debugCypher: boolean;
  /** Load `cypher/` into Neo4j at start-up. Default on (env CSTO_LOAD_ON_START=0 turns it off). */
  loadOnStart: boolean;
  /** Run GraphiQL's example queries once after a start, so that an analyst's first query finds them planned. Default on (env CSTO_WARM_UP=0 turns it off). */
  warmUp: boolean;
}

const schemes = ['neo4j://', 'neo4j+s://', 'neo4j+ssc://', 'bolt://', 'bolt+s://', 'bolt+ssc://'];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function readPort(value: string | undefined, fallback: number, variable: string): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${variable} must be a port number from 0 to 65535, got '${value}'.`);
  }
  return port;
}

/** Reads a positive whole number from `env[variable]`, or `fallback` when unset; anything else is a ConfigError. */
export function readPositiveInteger(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const raw = env[variable];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${variable} must be a positive whole number, got '${raw}'.`);
  return value;
}

function readFlag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

/** Reads NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE the way every command does. */
export function readNeo4jConnection(env: NodeJS.ProcessEnv = process.env): Neo4jConnection {
  const username = env.NEO4J_USERNAME || 'neo4j';
  const database = env.NEO4J_DATABASE || 'neo4j';
  const uri = env.NEO4J_URI;
  if (!uri) return { kind: 'local', username, password: env.NEO4J_PASSWORD || undefined, database };
  if (!schemes.some((scheme) => uri.startsWith(scheme))) {
    throw new ConfigError(`NEO4J_URI must start with one of ${schemes.join(', ')}; got '${uri}'.`);
  }
  if (!env.NEO4J_PASSWORD) {
    throw new ConfigError('NEO4J_URI is set but NEO4J_PASSWORD is not: give the password of that server.');
  }
  return { kind: 'external', uri, username, password: env.NEO4J_PASSWORD, database };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: readPort(env.PORT, 4000, 'PORT'),
    host: env.HOST || '127.0.0.1',
    neo4j: readNeo4jConnection(env),
    debugCypher: readFlag(env.CSTO_DEBUG_CYPHER, false),
    loadOnStart: readFlag(env.CSTO_LOAD_ON_START, true),
    warmUp: readFlag(env.CSTO_WARM_UP, true),
  };
}

/** Reads CSTO_REQUEST_TIMEOUT_MS: a positive number of milliseconds, 10000 by default. */
export function readRequestTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  return readPositiveInteger(env, 'CSTO_REQUEST_TIMEOUT_MS', 10_000);
}
