/**
 * The plain objects resolvers pass around, and the fixed Cypher fragments that produce them.
 * Every fragment is a constant: queries take input only through parameters.
 */
import type { Context } from '../context.js';

/** The primary label of a node, as stored in Neo4j. */
export type NodeLabel = 'State' | 'Person' | 'Organization' | 'Place' | 'Event' | 'Statement' | 'Claim' | 'Source';

export const nodeLabels: readonly NodeLabel[] = ['State', 'Person', 'Organization', 'Place', 'Event', 'Statement', 'Claim', 'Source'];

/** A node's properties as Neo4j holds them (dates as YYYY-MM-DD strings), plus its primary label. */
export interface NodeShape {
  __label: NodeLabel;
  id: string;
  name: string;
  aliases?: string[] | null;
  [property: string]: unknown;
}

/** A relationship's properties, with its type and the ids of its two ends. */
export interface EdgeShape {
  __type: string;
  __start: string;
  __end: string;
  id?: string;
  sourceId?: string;
  quote?: string;
  quoteStart?: number;
  quoteEnd?: number;
  [property: string]: unknown;
}

/** Projects node `n` into a NodeShape. */
export const nodeShape = (n: string) => `${n} { .*, __label: [l IN labels(${n}) WHERE l <> 'Entity'][0] }`;

/** Projects relationship `r` into an EdgeShape. */
export const edgeShape = (r: string) => `${r} { .*, __type: type(${r}), __start: startNode(${r}).id, __end: endNode(${r}).id }`;

/** Finds node `n` among every kind whose slug is in the list parameter `$<param>`, each branch on a uniqueness index. */
export function matchAnyBySlug(param: string): string {
  return `CALL {
  MATCH (n:Entity) WHERE n.id IN $${param} RETURN n
  UNION MATCH (n:Event) WHERE n.id IN $${param} RETURN n
  UNION MATCH (n:Statement) WHERE n.id IN $${param} RETURN n
  UNION MATCH (n:Claim) WHERE n.id IN $${param} RETURN n
}`;
}

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
  'SAID_BY',
  'VIA',
  'ABOUT',
  'MADE_AT',
  'CLAIMED_BY',
  'JUSTIFIES',
] as const;

/** A stored property as a string, or null when the node or edge does not have it. */
export function optionalString(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}

/** A stable edge id: `<start>-<TYPE>-><end>`, plus `#<id>` where two edges can join the same pair. */
export function edgeId(edge: EdgeShape): string {
  return `${edge.__start}-${edge.__type}->${edge.__end}${edge.id ? `#${edge.id}` : ''}`;
}

/** The global id of a node: readable, unique across kinds, and accepted wherever an id is asked for. */
export function globalId(node: NodeShape): string {
  return `${node.__label}:${node.id}`;
}

/** Accepts a slug (`csto`) or a global id (`Organization:csto`) and returns the slug. */
export function slugOf(idOrGlobalId: string): string {
  const colon = idOrGlobalId.indexOf(':');
  return colon >= 0 && (nodeLabels as readonly string[]).includes(idOrGlobalId.slice(0, colon)) ? idOrGlobalId.slice(colon + 1) : idOrGlobalId;
}

/** Loads nodes of one label by slug, in the order of `ids`; a missing one is an Error for the dataloader. */
export async function loadNodesBySlug(ctx: Context, label: NodeLabel, ids: readonly string[]): Promise<(NodeShape | Error)[]> {
  // The label is one of a fixed set, never client text.
  const rows = await ctx.db.read<{ node: NodeShape }>(`MATCH (n:${label}) WHERE n.id IN $ids RETURN ${nodeShape('n')} AS node`, { ids });
  const byId = new Map(rows.map((row) => [row.node.id, row.node]));
  return ids.map((id) => byId.get(id) ?? new Error(`No ${label} with id '${id}'.`));
}

/** A row of a batched relationship query: the key of the parent it belongs to. */
export interface KeyedRow {
  key: string;
}

/** Groups the rows of one batched query by parent key, in the order of `keys`. */
export function groupByKey<Row extends KeyedRow, Out>(keys: readonly string[], rows: Row[], pick: (row: Row) => Out): Out[][] {
  const groups = new Map<string, Out[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(row.key)?.push(pick(row));
  return keys.map((key) => groups.get(key) ?? []);
}

/** Lower-cases, decomposes and strips combining marks: the same keys `cypher/90-derived-search-keys.cypher` stores. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** A node reached from a parent, with the relationship that reached it. */
export interface Related {
  node: NodeShape;
  edge: EdgeShape;
}

/**
 * The batched query behind a relationship field: from each parent `p` (slug in `$keys`) of `label`,
 * through a constant `pattern` that binds relationship `r` and node `n`.
 */
export function relatedQuery(label: NodeLabel | 'Entity', pattern: string, orderBy = 'n.name, n.id'): string {
  return `UNWIND $keys AS key MATCH (p:${label} {id: key}) MATCH ${pattern}
RETURN key, ${nodeShape('n')} AS node, ${edgeShape('r')} AS edge ORDER BY key, ${orderBy}`;
}

/** Runs a relatedQuery for a batch of parents in one round trip. */
export async function loadRelated(ctx: Context, query: string, keys: readonly string[], parameters: Record<string, unknown> = {}): Promise<Related[][]> {
  const rows = await ctx.db.read<KeyedRow & Related>(query, { ...parameters, keys });
  return groupByKey(keys, rows, ({ node, edge }) => ({ node, edge }));
}

/** A dataloader `load` for fields that list the nodes reached through a constant pattern, without the relationships. */
export function relatedNodesLoader(label: NodeLabel | 'Entity', pattern: string, orderBy?: string) {
  const query = relatedQuery(label, pattern, orderBy);
  return async (keys: string[], ctx: Context): Promise<NodeShape[][]> =>
    (await loadRelated(ctx, query, keys)).map((group) => group.map((related) => related.node));
}
