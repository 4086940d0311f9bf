/**
 * Neo4j's own measure of the work a contender asks of it: every Cypher query it sends for an operation, run once
 * more under PROFILE, with the database hits of every operator of its plan summed. In-process copies of ours and
 * of @neo4j/graphql record the queries they send; raw Cypher is its own query.
 */
import neo4j, { type Driver, type ProfiledPlan, type QueryResult, type Session } from 'neo4j-driver';
import { type GraphDatabase, toCypherParameters } from '../database/graph-database.js';
import { createLogger } from '../api/request-log.js';
import { createCstoYoga } from '../yoga.js';
import type { ContenderId } from './contenders.js';
import { createNeo4jGraphqlYoga } from './neo4j-graphql-contender.js';
import type { BenchOperation } from './operations.js';

type Query = { text: string; parameters: Record<string, unknown> };

const sumHits = (plan: ProfiledPlan): number => plan.dbHits + plan.children.reduce((total, child) => total + sumHits(child), 0);

/** PROFILE goes after any `CYPHER …` option lines, which @neo4j/graphql puts first. */
const profiled = (text: string) => text.replace(/^((?:CYPHER[^\n]*\n)*)/, '$1PROFILE ');

/** Wraps a driver so that every query run in a session's read or write transaction is recorded. */
function recordingDriver(driver: Driver, record: (query: Query) => void): Driver {
  const bindAll = <T extends object>(target: T, override: (key: string | symbol) => unknown) =>
    new Proxy(target, {
      get(object, key) {
        const replaced = override(key);
        if (replaced !== undefined) return replaced;
        const value = Reflect.get(object, key, object);
        return typeof value === 'function' ? value.bind(object) : value;
      },
    });
  const recordingTransaction = <T extends object>(tx: T) =>
    bindAll(tx, (key) => (key === 'run' ? (text: string, parameters: Record<string, unknown>) => (record({ text, parameters }), (tx as unknown as Session).run(text, parameters)) : undefined));
  return bindAll(driver, (key) =>
    key === 'session'
      ? (config: Parameters<Driver['session']>[0]) => {
          const session = driver.session(config);
          return bindAll(session, (method) =>
            method === 'executeRead' || method === 'executeWrite'
              ? (work: (tx: object) => unknown, transactionConfig?: object) => (session[method] as Function).call(session, (tx: object) => work(recordingTransaction(tx)), transactionConfig)
              : undefined,
          );
        }
      : undefined,
  );
}

export interface DbHitsProfiler {
  /** Database hits per contender for one operation, summed over every query the contender sends for it. */
  measure(operation: BenchOperation): Promise<Partial<Record<ContenderId, number>>>;
  close(): Promise<void>;
}

export async function createDbHitsProfiler(db: GraphDatabase, credentials: { username: string; password: string }): Promise<DbHitsProfiler> {
  const ours = createCstoYoga({ db, logger: createLogger('warn') });
  let recorded: Query[] = [];
  const stopRecording = db.onQuery((text, parameters) => recorded.push({ text, parameters: toCypherParameters(parameters) as Record<string, unknown> }));
  const driver = neo4j.driver(db.uri, neo4j.auth.basic(credentials.username, credentials.password));
  const neo4jGraphql = await createNeo4jGraphqlYoga(recordingDriver(driver, (query) => recorded.push(query)), db.database);

  const profile = async (queries: Query[]) => {
    let hits = 0;
    for (const { text, parameters } of queries) {
      const result: QueryResult = await db.driver.executeQuery(profiled(text), parameters, { routing: neo4j.routing.READ, database: db.database });
      hits += result.summary.profile ? sumHits(result.summary.profile) : 0;
    }
    return hits;
  };
  const queriesOf = async (ask: () => Response | Promise<Response>) => {
    recorded = [];
    await (await ask()).text();
    return recorded;
  };
  const post = (yoga: { fetch: (url: string, init: RequestInit) => Response | Promise<Response> }, { query, variables }: { query: string; variables?: unknown }) =>
    yoga.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });

  return {
    measure: async (operation) => ({
      ours: await profile(await queriesOf(() => post(ours, operation.ours))),
      neo4jGraphql: await profile(await queriesOf(() => post(neo4jGraphql, operation.neo4jGraphql))),
      cypher: await profile([{ text: operation.cypher.query, parameters: toCypherParameters(operation.cypher.params) as Record<string, unknown> }]),
    }),
    close: async () => {
      stopRecording();
      await driver.close();
    },
  };
}
