/** Serves a Yoga instance over node:http, refusing oversized bodies before Yoga reads a byte of them. */
import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { errorBody } from './api/http-guards.js';
import { readPositiveInteger, readRequestTimeoutMs } from './config.js';
import type { CstoYoga } from './yoga.js';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:4000. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Largest request body accepted, in bytes. Default 1 MiB (env CSTO_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /**
   * Time for a request's headers and body to arrive, in milliseconds, after which it is answered 408. Default the
   * request deadline, 10 s (env CSTO_REQUEST_TIMEOUT_MS), which starts only once the body is read.
   */
  arrivalTimeoutMs?: number;
}

/** Reads CSTO_MAX_BODY_BYTES: a positive number of bytes, 1 MiB by default. */
export function readMaxBodyBytes(env: NodeJS.ProcessEnv = process.env): number {
  return readPositiveInteger(env, 'CSTO_MAX_BODY_BYTES', 1024 * 1024);
}

/** Answers with a GraphQL-style JSON error and closes the connection, so the unread body is never read. */
function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  const body = errorBody(code, message);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body, () => res.socket?.destroy());
}

/**
 * Node's parser reads exactly Content-Length bytes, so a declared length within the limit bounds the body; a body
 * without one (chunked) is refused rather than buffered without a bound.
 */
function bodyGuard(maxBodyBytes: number, next: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > maxBodyBytes) {
      refuse(res, 413, 'PAYLOAD_TOO_LARGE', `The request body has ${declared} bytes; at most ${maxBodyBytes} are accepted.`);
    } else if (declared === undefined && req.headers['transfer-encoding'] !== undefined) {
      refuse(res, 411, 'LENGTH_REQUIRED', 'Send the request body with a Content-Length header (chunked bodies are not accepted).');
    } else {
      next(req, res);
    }
  };
}

/**
 * Node answers a request it cannot parse, or one whose body does not arrive in time, from below the server: by
 * default with an empty 400 or 408. These carry the API's JSON error body, as every other 4xx does.
 */
function answerClientError(arrivalTimeoutMs: number) {
  return (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const status = timedOut ? 408 : 400;
    const body = timedOut
      ? errorBody('REQUEST_TIMEOUT', `The request did not arrive whole within ${arrivalTimeoutMs / 1000} s.`)
      : errorBody('BAD_REQUEST', `The request is not valid HTTP/1.1 (${error.code ?? error.message}).`);
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  };
}

/** The HTTP port cannot be used; the message is one line. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string): PortInUseError {
  return new PortInUseError(
    error.code === 'EADDRINUSE' ? `PORT ${port} on ${host} is already in use; set PORT to a free port.` : `Cannot listen on ${host}:${port}: ${error.message}`,
  );
}

/** Throws a one-line error when `port` on `host` is taken, before anything slow is started. Port 0 is always free. */
export async function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = createNetServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port, host)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}


export async function listen(yoga: CstoYoga, port: number, host: string, options: ListenOptions = {}): Promise<RunningServer> {
  const arrivalTimeoutMs = options.arrivalTimeoutMs ?? readRequestTimeoutMs();
  // Node checks the arrival timeouts every connectionsCheckingInterval (30 s by default): a second keeps them close.
  const server: Server = createServer(
    { requestTimeout: arrivalTimeoutMs, headersTimeout: arrivalTimeoutMs, connectionsCheckingInterval: Math.min(1000, arrivalTimeoutMs) },
    bodyGuard(options.maxBodyBytes ?? readMaxBodyBytes(), yoga),
  );
  server.on('clientError', answerClientError(arrivalTimeoutMs));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port, host)));
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
