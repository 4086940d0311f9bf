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
}

// Nodes and relationships alike keep their disputes in the parallel lists disputedProperties, disputedValues and
// disputedSourceIds; the kept value is the fact's own property.
const disputesQuery = `
CALL () {
  MATCH (n) WHERE n.disputedProperties IS NOT NULL
  RETURN n AS fact, head([label IN labels(n) WHERE label <> 'Entity']) + ':' + n.id AS id
  UNION ALL
  MATCH ()-[r]->() WHERE r.disputedProperties IS NOT NULL
  RETURN r AS fact, startNode(r).id + '-' + type(r) + '->' + endNode(r).id + coalesce('#' + r.id, '') AS id
}
UNWIND range(0, size(fact.disputedProperties) - 1) AS i
RETURN id AS fact, fact.disputedProperties[i] AS property, toString(fact[fact.disputedProperties[i]]) AS kept,
       fact.disputedValues[i] AS value, fact.disputedSourceIds[i] AS sourceId
ORDER BY fact, property, sourceId`;

export function findDisputes(db: GraphDatabase): Promise<Dispute[]> {
  return db.read<Dispute>(disputesQuery);
}

/** One line: `georgia-MEMBER_OF->csto#georgia-csto-1993 startDate: '1993-01-01' kept; 'fixture' gives '1994-01-01'`. */
export function describeDispute({ fact, property, kept, value, sourceId }: Dispute): string {
  return `${fact} ${property}: ${kept === null ? 'no value' : `'${kept}'`} kept; '${sourceId}' gives '${value}'`;
}
