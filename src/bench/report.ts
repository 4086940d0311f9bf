/** The benchmark's results: their shape, the terminal table and the JSON file. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContenderId } from './contenders.js';

/** The p-th percentile of ascending values (the lower one at a boundary); 0 for none. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export interface Timing {
  requestsPerSecond: number;
  /** In ms; null when no request completed within the run. */
  p50: number | null;
  p99: number | null;
  requests: number;
  /** Non-2xx responses, connection errors and timeouts. */
  failures: number;
}

export interface OperationResult {
  name: string;
  question: string;
  /** 'same' when every contender gave the same normalised answer. */
  check: 'same' | 'mismatch';
  /** What differed or failed, one line per contender that did not match raw Cypher. */
  problems: string[];
  /** Per contender over HTTP; absent when the contender failed the check with an error. */
  http: Partial<Record<ContenderId, Timing>>;
  /** Neo4j's PROFILE database hits per contender, summed over the queries it sends for the operation. */
  dbHits: Partial<Record<ContenderId, number>>;
  /** The raw Cypher query through the driver in this process, without HTTP. */
  driver: { p50: number; p99: number; requests: number };
  /** ours ÷ @neo4j/graphql, in requests per second (above 1: ours is faster). */
  throughputOursOverNeo4jGraphql: number | null;
  /** ours ÷ raw Cypher, in p50 latency over HTTP (above 1: ours is slower than the floor). */
  p50OursOverCypher: number | null;
}

export interface ScaleResult {
  scale: number;
  nodes: number;
  relationships: number;
  import: { seconds: number; rows: number; rowsPerSecond: number };
  operations: OperationResult[];
}

export interface BenchResults {
  startedAt: string;
  wallSeconds: number;
  machine: { cpus: number; memoryGiB: number; node: string };
  neo4j: string;
  settings: { scales: number[]; connections: number; firstPassSeconds: number; warmupSeconds: number; durationSeconds: number; seed: number };
  /** The HTTP ceiling: a hello-world node:http server under the same load. */
  hello: Timing | null;
  scales: ScaleResult[];
}

const contenderOrder: [ContenderId, string][] = [
  ['ours', 'ours'],
  ['neo4jGraphql', '@neo4j/graphql'],
  ['cypher', 'raw Cypher'],
];

const count = (value: number) => Math.round(value).toLocaleString('en');
const ms = (value: number | null) => (value === null ? '–' : value < 10 ? value.toFixed(1) : count(value));
const ratio = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)}×`);

/** Renders rows as aligned columns: the first column left-aligned, the others right-aligned. */
function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

/** One table per scale: a row per operation, req/s · p50 · p99 per contender, the driver's own latency, ratios. */
export function renderTable(results: BenchResults): string {
  const lines: string[] = [];
  if (results.hello) {
    lines.push(`HTTP ceiling (node:http hello world): ${count(results.hello.requestsPerSecond)} req/s, p50 ${ms(results.hello.p50)} ms, p99 ${ms(results.hello.p99)} ms`);
  }
  for (const scale of results.scales) {
    lines.push(
      '',
      `x${scale.scale}: ${count(scale.nodes)} nodes, ${count(scale.relationships)} relationships` +
        (scale.import.rows ? ` (imported ${count(scale.import.rows)} rows in ${scale.import.seconds.toFixed(1)} s, ${count(scale.import.rowsPerSecond)} rows/s)` : ''),
    );
    const header = [
      'operation',
      'check',
      ...contenderOrder.flatMap(([, label]) => [`${label} req/s`, 'p50', 'p99', 'db hits']),
      'driver p50',
      'p99',
      'ours/@n4j req/s',
      'ours/Cypher p50',
    ];
    const rows = scale.operations.map((operation) => [
      operation.name,
      operation.check === 'same' ? 'ok' : 'MISMATCH',
      ...contenderOrder.flatMap(([id]) => {
        const timing = operation.http[id];
        const hits = operation.dbHits[id] === undefined ? '–' : count(operation.dbHits[id]);
        if (!timing) return ['error', '–', '–', hits];
        return [`${count(timing.requestsPerSecond)}${timing.failures ? '!' : ''}`, ms(timing.p50), ms(timing.p99), hits];
      }),
      ms(operation.driver.p50),
      ms(operation.driver.p99),
      ratio(operation.throughputOursOverNeo4jGraphql),
      ratio(operation.p50OursOverCypher),
    ]);
    lines.push(columns([header, ...rows]));
    for (const operation of scale.operations) for (const problem of operation.problems) lines.push(`  ${operation.name}: ${problem}`);
  }
  lines.push(
    '',
    'Latencies in ms (HTTP: autocannon, 1 ms resolution; driver: in-process, sequential). db hits: Neo4j PROFILE, summed over the ' +
      'queries a contender sends for the operation. "!" marks a run with failed requests; ' +
      '"–" a latency no request completed for, or a ratio that cannot be taken.',
  );
  return lines.join('\n');
}

/** Writes `<directory>/<timestamp>.json` and returns its path. */
export async function writeResults(results: BenchResults, directory: string): Promise<string> {
  await mkdir(directory, { recursive: true });
  const file = path.join(directory, `${results.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
