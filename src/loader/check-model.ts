/** Checks a loaded graph's events against the dyad rules of validate-model.ts, naming the file that defines each. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GraphDatabase } from '../database/graph-database.js';
import { defaultCypherDirectory, listCypherFiles } from './load-cypher.js';
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
  const files = await Promise.all((await listCypherFiles(directory)).map(async (file) => ({ name: path.basename(file), text: await readFile(file, 'utf8') })));
  return { events: events.length, violations: validateEvents(events, findDefinitions(files)) };
}
