/** The benchmark's generated clusters as rows to find in the graph, for the tests of the two ways it writes them. */
import type { GraphDatabase } from '../../src/database/graph-database.js';
import { syntheticClusters } from '../../src/bench/synthetic-graph.js';

export interface ClusterRows {
  nodes: { id: string; label: string; searchKeys: string[] | null }[];
  /** [from id, type, to id] */
  relationships: [string, string, string][];
}

export function clusterRows(scale: number): ClusterRows {
  const clusters = [...syntheticClusters({ scale })];
  return {
    nodes: clusters.flatMap((cluster) =>
      cluster.nodes.map((node) => ({ id: node.properties.id, label: node.label, searchKeys: (node.properties.searchKeys as string[] | undefined) ?? null })),
    ),
    relationships: clusters.flatMap((cluster) => cluster.relationships.map((rel): [string, string, string] => [rel.from.id, rel.type, rel.to.id])),
  };
}

/** How many of the nodes carry their label, and how many of the relationships join their ends with their type. */
export async function countClustersInGraph(db: GraphDatabase, { nodes, relationships }: ClusterRows): Promise<{ labelled: number; linked: number }> {
  const [labelled] = await db.read<{ count: number }>('UNWIND $nodes AS node MATCH (n {id: node.id}) WHERE node.label IN labels(n) RETURN count(n) AS count', { nodes });
  const [linked] = await db.read<{ count: number }>(
    'UNWIND $relationships AS rel MATCH (a {id: rel[0]})-[r]->(b {id: rel[2]}) WHERE type(r) = rel[1] RETURN count(DISTINCT r) AS count',
    { relationships },
  );
  return { labelled: labelled!.count, linked: linked!.count };
}
