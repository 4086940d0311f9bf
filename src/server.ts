/** Serves a Yoga instance over node:http, refusing oversized bodies before Yoga reads a byte of them. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { errorBody } from './api/http-guards.js';
import { readPositiveInteger } from './config.js';
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
  const server: Server = createServer(bodyGuard(options.maxBodyBytes ?? readMaxBodyBytes(), yoga));
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
