/**
 * What one API request lends every database round trip it causes: its deadline, and a counter of round trips.
 * Carried by AsyncLocalStorage because resolvers (and their dataloaders) call GraphDatabase without a request handle.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface QueryScope {
  /** Epoch milliseconds after which no query of this request may still run. */
  deadline: number;
  /** Round trips to Neo4j so far; GraphDatabase increments it. */
  roundTrips: number;
  /** The request's id, so that a log line written deep inside it can name the request. */
  requestId?: string;
}

const storage = new AsyncLocalStorage<QueryScope>();

/** Runs `fn` with `scope` as the current query scope of everything it awaits. */
export function runInQueryScope<T>(scope: QueryScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the request being served, or undefined outside a request (loader, bench, tests). */
export function currentQueryScope(): QueryScope | undefined {
  return storage.getStore();
}
