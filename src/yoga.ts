/** The Yoga instance: schema, limits, error masking, GraphiQL, /health and /ready. It does not listen. */
import { useEngine } from '@envelop/core';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { PothosValidationError } from '@pothos/core';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { execute, GraphQLError } from 'graphql';
import { createYoga, maskError, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { Context } from './context.js';
import { DatabaseUnavailableError, type GraphDatabase } from './database/graph-database.js';
import { exampleOperations } from './example-operations.js';
import { useExplorer } from './explorer/explorer-routes.js';
import { useCompressedPages } from './http/compressed-pages.js';
import { openOnTab } from './http/graphiql-first-tab.js';
import { limits } from './limits.js';
import { useQueryCost } from './planner/query-cost.js';
import { schema } from './schema/index.js';

export interface YogaOptions {
  db: GraphDatabase;
  /** Where masked internal errors are logged for the operator. Default console.error. */
  logError?: (error: unknown) => void;
}

export type CstoYoga = YogaServerInstance<Record<string, unknown>, Context>;

/** Keeps errors a client should see (a GraphQLError with a code); masks the rest after logging it. */
function clientError(error: unknown, message: string, logError: (error: unknown) => void): Error {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof DatabaseUnavailableError) {
    return new GraphQLError('The graph database is unavailable; try again shortly.', {
      extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
    });
  }
  if (original instanceof GraphQLError && original.extensions?.code) return original;
  // Pothos rejects bad connection arguments: the client's to fix, so shown with a code.
  if (original instanceof PothosValidationError) {
    return new GraphQLError(original.message, { nodes: error instanceof GraphQLError ? error.nodes : undefined, extensions: { code: 'BAD_USER_INPUT' } });
  }
  // Parse and validation errors (including the depth, alias and token limits) have no original error.
  if (error instanceof GraphQLError && !error.originalError) {
    return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...error.extensions } });
  }
  logError(original);
  return maskError(error, message, false);
}

export function createCstoYoga(options: YogaOptions): CstoYoga {
  const logError = options.logError ?? ((error: unknown) => console.error('[graphql] internal error:', error));
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => ({ db: options.db }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // Internal errors are logged once, by maskError below, with the original error; Yoga's own log would repeat them.
    logging: false,
    // GraphiQL is the analysts' tool, so it is served in production too; its assets come from the package, not a CDN.
    graphiql: {
      title: 'csto-graph',
      ...openOnTab(exampleOperations[0]!),
      defaultTabs: exampleOperations.map(({ query, variables }) => ({
        query,
        variables: variables ? JSON.stringify(variables, null, 2) : null,
      })),
    },
    renderGraphiQL,
    maskedErrors: {
      maskError: (error, message) => clientError(error, message, logError),
    },
    plugins: [
      // graphql-js's executor writes response keys in selection order; Yoga's default writes async ones as they resolve.
      useEngine({ execute }),
      useCompressedPages(),
      useExplorer(),
      EnvelopArmorPlugin({
        maxDepth: { n: limits.depth },
        maxAliases: { n: limits.aliases },
        maxTokens: { n: limits.tokens },
        maxDirectives: { n: 20 },
        // Cost is estimated from the query plan (useQueryCost), which knows each list's size.
        costLimit: { enabled: false },
        // Field suggestions help analysts in GraphiQL and reveal nothing the introspection does not.
        blockFieldSuggestion: { enabled: false },
      }),
      useQueryCost(limits.cost),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          try {
            await options.db.ping();
            return true;
          } catch {
            return false;
          }
        },
      }),
    ],
  });
}
