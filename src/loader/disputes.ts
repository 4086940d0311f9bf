/**
 * The values that later sources give differently from the first (docs/model.md, "Merge rules"): the loader reports
 * them after every load, so that no conflict between sources stays unseen.
 */
import type { GraphDatabase } from '../database/graph-database.js';
import { edgeIdCypher } from '../schema/shapes.js';

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

/** A dispute as read, with the node or relationship that holds it, as the model check names it (check-model.ts). */
export interface DisputeRow extends Dispute {
  /** A node label, or a relationship type. */
  label: string;
  /** A node's id, or a relationship's edge id. */
  subjectId: string;
  type: string | null;
  relationshipId: string | null;
  relationship: boolean;
}

// Nodes and relationships alike keep their disputes in the parallel lists disputedProperties, disputedValues and
// disputedSourceIds; the kept value is the fact's own property.
const disputesQuery = `
CALL () {
  MATCH (n) WHERE n.disputedProperties IS NOT NULL
  WITH n, head([label IN labels(n) WHERE label <> 'Entity']) AS label
  RETURN n AS fact, label, n.id AS subjectId, n.type AS type, null AS relationshipId, false AS relationship, label + ':' + n.id AS id,
         [(n)-[:SOURCED_FROM]->(s:Source) | s.id] AS sources
  UNION ALL
  MATCH ()-[r]->() WHERE r.disputedProperties IS NOT NULL
  WITH r, ${edgeIdCypher('r')} AS id
  RETURN r AS fact, type(r) AS label, id AS subjectId, null AS type, r.id AS relationshipId, true AS relationship, id, coalesce(r.sourceIds, []) AS sources
}
UNWIND range(0, size(fact.disputedProperties) - 1) AS i
WITH id, fact, i, fact.disputedSourceIds[i] AS sourceId, sources, label, subjectId, type, relationshipId, relationship
RETURN id AS fact, fact.disputedProperties[i] AS property, toString(fact[fact.disputedProperties[i]]) AS kept,
       fact.disputedValues[i] AS value, sourceId, size(sources) > 0 AND all(source IN sources WHERE source = sourceId) AS edited,
       label, subjectId, type, relationshipId, relationship
ORDER BY fact, property, sourceId`;

/** Every dispute of the graph with its holder: one read for the dispute report and the model check after a load. */
export function readDisputes(db: GraphDatabase): Promise<DisputeRow[]> {
  return db.read<DisputeRow>(disputesQuery);
}

/** The dispute alone, as the report lists it. */
export const asDispute = ({ label: _label, subjectId: _subjectId, type: _type, relationshipId: _relationshipId, relationship: _relationship, ...dispute }: DisputeRow): Dispute =>
  dispute;

export async function findDisputes(db: GraphDatabase): Promise<Dispute[]> {
  return (await readDisputes(db)).map(asDispute);
}

/** One line: `georgia-MEMBER_OF->csto#georgia-csto-1993 startDate: '1993-01-01' kept; 'fixture' gives '1994-01-01'`. */
export function describeDispute({ fact, property, kept, value, sourceId, edited }: Dispute): string {
  const line = `${fact} ${property}: ${kept === null ? 'no value' : `'${kept}'`} kept; '${sourceId}' gives '${value}'`;
  return edited
    ? `${line}, but it is the fact's only source: its row was edited since it was loaded, and the graph keeps the value first loaded (set on create only); load into an empty database to take the new one`
    : line;
}
