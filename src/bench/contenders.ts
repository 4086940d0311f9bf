/**
 * The four HTTP servers the benchmark measures, all on 127.0.0.1 at a free port, each answering every
 * operation the same way (one POST with a JSON body), so that they are measured alike:
 * (a) this project's API, (b) @neo4j/graphql, (c) hand-written Cypher over a tiny JSON endpoint per
 * operation (the floor), (d) a hello world (the HTTP ceiling).
 */
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import type { GraphDatabase } from '../database/graph-database.js';
import { listen } from '../server.js';
import { createLogger } from '../api/request-log.js';
import { createCstoYoga } from '../yoga.js';
import { createNeo4jGraphqlYoga } from './neo4j-graphql-contender.js';
import type { BenchOperation } from './operations.js';

export type ContenderId = 'ours' | 'neo4jGraphql' | 'cypher';

/** One HTTP request, as the load generator sends it. */
export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
}

export interface Contender {
  id: ContenderId;
  label: string;
  request(operation: BenchOperation): HttpRequest;
  /** Asks once and returns the normalised answer, or throws with the error the contender gave. */
  answer(operation: BenchOperation): Promise<unknown>;
}

export interface RunningContenders {
  contenders: Contender[];
  hello: HttpRequest;
  close(): Promise<void>;
}

const host = '127.0.0.1';

/** Serves a request listener on a free port of 127.0.0.1. */
async function serve(listener: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function postJson(request: HttpRequest): Promise<unknown> {
  const response = await fetch(request.url, { method: request.method, headers: { 'content-type': 'application/json' }, body: request.body });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** A GraphQL contender, whose request for an operation is `operation[id]`. */
function graphqlContender(id: 'ours' | 'neo4jGraphql', label: string, endpoint: string): Contender {
  const request = (operation: BenchOperation): HttpRequest => {
    const { query, variables } = operation[id];
    return { url: endpoint, method: 'POST', body: JSON.stringify({ query, variables }) };
  };
  return {
    id,
    label,
    request,
    answer: async (operation) => {
      const response = (await postJson(request(operation))) as { data?: unknown; errors?: { message: string }[] };
      if (response.errors?.length) throw new Error(response.errors.map((error) => error.message).join('; '));
      return operation[id].normalise(response.data);
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

/** (c): POST /cypher/<operation> with the parameters as the JSON body; answers the query's `result` as JSON. */
function rawCypherListener(db: GraphDatabase, operations: BenchOperation[]): RequestListener {
  const byName = new Map(operations.map((operation) => [`/cypher/${operation.name}`, operation]));
  return (request: IncomingMessage, response: ServerResponse) => {
    const operation = byName.get(request.url ?? '');
    const reply = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    if (!operation || request.method !== 'POST') return reply(404, { error: 'POST /cypher/<operation>' });
    readBody(request)
      .then((body) => db.read<{ result: unknown }>(operation.cypher.query, JSON.parse(body) as Record<string, unknown>))
      .then((rows) => reply(200, rows[0]?.result ?? null))
      .catch((error: unknown) => reply(500, { error: error instanceof Error ? error.message : String(error) }));
  };
}

/** (d): the least an HTTP server can do for a request. */
const helloListener: RequestListener = (request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"hello":"world"}');
  });
};

/** Starts all four servers over the same database. */
export async function startContenders(db: GraphDatabase, operations: BenchOperation[], credentials: { username: string; password: string }): Promise<RunningContenders> {
  // The other contenders log nothing per request; ours logs warnings only, so the run times the API, not a log pipe.
  const ours = await listen(createCstoYoga({ db, logger: createLogger('warn'), logError: (error) => console.error('[ours] internal error:', error) }), 0, host);
  // @neo4j/graphql gets its own driver with default settings, as its users would give it.
  const driver = neo4j.driver(db.uri, neo4j.auth.basic(credentials.username, credentials.password));
  const neo4jGraphql = await serve(await createNeo4jGraphqlYoga(driver, db.database));
  const cypher = await serve(rawCypherListener(db, operations));
  const hello = await serve(helloListener);
  const rawCypher: Contender = {
    id: 'cypher',
    label: 'raw Cypher',
    request: (operation) => ({ url: `${cypher.url}/cypher/${operation.name}`, method: 'POST', body: JSON.stringify(operation.cypher.params) }),
    answer: async (operation) => operation.cypher.normalise(await postJson(rawCypher.request(operation))),
  };
  return {
    contenders: [graphqlContender('ours', 'ours', `${ours.url}/graphql`), graphqlContender('neo4jGraphql', '@neo4j/graphql', `${neo4jGraphql.url}/graphql`), rawCypher],
    hello: { url: hello.url, method: 'POST', body: '{}' },
    close: async () => {
      await Promise.all([ours.close(), neo4jGraphql.close(), cypher.close(), hello.close()]);
      await driver.close();
    },
  };
}
