/**
 * Whole-graph summaries, to prove that a second load (by the loader or by cypher-shell) changed nothing. The
 * loader's bookkeeping (LoadedFile nodes) is not part of the article graph, so it is left out.
 */
import type { GraphDatabase } from '../../src/database/graph-database.js';

export interface GraphCounts {
  nodes: number;
  relationships: number;
  nodeProperties: number;
  relationshipProperties: number;
}

export async function countGraph(db: GraphDatabase): Promise<GraphCounts> {
  const [nodes] = await db.read<{ count: number; properties: number }>('MATCH (n) WHERE NOT n:LoadedFile RETURN count(n) AS count, sum(size(keys(n))) AS properties');
  const [relationships] = await db.read<{ count: number; properties: number }>(
    'MATCH ()-[r]->() RETURN count(r) AS count, sum(size(keys(r))) AS properties',
  );
  return {
    nodes: nodes!.count,
    relationships: relationships!.count,
    nodeProperties: nodes!.properties,
    relationshipProperties: relationships!.properties,
  };
}

/** One line per node and relationship, free of internal ids and typed (a Date is not the string '2022-10-13'): equal lines, equal graphs. */
export async function fingerprintGraph(db: GraphDatabase): Promise<string[]> {
  const typedProperties = (x: string) => `[k IN keys(${x}) | [k, valueType(${x}[k]), ${x}[k]]]`;
  const nodes = await db.read<{ labels: string[]; properties: unknown[][] }>(
    `MATCH (n) WHERE NOT n:LoadedFile RETURN labels(n) AS labels, ${typedProperties('n')} AS properties`,
  );
  const relationships = await db.read<{ start: string; type: string; end: string; properties: unknown[][] }>(
    `MATCH (a)-[r]->(b) RETURN a.id AS start, type(r) AS type, b.id AS end, ${typedProperties('r')} AS properties`,
  );
  const byKey = (properties: unknown[][]) => properties.sort((x, y) => String(x[0]).localeCompare(String(y[0])));
  return [
    ...nodes.map(({ labels, properties }) => JSON.stringify(['node', labels.sort(), byKey(properties)])),
    ...relationships.map(({ start, type, end, properties }) => JSON.stringify(['relationship', start, type, end, byKey(properties)])),
  ].sort();
}
