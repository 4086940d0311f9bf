/**
 * `npm run soak [-- --duration 60 --connections 50 --warmup 60 --rounds 1]`: starts the API as `npm start` would
 * (its own managed Neo4j, temporary data, a free port), or uses a running one (`--url http://127.0.0.1:4000 --pid
 * <its node pid>`), loads it on loopback with autocannon and prints req/s, errors, p99 and the API's RSS growth;
 * then sends a 100 MB body and prints how fast the 413 came and what it cost in RSS. It prints figures; it asserts
 * nothing.
 *
 * Memory is measured honestly in two parts. A fresh Node process grows while it warms up (V8 compiles hot code,
 * its heap grows to fit 50 requests in flight, the driver fills its connection pool): the warm-up phase, at the
 * same load, takes that, and its growth is printed on its own. The soak then measures growth from the warmed
 * baseline, over `--rounds` runs of `--duration` seconds each, so that growth that does not stop shows round after
 * round. An API started here runs with `--expose-gc` and src/reliability/memory-probe.ts, so each figure also gives
 * the V8 heap in use after a full collection: the memory the process really keeps, where RSS also counts what V8
 * and malloc have reserved and not returned. `--heap-snapshots DIR` writes a heap snapshot after the warm-up and
 * after the last round, to compare in Chrome's DevTools.
 *
 * `--kill-neo4j S` measures recovery instead: S seconds into each round it kills the managed Neo4j's Java process
 * (SIGKILL), and a prober asks `{ states { totalCount } }` every 100 ms until the API answers it again, under the
 * round's load (or idle with `--connections 0`). It prints the time from the kill to the first answer, with the
 * API's own lines on the way (exit noticed, restart begun, Neo4j ready, the API's probe), and the answers the load
 * got meanwhile by HTTP status.
 *
 * `--hang-neo4j S [--hang-for 60]` stops the managed Neo4j with SIGSTOP S seconds into each round, resumes it with
 * SIGCONT `--hang-for` seconds later, and times every request of `--connections` clients of its own (they ask the
 * soak's operations in turn), and `/ready` once a second: it prints how many were answered within the request
 * deadline (`CSTO_REQUEST_TIMEOUT_MS`, 10 s) plus 1 s, by code, the slowest, whether any was masked
 * (INTERNAL_SERVER_ERROR or no code), and how long after SIGCONT the API answered again. `--keep-data` keeps the API's output and Neo4j's data folder (its logs/debug.log
 * tells how long its recovery took).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort, OutputFile, sleep, untilAnswering } from '../bench/api-process.js';
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
    'kill-neo4j': { type: 'string' },
    'hang-neo4j': { type: 'string' },
    'hang-for': { type: 'string', default: '60' },
    'keep-data': { type: 'boolean', default: false },
    url: { type: 'string' },
    pid: { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const warmup = Number(values.warmup);
const rounds = Number(values.rounds);
const killAt = values['kill-neo4j'] === undefined ? undefined : Number(values['kill-neo4j']);
const hangAt = values['hang-neo4j'] === undefined ? undefined : Number(values['hang-neo4j']);
const hangFor = Number(values['hang-for']);
const requestDeadlineMs = Number(process.env.CSTO_REQUEST_TIMEOUT_MS) || 10_000;
const numbers: [string, number, number][] = [
  ['duration', duration, 1],
  ['connections', connections, killAt === undefined ? 1 : 0],
  ['warmup', warmup, 0],
  ['rounds', rounds, 1],
];
if (killAt !== undefined) numbers.push(['kill-neo4j', killAt, 1]);
if (hangAt !== undefined) numbers.push(['hang-neo4j', hangAt, 1], ['hang-for', hangFor, 1]);
if (killAt !== undefined && hangAt !== undefined) {
  console.error('soak: --kill-neo4j and --hang-neo4j measure one fault each; give one.');
  process.exit(2);
}
for (const [name, value, least] of numbers) {
  if (!Number.isInteger(value) || value < least) {
    console.error(`soak: --${name} must be a whole number of at least ${least}.`);
    process.exit(2);
  }
}

/** Resident set size of a process, in bytes, from /proc (Linux). */
async function rss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** The managed Neo4j's Java process among the children of `pid` (Linux /proc), if there is one. */
async function neo4jChild(pid: number): Promise<number | undefined> {
  const children: number[] = [];
  for (const task of await readdir(`/proc/${pid}/task`)) {
    const list = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    children.push(...list.split(/\s+/).filter(Boolean).map(Number));
  }
  for (const child of children) {
    const commandLine = await readFile(`/proc/${child}/cmdline`, 'utf8').catch(() => '');
    if (commandLine.includes('Neo4jLauncher')) return child;
  }
  return undefined;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const percent = (from: number, to: number) => `${to >= from ? '+' : ''}${(((to - from) / from) * 100).toFixed(1)} %`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

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
  /** The API's output, when it was started here. */
  output?: OutputFile;
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
  const work = await mkdtemp(path.join(tmpdir(), 'csto-graph-soak-'));
  const port = Number(values.port) || (await freePort());
  const start = fileURLToPath(new URL('./start.ts', import.meta.url));
  const probe = import.meta.resolve('../reliability/memory-probe.ts');
  const outputFile = path.join(work, 'api-output.txt');
  const outputFd = openSync(outputFile, 'a');
  console.log(`Starting the API on port ${port} with its own managed Neo4j (temporary data)…`);
  const api = spawn(process.execPath, ['--expose-gc', '--import', import.meta.resolve('tsx'), '--import', probe, start], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NEO4J_URI: '',
      NEO4J_BOLT_PORT: values['bolt-port'],
      NEO4J_DATA_DIR: path.join(work, 'data'),
      CSTO_LOG_LEVEL: 'warn',
      // As `npm start` runs it (package.json).
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    },
    stdio: ['ignore', outputFd, outputFd, 'ipc'],
  });
  closeSync(outputFd);
  const output = new OutputFile(outputFile);
  const isAlive = () => api.exitCode === null && api.signalCode === null;
  const stop = async () => {
    if (isAlive()) {
      api.kill('SIGTERM');
      await new Promise((resolve) => api.once('exit', resolve));
    }
    output.stop();
    if (values['keep-data']) console.log(`The API's output and Neo4j's data and logs are kept in ${work}.`);
    else await rm(work, { recursive: true, force: true });
  };
  try {
    await output.waitFor(/^GraphQL and GraphiQL:/, isAlive);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    base: `http://127.0.0.1:${port}`,
    pid: api.pid!,
    output,
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

/** Kills the managed Neo4j `atSeconds` into a round and measures the API's recovery; prints one line, returns the ms. */
async function killAndRecover(api: Api, kill: number, atSeconds: number, loadEndsAt: number | undefined): Promise<number | undefined> {
  await sleep(atSeconds * 1000);
  const javaPid = await neo4jChild(api.pid);
  if (javaPid === undefined) throw new Error(`no Neo4j Java process under the API (pid ${api.pid}); --kill-neo4j needs the managed Neo4j.`);
  const killedAt = performance.now();
  process.kill(javaPid, 'SIGKILL');
  const answeredAt = await untilAnswering(api.base, killedAt + 180_000);
  if (answeredAt === undefined) {
    console.log(`kill ${kill}: Neo4j pid ${javaPid} killed; the API did not answer within 180 s`);
    return undefined;
  }
  // The supervisor's line can come a moment after the API answers (Neo4j answers before its start-up returns).
  const output = api.output;
  if (output) {
    for (let waited = 0; waited < 60_000 && !output.find(/^Neo4j is back after restart/, killedAt); waited += 100) await sleep(100);
  }
  const at = (pattern: RegExp) => {
    const line = output?.find(pattern, killedAt);
    return line ? `+${seconds(line.at - killedAt)}` : 'not seen';
  };
  const ownStart = output?.find(/^Neo4j [\d.]+ is ready in /, killedAt)?.text.match(/ready in ([\d.]+ s)/)?.[1];
  const underLoad = loadEndsAt === undefined ? 'idle' : answeredAt <= loadEndsAt ? 'under load' : 'after the load ended';
  console.log(
    `kill ${kill} (Neo4j pid ${javaPid}, ${underLoad}): answering again after ${seconds(answeredAt - killedAt)}; ` +
      `exit noticed ${at(/exited unexpectedly \(SIGKILL\); restart/)}, restart began ${at(/^Starting Neo4j /)}, ` +
      `Neo4j ready ${at(/^Neo4j [\d.]+ is ready in /)} (its start ${ownStart ?? '?'}), API probe saw it ${at(/answers again after/)}, ` +
      `supervisor done ${at(/^Neo4j is back after restart/)}`,
  );
  return answeredAt - killedAt;
}


/** One timed request of the hang measurement. */
interface Timed {
  startedAt: number;
  ms: number;
  status: number;
  /** The first error's code, OK for data without errors, or what went wrong on the client's side. */
  code: string;
}

/** Sends `body` to /graphql and times it; a request that gets no answer within 60 s is recorded as such. */
async function timedRequest(base: string, body: string): Promise<Timed> {
  const startedAt = performance.now();
  try {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let code = 'NON_JSON';
    try {
      const json = JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[] };
      code = json.errors?.length ? (typeof json.errors[0]!.extensions?.code === 'string' ? json.errors[0]!.extensions.code : 'NO_CODE') : 'OK';
    } catch {
      // Not JSON: counted as NON_JSON.
    }
    return { startedAt, ms: performance.now() - startedAt, status: response.status, code };
  } catch (error) {
    return { startedAt, ms: performance.now() - startedAt, status: 0, code: (error as Error).name === 'TimeoutError' ? 'NO_ANSWER_IN_60_S' : 'CONNECTION_ERROR' };
  }
}

/**
 * Stops Neo4j with SIGSTOP `atSeconds` into a round and resumes it `forSeconds` later, while `clients` clients send
 * `bodies` in turn and /ready is asked once a second; prints what the requests sent during the hang got.
 */
async function hangAndResume(api: Api, hang: number, atSeconds: number, forSeconds: number, clients: number, bodies: string[]): Promise<void> {
  const timed: Timed[] = [];
  const ready: { ms: number; status: number }[] = [];
  let stopClients = false;
  const client = async (offset: number) => {
    for (let i = offset; !stopClients; i++) timed.push(await timedRequest(api.base, bodies[i % bodies.length]!));
  };
  const running = Array.from({ length: clients }, (_, index) => client(index));
  await sleep(atSeconds * 1000);
  const javaPid = await neo4jChild(api.pid);
  if (javaPid === undefined) throw new Error(`no Neo4j Java process under the API (pid ${api.pid}); --hang-neo4j needs the managed Neo4j.`);
  const stoppedAt = performance.now();
  process.kill(javaPid, 'SIGSTOP');
  const readyLoop = (async () => {
    while (performance.now() < stoppedAt + forSeconds * 1000) {
      const started = performance.now();
      const status = await fetch(`${api.base}/ready`, { signal: AbortSignal.timeout(30_000) }).then(
        (response) => response.status,
        () => 0,
      );
      ready.push({ ms: performance.now() - started, status });
      await sleep(Math.max(0, 1000 - (performance.now() - started)));
    }
  })();
  await sleep(forSeconds * 1000);
  await readyLoop;
  const resumedAt = performance.now();
  process.kill(javaPid, 'SIGCONT');
  const answeredAt = await untilAnswering(api.base, resumedAt + 120_000);
  // The clients go on for a few seconds after the resume, so that requests in flight across it are counted too.
  await sleep(5_000);
  stopClients = true;
  await Promise.all(running);

  // Requests that were under way at any moment of the hang: started before SIGCONT, answered after SIGSTOP.
  const during = timed.filter((request) => request.startedAt < resumedAt && request.startedAt + request.ms > stoppedAt);
  const limit = requestDeadlineMs + 1000;
  const within = during.filter((request) => request.ms <= limit).length;
  const codes: Record<string, number> = {};
  for (const request of during) codes[request.code] = (codes[request.code] ?? 0) + 1;
  const masked = during.filter((request) => !['OK', 'SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT'].includes(request.code)).length;
  const slowest = Math.max(0, ...during.map((request) => request.ms));
  const readyStatuses: Record<string, number> = {};
  for (const answer of ready) readyStatuses[answer.status] = (readyStatuses[answer.status] ?? 0) + 1;
  console.log(
    `hang ${hang} (Neo4j pid ${javaPid} stopped ${forSeconds} s, ${clients} clients): ${during.length} requests under way during the hang, ` +
      `${within} answered within the deadline + 1 s (${limit} ms); slowest ${seconds(slowest)}; by code ${JSON.stringify(codes)}; ` +
      `masked or uncoded ${masked}; /ready ${JSON.stringify(readyStatuses)}, slowest ${seconds(Math.max(0, ...ready.map((answer) => answer.ms)))}; ` +
      `answering again ${answeredAt === undefined ? 'not within 120 s' : seconds(answeredAt - resumedAt)} after SIGCONT`,
  );
}

const api = await startApi();
try {
  const base = api.base;
  // The lighter benchmark operations: the soak looks for errors and leaks, not for the slowest query.
  const chosen = operations.filter((operation) => ['lookup', 'refused-help', 'search', 'shortest-path'].includes(operation.name));
  let graphqlErrors = 0;
  let byStatus: Record<number, number> = {};
  const requests = chosen.map((operation) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: operation.ours.query, variables: operation.ours.variables }),
    onResponse: (status: number, body: string) => {
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      if (body.includes('"errors"')) graphqlErrors += 1;
    },
  }));
  const run = (seconds: number) => autocannon({ url: base, connections, duration: seconds, requests });
  const report = (label: string, result: autocannon.Result) => {
    // autocannon counts a timeout among its errors too.
    const errors = result.errors + result.non2xx + graphqlErrors;
    console.log(
      `${label}: ${result.requests.average.toFixed(0)} req/s (${result.requests.total} requests), errors ${errors} ` +
        `(connection ${result.errors} of which timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL errors ${graphqlErrors}), ` +
        `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    );
    return errors;
  };

  console.log(`Operations: ${chosen.map((o) => o.name).join(', ')}; ${connections} connections.`);
  const cold = await api.memory();
  console.log(`Before any load: ${describeMemory(cold)}`);
  if (warmup > 0 && connections > 0) {
    console.log(`Warming up for ${warmup} s (the same load; not counted)…`);
    graphqlErrors = 0;
    report('warm-up', await run(warmup));
  }
  const baseline = await api.memory();
  console.log(`Baseline after the warm-up: ${describeMemory(baseline)}`);
  if (values['heap-snapshots'] && api.heapSnapshot) console.log(`Heap snapshot: ${await api.heapSnapshot(path.resolve(values['heap-snapshots'], 'after-warmup.heapsnapshot'))}`);

  let totalErrors = 0;
  let last = baseline;
  const recoveries: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    graphqlErrors = 0;
    byStatus = {};
    const label = `round ${round} of ${rounds}, ${duration} s`;
    if (hangAt !== undefined) {
      await hangAndResume(api, round, hangAt, hangFor, connections, requests.map((request) => request.body));
      continue;
    }
    if (killAt !== undefined) {
      const loadStarted = performance.now();
      const load = connections > 0 ? run(duration) : undefined;
      const recovery = await killAndRecover(api, round, killAt, load ? loadStarted + duration * 1000 : undefined);
      if (recovery !== undefined) recoveries.push(recovery);
      if (load) report(label, await load);
      if (load) console.log(`  answers by HTTP status: ${JSON.stringify(byStatus)}`);
      // The next kill must find the restarted Neo4j settled, not one still starting.
      await sleep(5_000);
      continue;
    }
    totalErrors += report(label, await run(duration));
    last = await api.memory();
    const heapChange = last.probe && baseline.probe ? `; heap used ${percent(baseline.probe.heapUsed, last.probe.heapUsed)}` : '';
    console.log(`  ${describeMemory(last)}; RSS ${percent(baseline.rss, last.rss)} from the baseline${heapChange}`);
  }
  if (hangAt !== undefined) {
    // Printed per hang above.
  } else if (killAt !== undefined) {
    const sorted = [...recoveries].sort((a, b) => a - b);
    console.log(`\nrecovery after a kill: ${sorted.map(seconds).join(', ')}${sorted.length < rounds ? ` (${rounds - sorted.length} did not recover)` : ''}`);
  } else {
    if (values['heap-snapshots'] && api.heapSnapshot) console.log(`Heap snapshot: ${await api.heapSnapshot(path.resolve(values['heap-snapshots'], 'after-soak.heapsnapshot'))}`);
    console.log(`\nerrors: ${totalErrors}`);
    console.log(`API RSS over the soak (from the warmed baseline): ${mb(baseline.rss)} -> ${mb(last.rss)} (${percent(baseline.rss, last.rss)})`);
    if (baseline.probe && last.probe) {
      console.log(`API heap in use after a full GC over the soak: ${mb(baseline.probe.heapUsed)} -> ${mb(last.probe.heapUsed)} (${percent(baseline.probe.heapUsed, last.probe.heapUsed)})`);
    }
    if (warmup > 0) console.log(`API RSS including the warm-up (from before any load): ${mb(cold.rss)} -> ${mb(last.rss)} (${percent(cold.rss, last.rss)})`);

    const rssBeforeBody = await rss(api.pid);
    const huge = await sendHugeBody(`${base}/graphql`, 100 * 1024 * 1024);
    await sleep(500);
    const rssAfterBody = await rss(api.pid);
    console.log(`100 MB body: HTTP ${huge.status} in ${huge.ms.toFixed(1)} ms; API RSS ${mb(rssBeforeBody)} -> ${mb(rssAfterBody)} (${mb(rssAfterBody - rssBeforeBody)})`);
  }
} finally {
  await api.stop();
}
