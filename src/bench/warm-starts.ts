/**
 * Warm starts (`npm run bench -- --starts 5`): runs `npm start` as a user does, with its managed Neo4j on a data
 * folder of its own, and times each start from the command to the first answered query. A first start, not
 * counted, loads the graph and records the Java class-data archive, so that the timed starts find what a restart
 * finds: jars cached, graph loaded, nothing changed.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleOperations } from '../example-operations.js';
import { freePort, OutputFile, postGraphQL, untilAnswering } from './api-process.js';
import { percentile } from './report.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** One start, in ms from the command: where its time went, from the lines `npm start` prints. */
export interface StartTiming {
  /** From the command to the first answer of `{ states { totalCount } }`. */
  firstAnswer: number;
  /** npm, Node and the imports up to the first line the command prints. */
  toFirstLine: number;
  /** The managed Neo4j's own figure: from its launch to accepting Bolt. */
  neo4j: number | undefined;
  /** The loader's pass over cypher/ (every file skipped when nothing changed). */
  loading: number | undefined;
  /** From the "Ready" line to the first answer: the first query's planning and round trip. */
  firstQuery: number;
  /** After the first answer, GraphiQL's first tab (the help requests): an analyst's first real query, planned on a fresh Neo4j. */
  firstTab: number;
  /** From SIGTERM to the command's exit. */
  stop: number;
  /** The loader's line about skipped files, as printed. */
  skipLine: string | undefined;
}

const secondsIn = (line: string | undefined, pattern: RegExp) => {
  const match = line === undefined ? null : pattern.exec(line);
  return match ? Number(match[1]) * 1000 : undefined;
};

/** Runs `npm start` once in `dataDir` on a free port and times it; stops it before returning. */
async function timeOneStart(dataDir: string, outputFile: string): Promise<StartTiming> {
  const port = await freePort();
  const outputFd = openSync(outputFile, 'w');
  const started = performance.now();
  // Its own process group, so that SIGTERM reaches npm's shell and Node alike.
  const child = spawn('npm', ['start'], {
    cwd: projectRoot,
    detached: true,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NEO4J_URI: '', NEO4J_DATA_DIR: dataDir, CSTO_LOG_LEVEL: 'warn' },
    stdio: ['ignore', outputFd, outputFd],
  });
  closeSync(outputFd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const output = new OutputFile(outputFile);
  const isAlive = () => child.exitCode === null && child.signalCode === null;
  try {
    const ready = await output.waitFor(/^Ready in /, isAlive);
    const answeredAt = await untilAnswering(`http://127.0.0.1:${port}`, performance.now() + 60_000, 20);
    if (answeredAt === undefined) throw new Error(`npm start said it was ready but did not answer a query within 60 s:\n${ready.text}`);
    const firstTab = await timeFirstTab(`http://127.0.0.1:${port}`);
    const first = output.lines.find((line) => line.text.trim() !== '' && !line.text.startsWith('>'));
    const stopping = performance.now();
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    return {
      firstAnswer: answeredAt - started,
      toFirstLine: (first?.at ?? ready.at) - started,
      neo4j: secondsIn(output.find(/^Neo4j \S+ is ready in /)?.text, /ready in ([\d.]+) s/),
      loading: secondsIn(ready.text, /loading ([\d.]+) s/),
      firstQuery: answeredAt - ready.at,
      firstTab,
      stop: performance.now() - stopping,
      skipLine: output.find(/^\[load\] skipped /)?.text,
    };
  } finally {
    output.stop();
    if (isAlive()) {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    }
  }
}

/** Runs GraphiQL's first tab once, as an analyst would next; returns its time in ms. */
async function timeFirstTab(base: string): Promise<number> {
  const { query, variables } = exampleOperations[0]!;
  const sent = performance.now();
  const body = await postGraphQL(base, { query, variables }, 30_000);
  if (!body.data || body.errors?.length) throw new Error(`GraphiQL's first tab failed after a start: ${JSON.stringify(body).slice(0, 500)}`);
  return performance.now() - sent;
}

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
const s = (ms: number | undefined) => (ms === undefined ? '?' : `${(ms / 1000).toFixed(1)} s`);
/** The median of a figure over the starts whose output gave it, saying how many did; '?' when none printed it. */
const knownMedian = (values: (number | undefined)[]) => {
  const known = values.filter((value): value is number => value !== undefined);
  if (known.length === 0) return '?';
  return `${s(median(known))}${known.length < values.length ? ` (of ${known.length} starts that printed it)` : ''}`;
};

/** Times `count` warm starts after one loading start; prints a line per start and the median. */
export async function measureWarmStarts(count: number, log: (line: string) => void): Promise<StartTiming[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'csto-graph-starts-'));
  const dataDir = path.join(work, 'data');
  const outputFile = path.join(work, 'output.txt');
  try {
    log('Warm starts: a first npm start loads the graph (not counted)…');
    const first = await timeOneStart(dataDir, outputFile);
    log(`  loading start: first answer after ${s(first.firstAnswer)} (Neo4j ${s(first.neo4j)}, loading ${s(first.loading)})`);
    const timings: StartTiming[] = [];
    for (let i = 1; i <= count; i++) {
      const timing = await timeOneStart(dataDir, outputFile);
      timings.push(timing);
      log(
        `  start ${i}: first answer after ${s(timing.firstAnswer)} = npm and Node ${s(timing.toFirstLine)}, Neo4j ${s(timing.neo4j)}, ` +
          `cypher/ ${s(timing.loading)}, first query ${s(timing.firstQuery)} (and the rest between); then GraphiQL's first tab ${s(timing.firstTab)}; stop ${s(timing.stop)}` +
          (timing.skipLine ? `\n    ${timing.skipLine}` : ''),
      );
    }
    const answers = timings.map((timing) => timing.firstAnswer);
    console.log(
      `Warm npm start, ${count} starts: median ${s(median(answers))} to the first answer (${s(Math.min(...answers))} to ${s(Math.max(...answers))}); ` +
        `median Neo4j ${knownMedian(timings.map((timing) => timing.neo4j))}, cypher/ ${knownMedian(timings.map((timing) => timing.loading))}, ` +
        `first query ${s(median(timings.map((timing) => timing.firstQuery)))}; then GraphiQL's first tab ${s(median(timings.map((timing) => timing.firstTab)))}.`,
    );
    return timings;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
