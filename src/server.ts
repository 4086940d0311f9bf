/** Serves a Yoga instance over node:http; nothing else. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CstoYoga } from './yoga.js';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:4000. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(yoga: CstoYoga, port: number, host: string): Promise<RunningServer> {
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
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
