/**
 * What the domain files share: the row every planned object is, the graph's labels and relationship types,
 * and constant Cypher fragments over planner variables. Client values never enter these strings.
 */
import { nodeTypename } from '../planner/compile-selection.js';
import { relatedPlan, type RelatedVariables } from '../planner/field-plan.js';

/** A planned object: its fields' values by response key, as the planner projected them. */
export type Row = Record<string, unknown>;

/** The primary label of a node, as stored in Neo4j. */
export type NodeLabel = 'State' | 'Person' | 'Organization' | 'Place' | 'Event' | 'Statement' | 'Claim' | 'Source';

export const nodeLabels: readonly NodeLabel[] = ['State', 'Person', 'Organization', 'Place', 'Event', 'Statement', 'Claim', 'Source'];

/** The labels that also carry `Entity`: what acts, belongs, holds office and speaks. */
export const entityLabels: readonly NodeLabel[] = ['State', 'Person', 'Organization', 'Place'];

/** What an event's HAS_ACTOR, HAS_TARGET and HAS_PARTICIPANT reach (docs/model.md). */
export const actorLabels: readonly NodeLabel[] = ['State', 'Person', 'Organization'];

/** What SAID_BY and CLAIMED_BY reach: who speaks. */
export const speakerLabels: readonly NodeLabel[] = ['Person', 'Organization'];

/** What OCCURRED_IN and LOCATED_IN reach: where things are. */
export const whereLabels: readonly NodeLabel[] = ['Place', 'State'];

/** The relationship types that state facts; SOURCED_FROM is provenance and is left out of graph walks. */
export const factRelationshipTypes = [
  'MEMBER_OF',
  'HOLDS_OFFICE',
  'PART_OF',
  'LOCATED_IN',
  'HAS_ACTOR',
  'HAS_TARGET',
  'HAS_PARTICIPANT',
  'OCCURRED_IN',
  'RESPONDS_TO',
  'PROMPTED_BY',
  'PART_OF_EVENT',
  'COINCIDED_WITH',
  'SAID_BY',
  'VIA',
  'ABOUT',
  'MADE_AT',
  'CLAIMED_BY',
  'JUSTIFIES',
] as const;

/** The things the API finds by slug: entities, events, statements and claims, each through its own id index. */
export const thingLabels = ['Entity', 'Event', 'Statement', 'Claim'] as const;

/**
 * Binds `variable` to the things whose slug is in the list `slugs`, one index seek per label. `slugs` is a
 * parameter, or a list of variables named in `imports`, which each branch of the union must import.
 */
export function matchThingsBySlug(variable: string, slugs: string, imports: string[] = []): string {
  const importing = imports.length ? `WITH ${imports.join(', ')} ` : '';
  return `CALL { ${thingLabels.map((label) => `${importing}MATCH (thing:${label}) WHERE thing.id IN ${slugs} RETURN thing`).join(' UNION ')} } WITH thing AS ${variable}`;
}

/** The global id of node `n` in Cypher: `State:kyrgyzstan`. */
export const globalIdCypher = (n: string) => `${nodeTypename(n)} + ':' + ${n}.id`;

/**
 * Events oldest first, as Cypher `ORDER BY` keys; of events that start on the same date (often a year's first day,
 * for an event dated by its year alone), those that answer or were prompted by others (RESPONDS_TO, PROMPTED_BY)
 * after them: by how many chains of such links lead from the event, then by id. A cause's date is no floor: an
 * exercise cancelled the day before it was due answers an event that starts after it.
 */
export const eventOrderCypher = (e: string) => `${e}.startDate, size([(${e})-[:RESPONDS_TO|PROMPTED_BY*1..4]->(:Event) | 1]), ${e}.id`;

/** A stable edge id in Cypher: `<start>-<TYPE>-><end>`, plus `#<id>` where two edges can join the same pair. */
export const edgeIdCypher = (r: string) => `startNode(${r}).id + '-' + type(${r}) + '->' + endNode(${r}).id + coalesce('#' + ${r}.id, '')`;

/** Lower-cases, decomposes and strips combining marks: the same keys `cypher/90-derived-search-keys.cypher` stores. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** The kind a global id names (`Organization` of `Organization:csto`); undefined for a slug. */
export function kindOfGlobalId(idOrGlobalId: string): NodeLabel | undefined {
  const colon = idOrGlobalId.indexOf(':');
  const prefix = idOrGlobalId.slice(0, colon) as NodeLabel;
  return colon >= 0 && nodeLabels.includes(prefix) ? prefix : undefined;
}

/** Accepts a slug (`csto`) or a global id (`Organization:csto`) and returns the slug. */
export function slugOf(idOrGlobalId: string): string {
  return kindOfGlobalId(idOrGlobalId) ? idOrGlobalId.slice(idOrGlobalId.indexOf(':') + 1) : idOrGlobalId;
}

/**
 * ` AND `-joined conditions for the filters a client gave: each present filter adds its constant template with its
 * value as a parameter, and an absent one adds nothing (so Neo4j plans only what is asked).
 */
export function conditions(parts: (string | null | false | undefined)[]): string {
  const present = parts.filter((part): part is string => !!part);
  return present.length ? present.join(' AND ') : 'true';
}

/** The plan of a list of things reached from the parent node through `pattern(parent, vars)`. */
export const relatedNodes = (pattern: (parent: string, vars: RelatedVariables) => string, rows: number, orderBy = (n: string) => `${n}.name, ${n}.id`) =>
  relatedPlan({
    match: (scope, vars) => `MATCH ${pattern(scope.node!, vars)}`,
    item: ({ node }) => ({ node }),
    orderBy: ({ node }) => orderBy(node),
    rows: () => rows,
  });
