/**
 * HTTP-level rules of the API, as Yoga plugins so `yoga.fetch` and the real server behave the same: only the
 * content types the API needs, well-formed GET parameters, and a GraphQL-style JSON body on every 4xx answer.
 */
import { STATUS_CODES } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { codeForStatus, excerpt } from './client-errors.js';

/** A GraphQL-style JSON error body: `{ errors: [{ message, extensions: { code } }] }`. */
export function errorBody(code: string, message: string): string {
  return JSON.stringify({ errors: [{ message: excerpt(message), extensions: { code } }] });
}

/** An answer with a GraphQL-style JSON error body. */
export function jsonErrorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(errorBody(code, message), {
    status,
    // Node writes the status line's reason phrase from it: without, a 405 went out as "HTTP/1.1 405 ".
    statusText: STATUS_CODES[status],
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** Bodies the API reads. Form and multipart bodies are refused: browsers send those cross-site without a preflight. */
const acceptedBodyTypes = ['application/json', 'application/graphql'];

const statusMessages: Record<number, string> = {
  404: 'No such path; the API is at /graphql, with /health and /ready beside it.',
  405: 'This method is not allowed here; send GraphQL as POST (application/json) or GET /graphql.',
  406: 'None of the media types in the Accept header can be served; accept application/json or application/graphql-response+json.',
};

function isJsonObjectParameter(raw: string | null): boolean {
  if (raw === null || raw === '') return true;
  try {
    const value: unknown = JSON.parse(raw);
    return value === null || (typeof value === 'object' && !Array.isArray(value));
  } catch {
    return false;
  }
}

export function useHttpGuards(graphqlEndpoint: string): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== graphqlEndpoint) return;
      if (request.method === 'POST') {
        const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
        const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
        // Yoga would read a compressed body as text and answer "invalid JSON", which hides the cause.
        if (encoding !== 'identity') {
          endResponse(jsonErrorResponse(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Encoding '${encoding}' is not accepted; send the body uncompressed.`, { 'accept-encoding': 'identity' }));
        } else if (!acceptedBodyTypes.includes(type)) {
          endResponse(
            jsonErrorResponse(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type '${type || '(none)'}' is not accepted; send ${acceptedBodyTypes.join(' or ')}.`, {
              accept: acceptedBodyTypes.join(', '),
            }),
          );
        }
      } else if (request.method === 'GET') {
        for (const name of ['variables', 'extensions']) {
          if (!isJsonObjectParameter(url.searchParams.get(name))) {
            endResponse(jsonErrorResponse(400, 'BAD_REQUEST', `The '${name}' parameter must be a JSON object.`));
            return;
          }
        }
      } else if (request.method !== 'OPTIONS' && request.method !== 'HEAD') {
        // Refused here, before the CSRF check, which would answer a bodiless DELETE as a GET without its header.
        endResponse(jsonErrorResponse(405, codeForStatus(405), statusMessages[405]!, { allow: 'GET, POST' }));
      }
    },
    onResponse({ response, setResponse }) {
      const status = response.status;
      if (status < 400 || status >= 500) return;
      const type = response.headers.get('content-type') ?? '';
      if (type.includes('json')) return;
      // Yoga answers 404, 405, 406 and 415 with an empty body; a client deserves to be told why.
      const message = statusMessages[status] ?? `The request was refused (HTTP ${status}).`;
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'content-length' && name !== 'content-type') headers[name] = value;
      });
      setResponse(jsonErrorResponse(status, codeForStatus(status), message, headers));
    },
  };
}
