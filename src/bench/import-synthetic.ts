/**
 * Imports the synthetic clusters into Neo4j: batched, parameterised `UNWIND $rows` with
 * `CALL { … } IN TRANSACTIONS`, nodes first (all clusters), then relationships, so every MATCH finds its ends.
 */
import type { GraphDatabase } from '../database/graph-database.js';
import { describeRowRate } from '../loader/load-cypher.js';
import { ProgressBar } from './progress-bar.js';
import {
  articleAnchors,
  clusterCount,
  dateProperties,
  type LookupLabel,
  type SyntheticCluster,
  type SyntheticLabel,
  syntheticClusters,
} from './synthetic-graph.js';

export interface ImportOptions {
  /** Target scale: x1 is the article alone, xN adds N - 1 clusters. */
  scale: number;
  /** PRNG seed. Default: the generator's default seed. */
  seed?: number;
  /** First cluster to import, to grow a smaller scale already in the database. Default 1. */
  firstCluster?: number;
  /** Rows per query (one Bolt message). Default 10,000. */
  batchRows?: number;
  /** Rows per inner transaction of `CALL { … } IN TRANSACTIONS`. Default 10,000: one commit per batch. */
  transactionRows?: number;
  /** Draw a progress bar on stderr. Default true. */
  progress?: boolean;
  /** Where warnings go. Default console.error. */
  log?: (line: string) => void;
}

export interface ImportReport {
  clusters: number;
  nodes: number;
  relationships: number;
  seconds: number;
  rowsPerSecond: number;
}

const entityLabels = new Set<SyntheticLabel>(['State', 'Person', 'Organization', 'Place']);

/** A property name as Cypher writes it. */
const propertyName = (key: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `\`${key.replace(/`/g, '``')}\``);

/**
 * `{key: row[i], …}` for the keys of a batch, from item `first` of each row on; dates (by the generator's
 * `dateProperties`) converted with `date()`. Rows travel as lists, not maps: Neo4j builds no map per row, and
 * with the keys spelled out the plan has no Eager (a `SET n = map` after a MATCH gets one).
 */
function propertyMap(keys: string[], dates: readonly string[], first: number): string {
  return `{${keys.map((key, i) => `${propertyName(key)}: ${dates.includes(key) ? `date(row[${first + i}])` : `row[${first + i}]`}`).join(', ')}}`;
}

function nodeQuery(label: SyntheticLabel, keys: string[], transactionRows: number): string {
  const labels = entityLabels.has(label) ? `${label}:Entity` : label;
  return `UNWIND $rows AS row
CALL (row) {
  CREATE (n:${labels} ${propertyMap(keys, dateProperties[label] ?? [], 0)})
} IN TRANSACTIONS OF ${transactionRows} ROWS`;
}

function relationshipQuery(type: string, from: LookupLabel, to: LookupLabel, keys: string[], transactionRows: number): string {
  return `UNWIND $rows AS row
CALL (row) {
  MATCH (a:${from} {id: row[0]})
  MATCH (b:${to} {id: row[1]})
  CREATE (a)-[r:${type} ${propertyMap(keys, dateProperties[type] ?? [], 2)}]->(b)
} IN TRANSACTIONS OF ${transactionRows} ROWS`;
}

/** Rows of one query group as they are generated: the ends of a relationship (if any), then its properties. */
interface PendingRow {
  ends: unknown[];
  properties: Record<string, unknown>;
}

/** Rows of one group as one batch: the union of their keys (in first-seen order) decides the query and each row's list. */
function toBatch(rows: PendingRow[], query: (keys: string[]) => string): Batch {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.properties)) keys.add(key);
  const ordered = [...keys];
  return { query: query(ordered), rows: rows.map((row) => [...row.ends, ...ordered.map((key) => row.properties[key] ?? null)]) };
}

/** A query and the rows it gets as `$rows`. */
interface Batch {
  query: string;
  rows: unknown[];
}

/**
 * Runs lists of batches, up to `concurrency` lists at once (the batches of one list one after another), while
 * the caller generates the next rows. Counts the rows sent and the nodes and relationships created.
 */
class BatchRunner {
  private readonly inFlight = new Set<Promise<void>>();
  /** The first failed query's error, thrown at the next submit or drain. */
  private failure: unknown;
  sent = 0;
  created = 0;

  constructor(
    private readonly db: GraphDatabase,
    /** Rows per batch: a buffer this full is sent. */
    protected readonly batchRows: number,
    /** Lists at once. */
    private readonly concurrency: number,
    /** Called after each committed batch, so progress moves while a long query runs. */
    private readonly onBatch: () => void,
  ) {}

  async submit(batches: Batch[]): Promise<void> {
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    // Caught here so that a query failing while the next batch is generated is not an unhandled rejection.
    const running = (async () => {
      for (const { query, rows } of batches) {
        // Not `this.created += await …`: that reads `created` before the await and loses the other list's updates.
        const created = await this.run(query, rows);
        this.created += created;
        this.sent += rows.length;
        this.onBatch();
      }
    })()
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }

  /** Returns the nodes and relationships the query created. */
  private async run(query: string, rows: unknown[]): Promise<number> {
    // CALL { … } IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run, not executeWrite.
    const session = this.db.writeSession();
    try {
      const counters = (await session.run(query, { rows }).summary()).counters.updates();
      return (counters.nodesCreated ?? 0) + (counters.relationshipsCreated ?? 0);
    } finally {
      await session.close();
    }
  }
}

/** Rows waiting for their query, one buffer per query group; a full buffer becomes one batch. */
class BatchWriter extends BatchRunner {
  private readonly buffers = new Map<string, { query: (keys: string[]) => string; rows: PendingRow[] }>();

  async add({ key, query, row }: PassRow): Promise<void> {
    let buffer = this.buffers.get(key);
    if (!buffer) this.buffers.set(key, (buffer = { query, rows: [] }));
    buffer.rows.push(row);
    if (buffer.rows.length < this.batchRows) return;
    await this.submit([toBatch(buffer.rows, buffer.query)]);
    buffer.rows = [];
  }

  /** Sends every buffer and waits for the last query. */
  override async drain(): Promise<void> {
    for (const buffer of this.buffers.values()) {
      if (buffer.rows.length) await this.submit([toBatch(buffer.rows, buffer.query)]);
      buffer.rows = [];
    }
    await super.drain();
  }
}

/**
 * Relationships within clusters: rows of whole clusters, grouped by query into chunks of about `batchRows` rows.
 * Two chunks hold disjoint clusters, so they lock disjoint nodes and run at once without deadlocks; the queries
 * of one chunk run one after another.
 */
class ClusterChunkWriter extends BatchRunner {
  private chunk = new Map<string, { query: (keys: string[]) => string; rows: PendingRow[] }>();
  private chunkRows = 0;

  async addCluster(rows: PassRow[]): Promise<void> {
    for (const { key, query, row } of rows) {
      let group = this.chunk.get(key);
      if (!group) this.chunk.set(key, (group = { query, rows: [] }));
      group.rows.push(row);
    }
    this.chunkRows += rows.length;
    if (this.chunkRows >= this.batchRows) await this.flush();
  }

  override async drain(): Promise<void> {
    if (this.chunkRows) await this.flush();
    await super.drain();
  }

  private async flush(): Promise<void> {
    const batches = [...this.chunk.values()].map((group) => toBatch(group.rows, group.query));
    this.chunk = new Map();
    this.chunkRows = 0;
    await this.submit(batches);
  }
}

/** Warns about article entities the clusters link to but `cypher/` does not have (their links are skipped). */
async function checkAnchors(db: GraphDatabase, log: (line: string) => void): Promise<void> {
  const ids = [articleAnchors.alliance.id, ...articleAnchors.states.map((state) => state.id)];
  const found = new Set((await db.read<{ id: string }>('MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id', { ids })).map((row) => row.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) log(`[import] warning: the article graph lacks ${missing.join(', ')}; synthetic links to them are skipped.`);
}

/** One row of a pass: the key of its query group, how to build that group's query for a batch's keys, and the row. */
interface PassRow {
  key: string;
  query: (keys: string[]) => string;
  row: PendingRow;
}

/** Imports clusters `firstCluster` … `scale - 1`; the article (and its schema) must be loaded already. */
export async function importSyntheticGraph(db: GraphDatabase, options: ImportOptions): Promise<ImportReport> {
  const log = options.log ?? ((line: string) => console.error(line));
  const firstCluster = options.firstCluster ?? 1;
  const clusters = Math.max(0, clusterCount(options.scale) - firstCluster + 1);
  const batchRows = options.batchRows ?? 10_000;
  const transactionRows = options.transactionRows ?? 10_000;
  await checkAnchors(db, log);

  const started = performance.now();
  const bar = options.progress === false ? undefined : new ProgressBar(`x${options.scale} import`, 1);
  let sent = 0;
  let created = 0;
  // Rows generated in the first pass, nodes and relationships both, so the total is known (then estimated) from the start.
  let clustersSeen = 0;
  let rowsSeen = 0;
  const estimatedTotal = () => (clustersSeen === 0 ? 0 : Math.round((rowsSeen / clustersSeen) * clusters));
  const show = (phase: string, written: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = written / Math.max(seconds, 0.001);
    const total = estimatedTotal();
    const exact = clustersSeen === clusters;
    const eta = rate > 0 && total > written ? `ETA ${Math.ceil((total - written) / rate)} s` : 'ETA -';
    bar?.update(
      total === 0 ? 0 : written / total,
      `${phase} · ${written.toLocaleString('en')} of ${exact ? '' : '~'}${total.toLocaleString('en')} rows · ${describeRowRate(written, seconds)} · ${eta}`,
    );
  };
  // Generating a cluster twice costs about 2 ms; keeping x1000 in memory for one pass would cost gigabytes.
  const pass = async (phase: string, concurrency: number, rowsOf: (cluster: SyntheticCluster) => PassRow[]) => {
    const writer = new BatchWriter(db, batchRows, concurrency, () => show(phase, sent + writer.sent));
    for (const cluster of syntheticClusters({ scale: options.scale, seed: options.seed, firstCluster })) {
      clustersSeen += 1;
      rowsSeen += cluster.nodes.length + cluster.relationships.length;
      for (const row of rowsOf(cluster)) await writer.add(row);
      show(phase, sent + writer.sent);
    }
    await writer.drain();
    sent += writer.sent;
    created += writer.created;
  };
  // Node batches touch disjoint nodes, so two run at once.
  await pass(
    'nodes',
    2,
    (cluster) => cluster.nodes.map((node) => ({ key: node.label, query: (keys) => nodeQuery(node.label, keys, transactionRows), row: { ends: [], properties: node.properties } })),
  );
  const nodes = sent;
  const relationshipRow = (rel: SyntheticCluster['relationships'][number]): PassRow => ({
    key: `${rel.type}|${rel.from.label}|${rel.to.label}`,
    query: (keys) => relationshipQuery(rel.type, rel.from.label, rel.to.label, keys, transactionRows),
    row: { ends: [rel.from.id, rel.to.id], properties: rel.properties },
  });
  // Relationships inside a cluster first, two chunks of disjoint clusters at once; the links to nodes outside
  // the cluster (the article's, shared by all) after them, one batch at a time, as they share their end nodes.
  const links: PassRow[] = [];
  const inside = new ClusterChunkWriter(db, batchRows, 2, () => show('relationships', sent + inside.sent));
  for (const cluster of syntheticClusters({ scale: options.scale, seed: options.seed, firstCluster })) {
    const own = new Set(cluster.nodes.map((node) => node.properties.id));
    const rows: PassRow[] = [];
    for (const rel of cluster.relationships) (own.has(rel.from.id) && own.has(rel.to.id) ? rows : links).push(relationshipRow(rel));
    await inside.addCluster(rows);
    show('relationships', sent + inside.sent);
  }
  await inside.drain();
  sent += inside.sent;
  created += inside.created;
  const linker = new BatchWriter(db, batchRows, 1, () => show('links', sent + linker.sent));
  for (const row of links) await linker.add(row);
  await linker.drain();
  sent += linker.sent;
  created += linker.created;
  const seconds = (performance.now() - started) / 1000;
  bar?.finish(
    `done · ${sent.toLocaleString('en')} rows (${nodes.toLocaleString('en')} nodes, ${(sent - nodes).toLocaleString('en')} relationships) in ${seconds.toFixed(1)} s · ${describeRowRate(sent, seconds)}`,
  );
  if (created !== sent) log(`[import] warning: ${sent - created} of ${sent} rows created nothing (a missing end node).`);
  // The full-text and range indexes fill in the background; operations must not run against half of them.
  await db.read('CALL db.awaitIndexes(600)');
  return { clusters, nodes, relationships: sent - nodes, seconds, rowsPerSecond: sent / Math.max(seconds, 0.001) };
}
