/**
 * The benchmark's Cypher files (`npm run bench -- --write-cypher`) through the loader: they add exactly the
 * generator's clusters, as the UNWIND import does, and the search keys come from `90-derived-search-keys.cypher`,
 * not from the files. Afterwards the clusters and their records are removed, leaving the graph as it was.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticFolder, writeSyntheticCypher } from '../src/bench/synthetic-cypher.js';
import { checkModel } from '../src/loader/check-model.js';
import { describeViolation } from '../src/loader/validate-model.js';
import { type FileReport, loadCypherDirectory, readLoadedFiles } from '../src/loader/load-cypher.js';
import { countGraph, type GraphCounts } from './support/graph-snapshot.js';
import { clusterRows, countClustersInGraph } from './support/synthetic-clusters.js';
import { openTestDatabase } from './support/test-neo4j.js';

const db = openTestDatabase();
const rows = clusterRows(4);
const { nodes } = rows;
let directory: string;
let before: GraphCounts;
let recordsBefore: Map<string, string>;
let reports: FileReport[];

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'csto-graph-synthetic-cypher-'));
  await writeSyntheticCypher(directory, { scale: 4 });
  before = await countGraph(db);
  recordsBefore = await readLoadedFiles(db);
  reports = await loadCypherDirectory(db, { directory });
});

afterAll(async () => {
  const session = db.writeSession();
  try {
    await session.run('UNWIND $ids AS id MATCH (n {id: id}) DETACH DELETE n', { ids: nodes.map((node) => node.id) });
    // The copy of cypher/ recorded its files under cypher/'s names (the derived file with another hash): put cypher/'s back.
    await session.run(`MATCH (f:LoadedFile) WHERE f.name STARTS WITH $synthetic DELETE f`, { synthetic: `${syntheticFolder}/` });
    await session.run('UNWIND $records AS record MATCH (f:LoadedFile {name: record[0]}) SET f.hash = record[1]', { records: [...recordsBefore] });
  } finally {
    await session.close();
  }
  expect(await countGraph(db)).toEqual(before);
  expect(await readLoadedFiles(db)).toEqual(recordsBefore);
  await rm(directory, { recursive: true, force: true });
  await db.close();
});

describe("the benchmark's Cypher files", () => {
  it("load the clusters' files and the derived file, and skip the unchanged copy of cypher/", () => {
    expect(reports.filter((report) => !report.skipped).map((report) => report.file)).toEqual([
      `${syntheticFolder}/cluster-00001.cypher`,
      `${syntheticFolder}/cluster-00002.cypher`,
      `${syntheticFolder}/cluster-00003.cypher`,
      '90-derived-search-keys.cypher',
    ]);
  });

  it('add exactly the nodes and relationships the UNWIND import adds', async () => {
    const after = await countGraph(db);
    expect({ nodes: after.nodes - before.nodes, relationships: after.relationships - before.relationships }).toEqual({ nodes: 328, relationships: 1589 });
    expect(await countClustersInGraph(db, rows)).toEqual({ labelled: 328, linked: 1589 });
  });

  it("get their search keys from 90-derived-search-keys.cypher, the same as the generator's", async () => {
    const keyed = nodes.filter((node) => node.searchKeys !== null);
    expect(keyed.length).toBeGreaterThan(100);
    const [matching] = await db.read<{ count: number }>('UNWIND $nodes AS node MATCH (n {id: node.id}) WHERE n.searchKeys = node.searchKeys RETURN count(n) AS count', {
      nodes: keyed,
    });
    expect(matching!.count).toBe(keyed.length);
    const written = reports.find((report) => report.file === '90-derived-search-keys.cypher')!;
    expect(written.changes.propertiesSet).toBe(keyed.length);
  });

  it('keep the model check clean: event rules, enum values, and a quote for every fact and thing', async () => {
    const { events, violations } = await checkModel(db, directory);
    expect({ events, violations: violations.map(describeViolation) }).toEqual({ events: 38 + nodes.filter((node) => node.label === 'Event').length, violations: [] });
  });
});
