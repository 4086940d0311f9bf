/**
 * `npm run soak [-- --duration 60 --connections 50]`: starts the API as `npm start` would (its own managed Neo4j,
 * temporary data, a free port), or uses a running one (`--url http://127.0.0.1:4000 --pid <its node pid>`), then loads it on loopback with autocannon and prints req/s, errors, p99 and the
 * API's RSS growth; then sends a 100 MB body and prints how fast the 413 came and what it cost in RSS.
 * It prints figures; it asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { operations } from '../bench/operations.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '5' },
    url: { type: 'string' },
    pid: { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const warmup = Number(values.warmup);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resident set size of a process, in bytes, from /proc (Linux). */
async function rss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Sends a body of `bytes` zeros with its Content-Length; resolves with the status and the time to the answer. */
function sendHugeBody(url: string, bytes: number): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': bytes } }, (res) => {
      const ms = performance.now() - started;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, ms }));
      req.destroy();
    });
    // The server closes the connection after its 413; writing the rest then fails, as it should.
    req.on('error', (error: NodeJS.ErrnoException) => (['EPIPE', 'ECONNRESET'].includes(error.code ?? '') ? undefined : reject(error)));
    const chunk = Buffer.alloc(1024 * 1024);
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

/** A running API (given by --url and --pid), or one started here and stopped at the end. */
async function startApi(): Promise<{ base: string; pid: number; stop: () => Promise<void> }> {
  if (values.url) {
    if (!values.pid) throw new Error('--url needs --pid, the API process whose RSS is measured.');
    return { base: values.url.replace(/\/$/, ''), pid: Number(values.pid), stop: async () => {} };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'csto-graph-soak-'));
  const port = await freePort();
  const main = fileURLToPath(new URL('../main.ts', import.meta.url));
  console.log(`Starting the API on port ${port} with its own managed Neo4j (temporary data)…`);
  const api = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), main], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NEO4J_URI: '', NEO4J_BOLT_PORT: '0', NEO4J_DATA_DIR: dataDir, CSTO_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((resolve) => api.once('exit', resolve));
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      api.once('exit', (code) => reject(new Error(`the API exited with code ${code} before it was ready`)));
      createInterface({ input: api.stdout! }).on('line', (line) => {
        if (line.startsWith('GraphQL and GraphiQL:')) resolve();
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { base: `http://127.0.0.1:${port}`, pid: api.pid!, stop };
}

const api = await startApi();
try {
  const base = api.base;
  // The lighter benchmark operations: the soak looks for errors and leaks, not for the slowest query.
  const chosen = operations.filter((operation) => ['lookup', 'refused-help', 'search', 'shortest-path'].includes(operation.name));
  let graphqlErrors = 0;
  const requests = chosen.map((operation) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: operation.ours.query, variables: operation.ours.variables }),
    onResponse: (_status: number, body: string) => {
      if (body.includes('"errors"')) graphqlErrors += 1;
    },
  }));
  const run = (seconds: number) => autocannon({ url: base, connections, duration: seconds, requests });
  console.log(`Warming up for ${warmup} s, then ${duration} s × ${connections} connections on ${chosen.map((o) => o.name).join(', ')}…`);
  await run(warmup);
  graphqlErrors = 0;
  const rssBefore = await rss(api.pid!);
  const result = await run(duration);
  const rssAfter = await rss(api.pid!);
  const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
  console.log(`req/s: ${result.requests.average.toFixed(0)} (total ${result.requests.total})`);
  console.log(`errors: ${errors} (connection ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL errors ${graphqlErrors})`);
  console.log(`latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
  console.log(`API RSS: ${mb(rssBefore)} -> ${mb(rssAfter)} (${(((rssAfter - rssBefore) / rssBefore) * 100).toFixed(1)} %)`);

  const rssBeforeBody = await rss(api.pid!);
  const huge = await sendHugeBody(`${base}/graphql`, 100 * 1024 * 1024);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rssAfterBody = await rss(api.pid!);
  console.log(`100 MB body: HTTP ${huge.status} in ${huge.ms.toFixed(1)} ms; API RSS ${mb(rssBeforeBody)} -> ${mb(rssAfterBody)} (${mb(rssAfterBody - rssBeforeBody)})`);
} finally {
  await api.stop();
}
