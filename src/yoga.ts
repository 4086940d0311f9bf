/** The Yoga instance: schema, limits, error classification, GraphiQL, the explorer, /health and /ready. It does not listen. */
import { useEngine } from '@envelop/core';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { execute, GraphQLError, type ValidationContext } from 'graphql';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { classifyError, csrfHeader } from './api/client-errors.js';
import { useHttpGuards } from './api/http-guards.js';
import { useLiteralArguments } from './api/literal-arguments.js';
import { useOperationChoice } from './api/operation-choice.js';
import { readInputLimits, useInputLimits, type InputLimits } from './api/input-limits.js';
import { createLogger, useRequestLog } from './api/request-log.js';
import { readRequestTimeoutMs } from './config.js';
import type { Context } from './context.js';
import type { GraphDatabase } from './database/graph-database.js';
import { currentQueryScope } from './database/query-scope.js';
import { exampleOperations } from './example-operations.js';
import { useExplorer } from './explorer/explorer-routes.js';
import { useCompressedPages } from './http/compressed-pages.js';
import { openOnTab, renderGraphiQLWithAskedQuery } from './http/graphiql-first-tab.js';
import { limits } from './limits.js';
import { useQueryCost } from './planner/query-cost.js';
import { schema } from './schema/index.js';

export interface YogaOptions {
  db: GraphDatabase;
  /** Where request lines and masked internal errors go. Default: pino JSON lines on stdout (env CSTO_LOG_LEVEL, default info). */
  logger?: Logger;
  /** Also receives each masked internal error. Default: none (the logger has it). */
  logError?: (error: unknown) => void;
  /** Deadline of one request, in milliseconds. Default 10000 (env CSTO_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Longest list and string argument. Default 100 items and 1000 characters (env CSTO_MAX_LIST_LENGTH, CSTO_MAX_STRING_LENGTH). */
  inputLimits?: InputLimits;
  /** Origins allowed by CORS, never with credentials. Default: any origin (env CORS_ORIGINS, comma-separated, narrows it). */
  corsOrigins?: string[];
}

export type CstoYoga = YogaServerInstance<Record<string, unknown>, Context>;

/** Reads CORS_ORIGINS: a comma-separated list of origins; unset means any origin. */
export function readCorsOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

const graphqlEndpoint = '/graphql';

/**
 * graphql-armor reports a document over a limit as "Syntax Error: …", which it is not: its validation rules report
 * the same finding through the validation context instead, without the prefix (still GRAPHQL_VALIDATION_FAILED).
 */
const reportedAsLimits = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      // Without a context to report to, the rejection must still stop the operation.
      if (!context) throw error;
      context.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
    },
  ],
};

export function createCstoYoga(options: YogaOptions): CstoYoga {
  const logger = options.logger ?? createLogger();
  const logError = (error: unknown) => {
    logger.error({ requestId: currentQueryScope()?.requestId, err: error }, 'internal error (masked for the client)');
    options.logError?.(error);
  };
  const corsOrigins = options.corsOrigins ?? readCorsOrigins();
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => ({ db: options.db }),
    graphqlEndpoint,
    healthCheckEndpoint: '/health',
    landingPage: false,
    // Every line is written by the request log and classifyError; Yoga's own log would repeat them unstructured.
    logging: false,
    // Multipart is only for file uploads, which the API has none of; it is also a cross-site request without preflight.
    multipart: false,
    cors: { origin: corsOrigins.length ? corsOrigins : ['*'], credentials: false },
    // GraphiQL is the analysts' tool, so it is served in production too; its assets come from the package, not a CDN.
    graphiql: {
      title: 'csto-graph',
      ...openOnTab(exampleOperations[0]!),
      defaultTabs: exampleOperations.map(({ query, variables }) => ({
        query,
        variables: variables ? JSON.stringify(variables, null, 2) : null,
      })),
    },
    renderGraphiQL: renderGraphiQLWithAskedQuery,
    maskedErrors: {
      maskError: (error, message) => classifyError(error, message, logError),
    },
    plugins: [
      // graphql-js's executor writes response keys in selection order; Yoga's default writes async ones as they resolve.
      useEngine({ execute }),
      useRequestLog({ logger, requestTimeoutMs: options.requestTimeoutMs ?? readRequestTimeoutMs() }),
      useHttpGuards(graphqlEndpoint),
      useOperationChoice(),
      useLiteralArguments(),
      // Every GET needs this header (GraphiQL sends JSON POSTs, which browsers preflight anyway).
      useCSRFPrevention({ requestHeaders: [csrfHeader, 'apollo-require-preflight'] }),
      useCompressedPages(),
      useExplorer(),
      EnvelopArmorPlugin({
        maxDepth: { n: limits.depth, ...reportedAsLimits },
        maxAliases: { n: limits.aliases, ...reportedAsLimits },
        maxTokens: { n: limits.tokens },
        maxDirectives: { n: limits.directives, ...reportedAsLimits },
        // Cost is estimated from the query plan (useQueryCost), which knows each list's size.
        costLimit: { enabled: false },
        // Field suggestions help analysts in GraphiQL and reveal nothing the introspection does not.
        blockFieldSuggestion: { enabled: false },
      }),
      useInputLimits(options.inputLimits ?? readInputLimits()),
      useQueryCost(limits.cost),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          try {
            // ping() gives up after 1.5 s, so /ready answers within 2 s even when Neo4j hangs.
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
