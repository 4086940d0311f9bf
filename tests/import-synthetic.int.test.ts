/**
 * The benchmark's UNWIND import against the real Neo4j: it writes exactly the generator's clusters, each node
 * with its labels and each relationship between its ends, links to the article included. Afterwards the
 * clusters are removed again, leaving the article graph as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSyntheticGraph, type ImportReport } from '../src/bench/import-synthetic.js';
import { countGraph, type GraphCounts } from './support/graph-snapshot.js';
import { clusterRows, countClustersInGraph } from './support/synthetic-clusters.js';
import { openTestDatabase } from './support/test-neo4j.js';

const db = openTestDatabase();
const rows = clusterRows(4);
const { nodes, relationships } = rows;
const warnings: string[] = [];
let before: GraphCounts;
let report: ImportReport;

beforeAll(async () => {
  before = await countGraph(db);
  // Small batches, so that the three clusters go out in several chunks and the links in several batches.
  report = await importSyntheticGraph(db, { scale: 4, batchRows: 200, progress: false, log: (line) => warnings.push(line) });
});

afterAll(async () => {
  const session = db.writeSession();
  await session.run('UNWIND $ids AS id MATCH (n {id: id}) DETACH DELETE n', { ids: nodes.map((node) => node.id) }).finally(() => session.close());
  expect(await countGraph(db)).toEqual(before);
  await db.close();
});

describe('the synthetic import', () => {
  it("reports the generator's clusters, nodes and relationships, with no missing ends", () => {
    expect({ clusters: report.clusters, nodes: report.nodes, relationships: report.relationships }).toEqual({ clusters: 3, nodes: 328, relationships: 1589 });
    expect(report.nodes).toBe(nodes.length);
    expect(report.relationships).toBe(relationships.length);
    expect(warnings).toEqual([]);
  });

  it('adds exactly those nodes and relationships to the graph', async () => {
    const after = await countGraph(db);
    expect({ nodes: after.nodes - before.nodes, relationships: after.relationships - before.relationships }).toEqual({ nodes: 328, relationships: 1589 });
  });

  it('gives every node its label and every relationship its type and ends', async () => {
    expect(await countClustersInGraph(db, rows)).toEqual({ labelled: 328, linked: 1589 });
  });
});
