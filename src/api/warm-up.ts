/**
 * After a start, the queries an analyst meets first (GraphiQL's example tabs, the explorer's neighbourhood) run
 * once through the whole API, so that Neo4j has planned them, and the JIT compiled its planner, before the
 * analyst's first query. On a warm start the README's help-request query otherwise took about 3 s, and 0.05 s
 * the second time: a freshly started Neo4j plans a query of that size slowly.
 */
import { exampleOperations, type ExampleOperation } from '../example-operations.js';
import { neighbourhoodQuery } from '../explorer/subgraph.js';
import type { CstoYoga } from '../yoga.js';

/** GraphiQL's tabs, then the explorer's query around the CSTO. */
export const warmUpOperations: readonly ExampleOperation[] = [
  ...exampleOperations,
  { title: "The explorer's neighbourhood", query: neighbourhoodQuery, variables: { id: 'csto', depth: 1, limit: 100 } },
];

export interface WarmUpReport {
  /** Operations run, and how many of them answered with errors (the request log has each error). */
  ran: number;
  failed: number;
  seconds: number;
}

/** Runs `operations` one after another (a second at once would only compete for the same cores); stops early when `signal` aborts. */
export async function warmUp(yoga: CstoYoga, signal: AbortSignal, operations: readonly ExampleOperation[] = warmUpOperations): Promise<WarmUpReport> {
  const started = performance.now();
  let ran = 0;
  let failed = 0;
  for (const { query, variables } of operations) {
    if (signal.aborted) break;
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      // Its lines in the request log say what sent them.
      headers: { 'content-type': 'application/json', 'x-request-id': `warm-up-${ran + 1}` },
      body: JSON.stringify({ query, variables }),
    });
    const result = (await response.json()) as { errors?: unknown[] };
    ran += 1;
    if (!response.ok || result.errors?.length) failed += 1;
  }
  return { ran, failed, seconds: (performance.now() - started) / 1000 };
}
