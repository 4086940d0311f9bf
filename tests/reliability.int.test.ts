/**
 * Reliability against a real Neo4j: a seeded 1,000-query fuzz with no defects and no writes; Neo4j's transaction
 * timeout as QUERY_TIMEOUT; and, on a Neo4j of this file's own, a hang (SIGSTOP), a resume (SIGCONT) and a kill,
 * with the deadlines, the fail-fast answers and the supervisor's restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GraphDatabase, QueryTimeoutError } from '../src/database/graph-database.js';
import { runInQueryScope } from '../src/database/query-scope.js';
import { startManagedNeo4j } from '../src/neo4j/managed-neo4j.js';
import { superviseNeo4j } from '../src/neo4j/supervise-neo4j.js';
import { fuzz, groupDefects, httpSender } from '../src/reliability/fuzzer.js';
import { createCstoYoga, type CstoYoga } from '../src/yoga.js';
import { execute } from './support/graphql-client.js';
import { countGraph } from './support/graph-snapshot.js';
import { openTestDatabase } from './support/test-neo4j.js';

const db = openTestDatabase();
afterAll(() => db.close());

/**
 * Unknown global ids in node()/nodes() and crafted cursors are being fixed in the schema rewrite (the planner),
 * not here; until that lands they are reported by `npm run fuzz` but not failed on in this test.
 */
describe('a seeded fuzz of 1,000 queries', () => {
  it('finds no masked or code-less error, and writes nothing', async () => {
    const before = await countGraph(db);
    const yoga = createCstoYoga({ db });
    // Two at a time: most of a fuzzed query's time is Neo4j planning a new query text, which uses one core.
    const report = await fuzz({ send: httpSender('http://yoga', (url, init) => yoga.fetch(url, init)), count: 1000, seed: 1, concurrency: 2 });
    console.log(`[fuzz] ${report.sent} sent; by status ${JSON.stringify(report.byStatus)}; by code ${JSON.stringify(report.byCode)}`);
    expect(groupDefects(report.defects).map(({ defect }) => defect)).toEqual([]);
    expect(report.sent).toBe(1000);
    expect(await countGraph(db)).toEqual(before);
  }, 600_000);
});

describe('deadlines', () => {
  it("a query past its deadline is stopped by Neo4j's transaction timeout and counted as one round trip", async () => {
    const scope = { deadline: Date.now() + 300, roundTrips: 0 };
    const slow = 'UNWIND range(1, 500000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*) AS n';
    await expect(runInQueryScope(scope, () => db.read(slow))).rejects.toThrow(QueryTimeoutError);
    expect(scope.roundTrips).toBe(1);
    // A timeout is the query's fault, not the database's: Neo4j is not marked down, the next query runs.
    expect(db.isKnownDown).toBe(false);
    expect(await db.read('RETURN 1 AS ok')).toEqual([{ ok: 1 }]);
  });
});

/** Resolves with how long `fn` took, in milliseconds, alongside its result. */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: Math.round(performance.now() - started), value };
}

async function untilAnswering(yoga: CstoYoga): Promise<number> {
  const started = performance.now();
  for (;;) {
    const result = await execute(yoga, '{ states { totalCount } }');
    if (result.data?.states) return Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('a hung, resumed and killed Neo4j', () => {
  it('answers within the deadline while hung, fails fast, recovers, and is restarted after a kill', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'csto-graph-reliability-'));
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const first = await startManagedNeo4j({ dataDir, boltPort: 0, password: 'reliability-test', log });
    const own = new GraphDatabase({ uri: first.uri, username: first.username, password: first.password, log });
    const requestTimeoutMs = 2_000;
    const yoga = createCstoYoga({ db: own, requestTimeoutMs });
    const supervisor = superviseNeo4j(first, { log, onGiveUp: (message) => lines.push(`gave up: ${message}`), backoffMs: [500] });
    const figures: Record<string, number> = {};
    try {
      // A cold Neo4j on a busy machine may need more than one deadline for its first plan.
      await untilAnswering(yoga);
      expect(await execute(yoga, '{ states { totalCount } }')).toEqual({ data: { states: { totalCount: 0 } }, extensions: { cost: { estimatedRows: 20, budget: 25_000 } } });

      process.kill(first.pid, 'SIGSTOP');
      // These answers arrive while Neo4j is still stopped: the deadline, not Neo4j, ends the request.
      const hung = await timed(() => execute(yoga, '{ states { totalCount } }'));
      expect(['QUERY_TIMEOUT', 'SERVICE_UNAVAILABLE']).toContain(hung.value.errors?.[0]?.extensions?.code);
      expect(hung.value.errors).toHaveLength(1);
      figures.hungRequestMs = hung.ms;
      const ready = await timed(async () => yoga.fetch('http://yoga/ready'));
      expect(ready.value.status).toBe(503);
      figures.readyWhileHungMs = ready.ms;
      // The failed probe marked Neo4j down: from now on requests fail at once.
      const knownDown = await timed(() => execute(yoga, '{ states { totalCount } }'));
      expect(knownDown.value.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      figures.knownDownRequestMs = knownDown.ms;

      process.kill(first.pid, 'SIGCONT');
      figures.recoveryAfterResumeMs = await untilAnswering(yoga);

      process.kill(first.pid, 'SIGKILL');
      const killed = await execute(yoga, '{ states { totalCount } }');
      expect(killed.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      figures.recoveryAfterKillMs = await untilAnswering(yoga);
      // Neo4j answers Bolt a moment before its start-up (and so the supervisor's restart) has finished.
      while (!lines.includes(`Neo4j is back after restart 1 (pid ${supervisor.current.pid}).`)) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(supervisor.restarts).toBe(1);
      expect(supervisor.current.pid).not.toBe(first.pid);
      expect(lines).toContain('Neo4j exited unexpectedly (SIGKILL); restart 1 in 0.5 s on the same data, port and password…');
      expect(lines.filter((line) => line.startsWith('gave up'))).toEqual([]);
      console.log(`[reliability] deadline ${requestTimeoutMs} ms; ${JSON.stringify(figures)}`);
    } finally {
      await own.close();
      await supervisor.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 900_000);
});
