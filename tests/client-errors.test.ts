/** Every error a client can cause gets a code; only our bugs are masked. No database is reached here. */
import { Neo4jError } from 'neo4j-driver';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyError, excerpt } from '../src/api/client-errors.js';
import { loggable } from '../src/api/request-log.js';
import { DatabaseTransientError, DatabaseUnavailableError, FullTextTooBroadError, GraphDatabase, mapNeo4jError, QueryTimeoutError } from '../src/database/graph-database.js';
import { parseIsoDate } from '../src/schema/scalars.js';
import { createCstoYoga } from '../src/yoga.js';
import { execute } from './support/graphql-client.js';

// Nothing listens on port 1: a query that reaches the database gets SERVICE_UNAVAILABLE at once.
const db = new GraphDatabase({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'unused', log: () => {} });
const lines: Record<string, unknown>[] = [];
const logger = pino(
  { base: undefined },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  }),
);
const yoga = createCstoYoga({ db, logger, corsOrigins: [] });
afterAll(() => db.close());

const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.map((error) => error.extensions?.code);

describe('bad variable values', () => {
  it.each([
    ['an unknown enum value', 'query($v: HelpRequestOutcome) { helpRequests(outcome: $v) { startDate } }', { v: 'NOT_A_VALUE' }],
    ['an Int beyond 32 bits', 'query($v: Int) { people(first: $v) { totalCount } }', { v: 2147483648 }],
    ['null inside [ID!]', 'query($v: [ID!]!) { nodes(ids: $v) { id } }', { v: ['State:kyrgyzstan', null] }],
    ['an object for a String', 'query($v: String!) { lookup(name: $v) { id } }', { v: { $ne: null } }],
    ['a missing required variable', 'query($v: String!) { lookup(name: $v) { id } }', {}],
  ])('%s is BAD_USER_INPUT, not a masked error', async (_name, query, variables) => {
    const result = await execute(yoga, query, variables);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('documents the schema rejects', () => {
  it('an unknown field is GRAPHQL_VALIDATION_FAILED', async () => {
    expect(codes(await execute(yoga, '{ nosuch }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('an inline Int literal beyond 32 bits is GRAPHQL_VALIDATION_FAILED', async () => {
    expect(codes(await execute(yoga, '{ people(first: 2147483648) { totalCount } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('an invalid inline date keeps its BAD_USER_INPUT code', async () => {
    expect(codes(await execute(yoga, '{ events(filter: { from: "2022-02-30" }) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('dates', () => {
  it('accepts years 0-99, which Date.UTC would move to the 1900s', () => {
    expect(parseIsoDate('0001-01-01')).toBe('0001-01-01');
    expect(parseIsoDate('0099-12-31')).toBe('0099-12-31');
    expect(parseIsoDate('0004-02-29')).toBe('0004-02-29');
  });

  it('still rejects days that do not exist', () => {
    expect(() => parseIsoDate('0001-02-29')).toThrow('Invalid date "0001-02-29"');
    expect(() => parseIsoDate('1900-02-29')).toThrow('Invalid date "1900-02-29"');
  });
});

describe('input limits', () => {
  it('refuses 100,000 ids before any query runs', async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `State:s${i}`);
    const result = await execute(yoga, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(result.errors).toEqual([
      { message: 'Variable "$ids" has 100000 items; at most 100 are allowed.', extensions: { code: 'BAD_USER_INPUT', limit: 100 } },
    ]);
  });

  it('refuses a 1,001-character search written in the document', async () => {
    const result = await execute(yoga, `{ search(query: "${'a'.repeat(1001)}") { score } }`);
    expect(result.errors).toEqual([
      { message: "The string given to 'query' has 1001 characters; at most 1000 are allowed.", extensions: { code: 'BAD_USER_INPUT', limit: 1000 } },
    ]);
  });

  it('refuses a list literal of 101 items', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `"State:s${i}"`).join(',');
    expect(codes(await execute(yoga, `{ nodes(ids: [${ids}]) { id } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('echoes no more than a short excerpt of a long input', async () => {
    const result = await execute(yoga, 'query($v: HelpRequestOutcome) { helpRequests(outcome: $v) { startDate } }', { v: 'X'.repeat(900) });
    const message = result.errors![0]!.message;
    expect(message.startsWith('Variable "$v" got invalid value "XXXX')).toBe(true);
    expect(message.slice(400)).toMatch(/^… \(\d+ more characters\)$/);
    expect(excerpt('y'.repeat(1000))).toBe(`${'y'.repeat(400)}… (600 more characters)`);
    expect(excerpt('y'.repeat(401))).toBe(`${'y'.repeat(400)}… (1 more character)`);
  });
});

describe('errors of the database', () => {
  it('a query while Neo4j is unreachable is SERVICE_UNAVAILABLE with HTTP 503', async () => {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ states { totalCount } }' }),
    });
    expect(response.status).toBe(503);
    expect(codes((await response.json()) as never)).toEqual(['SERVICE_UNAVAILABLE']);
  });

  it("Neo4j's transaction timeout becomes QUERY_TIMEOUT, with a message saying how to narrow the query", () => {
    const neo4jError = new Neo4jError('timed out', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', '50N00', 'error');
    const mapped = mapNeo4jError(neo4jError, 'bolt://x', 2000);
    expect(mapped).toBeInstanceOf(QueryTimeoutError);
    const classified = classifyError(mapped, 'Unexpected error.', () => expect.unreachable());
    expect(classified.extensions).toEqual({ code: 'QUERY_TIMEOUT', budgetMs: 2000 });
    expect(classified.message).toBe(
      'The query took longer than its time budget (2.0 s) and was stopped. Narrow it: ask for fewer items (first:, limit:), ' +
        'fewer hops (depth:, maxHops:), a narrower filter or date range, or fewer nested fields.',
    );
  });

  it("a Neo4j that cannot be reached is named with the driver's cause, without its general advice", () => {
    const advice =
      'Please ensure that your database is listening on the correct host and port and that you have compatible encryption settings both on Neo4j server and driver. Note that the default encryption setting has changed in Neo4j 4.0.';
    const refused = new Neo4jError(`Failed to connect to server. ${advice} Caused by: connect ECONNREFUSED 127.0.0.1:7798`, 'ServiceUnavailable', '08000', 'error');
    const mapped = mapNeo4jError(refused, 'bolt://127.0.0.1:7798');
    expect([mapped.name, mapped.message]).toEqual(['DatabaseUnavailableError', 'Neo4j at bolt://127.0.0.1:7798 is unavailable: Failed to connect to server: connect ECONNREFUSED 127.0.0.1:7798']);
  });

  it('a deadlock is SERVICE_UNAVAILABLE for the client, but not Neo4j down: other requests go on', () => {
    const deadlock = new Neo4jError("ForsetiClient[transactionId=44] can't acquire ExclusiveLock\nmore", 'Neo.TransientError.Transaction.DeadlockDetected', '50N00', 'error');
    const mapped = mapNeo4jError(deadlock, 'bolt://x');
    expect(mapped).toBeInstanceOf(DatabaseTransientError);
    expect(mapped).not.toBeInstanceOf(DatabaseUnavailableError);
    expect(mapped).toMatchObject({ message: "ForsetiClient[transactionId=44] can't acquire ExclusiveLock", code: 'Neo.TransientError.Transaction.DeadlockDetected', retryable: true });
    const classified = classifyError(mapped, 'Unexpected error.', () => expect.unreachable());
    expect(classified.message).toBe('The graph database could not run the query just now; try again shortly.');
    expect(classified.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', http: { status: 503 } });
  });

  it("a full-text search past Lucene's clause limit is the client's words: BAD_USER_INPUT saying to use fewer, not masked", () => {
    const tooMany = new Neo4jError(
      'Failed to invoke procedure `db.index.fulltext.queryNodes`: Caused by: org.apache.lucene.search.IndexSearcher$TooManyClauses: maxClauseCount is set to 1024',
      'Neo.ClientError.Procedure.ProcedureCallFailed',
      '52N37',
      'error',
    );
    const mapped = mapNeo4jError(tooMany, 'bolt://x');
    expect(mapped).toBeInstanceOf(FullTextTooBroadError);
    const classified = classifyError(mapped, 'Unexpected error.', () => expect.unreachable());
    expect([classified.message, classified.extensions]).toEqual([
      'The full-text search behind this field got more words than it can match at once (Lucene allows 1,024 terms across the fields it searches); search with fewer words.',
      { code: 'BAD_USER_INPUT' },
    ]);
    // Another procedure failure stays ours: masked and logged.
    const other = mapNeo4jError(new Neo4jError('Failed to invoke procedure `x`: Caused by: java.lang.NullPointerException', 'Neo.ClientError.Procedure.ProcedureCallFailed', '52N37', 'error'), 'bolt://x');
    expect(other).not.toBeInstanceOf(FullTextTooBroadError);
  });

  it('a database that is stopping is Neo4j down, though its code is transient too', () => {
    const stopping = new Neo4jError('database is stopping', 'Neo.TransientError.General.DatabaseUnavailable', '50N00', 'error');
    expect(mapNeo4jError(stopping, 'bolt://x')).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('a broken connection is unavailability, not an internal error', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(mapNeo4jError(reset, 'bolt://x')).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('our own bugs are masked and handed to the log', () => {
    const logged: unknown[] = [];
    const bug = new TypeError('x is undefined');
    const classified = classifyError(bug, 'Unexpected error.', (error) => logged.push(error));
    expect(classified.message).toBe('Unexpected error.');
    expect(classified.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(logged).toEqual([bug]);
  });
});

describe('HTTP edges', () => {
  const post = (contentType: string, body: string, headers: Record<string, string> = {}) =>
    yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });

  it.each([
    ['application/x-www-form-urlencoded', 'query=%7B__typename%7D'],
    ['multipart/form-data', '--x--'],
    ['text/plain', '{"query":"{ __typename }"}'],
  ])('refuses %s with 415 and a JSON error', async (type, body) => {
    const response = await post(type, body);
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      errors: [{ message: `Content-Type '${type}' is not accepted; send application/json or application/graphql.`, extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }],
    });
  });

  it('refuses a compressed body with 415 naming its encoding, instead of reading it as invalid JSON', async () => {
    const response = await post('application/json', '{"query":"{ __typename }"}', { 'content-encoding': 'gzip' });
    expect([response.status, response.headers.get('accept-encoding'), await response.json()]).toEqual([
      415,
      'identity',
      { errors: [{ message: "Content-Encoding 'gzip' is not accepted; send the body uncompressed.", extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] },
    ]);
  });

  it('bad GET variables are 400, not 500', async () => {
    const response = await yoga.fetch('http://yoga/graphql?query=%7B__typename%7D&variables=%7Bnot', { headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: "The 'variables' parameter must be a JSON object.", extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('a GET without a CSRF header is refused with 403', async () => {
    const response = await yoga.fetch('http://yoga/graphql?query=%7B__typename%7D');
    expect([response.status, await response.json()]).toEqual([
      403,
      {
        errors: [
          {
            message: 'A GET request needs the header x-graphql-yoga-csrf (any value), which keeps other sites from sending requests in your name; a POST with Content-Type application/json needs none.',
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      },
    ]);
  });

  it('406 and 404 have a JSON body that says why', async () => {
    const notAcceptable = await post('application/json', '{"query":"{ __typename }"}', { accept: 'text/csv' });
    expect(notAcceptable.status).toBe(406);
    expect(codes((await notAcceptable.json()) as never)).toEqual(['NOT_ACCEPTABLE']);
    const notFound = await yoga.fetch('http://yoga/nowhere');
    expect(notFound.status).toBe(404);
    expect(codes((await notFound.json()) as never)).toEqual(['NOT_FOUND']);
  });

  // The GraphQL-over-HTTP spec's examples: 400 for a request that is not well-formed under both media types, and
  // under application/json 200 for a document that does not parse (a GraphQL error, not an HTTP one).
  it.each([
    ['NONSENSE', 'application/json', 400, 'POST body sent invalid JSON.', 'BAD_REQUEST'],
    ['{"query":', 'application/json', 400, 'POST body sent invalid JSON.', 'BAD_REQUEST'],
    ['{"qeury": "{ __typename }"}', 'application/json', 400, 'Unexpected parameter "qeury" in the request body.', 'BAD_REQUEST'],
    ['{}', 'application/json', 400, 'Must provide query string.', 'BAD_REQUEST'],
    ['{"query": "{ __typename }", "variables": [7]}', 'application/json', 400, 'Expected "variables" param to be empty or an object, but given array.', 'BAD_REQUEST'],
    ['NONSENSE', 'application/graphql-response+json', 400, 'POST body sent invalid JSON.', 'BAD_REQUEST'],
    ['{"query": "{"}', 'application/json', 200, 'Syntax Error: Expected Name, found <EOF>.', 'GRAPHQL_PARSE_FAILED'],
    ['{"query": "{"}', 'application/graphql-response+json', 400, 'Syntax Error: Expected Name, found <EOF>.', 'GRAPHQL_PARSE_FAILED'],
  ])('answers the body %s under Accept: %s with %i', async (body, accept, status, message, code) => {
    const response = await post('application/json', body, { accept });
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(answer.errors.map((error) => [error.message, error.extensions.code])).toEqual([[message, code]]);
  });

  // A response without data (the variables, the document's operation, the request's limits): 4xx under
  // application/graphql-response+json, 200 under application/json, as the GraphQL-over-HTTP spec asks.
  it.each([
    ['{"query": "query ($n: Int) { states(first: $n) { totalCount } }", "variables": {"n": "ten"}}', 'BAD_USER_INPUT'],
    ['{"query": "query ($n: Int!) { states(first: $n) { totalCount } }"}', 'BAD_USER_INPUT'],
    ['{"query": "subscription { x }"}', 'GRAPHQL_VALIDATION_FAILED'],
    ['{"query": "mutation { x }"}', 'GRAPHQL_VALIDATION_FAILED'],
    // Over the token limit: a document that does not parse, though the error has no position in it.
    [`{"query": "{ ${Array.from({ length: 1100 }, (_, index) => `a${index}: __typename`).join(' ')} }"}`, 'GRAPHQL_PARSE_FAILED'],
    [`{"query": "{ search(query: \\"${'a'.repeat(1001)}\\") { __typename } }"}`, 'BAD_USER_INPUT'],
  ])('answers %s, which leaves no data, with 400 or 200 by media type', async (body, code) => {
    for (const [accept, status] of [['application/graphql-response+json', 400], ['application/json', 200]] as const) {
      const response = await post('application/json', body, { accept });
      expect([accept, response.status]).toEqual([accept, status]);
      const answer = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
      expect(['data' in answer, answer.errors.map((error) => error.extensions.code)]).toEqual([false, [code]]);
    }
  });

  it('refuses a mutation before execution, saying the API only reads', async () => {
    const response = await post('application/json', '{"query": "mutation { x }"}', { accept: 'application/json' });
    expect([response.status, await response.json()]).toEqual([
      200,
      {
        errors: [
          {
            message: 'This API is read-only: its schema has no mutations. The graph is written by loading Cypher files (npm run load).',
            locations: [{ line: 1, column: 1 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
    ]);
  });

  it.each([
    ['{"query": "query A { __typename } query B { __typename }"}', "The document has 2 operations ('A', 'B'); say which to run with operationName."],
    ['{"query": "query A { __typename }", "operationName": "Z"}', "The document has no operation named 'Z'; its operations: 'A'."],
    ['{"query": "{ __typename } { __schema { queryType { name } } }"}', 'The document has 2 operations ((unnamed), (unnamed)); name each (query Name { … }) and say which to run with operationName.'],
  ])('says which operations a document has when the request does not choose one: %s', async (body, message) => {
    const response = await post('application/json', body, { accept: 'application/json' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message, extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }] });
  });

  it('a bad JSON body does not come back in the error', async () => {
    const response = await post('application/json', `{"query": "${'a'.repeat(10_000)}`);
    expect(await response.json()).toEqual({ errors: [{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('CORS allows any origin, never with credentials; CORS_ORIGINS narrows it', async () => {
    const any = await post('application/json', '{"query":"{ __typename }"}', { origin: 'https://analyst.example' });
    expect(any.headers.get('access-control-allow-origin')).toBe('https://analyst.example');
    expect(any.headers.get('access-control-allow-credentials')).toBeNull();
    const narrow = createCstoYoga({ db, logger, corsOrigins: ['https://a.example', 'https://b.example'] });
    const refused = await narrow.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{"query":"{ __typename }"}',
    });
    expect(refused.headers.get('access-control-allow-origin')).toBe('null');
  });
});

describe('the request log', () => {
  it('writes one line per request with its id, operation, outcome and round trips', async () => {
    lines.length = 0;
    await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' },
      body: JSON.stringify({ query: 'query Named { nosuch }' }),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: 'req-1', method: 'POST', path: '/graphql', status: 200, outcome: 'GRAPHQL_VALIDATION_FAILED', cypherRoundTrips: 0, msg: 'request' });
    expect(typeof lines[0]!.durationMs).toBe('number');
  });

  it('escapes control characters and truncates client input', () => {
    expect(loggable('a\u0000b\nc')).toBe('a?b?c');
    expect(loggable('z'.repeat(150))).toBe(`${'z'.repeat(100)}…`);
  });
});
