/**
 * The benchmark's UNWIND import against the real Neo4j: it writes exactly the generator's clusters, each node
 * with its labels and each relationship between its ends, links to the article included. Afterwards the
 * clusters are removed again, leaving the article graph as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSyntheticGraph, type ImportReport } from '../src/bench/import-synthetic.js';
import { syntheticClusters } from '../src/bench/synthetic-graph.js';
import { countGraph, type GraphCounts } from './support/graph-snapshot.js';
import { openTestDatabase } from './support/test-neo4j.js';

const db = openTestDatabase();
const clusters = [...syntheticClusters({ scale: 4 })];
const nodes = clusters.flatMap((cluster) => cluster.nodes.map((node) => ({ id: node.properties.id, label: node.label })));
const relationships = clusters.flatMap((cluster) => cluster.relationships.map((rel) => [rel.from.id, rel.type, rel.to.id]));
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
    const [labelled] = await db.read<{ count: number }>('UNWIND $nodes AS node MATCH (n {id: node.id}) WHERE node.label IN labels(n) RETURN count(n) AS count', { nodes });
    expect(labelled!.count).toBe(328);
    const [linked] = await db.read<{ count: number }>(
      'UNWIND $relationships AS rel MATCH (a {id: rel[0]})-[r]->(b {id: rel[2]}) WHERE type(r) = rel[1] RETURN count(DISTINCT r) AS count',
      { relationships },
    );
    expect(linked!.count).toBe(1589);
  });
});
