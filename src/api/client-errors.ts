/**
 * The one place that decides what a client sees of an error: every error a client can cause gets a code
 * (BAD_USER_INPUT, NOT_FOUND, GRAPHQL_VALIDATION_FAILED, QUERY_TIMEOUT, SERVICE_UNAVAILABLE, BAD_REQUEST …);
 * only our own bugs are masked as INTERNAL_SERVER_ERROR, after being handed to the operator's log.
 */
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { DatabaseTransientError, DatabaseUnavailableError, FullTextTooBroadError, QueryTimeoutError } from '../database/graph-database.js';

/**
 * Longest message a client gets back; longer ones (which can only be echoing input) are cut to an excerpt. Our own
 * messages, with their 80-character excerpts of a value and up to three nearest matches, stay within it.
 */
export const maxMessageLength = 400;

/** Cuts a message that echoes client input to a short excerpt, noting how much was left out. */
export function excerpt(text: string, max = maxMessageLength): string {
  if (text.length <= max) return text;
  const left = text.length - max;
  return `${text.slice(0, max)}… (${left} more character${left === 1 ? '' : 's'})`;
}

const httpCodes: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  411: 'LENGTH_REQUIRED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** The code of a 4xx answer, e.g. 415 -> UNSUPPORTED_MEDIA_TYPE; BAD_REQUEST for the others. */
export function codeForStatus(status: number): string {
  return httpCodes[status] ?? 'BAD_REQUEST';
}

/**
 * A coded error a client is meant to see, with the message cut to an excerpt. Of the located error's extensions only
 * `http` and `argument` are kept: Yoga's `originalError` extension would echo the whole rejected body.
 */
export function coded(message: string, code: string, from?: GraphQLError, extensions: Record<string, unknown> = {}): GraphQLError {
  const http = requestStatus(from);
  const argument = from?.extensions?.argument;
  return new GraphQLError(excerpt(message), {
    nodes: from?.nodes,
    source: from?.source,
    positions: from?.positions,
    path: from?.path,
    extensions: { ...(http ? { http } : {}), ...(typeof argument === 'string' ? { argument } : {}), ...extensions, code },
  });
}

/**
 * The HTTP status a client error asks of Yoga. An error outside every field (the document, its variables, the
 * request's limits) leaves the response without `data`: the GraphQL-over-HTTP spec asks a 4xx for that under
 * `application/graphql-response+json` and a 200 under `application/json` (`spec: true` tells Yoga so). Yoga marks a
 * bad JSON body and a missing query `spec: true` too, but the spec asks 400 for a request that is not well-formed
 * under either media type: the flag is dropped for those, which Yoga codes BAD_REQUEST (a document that does not
 * parse is GRAPHQL_PARSE_FAILED, with positions or, over the token limit, without).
 */
function requestStatus(from: GraphQLError | undefined): unknown {
  if (!from) return undefined;
  const http = from.extensions?.http as { spec?: boolean } | undefined;
  if (!http) return from.path ? undefined : { spec: true, status: 400 };
  const notWellFormed = from.extensions.code === 'BAD_REQUEST' || (from.extensions.code === undefined && !from.positions?.length);
  if (!http.spec || !notWellFormed) return http;
  const { spec: _spec, ...always } = http;
  return always;
}

/** The header a GET request must send (any value), and what Yoga's CSRF check says without it, which names no header. */
export const csrfHeader = 'x-graphql-yoga-csrf';
const yogaCsrfMessage = 'Required CSRF header(s) not present';
const csrfMessage = `A GET request needs the header ${csrfHeader} (any value), which keeps other sites from sending requests in your name; a POST with Content-Type application/json needs none.`;

export function queryTimeoutMessage(budgetMs: number): string {
  const seconds = budgetMs > 0 ? ` (${(budgetMs / 1000).toFixed(1)} s)` : '';
  return (
    `The query took longer than its time budget${seconds} and was stopped. Narrow it: ask for fewer items (first:, limit:), ` +
    'fewer hops (depth:, maxHops:), a narrower filter or date range, or fewer nested fields.'
  );
}

/**
 * Classifies one error of a GraphQL response. `logError` receives the errors that are masked (our bugs), once.
 * `message` is the masked message Yoga would show.
 */
export function classifyError(error: unknown, message: string, logError: (error: unknown) => void): GraphQLError {
  const located = error instanceof GraphQLError ? error : undefined;
  const original = located?.originalError ?? error;
  if (original instanceof DatabaseUnavailableError) {
    return coded('The graph database is unavailable; try again shortly.', 'SERVICE_UNAVAILABLE', located, { http: { status: 503 } });
  }
  if (original instanceof DatabaseTransientError) {
    return coded('The graph database could not run the query just now; try again shortly.', 'SERVICE_UNAVAILABLE', located, { http: { status: 503 } });
  }
  if (original instanceof FullTextTooBroadError) {
    return coded('The full-text search behind this field got more words than it can match at once (Lucene allows 1,024 terms across the fields it searches); search with fewer words.', 'BAD_USER_INPUT', located);
  }
  if (original instanceof QueryTimeoutError) {
    return coded(queryTimeoutMessage(original.budgetMs), 'QUERY_TIMEOUT', located, { budgetMs: original.budgetMs });
  }
  if (original instanceof GraphQLError && typeof original.extensions?.code === 'string') {
    // A coded error thrown below a located one (a resolver, a scalar): keep its code, and the location of both.
    // Yoga puts the rejected input's parse error in `originalError`; a client gets the excerpt in the message only.
    const { http: _http, originalError: _originalError, ...own } = original.extensions;
    // A scalar refused a variable's value: graphql-js names the variable only in its own message's prefix.
    const variable = located && /^Variable "\$(\w+)" got invalid value/.exec(located.message)?.[1];
    return coded(original.message, original.extensions.code, located ?? original, { ...own, ...(variable ? { variable } : {}) });
  }
  // Pothos rejects bad connection arguments and over-complex operations: the client's to fix.
  if (original instanceof PothosValidationError) return coded(original.message, 'BAD_USER_INPUT', located);
  if (located) {
    const code = located.extensions?.code;
    if (typeof code === 'string') return coded(located.message, code, located);
    // graphql-js reports a variable that cannot be coerced this way (its original error is the scalar's or enum's).
    if (!located.path && /^(Variable "\$|Too many errors processing variables)/.test(located.message)) {
      return coded(located.message, 'BAD_USER_INPUT', located);
    }
    const status = (located.extensions?.http as { status?: number } | undefined)?.status;
    // Yoga's own request errors (bad JSON, a missing query, the CSRF check) carry their HTTP status.
    if (status && status >= 400 && status < 500) return coded(located.message === yogaCsrfMessage ? csrfMessage : located.message, codeForStatus(status), located);
    // No path: a parse or validation error (a literal a scalar refused, the document limits); not our code failing.
    if (!located.path && (!located.originalError || located.originalError instanceof GraphQLError)) return coded(located.message, 'GRAPHQL_VALIDATION_FAILED', located);
  }
  logError(original);
  return new GraphQLError(message, { nodes: located?.nodes, path: located?.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
