/**
 * Checks a loaded graph's events against the dyad rules of validate-model.ts, and their enum properties against the
 * API's enums, naming the file that defines each.
 */
import { readFile } from 'node:fs/promises';
import type { GraphQLEnumType } from 'graphql';
import type { GraphDatabase } from '../database/graph-database.js';
import { defaultCypherDirectory, listCypherFiles, recordName, recordRoot } from './load-cypher.js';
import { type AllowedValues, type EventFacts, type ModelViolation, findDefinitions, validateEvents } from './validate-model.js';

// One read: every event with its actors, targets and places, each as {id, label}.
const eventFactsQuery = `
MATCH (e:Event)
RETURN e.id AS id, e.type AS type,
       [(e)-[:HAS_ACTOR]->(x) | {id: x.id, label: [l IN labels(x) WHERE l <> 'Entity'][0]}] AS actors,
       [(e)-[:HAS_TARGET]->(x) | {id: x.id, label: [l IN labels(x) WHERE l <> 'Entity'][0]}] AS targets,
       [(e)-[:OCCURRED_IN]->(x) | {id: x.id, label: [l IN labels(x) WHERE l <> 'Entity'][0]}] AS places,
       e {.status, .outcome, .responseManner, .datePrecision} AS values
ORDER BY id`;

/** An event's properties that the API reads through an enum, by the enum's name in the schema. */
const enumProperties = { status: 'EventStatus', outcome: 'HelpRequestOutcome', responseManner: 'ResponseManner', datePrecision: 'DatePrecision' } as const;

/** The values each of those properties may take: the internal values of the API's own enums, so the two cannot drift apart. */
async function allowedEventValues(): Promise<AllowedValues> {
  // Loaded only when a load is checked: the schema is the API's, not the loader's.
  const { schema } = await import('../schema/index.js');
  return Object.fromEntries(
    Object.entries(enumProperties).map(([property, name]) => [property, (schema.getType(name) as GraphQLEnumType).getValues().map((value) => String(value.value))]),
  );
}

export interface ModelCheck {
  /** How many events were checked. */
  events: number;
  violations: ModelViolation[];
}

/** Reads every event of the graph and checks it; `directory` (default: the project's cypher/) locates definitions. */
export async function checkModel(db: GraphDatabase, directory: string = defaultCypherDirectory): Promise<ModelCheck> {
  const events = await db.read<EventFacts>(eventFactsQuery);
  // Named as the loader names them (50-sources/<id>/3-facts.cypher), since every source has its own 3-facts.cypher.
  const root = recordRoot(directory);
  const files = await Promise.all((await listCypherFiles(directory)).map(async (file) => ({ name: recordName(file, root), text: await readFile(file, 'utf8') })));
  return { events: events.length, violations: validateEvents(events, findDefinitions(files), await allowedEventValues()) };
}
