/**
 * The values that later sources give differently from the first (docs/model.md, "Merge rules"): the loader reports
 * them after every load, so that no conflict between sources stays unseen.
 */
import type { GraphDatabase } from '../database/graph-database.js';

/** One disputed value: the fact, the property, the value the graph keeps, and another source's value. */
export interface Dispute {
  /** A thing's global-id-like `Label:slug`, or a relationship's edge id. */
  fact: string;
  property: string;
  kept: string | null;
  value: string;
  sourceId: string;
  /**
   * True when that source is the fact's only source: the first value was its own, so its row was edited since it was
   * loaded (the templates set values on create only), and this is no dispute between sources.
   */
  edited: boolean;
}

// Nodes and relationships alike keep their disputes in the parallel lists disputedProperties, disputedValues and
// disputedSourceIds; the kept value is the fact's own property.
const disputesQuery = `
CALL () {
  MATCH (n) WHERE n.disputedProperties IS NOT NULL
  RETURN n AS fact, head([label IN labels(n) WHERE label <> 'Entity']) + ':' + n.id AS id, [(n)-[:SOURCED_FROM]->(s:Source) | s.id] AS sources
  UNION ALL
  MATCH ()-[r]->() WHERE r.disputedProperties IS NOT NULL
  RETURN r AS fact, startNode(r).id + '-' + type(r) + '->' + endNode(r).id + coalesce('#' + r.id, '') AS id, coalesce(r.sourceIds, []) AS sources
}
UNWIND range(0, size(fact.disputedProperties) - 1) AS i
WITH id, fact, i, fact.disputedSourceIds[i] AS sourceId, sources
RETURN id AS fact, fact.disputedProperties[i] AS property, toString(fact[fact.disputedProperties[i]]) AS kept,
       fact.disputedValues[i] AS value, sourceId, size(sources) > 0 AND all(source IN sources WHERE source = sourceId) AS edited
ORDER BY fact, property, sourceId`;

export function findDisputes(db: GraphDatabase): Promise<Dispute[]> {
  return db.read<Dispute>(disputesQuery);
}

/** One line: `georgia-MEMBER_OF->csto#georgia-csto-1993 startDate: '1993-01-01' kept; 'fixture' gives '1994-01-01'`. */
export function describeDispute({ fact, property, kept, value, sourceId, edited }: Dispute): string {
  const line = `${fact} ${property}: ${kept === null ? 'no value' : `'${kept}'`} kept; '${sourceId}' gives '${value}'`;
  return edited
    ? `${line}, but it is the fact's only source: its row was edited since it was loaded, and the graph keeps the value first loaded (set on create only); load into an empty database to take the new one`
    : line;
}
