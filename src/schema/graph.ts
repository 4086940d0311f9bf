/**
 * Neighbourhoods and paths as plain `{ nodes, edges }` with stable ids, so that Cytoscape.js, vis-network,
 * graphology/Sigma and Neo4j NVL take them with a one-line mapping.
 */
import { builder, type BuilderTypes } from '../builder.js';
import { limits } from '../limits.js';
import { nodeTypename } from '../planner/compile-selection.js';
import { type Args, eachPlan, propertyPlan, sameRowPlan, valuePlan } from '../planner/field-plan.js';
import type { Parameters } from '../planner/parameters.js';
import { type Resolved, rootPlan } from '../planner/plan-root.js';
import { readPlanned, resolvePlanned } from '../planner/resolvers.js';
import { badUserInput } from './errors.js';
import { provenanceFields } from './provenance.js';
import { edgeIdCypher, factRelationshipTypes, globalIdCypher, matchThingsBySlug, type Row, slugOf } from './shapes.js';
import { firstRowValue, ThingKind, ThingRef, thingReference } from './things.js';

/**
 * The stored properties that have no typed field, under the names the typed fields of the thing use: a node's
 * `kind` and `type` are its `organizationKind`, `placeKind`, `statementKind` or `eventType`. Ids, names and
 * evidence have typed fields, and searchKeys are ours, not the data's.
 */
const typedProperties = new Set(['id', 'name', 'searchKeys', 'sourceIds', 'quotes', 'quoteStarts', 'quoteEnds', 'disputedProperties', 'disputedValues', 'disputedSourceIds']);
const renamedProperties: Record<string, Record<string, string>> = {
  Organization: { kind: 'organizationKind' },
  Place: { kind: 'placeKind' },
  Statement: { kind: 'statementKind' },
  Event: { type: 'eventType' },
};

function untypedProperties({ label, properties }: { label: string; properties: Row }): Row {
  const renamed = renamedProperties[label] ?? {};
  return Object.fromEntries(Object.entries(properties).flatMap(([name, value]) => (typedProperties.has(name) ? [] : [[renamed[name] ?? name, value]])));
}

const RelationshipType = builder.enumType('RelationshipType', {
  description: 'A relationship type that states a fact (provenance, SOURCED_FROM, is carried as evidence instead).',
  values: Object.fromEntries(factRelationshipTypes.map((type) => [type, { description: `The ${type} relationship.` }])) as Record<
    (typeof factRelationshipTypes)[number],
    { description: string }
  >,
});

const SubgraphNodeRef = builder.objectRef<Row>('SubgraphNode').implement({
  description: 'A node of a subgraph; `id` is stable across reloads. See the README for mappings to Cytoscape.js, graphology, vis-network and NVL.',
  fields: (t) => ({
    id: t.id({ description: 'Stable id, the same as the thing\'s global id, e.g. "State:kyrgyzstan".', extensions: valuePlan(({ node }) => globalIdCypher(node!)), resolve: readPlanned }),
    slug: t.string({ description: 'The readable id, e.g. "kyrgyzstan".', extensions: propertyPlan('id'), resolve: readPlanned }),
    kind: t.field({ type: ThingKind, description: 'The kind of thing.', extensions: valuePlan(({ node }) => nodeTypename(node!)), resolve: readPlanned }),
    labels: t.stringList({
      description: 'Its Neo4j labels.',
      extensions: valuePlan(({ node }) => `CASE WHEN ${node}:Entity THEN [${nodeTypename(node!)}, 'Entity'] ELSE [${nodeTypename(node!)}] END`),
      resolve: readPlanned,
    }),
    name: t.string({ description: 'The name, for a label on screen.', extensions: propertyPlan('name'), resolve: readPlanned }),
    properties: t.field({
      type: 'JSON',
      description: 'The stored properties with no typed field here (dates as YYYY-MM-DD), named as the typed fields of its kind name them: eventType, organizationKind, startDate…',
      // A map projection, not properties(): Neo4j 5.26's planner throws a ClassCastException when properties(x) and
      // another read of x.id meet in the list comprehension of a path's nodes.
      extensions: valuePlan(({ node }) => `{label: ${nodeTypename(node!)}, properties: ${node} {.*}}`),
      resolve: (node, args, ctx, info) => untypedProperties(readPlanned(node, args, ctx, info)),
    }),
    thing: t.field({ type: ThingRef, description: 'The same node as a typed thing, for further fields.', extensions: sameRowPlan(({ node }) => ({ node: node! })), resolve: readPlanned }),
  }),
});

/** The global id of one end of relationship `r`. */
const endId = (end: 'startNode' | 'endNode') => valuePlan(({ edge }) => globalIdCypher(`${end}(${edge})`));

export const SubgraphEdgeRef = builder.objectRef<Row>('SubgraphEdge').implement({
  description: 'A directed edge of a subgraph, from `source` to `target`. Two nodes may be joined by several edges (parallel edges), so a graph library needs a multigraph.',
  fields: (t) => ({
    id: t.id({ description: 'Stable id: `<start slug>-<TYPE>-><end slug>`, plus `#<id>` where two edges join the same pair.', extensions: valuePlan(({ edge }) => edgeIdCypher(edge!)), resolve: readPlanned }),
    source: t.id({ description: 'Id of the start node (a SubgraphNode id).', extensions: endId('startNode'), resolve: readPlanned }),
    target: t.id({ description: 'Id of the end node (a SubgraphNode id).', extensions: endId('endNode'), resolve: readPlanned }),
    type: t.field({ type: RelationshipType, description: 'The relationship type, e.g. MEMBER_OF.', extensions: valuePlan(({ edge }) => `type(${edge})`), resolve: readPlanned }),
    properties: t.field({
      type: 'JSON',
      description: 'The stored properties with no typed field here: dates, titles, roles. The evidence is `evidence`.',
      extensions: valuePlan(({ edge }) => `{label: type(${edge}), properties: ${edge} {.*}}`),
      resolve: (edge, args, ctx, info) => untypedProperties(readPlanned(edge, args, ctx, info)),
    }),
    ...provenanceFields(t, 'edge', 'The quotes the edge rests on.'),
  }),
});

const SubgraphRef = builder.objectRef<Row>('Subgraph').implement({
  description: 'A directed multigraph: a set of nodes and the edges among them, parallel edges included.',
  fields: (t) => ({
    nodes: t.field({
      type: [SubgraphNodeRef],
      description: 'The nodes; the centre comes first.',
      extensions: eachPlan({ list: ({ nodes }) => nodes!, item: (node) => ({ node }), rows: (args: Args) => args.limit ?? 100 }),
      resolve: readPlanned,
    }),
    edges: t.field({
      type: [SubgraphEdgeRef],
      description: 'The edges whose two ends are both among the nodes.',
      extensions: eachPlan({ list: ({ edges }) => edges!, item: (edge) => ({ edge }), rows: () => 100 }),
      resolve: readPlanned,
    }),
    truncated: t.boolean({ description: 'True when more nodes were in reach than `limit` allowed.', extensions: valuePlan(({ truncated }) => truncated!), resolve: readPlanned }),
  }),
});

const PathRef = builder.objectRef<Row>('Path').implement({
  description: 'A path between two things: its nodes in order, and its edges, each with its evidence.',
  fields: (t) => ({
    length: t.int({ description: 'The number of edges (hops).', extensions: valuePlan(({ path }) => `length(${path})`), resolve: readPlanned }),
    nodes: t.field({
      type: [SubgraphNodeRef],
      description: 'The nodes from start to end.',
      extensions: eachPlan({ list: ({ path }) => `nodes(${path})`, item: (node) => ({ node }), rows: () => limits.maxHops + 1 }),
      resolve: readPlanned,
    }),
    edges: t.field({
      type: [SubgraphEdgeRef],
      description: 'The edges in order; an edge may point either way along the path.',
      extensions: eachPlan({ list: ({ path }) => `relationships(${path})`, item: (edge) => ({ edge }), rows: () => limits.maxHops }),
      resolve: readPlanned,
    }),
  }),
});

const factTypes = factRelationshipTypes.join('|');

function checkHops(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 1 || value > limits.maxHops) {
    throw badUserInput(`${argument} must be a whole number from 1 to ${limits.maxHops}; got ${value}.`, argument);
  }
  return value;
}

function checkLimit(value: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < 1 || value > max) throw badUserInput(`${argument} must be a whole number from 1 to ${max}; got ${value}.`, argument);
  return value;
}

/** `AND …` that keeps only the relationship types asked for. */
const typeFilter = (types: string[] | null | undefined, condition: (types: string) => string, q: Parameters) => (types ? ` AND ${condition(q.param(types))}` : '');

/** Most nodes one neighbourhood returns. */
const maxNeighbourhoodNodes = 500;

/**
 * The centre, then the nodes in reach nearest first, then by id, cut at `limit`, and the edges among them.
 * Variable-length bounds cannot be parameters in Cypher: `hops` is a checked integer of the code's own range.
 */
function neighbourhoodQuery({ depth, limit, relationshipTypes }: Args, q: Parameters, project: (scope: Record<string, string>) => string, resolved: Resolved): string {
  const hops = checkHops(depth ?? 1, 'depth');
  const most = q.param(checkLimit(limit ?? 100, maxNeighbourhoodNodes, 'limit'));
  return `${matchThingsBySlug('centre', `[${resolved.id}]`, [resolved.id!])}
CALL {
  WITH centre
  // Not OPTIONAL MATCH, which made Neo4j read all within reach instead of walking breadth-first to the limit; collect() still answers a lone node.
  MATCH path = (centre)-[rs:${factTypes}*1..${hops}]-(x)
  WHERE x <> centre${typeFilter(relationshipTypes, (types) => `all(r IN rs WHERE type(r) IN ${types})`, q)}
  WITH x, min(length(path)) AS distance ORDER BY distance, x.id
  // One more than asked for tells whether the cut left nodes out, without collecting every node in reach.
  LIMIT ${most} + 1
  RETURN collect(x) AS found
}
WITH centre, [centre] + found[..${most}] AS ns, size(found) > ${most} AS truncated
CALL {
  WITH ns UNWIND ns AS a
  MATCH (a)-[r:${factTypes}]->(b) WHERE b IN ns${typeFilter(relationshipTypes, (types) => `type(r) IN ${types}`, q)}
  // In id order, so that the same graph gives the same answer whatever order Neo4j stored it in.
  WITH r ORDER BY a.id, type(r), b.id, r.id
  RETURN collect(r) AS rels
}
RETURN ${project({ nodes: 'ns', edges: 'rels', truncated: 'truncated' })} AS value`;
}

/** Most paths one request returns, and most it may skip. */
const maxPaths = 50;
const maxSkippedPaths = 1000;

/**
 * Both ends are looked up in the query itself, each in an aggregating subquery: one row whether or not they exist.
 * Shortest paths use Neo4j's shortest-path search; all simple paths (no node twice) are enumerated up to the hop
 * limit, shortest first, then by the ids along them, so that pages are stable.
 */
function matchPaths({ from, to, maxHops, first, skip, all, through, relationshipTypes }: Args, q: Parameters, resolved: Resolved): string {
  // The most hops by default: a shorter default answered [] where a path exists; a search too broad gets QUERY_TIMEOUT, which says to narrow it.
  const hops = checkHops(maxHops ?? limits.maxHops, 'maxHops');
  const count = checkLimit(first ?? 5, maxPaths, 'first');
  const skipped = skip ?? 0;
  if (!Number.isInteger(skipped) || skipped < 0 || skipped > maxSkippedPaths) throw badUserInput(`skip must be a whole number from 0 to ${maxSkippedPaths}; got ${skipped}.`, 'skip');
  if (slugOf(from) === slugOf(to)) throw badUserInput('from and to must be two different things.', 'to');
  const filters = [
    typeFilter(relationshipTypes, (types) => `all(r IN rs WHERE type(r) IN ${types})`, q),
    typeFilter(through, (kinds) => `all(x IN nodes(p)[1..-1] WHERE ${nodeTypename('x')} IN ${kinds})`, q),
  ].join('');
  const match = all
    ? `MATCH p = (a)-[rs:${factTypes}*1..${hops}]-(b)
  WHERE all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])${filters}`
    : `MATCH p = allShortestPaths((a)-[rs:${factTypes}*..${hops}]-(b))
  WHERE true${filters}`;
  return `CALL { WITH ${resolved.from} ${matchThingsBySlug('n', `[${resolved.from}]`, [resolved.from!])} RETURN collect(n)[0] AS a }
CALL { WITH ${resolved.to} ${matchThingsBySlug('n', `[${resolved.to}]`, [resolved.to!])} RETURN collect(n)[0] AS b }
CALL {
  WITH a, b
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  ${match}
  WITH p ORDER BY length(p), [x IN nodes(p) | x.id], [r IN relationships(p) | type(r)] SKIP ${q.param(skipped)} LIMIT ${q.param(count)}`;
}

/** The paths as a list, each with its nodes and edges in order. */
function pathsQuery(args: Args, q: Parameters, project: (scope: Record<string, string>) => string, resolved: Resolved): string {
  return `${matchPaths(args, q, resolved)}
  RETURN collect(${project({ path: 'p' })}) AS paths
}
RETURN paths AS value`;
}

/** The same paths merged into one subgraph: each node and edge once, in the order the paths first reach them. */
function pathGraphQuery(args: Args, q: Parameters, project: (scope: Record<string, string>) => string, resolved: Resolved): string {
  return `${matchPaths(args, q, resolved)}
  WITH collect(p) AS ps
  RETURN reduce(seen = [], p IN ps | seen + [x IN nodes(p) WHERE NOT x IN seen]) AS ns,
         reduce(seen = [], p IN ps | seen + [r IN relationships(p) WHERE NOT r IN seen]) AS rels
}
RETURN ${project({ nodes: 'ns', edges: 'rels', truncated: 'false' })} AS value`;
}

/** The arguments of `paths` and `pathGraph`. */
const pathArgs = (t: PothosSchemaTypes.QueryFieldBuilder<BuilderTypes, {}>) => ({
  from: t.arg.id({ required: true, description: `Start: ${thingReference}.` }),
  to: t.arg.id({ required: true, description: `End: ${thingReference}.` }),
  maxHops: t.arg.int({ required: false, defaultValue: limits.maxHops, description: `Longest path, in edges. Default and most: ${limits.maxHops}.` }),
  first: t.arg.int({ required: false, defaultValue: 5, description: `Most paths. Default 5, at most ${maxPaths}.` }),
  skip: t.arg.int({ required: false, defaultValue: 0, description: `Paths to skip, for the next page: the order is fixed (length, then the ids along the path). At most ${maxSkippedPaths}.` }),
  all: t.arg.boolean({ required: false, defaultValue: false, description: 'False: only the shortest paths. True: every simple path of at most `maxHops` edges. Default false.' }),
  through: t.arg({ type: [ThingKind], required: false, description: 'Only paths whose inner nodes are all of these kinds, e.g. [STATE, ORGANIZATION]. Default: any.' }),
  relationshipTypes: t.arg({ type: [RelationshipType], required: false, description: 'Walk only these relationship types. Default: all fact types.' }),
});

builder.queryFields((t) => ({
  neighbourhood: t.field({
    type: SubgraphRef,
    description: 'The things within `depth` hops of a thing, and the edges among them, as `{ nodes, edges }`.',
    args: {
      id: t.arg.id({ required: true, description: `The centre: ${thingReference}.` }),
      depth: t.arg.int({ required: false, defaultValue: 1, description: `How many hops out. Default 1, at most ${limits.maxHops}.` }),
      limit: t.arg.int({ required: false, defaultValue: 100, description: `Most nodes besides the centre. Default 100, at most ${maxNeighbourhoodNodes}.` }),
      relationshipTypes: t.arg({ type: [RelationshipType], required: false, description: 'Walk and return only these relationship types. Default: all fact types.' }),
    },
    extensions: rootPlan({ kind: 'items', references: ({ id }) => ({ id }), query: neighbourhoodQuery, estimate: () => 1 }),
    resolve: resolvePlanned,
  }),
  paths: t.field({
    type: [PathRef],
    description:
      'How two things are connected: the shortest paths of at most `maxHops` edges, or with `all: true` every simple path (no node twice) up to that length; shortest first, each edge with its evidence.',
    args: pathArgs(t),
    extensions: rootPlan({
      kind: 'items',
      references: ({ from, to }) => ({ from, to }),
      query: pathsQuery,
      estimate: ({ first }) => first ?? 5,
      answer: firstRowValue([]),
    }),
    resolve: resolvePlanned,
  }),
  pathGraph: t.field({
    type: SubgraphRef,
    description: 'The paths `paths` gives for the same arguments, merged into one `{ nodes, edges }`: each node and edge once.',
    args: pathArgs(t),
    extensions: rootPlan({ kind: 'items', references: ({ from, to }) => ({ from, to }), query: pathGraphQuery, estimate: () => 1 }),
    resolve: resolvePlanned,
  }),
}));
