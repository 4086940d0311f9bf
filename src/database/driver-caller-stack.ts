/**
 * neo4j-driver formats its caller's stack for every query it runs, to give that stack to the query's failure. With
 * source maps on (tsx), that costs about 50 µs a query, and the loader runs some 35 queries a file: a twentieth of
 * its Node CPU on a large file set. The loader names the file and line of a failure itself, so it runs its queries
 * without that stack.
 */
import type { Result } from 'neo4j-driver';

/** What runs a query: a driver Transaction or ManagedTransaction. */
export interface QueryRunner {
  run(query: string, parameters?: Record<string, unknown>): Result;
}

/** `runner.run(query, parameters)`, with no stack frames captured while the driver builds its Result. */
export function runWithoutCallerStack(runner: QueryRunner, query: string, parameters?: Record<string, unknown>): Result {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return runner.run(query, parameters);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
