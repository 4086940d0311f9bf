/** Runs operations against the Yoga instance in-process (`yoga.fetch`), as the examples in graphql-yoga do. */
import type { CstoYoga } from '../../src/yoga.js';

export interface GraphQLResponse<Data = any> {
  data?: Data;
  errors?: { message: string; locations?: { line: number; column: number }[]; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export async function execute<Data = any>(yoga: CstoYoga, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Data>> {
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}

/** Runs an operation that must succeed, and returns its data. */
export async function query<Data = any>(yoga: CstoYoga, operation: string, variables?: Record<string, unknown>): Promise<Data> {
  const result = await execute<Data>(yoga, operation, variables);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data!;
}
