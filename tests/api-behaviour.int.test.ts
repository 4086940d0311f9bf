/** How the API behaves around the database: round trips, read-only access, masking, outages and recovery. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyError } from '../src/api/client-errors.js';
import { GraphDatabase, DatabaseQueryError, DatabaseTransientError } from '../src/database/graph-database.js';
import { startManagedNeo4j } from '../src/neo4j/managed-neo4j.js';
import { createCstoYoga } from '../src/yoga.js';
import { execute, query } from './support/graphql-client.js';
import { openTestDatabase, testNeo4j } from './support/test-neo4j.js';

const db = openTestDatabase();
afterAll(() => db.close());

describe('database round trips', () => {
  it('are one per root field, however deep the selection', async () => {
    const queries: string[] = [];
    const stopCounting = db.onQuery((cypher) => queries.push(cypher));
    const yoga = createCstoYoga({ db });
    const data = await query(
      yoga,
      `{ helpRequests(addressee: "csto") {
           requester { name ... on State { memberships { organization { name } } timeline { name participants { entity { name } } } } }
           evidence { quote }
         } }`,
    );
    stopCounting();
    expect(data.helpRequests).toHaveLength(5);
    // The planner compiles memberships, timeline, participants and evidence into the helpRequests query.
    expect(queries).toHaveLength(1);
  });
});

describe('read-only access', () => {
  it('runs API queries in READ transactions, so a write is refused and nothing is written', async () => {
    await expect(db.read('CREATE (n:ShouldNeverExist) RETURN n')).rejects.toThrow(DatabaseQueryError);
    const [row] = await db.read<{ count: number }>('MATCH (n:ShouldNeverExist) RETURN count(n) AS count');
    expect(row).toEqual({ count: 0 });
  });
});

describe('internal errors', () => {
  it('are logged for the operator and masked for the client', async () => {
    const logged: unknown[] = [];
    const broken = new GraphDatabase({ ...testNeo4j(), database: 'no-such-database' });
    const yoga = createCstoYoga({ db: broken, logError: (error) => logged.push(error) });
    const result = await execute(yoga, '{ thing(id: "csto") { name } }');
    await broken.close();
    expect(result.errors).toEqual([
      expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    ]);
    expect(JSON.stringify(result)).not.toContain('no-such-database');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toBeInstanceOf(DatabaseQueryError);
    expect((logged[0] as DatabaseQueryError).code).toBe('Neo.ClientError.Database.DatabaseNotFound');
  });
});

describe('a query Neo4j aborts', () => {
  it('fails that request with SERVICE_UNAVAILABLE, and Neo4j is not marked down for the others', async () => {
    const slow = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 9 RETURN count(*) AS n';
    const reading = db.read(slow).then(
      () => expect.unreachable('the query was not terminated'),
      (error: unknown) => error,
    );
    // An operator stops it, as TERMINATE TRANSACTION does to a runaway query.
    const session = db.writeSession();
    try {
      for (;;) {
        const found = await session.run('SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery = $slow RETURN transactionId', { slow });
        const id = found.records[0]?.get('transactionId') as string | undefined;
        if (id) {
          await session.run('TERMINATE TRANSACTION $id', { id });
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await session.close();
    }
    const error = await reading;
    expect(error).toBeInstanceOf(DatabaseTransientError);
    expect(error).toMatchObject({ code: 'Neo.ClientError.Transaction.Terminated', retryable: false });
    const classified = classifyError(error, 'Unexpected error.', () => expect.unreachable());
    expect(classified.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', http: { status: 503 } });
    // One aborted query says nothing about the database: the next one runs at once.
    expect(db.isKnownDown).toBe(false);
    expect(await db.read('RETURN 1 AS ok')).toEqual([{ ok: 1 }]);
  });
});

describe('a Neo4j outage', () => {
  it('answers SERVICE_UNAVAILABLE and /ready 503 while Neo4j is down, and recovers when it is back', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'csto-graph-outage-'));
    const quiet = () => {};
    let neo4j = await startManagedNeo4j({ dataDir, boltPort: 0, password: 'outage-test', log: quiet });
    const port = Number(new URL(neo4j.uri).port);
    const outageDb = new GraphDatabase({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password });
    const yoga = createCstoYoga({ db: outageDb, logError: quiet });
    const ready = async () => (await yoga.fetch('http://yoga/ready')).status;
    try {
      expect(await ready()).toBe(200);
      expect(await execute(yoga, '{ states { totalCount } }')).toEqual({ data: { states: { totalCount: 0 } }, extensions: { cost: { estimatedRows: 20, budget: 25_000 } } });

      await neo4j.stop();
      expect(await ready()).toBe(503);
      const down = await execute(yoga, '{ states { totalCount } }');
      expect(down.errors).toEqual([
        expect.objectContaining({ message: 'The graph database is unavailable; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }),
      ]);

      neo4j = await startManagedNeo4j({ dataDir, boltPort: port, password: 'outage-test', log: quiet });
      expect(await ready()).toBe(200);
      expect(await execute(yoga, '{ states { totalCount } }')).toEqual({ data: { states: { totalCount: 0 } }, extensions: { cost: { estimatedRows: 20, budget: 25_000 } } });
    } finally {
      await outageDb.close();
      await neo4j.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
