/**
 * `npm run soak [-- --duration 60 --connections 50 --warmup 60 --rounds 1]`: starts the API as `npm start` would
 * (its own managed Neo4j, temporary data, a free port), or uses a running one (`--url http://127.0.0.1:4000 --pid
 * <its node pid>`), loads it on loopback with autocannon and prints req/s, errors, p99 and the API's RSS growth;
 * then sends a 100 MB body and prints how fast the 413 came and what it cost in RSS. It prints figures; it asserts
 * nothing.
 *
 * Memory is measured honestly in two parts. A fresh Node process grows while it warms up (V8 compiles hot code,
 * its heap grows to fit 50 requests in flight, libraries build their caches once): the warm-up phase, at the same
 * load, takes that, and its growth is printed on its own. The soak then measures growth from the warmed baseline,
 * over `--rounds` runs of `--duration` seconds each, so that growth that does not stop shows round after round.
 * An API started here runs with `--expose-gc` and src/reliability/memory-probe.ts, so each figure also gives the
 * V8 heap in use after a full collection: the memory the process really keeps, where RSS also counts what V8 has
 * reserved and not yet returned. `--heap-snapshots DIR` writes a heap snapshot after the warm-up and after the last
 * round, to compare in Chrome's DevTools.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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
import type { MemoryFigures, MemoryProbeAnswer, MemoryProbeRequest } from '../reliability/memory-probe.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '60' },
    rounds: { type: 'string', default: '1' },
    port: { type: 'string', default: '0' },
    'bolt-port': { type: 'string', default: '0' },
    'heap-snapshots': { type: 'string' },
    url: { type: 'string' },
    pid: { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const warmup = Number(values.warmup);
const rounds = Number(values.rounds);
for (const [name, value, least] of [['duration', duration, 1], ['connections', connections, 1], ['warmup', warmup, 0], ['rounds', rounds, 1]] as const) {
  if (!Number.isInteger(value) || value < least) {
    console.error(`soak: --${name} must be a whole number of at least ${least}.`);
    process.exit(2);
  }
}

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
const percent = (from: number, to: number) => `${to >= from ? '+' : ''}${(((to - from) / from) * 100).toFixed(1)} %`;

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

interface Api {
  base: string;
  pid: number;
  /** RSS, and with the memory probe the heap after a full collection. */
  memory(): Promise<{ rss: number; probe?: MemoryFigures }>;
  heapSnapshot?(file: string): Promise<string>;
  stop(): Promise<void>;
}

/** Asks the memory probe of `child` and waits for its answer of the same type. */
function ask(child: ChildProcess, message: MemoryProbeRequest): Promise<MemoryProbeAnswer> {
  return new Promise((resolve) => {
    const onMessage = (answer: MemoryProbeAnswer) => {
      if (answer?.type !== message.type) return;
      child.off('message', onMessage);
      resolve(answer);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

/** A running API (given by --url and --pid), or one started here and stopped at the end. */
async function startApi(): Promise<Api> {
  if (values.url) {
    if (!values.pid) throw new Error('--url needs --pid, the API process whose RSS is measured.');
    const pid = Number(values.pid);
    return { base: values.url.replace(/\/$/, ''), pid, memory: async () => ({ rss: await rss(pid) }), stop: async () => {} };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'csto-graph-soak-'));
  const port = Number(values.port) || (await freePort());
  const start = fileURLToPath(new URL('./start.ts', import.meta.url));
  const probe = import.meta.resolve('../reliability/memory-probe.ts');
  console.log(`Starting the API on port ${port} with its own managed Neo4j (temporary data)…`);
  const api = spawn(process.execPath, ['--expose-gc', '--import', import.meta.resolve('tsx'), '--import', probe, start], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NEO4J_URI: '',
      NEO4J_BOLT_PORT: values['bolt-port'],
      NEO4J_DATA_DIR: dataDir,
      CSTO_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const stop = async () => {
    if (api.exitCode === null && api.signalCode === null) {
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
        else if (line.startsWith('{')) console.log(`[api] ${line.slice(0, 300)}`);
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    base: `http://127.0.0.1:${port}`,
    pid: api.pid!,
    memory: async () => {
      const answer = await ask(api, { type: 'memory' });
      const figures = answer.type === 'memory' ? answer.figures : undefined;
      return { rss: figures?.rss ?? (await rss(api.pid!)), probe: figures };
    },
    heapSnapshot: async (file) => {
      const answer = await ask(api, { type: 'heap-snapshot', file });
      return answer.type === 'heap-snapshot' ? answer.file : file;
    },
    stop,
  };
}

function describeMemory(memory: { rss: number; probe?: MemoryFigures }): string {
  const probe = memory.probe;
  if (!probe) return `RSS ${mb(memory.rss)}`;
  return (
    `RSS ${mb(memory.rss)}, heap used ${mb(probe.heapUsed)} of ${mb(probe.heapTotal)}` +
    `${probe.collected ? ' after a full GC' : ''}, external ${mb(probe.external)}, contexts ${probe.nativeContexts}/${probe.detachedContexts} detached`
  );
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
  const report = (label: string, result: autocannon.Result) => {
    const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
    console.log(
      `${label}: ${result.requests.average.toFixed(0)} req/s (${result.requests.total} requests), errors ${errors} ` +
        `(connection ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL errors ${graphqlErrors}), ` +
        `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    );
    return errors;
  };

  console.log(`Operations: ${chosen.map((o) => o.name).join(', ')}; ${connections} connections.`);
  const cold = await api.memory();
  console.log(`Before any load: ${describeMemory(cold)}`);
  if (warmup > 0) {
    console.log(`Warming up for ${warmup} s (the same load; not counted)…`);
    graphqlErrors = 0;
    report('warm-up', await run(warmup));
  }
  const baseline = await api.memory();
  console.log(`Baseline after the warm-up: ${describeMemory(baseline)}`);
  if (values['heap-snapshots'] && api.heapSnapshot) console.log(`Heap snapshot: ${await api.heapSnapshot(path.resolve(values['heap-snapshots'], 'after-warmup.heapsnapshot'))}`);

  let totalErrors = 0;
  let last = baseline;
  for (let round = 1; round <= rounds; round++) {
    graphqlErrors = 0;
    const result = await run(duration);
    totalErrors += report(`round ${round} of ${rounds}, ${duration} s`, result);
    last = await api.memory();
    const heapChange = last.probe && baseline.probe ? `; heap used ${percent(baseline.probe.heapUsed, last.probe.heapUsed)}` : '';
    console.log(`  ${describeMemory(last)}; RSS ${percent(baseline.rss, last.rss)} from the baseline${heapChange}`);
  }
  if (values['heap-snapshots'] && api.heapSnapshot) console.log(`Heap snapshot: ${await api.heapSnapshot(path.resolve(values['heap-snapshots'], 'after-soak.heapsnapshot'))}`);

  console.log(`\nerrors: ${totalErrors}`);
  console.log(`API RSS over the soak (from the warmed baseline): ${mb(baseline.rss)} -> ${mb(last.rss)} (${percent(baseline.rss, last.rss)})`);
  if (baseline.probe && last.probe) {
    console.log(`API heap in use after a full GC over the soak: ${mb(baseline.probe.heapUsed)} -> ${mb(last.probe.heapUsed)} (${percent(baseline.probe.heapUsed, last.probe.heapUsed)})`);
  }
  if (warmup > 0) console.log(`API RSS including the warm-up (from before any load): ${mb(cold.rss)} -> ${mb(last.rss)} (${percent(cold.rss, last.rss)})`);

  const rssBeforeBody = await rss(api.pid);
  const huge = await sendHugeBody(`${base}/graphql`, 100 * 1024 * 1024);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rssAfterBody = await rss(api.pid);
  console.log(`100 MB body: HTTP ${huge.status} in ${huge.ms.toFixed(1)} ms; API RSS ${mb(rssBeforeBody)} -> ${mb(rssAfterBody)} (${mb(rssAfterBody - rssBeforeBody)})`);
} finally {
  await api.stop();
}
