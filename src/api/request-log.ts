/**
 * One JSON log line per request (pino): request id, operation name, duration, Neo4j round trips, HTTP status and
 * outcome code. The same plugin gives each request its query scope, so its deadline reaches every Cypher query.
 */
import { randomUUID } from 'node:crypto';
import { getOperationAST, GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { pino, type Logger } from 'pino';
import { runInQueryScope, type QueryScope } from '../database/query-scope.js';

/** Longest piece of client input (operation name, request id) written to the log. */
const maxLoggedInput = 100;

/** Client input for the log: truncated, and stripped of control characters so the log stays greppable text. */
export function loggable(value: unknown, max = maxLoggedInput): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The logger the API uses unless given one: JSON lines on stdout at CSTO_LOG_LEVEL (default info). */
export function createLogger(level = process.env.CSTO_LOG_LEVEL || 'info'): Logger {
  return pino({
    level,
    base: undefined,
    serializers: {
      // Our errors may quote a parameter; keep their messages short, their stacks (our own code) whole.
      err: (error: Error) => ({ type: error.name, message: loggable(error.message, 1000), code: (error as { code?: unknown }).code, stack: error.stack }),
    },
  });
}

interface RequestRecord {
  id: string;
  started: number;
  scope: QueryScope;
  operationName?: string;
  codes: string[];
}

export interface RequestLogOptions {
  logger: Logger;
  /** Milliseconds each request may spend in total; its deadline. */
  requestTimeoutMs: number;
}

function errorCodes(result: unknown): string[] {
  const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
  const codes: string[] = [];
  for (const one of results) {
    for (const error of one?.errors ?? []) {
      const code = error instanceof GraphQLError || typeof error === 'object' ? (error.extensions?.code as string | undefined) : undefined;
      codes.push(code ?? 'NO_CODE');
    }
  }
  return codes;
}

export function useRequestLog(options: RequestLogOptions): Plugin {
  const records = new WeakMap<Request, RequestRecord>();
  return {
    instrumentation: {
      request({ request }, wrapped) {
        const id = loggable(request.headers.get('x-request-id'), 64) || randomUUID();
        const record: RequestRecord = {
          id,
          started: performance.now(),
          scope: { deadline: Date.now() + options.requestTimeoutMs, roundTrips: 0, requestId: id },
          codes: [],
        };
        records.set(request, record);
        return runInQueryScope(record.scope, wrapped);
      },
    },
    onExecute({ args }) {
      const record = records.get(args.contextValue.request);
      if (record) record.operationName = loggable(getOperationAST(args.document, args.operationName)?.name?.value ?? args.operationName);
    },
    onResultProcess({ request, result }) {
      const record = records.get(request);
      if (record) record.codes = errorCodes(result);
    },
    onResponse({ request, response }) {
      const record = records.get(request);
      if (!record) return;
      response.headers.set('x-request-id', record.id);
      const url = new URL(request.url);
      const status = response.status;
      const line = {
        requestId: record.id,
        method: request.method,
        path: loggable(url.pathname),
        operationName: record.operationName,
        status,
        outcome: record.codes[0] ?? (status < 400 ? 'OK' : `HTTP_${status}`),
        errorCodes: record.codes.length > 1 ? record.codes : undefined,
        durationMs: Math.round((performance.now() - record.started) * 10) / 10,
        cypherRoundTrips: record.scope.roundTrips,
      };
      if (status >= 500 || record.codes.includes('INTERNAL_SERVER_ERROR')) options.logger.error(line, 'request');
      else options.logger.info(line, 'request');
    },
  };
}
