/**
 * `npm run bench`: our API against @neo4j/graphql and raw Cypher, over HTTP, on the article (x1) and on
 * synthetic graphs 100 and 1000 times larger; a hello world gives the HTTP ceiling.
 *
 *   npm run bench                      x1, x100, x1000, 10 s per run (about 15 minutes)
 *   npm run bench -- --quick           x1 and x100, short runs (under 3 minutes)
 *   npm run bench -- --scales 1,100 --duration 5 --connections 4
 *   npm run bench -- --import-only --scales 1000   only the import's rows/s, with Node's and Neo4j's CPU seconds
 *   npm run bench -- --loader --scales 1000        the same rows as Cypher files, through npm run load's loader
 *   npm run bench -- --write-cypher DIR            only write those files, for npm run load -- DIR
 *   npm run bench -- --starts 5                    only the time of 5 warm `npm start`s to their first answer
 *
 * Neo4j: a managed local one of its own (temporary data, free port), or NEO4J_URI with --yes-wipe, since
 * the benchmark wipes and reloads the database it uses.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { onShutdownSignal, runCommand } from '../cli.js';
import { ConfigError, readNeo4jConnection } from '../config.js';
import { GraphDatabase } from '../database/graph-database.js';
import { describePhases, describeRowRate, loadCypherDirectory, sumChanges } from '../loader/load-cypher.js';
import { startManagedNeo4j, type ManagedNeo4j } from '../neo4j/managed-neo4j.js';
import { checkAnswers } from '../bench/check-answers.js';
import { type ContenderId, startContenders } from '../bench/contenders.js';
import { createDbHitsProfiler } from '../bench/db-hits.js';
import { importSyntheticGraph } from '../bench/import-synthetic.js';
import type { LoadTarget } from '../bench/load-generator.js';
import { type BenchOperation, operations } from '../bench/operations.js';
import { type BenchResults, type OperationResult, percentile, renderTable, type ScaleResult, type Timing, writeResults } from '../bench/report.js';
import { runLoad } from '../bench/run-load.js';
import { writeSyntheticCypher } from '../bench/synthetic-cypher.js';
import { defaultSeed } from '../bench/synthetic-graph.js';
import { measureWarmStarts } from '../bench/warm-starts.js';

const resultsDirectory = fileURLToPath(new URL('../../bench-results/', import.meta.url));
const log = (line: string) => console.error(line);

interface Settings {
  scales: number[];
  /** Seconds of each timed run. Default 10, or 1 with --quick. */
  durationSeconds: number;
  /** Seconds of the discarded warm-up run before each timed run. Default 2, or 0.5 with --quick. */
  warmupSeconds: number;
  /** Seconds per target of a discarded pass over all targets before the first scale is timed. Default 3, or 1 with --quick. */
  firstPassSeconds: number;
  /** Concurrent connections of the load generator. Default 4: server, Neo4j and load generator share 2 cores. */
  connections: number;
  /** Seconds of sequential in-process driver calls per operation. Default 1, or 0.3 with --quick. */
  driverSeconds: number;
  yesWipe: boolean;
  /** Only time this many warm `npm start`s (after one that loads the graph), then exit. Default: none. */
  starts: number | undefined;
  /** Only load each scale and report its import's rows/s: no contenders, no timed runs. */
  importOnly: boolean;
  /** With importOnly: load the largest scale as Cypher files with `npm run load`'s loader instead of the UNWIND import. */
  loader: boolean;
  /** Only write the largest scale as Cypher files into this folder (for `npm run load -- <folder>`), then exit. */
  writeCypher: string | undefined;
}

function positiveNumber(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new ConfigError(`--${flag} must be a positive number, got '${value}'.`);
  return number;
}

function readSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      scales: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      'yes-wipe': { type: 'boolean', default: false },
      starts: { type: 'string' },
      'import-only': { type: 'boolean', default: false },
      loader: { type: 'boolean', default: false },
      'write-cypher': { type: 'string' },
    },
  });
  const quick = values.quick === true;
  const scales = values.scales
    ? values.scales.split(',').map((scale) => {
        const number = Number(scale.trim());
        if (!Number.isInteger(number) || number < 1) throw new ConfigError(`--scales takes whole numbers >= 1 separated by commas, got '${values.scales}'.`);
        return number;
      })
    : quick ? [1, 100] : [1, 100, 1000];
  return {
    scales: [...new Set(scales)].sort((a, b) => a - b),
    durationSeconds: values.duration ? positiveNumber('duration', values.duration) : quick ? 1 : 10,
    warmupSeconds: quick ? 0.5 : 2,
    firstPassSeconds: quick ? 1 : 3,
    connections: values.connections ? Math.round(positiveNumber('connections', values.connections)) : 4,
    driverSeconds: quick ? 0.3 : 1,
    yesWipe: values['yes-wipe'] === true,
    starts: values.starts ? Math.round(positiveNumber('starts', values.starts)) : undefined,
    importOnly: values['import-only'] === true || values.loader === true,
    loader: values.loader === true,
    writeCypher: values['write-cypher'],
  };
}

interface BenchDatabase {
  db: GraphDatabase;
  credentials: { username: string; password: string };
  description: string;
  /** The Java process of a managed Neo4j, whose CPU time the import line reports. */
  pid?: number;
  close(): Promise<void>;
}

/** A managed Neo4j of the benchmark's own, or the NEO4J_URI server when the user allows it to be wiped. */
async function openBenchDatabase(settings: Settings): Promise<BenchDatabase> {
  const connection = readNeo4jConnection();
  if (connection.kind === 'external') {
    if (!settings.yesWipe) {
      throw new ConfigError(
        `NEO4J_URI is set (${connection.uri}), and the benchmark deletes everything in the database it uses. ` +
          'Add --yes-wipe to allow that, or unset NEO4J_URI to let it start a Neo4j of its own.',
      );
    }
    const db = new GraphDatabase(connection);
    return { db, credentials: connection, description: `Neo4j at ${connection.uri} (wiped)`, close: () => db.close() };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'csto-graph-bench-'));
  const heap = Math.max(...settings.scales) >= 1000 ? '2g' : '1g';
  let managed: ManagedNeo4j;
  try {
    managed = await startManagedNeo4j({ dataDir, boltPort: 0, password: randomBytes(16).toString('hex'), heap, pageCache: '1g', log: (line) => log(`[neo4j] ${line}`) });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const db = new GraphDatabase({ uri: managed.uri, username: managed.username, password: managed.password });
  return {
    db,
    credentials: managed,
    pid: managed.pid,
    description: `managed Neo4j (heap ${heap}, page cache 1g, temporary data)`,
    close: async () => {
      await db.close();
      await managed.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function wipe(db: GraphDatabase): Promise<void> {
  // CALL { … } IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run.
  const session = db.writeSession();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** Brings the database from `loaded` (0: unknown contents) to `scale`: clusters are nested, so only new ones load. */
async function loadScale(db: GraphDatabase, loaded: number, scale: number): Promise<ScaleResult['import']> {
  if (loaded === 0) {
    log('Wiping the benchmark database…');
    await wipe(db);
  }
  const started = performance.now();
  let rows = 0;
  if (loaded === 0) {
    log('Loading the article (cypher/)…');
    const changes = sumChanges(await loadCypherDirectory(db));
    rows += changes.nodesCreated + changes.relationshipsCreated;
  }
  if (scale > Math.max(loaded, 1)) {
    const report = await importSyntheticGraph(db, { scale, firstCluster: Math.max(loaded, 1), log });
    rows += report.nodes + report.relationships;
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, rows, rowsPerSecond: rows / Math.max(seconds, 0.001) };
}

async function graphSize(db: GraphDatabase): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read<{ nodes: number; relationships: number }>(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return row!;
}

/** CPU seconds (user + system) a process has used so far, from /proc; undefined where there is none. */
async function processCpuSeconds(pid: number): Promise<number | undefined> {
  try {
    // Fields after the parenthesised command name: state is field 3, utime 14 and stime 15, in clock ticks (100 per second on Linux).
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Starts counting the CPU seconds of this process and of Neo4j's (when known); the returned function describes them so far. */
async function countCpu(neo4jPid: number | undefined): Promise<() => Promise<string>> {
  const nodeBefore = process.cpuUsage();
  const neo4jBefore = neo4jPid === undefined ? undefined : await processCpuSeconds(neo4jPid);
  return async () => {
    const node = process.cpuUsage(nodeBefore);
    const neo4jAfter = neo4jPid === undefined ? undefined : await processCpuSeconds(neo4jPid);
    const neo4j = neo4jBefore !== undefined && neo4jAfter !== undefined ? [`Neo4j ${(neo4jAfter - neo4jBefore).toFixed(1)} s`] : [];
    return [`Node ${((node.user + node.system) / 1e6).toFixed(1)} s`, ...neo4j].join(', ');
  };
}

/** `--loader`: writes the largest scale as Cypher files and loads them with the loader of `npm run load`, into an empty database. */
async function loaderOnly(opened: BenchDatabase, scale: number): Promise<void> {
  const directory = await mkdtemp(path.join(tmpdir(), 'csto-graph-bench-cypher-'));
  try {
    const written = await writeSyntheticCypher(directory, { scale });
    log(`x${scale}: ${written.files} Cypher files written; loading them with the loader…`);
    const cpuSoFar = await countCpu(opened.pid);
    const started = performance.now();
    let loaded = 0;
    const reports = await loadCypherDirectory(opened.db, {
      directory,
      log: (line) => {
        if (++loaded % 100 === 0) log(line);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = await cpuSoFar();
    const changes = sumChanges(reports);
    const rows = changes.nodesCreated + changes.relationshipsCreated;
    console.log(
      `x${scale} loader: ${reports.length} files, ${rows.toLocaleString('en')} nodes and relationships in ${seconds.toFixed(1)} s, ` +
        `${describeRowRate(rows, seconds)}; CPU: ${cpu}`,
    );
    // The phases name the files that got the whole quote check.
    console.log(`x${scale} loader phases: ${describePhases(reports)}`);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** `--import-only`: loads each scale in turn and reports its import, with the CPU seconds Node and Neo4j spent on it. */
async function importOnly(opened: BenchDatabase, settings: Settings): Promise<void> {
  let loaded = 0;
  for (const scale of settings.scales) {
    const cpuSoFar = await countCpu(opened.pid);
    const imported = await loadScale(opened.db, loaded, scale);
    const cpu = await cpuSoFar();
    loaded = scale;
    const size = await graphSize(opened.db);
    console.log(
      `x${scale}: ${size.nodes.toLocaleString('en')} nodes, ${size.relationships.toLocaleString('en')} relationships (imported ` +
        `${imported.rows.toLocaleString('en')} rows in ${imported.seconds.toFixed(1)} s, ${Math.round(imported.rowsPerSecond).toLocaleString('en')} rows/s; CPU: ${cpu})`,
    );
  }
}

/** The raw Cypher query through the driver, in this process, one call after another: no HTTP at all. */
async function driverLatency(db: GraphDatabase, operation: BenchOperation, seconds: number): Promise<OperationResult['driver']> {
  // A few untimed calls first, as the HTTP runs have their warm-up.
  for (let i = 0; i < 3; i++) await db.read(operation.cypher.query, operation.cypher.params);
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  do {
    const started = performance.now();
    await db.read(operation.cypher.query, operation.cypher.params);
    times.push(performance.now() - started);
  } while (performance.now() < until);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), requests: times.length };
}

const describeTiming = (timing: Timing) =>
  timing.requests === 0
    ? 'no request completed within the run (raise --duration)'
    : `${Math.round(timing.requestsPerSecond).toLocaleString('en')} req/s, p50 ${timing.p50} ms, p99 ${timing.p99} ms${timing.failures ? `, ${timing.failures} failed` : ''}`;

runCommand('bench', async () => {
  const wallStarted = performance.now();
  const startedAt = new Date().toISOString();
  const settings = readSettings(process.argv.slice(2));
  if (settings.starts !== undefined) return void (await measureWarmStarts(settings.starts, log));
  if (settings.writeCypher !== undefined) {
    const scale = Math.max(...settings.scales);
    const written = await writeSyntheticCypher(settings.writeCypher, { scale });
    console.log(
      `x${scale}: ${written.files} Cypher files in ${settings.writeCypher} (${written.clusters} clusters, ${written.nodes.toLocaleString('en')} nodes and ` +
        `${written.relationships.toLocaleString('en')} relationships besides the article); load them with npm run load -- ${settings.writeCypher}`,
    );
    return;
  }
  const runs = settings.scales.length * operations.length * 3 + 1;
  if (settings.importOnly) log(`Benchmark: imports only, scales ${settings.scales.map((scale) => `x${scale}`).join(', ')}.`);
  else log(
    `Benchmark: scales ${settings.scales.map((scale) => `x${scale}`).join(', ')}; ${runs} timed runs of ${settings.durationSeconds} s ` +
      `(after ${settings.warmupSeconds} s of warm-up each) with ${settings.connections} connections.`,
  );
  const opened = await openBenchDatabase(settings);
  let closing: Promise<void> | undefined;
  const closeDatabase = () => (closing ??= opened.close());
  onShutdownSignal(closeDatabase);
  try {
    log(`Neo4j: ${opened.description}.`);
    if (settings.loader) return await loaderOnly(opened, Math.max(...settings.scales));
    if (settings.importOnly) return await importOnly(opened, settings);
    const running = await startContenders(opened.db, operations, opened.credentials);
    const profiler = await createDbHitsProfiler(opened.db, opened.credentials);
    const results: BenchResults = {
      startedAt,
      wallSeconds: 0,
      machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      neo4j: opened.description,
      settings: {
        scales: settings.scales,
        connections: settings.connections,
        firstPassSeconds: settings.firstPassSeconds,
        warmupSeconds: settings.warmupSeconds,
        durationSeconds: settings.durationSeconds,
        seed: defaultSeed,
      },
      hello: null,
      scales: [],
    };
    try {
      let loaded = 0;
      for (const scale of settings.scales) {
        const imported = await loadScale(opened.db, loaded, scale);
        loaded = scale;
        const size = await graphSize(opened.db);
        log(`x${scale}: ${size.nodes.toLocaleString('en')} nodes, ${size.relationships.toLocaleString('en')} relationships. Checking answers…`);

        const checks = new Map<string, Awaited<ReturnType<typeof checkAnswers>>>();
        for (const operation of operations) {
          const check = await checkAnswers(running.contenders, operation);
          checks.set(operation.name, check);
          log(`  ${operation.name}: ${check.check === 'same' ? 'same answers' : 'MISMATCH'}`);
          for (const problem of check.problems) log(`    ${problem}`);
        }
        const dbHits = new Map<string, OperationResult['dbHits']>();
        for (const operation of operations) dbHits.set(operation.name, await profiler.measure(operation));

        const targets: LoadTarget[] = operations.flatMap((operation) =>
          running.contenders
            .filter((contender) => !checks.get(operation.name)!.failed.has(contender.id))
            .map((contender) => ({ key: `${operation.name}|${contender.id}`, ...contender.request(operation) })),
        );
        if (!results.hello) targets.unshift({ key: 'hello', ...running.hello });
        const timings = new Map<string, Timing>();
        await runLoad(
          {
            targets,
            connections: settings.connections,
            // Neo4j and the servers start cold: without this pass the first scale measures their JIT warming up.
            firstPassSeconds: results.scales.length === 0 ? settings.firstPassSeconds : 0,
            warmupSeconds: settings.warmupSeconds,
            durationSeconds: settings.durationSeconds,
          },
          ({ key, ...timing }) => {
            timings.set(key, timing);
            log(`  [x${scale}] ${key.replace('|', ' · ')}: ${describeTiming(timing)}`);
          },
        );
        results.hello ??= timings.get('hello') ?? null;
        const driver = new Map<string, OperationResult['driver']>();
        for (const operation of operations) driver.set(operation.name, await driverLatency(opened.db, operation, settings.driverSeconds));

        results.scales.push({
          scale,
          ...size,
          import: imported,
          operations: operations.map((operation) => {
            const check = checks.get(operation.name)!;
            const http: Partial<Record<ContenderId, Timing>> = {};
            for (const contender of running.contenders) {
              const timing = timings.get(`${operation.name}|${contender.id}`);
              if (timing) http[contender.id] = timing;
            }
            const ratio = (top: number | null | undefined, bottom: number | null | undefined) => (top && bottom ? top / bottom : null);
            return {
              name: operation.name,
              question: operation.question,
              check: check.check,
              problems: check.problems,
              http,
              dbHits: dbHits.get(operation.name)!,
              driver: driver.get(operation.name)!,
              throughputOursOverNeo4jGraphql: ratio(http.ours?.requestsPerSecond, http.neo4jGraphql?.requestsPerSecond),
              p50OursOverCypher: ratio(http.ours?.p50, http.cypher?.p50),
            };
          }),
        });
      }
    } finally {
      await Promise.all([running.close(), profiler.close()]);
    }
    results.wallSeconds = (performance.now() - wallStarted) / 1000;
    console.log(renderTable(results));
    const file = await writeResults(results, resultsDirectory);
    console.log(`\nResults: ${path.relative(process.cwd(), file)} (wall time ${results.wallSeconds.toFixed(0)} s)`);
  } finally {
    await closeDatabase();
  }
});
