/** Checks a loaded graph's events against the dyad rules of validate-model.ts, naming the file that defines each. */
import { readFile } from 'node:fs/promises';
import type { GraphDatabase } from '../database/graph-database.js';
import { defaultCypherDirectory, listCypherFiles, recordName, recordRoot } from './load-cypher.js';
import { type EventFacts, type ModelViolation, findDefinitions, validateEvents } from './validate-model.js';

// One read: every event with its actors, targets and places, each as {id, label}.
const eventFactsQuery = `
MATCH (e:Event)
RETURN e.id AS id, e.type AS type,
       [(e)-[:HAS_ACTOR]->(x) | {id: x.id, label: [l IN labels(x) WHERE l <> 'Entity'][0]}] AS actors,
       [(e)-[:HAS_TARGET]->(x) | {id: x.id, label: [l IN labels(x) WHERE l <> 'Entity'][0]}] AS targets,
       [(e)-[:OCCURRED_IN]->(x) | {id: x.id, label: [l IN labels(x) WHERE l <> 'Entity'][0]}] AS places
ORDER BY id`;

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
  return { events: events.length, violations: validateEvents(events, findDefinitions(files)) };
}
