/**
 * Checks a loaded graph's events against the dyad rules of validate-model.ts, the values the API reads through an
 * enum (stored, or given by a later source as a dispute) against that enum, and that every fact and thing has a
 * quote, naming the file that defines each.
 */
import { readFile } from 'node:fs/promises';
import type { GraphDatabase } from '../database/graph-database.js';
import { defaultCypherDirectory, listCypherFiles, recordName, recordRoot } from './load-cypher.js';
import { edgeIdCypher, factRelationshipTypes, thingLabels } from '../schema/shapes.js';
import { type DisputeRow, readDisputes } from './disputes.js';
import { allowedValues, relationshipTypes } from './enum-values.js';
import {
  type AllowedValues,
  type DisputedFacts,
  type EventFacts,
  type ModelViolation,
  type Subject,
  findDefinitions,
  validateDisputedValues,
  validateEvents,
  validateEvidence,
  validateNames,
  validateValues,
} from './validate-model.js';

// One read: every event with its actors, targets and places, each as {id, label}.
const eventFactsQuery = `
MATCH (e:Event)
RETURN e.id AS id, e.type AS type,
       [(e)-[:HAS_ACTOR]->(x) | {id: x.id, label: [l IN labels(x) WHERE l <> 'Entity'][0]}] AS actors,
       [(e)-[:HAS_TARGET]->(x) | {id: x.id, label: [l IN labels(x) WHERE l <> 'Entity'][0]}] AS targets,
       [(e)-[:OCCURRED_IN]->(x) | {id: x.id, label: [l IN labels(x) WHERE l <> 'Entity'][0]}] AS places
ORDER BY id`;

/**
 * The nodes and relationships with a value outside its enum, each with all its enum-read values; Neo4j returns only
 * those (no scan's worth of rows), and validateValues says which value is wrong. Labels and types are the list's
 * constants; the allowed values are parameters.
 */
function outsideValuesQuery(allowed: AllowedValues): { query: string; parameters: Record<string, unknown> } {
  const parameters: Record<string, unknown> = {};
  const parts = Object.entries(allowed).map(([label, properties], index) => {
    const entity = relationshipTypes.has(label) ? 'r' : 'n';
    const outside = Object.entries(properties).map(([property, values], at) => {
      parameters[`allowed${index}_${at}`] = values;
      return `(${entity}.${property} IS NOT NULL AND NOT ${entity}.${property} IN $allowed${index}_${at})`;
    });
    const values = `${entity} {${Object.keys(properties).map((property) => `.${property}`).join(', ')}}`;
    return entity === 'n'
      ? `MATCH (n:${label}) WHERE ${outside.join(' OR ')}
  RETURN '${label}' AS label, n.id AS id, n.type AS type, null AS relationshipId, false AS relationship, ${values} AS values, n.id AS sortKey`
      : `MATCH (a)-[r:${label}]->(b) WHERE ${outside.join(' OR ')}
  RETURN '${label}' AS label, a.id + '-${label}->' + b.id + coalesce('#' + r.id, '') AS id, null AS type, r.id AS relationshipId, true AS relationship, ${values} AS values, a.id + ' ' + b.id + ' ' + coalesce(r.id, '') AS sortKey`;
  });
  return { query: `CALL () {\n  ${parts.join('\n  UNION ALL\n  ')}\n}\nRETURN label, id, type, relationshipId, relationship, values ORDER BY label, sortKey`, parameters };
}

/** The facts and things with no quote, in id order, at most 100 of each (a file that writes none writes many). */
const withoutEvidenceQuery = `
CALL () {
  MATCH (a)-[r:${factRelationshipTypes.join('|')}]->(b) WHERE coalesce(size(r.quotes), 0) = 0
  RETURN type(r) AS label, ${edgeIdCypher('r')} AS id, null AS type, r.id AS relationshipId, true AS relationship
  ORDER BY id LIMIT 100
  UNION ALL
  MATCH (n) WHERE (${thingLabels.map((label) => `n:${label}`).join(' OR ')}) AND NOT EXISTS { (n)-[:SOURCED_FROM]->(:Source) }
  RETURN [label IN labels(n) WHERE label <> 'Entity'][0] AS label, n.id AS id, n.type AS type, null AS relationshipId, false AS relationship
  ORDER BY id LIMIT 100
}
RETURN label, id, type, relationshipId, relationship`;

/** Things without the name the API gives every thing as non-null: every list or answer that reached one would fail. */
const withoutNameQuery = `
MATCH (n) WHERE (${thingLabels.map((label) => `n:${label}`).join(' OR ')}) AND n.name IS NULL
RETURN [label IN labels(n) WHERE label <> 'Entity'][0] AS label, n.id AS id, n.type AS type, null AS relationshipId, false AS relationship
ORDER BY id LIMIT 100`;

export interface ModelCheck {
  /** How many events were checked. */
  events: number;
  violations: ModelViolation[];
}

/** A node or relationship as the queries above return it. */
interface SubjectRow {
  label: string;
  id: string;
  type: string | null;
  relationshipId: string | null;
  relationship: boolean;
}

const asSubject = ({ label, id, type, relationshipId, relationship }: SubjectRow): Subject => ({
  label,
  id,
  ...(type === null ? {} : { type }),
  ...(relationship ? { relationshipId } : {}),
});

/** The disputes of each node or relationship, in the order first read. */
function disputedFacts(rows: DisputeRow[]): DisputedFacts[] {
  const bySubject = new Map<string, DisputedFacts>();
  for (const row of rows) {
    const key = JSON.stringify([row.label, row.subjectId, row.relationshipId]);
    if (!bySubject.has(key)) bySubject.set(key, { ...asSubject({ ...row, id: row.subjectId }), disputes: [] });
    bySubject.get(key)!.disputes.push({ property: row.property, value: row.value, sourceId: row.sourceId });
  }
  return [...bySubject.values()];
}

/**
 * Reads every event of the graph, every enum-read value outside its enum (stored or disputed) and every fact or thing
 * without a quote, at once; `directory` (default: the project's cypher/) locates definitions. `disputes`, when the
 * caller has read them already (readDisputes), are not read again.
 */
export async function checkModel(db: GraphDatabase, directory: string = defaultCypherDirectory, disputes?: DisputeRow[]): Promise<ModelCheck> {
  const allowed = await allowedValues();
  const { query, parameters } = outsideValuesQuery(allowed);
  // Named as the loader names them (50-sources/<id>/3-facts.cypher), since every source has its own 3-facts.cypher.
  const root = recordRoot(directory);
  const [events, outside, disputed, withoutEvidence, withoutName, files] = await Promise.all([
    db.read<EventFacts>(eventFactsQuery),
    db.read<SubjectRow & { values: Record<string, unknown> }>(query, parameters),
    disputes ?? readDisputes(db),
    db.read<SubjectRow>(withoutEvidenceQuery),
    db.read<SubjectRow>(withoutNameQuery),
    listCypherFiles(directory).then((names) => Promise.all(names.map(async (file) => ({ name: recordName(file, root), text: await readFile(file, 'utf8') })))),
  ]);
  const definitions = findDefinitions(files);
  return {
    events: events.length,
    violations: [
      ...validateEvents(events, definitions),
      ...validateValues(outside.map((row) => ({ ...asSubject(row), values: row.values })), allowed, definitions),
      ...validateDisputedValues(disputedFacts(disputed), allowed, files, definitions),
      ...validateEvidence(withoutEvidence.map(asSubject), definitions),
      ...validateNames(withoutName.map(asSubject), definitions),
    ],
  };
}
