/**
 * Neighbourhoods and paths as plain `{ nodes, edges }` with stable ids, so that Cytoscape.js, vis-network,
 * graphology/Sigma and Neo4j NVL take them with a one-line mapping.
 */
import { type GraphQLResolveInfo, Kind, type SelectionNode } from 'graphql';
import { builder } from '../builder.js';
import { limits } from '../limits.js';
import { badUserInput } from './errors.js';
import { EvidenceRef, edgeEvidence } from './provenance.js';
import { type EdgeShape, edgeId, edgeShape, factRelationshipTypes, globalId, matchAnyBySlug, type NodeShape, nodeShape, slugOf } from './shapes.js';
import { ThingKind, ThingRef, unknownId } from './things.js';

interface SubgraphShape {
  nodes: NodeShape[];
  edges: EdgeShape[];
  truncated: boolean;
}

/** Properties that are ours, not the data's: the projection's markers and derived search keys. */
const hiddenProperty = (name: string) => name.startsWith('__') || name === 'searchKeys';

function visibleProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([name]) => !hiddenProperty(name)));
}

const RelationshipType = builder.enumType('RelationshipType', {
  description: 'A relationship type that states a fact (provenance, SOURCED_FROM, is carried as evidence instead).',
  values: Object.fromEntries(factRelationshipTypes.map((type) => [type, { description: `The ${type} relationship.` }])) as Record<
    (typeof factRelationshipTypes)[number],
    { description: string }
  >,
});

const SubgraphNodeRef = builder.objectRef<NodeShape>('SubgraphNode').implement({
  description: 'A node of a subgraph. Cytoscape: `{ data: { id, label: name, ...properties } }`; vis-network / NVL: `{ id, label: name }`; graphology: `addNode(id, properties)`.',
  fields: (t) => ({
    id: t.id({ description: 'Stable id, the same as the thing\'s global id, e.g. "State:kyrgyzstan".', resolve: (node) => globalId(node) }),
    slug: t.string({ description: 'The readable id, e.g. "kyrgyzstan".', resolve: (node) => node.id }),
    kind: t.field({ type: ThingKind, description: 'The kind of thing.', resolve: (node) => node.__label as 'State' }),
    labels: t.stringList({ description: 'Its Neo4j labels.', resolve: (node) => (node.__label === 'Event' || node.__label === 'Statement' || node.__label === 'Claim' ? [node.__label] : [node.__label, 'Entity']) }),
    name: t.string({ description: 'The name, for a label on screen.', resolve: (node) => node.name }),
    properties: t.field({ type: 'JSON', description: 'Every stored property (dates as YYYY-MM-DD).', resolve: (node) => visibleProperties(node) }),
    thing: t.field({ type: ThingRef, description: 'The same node as a typed thing, for further fields.', resolve: (node) => node }),
  }),
});

/** An edge and the global ids of its ends, which the subgraph's nodes provide. */
type SubgraphEdgeShape = EdgeShape & { __source: string; __target: string };

const SubgraphEdgeRef = builder.objectRef<SubgraphEdgeShape>('SubgraphEdge').implement({
  description: 'A directed edge of a subgraph. Cytoscape: `{ data: { id, source, target } }`; vis-network / NVL: `{ id, from: source, to: target }`; graphology: `addEdgeWithKey(id, source, target)`.',
  fields: (t) => ({
    id: t.id({ description: 'Stable id: `<start slug>-<TYPE>-><end slug>`, plus `#<id>` where two edges join the same pair.', resolve: (edge) => edgeId(edge) }),
    source: t.id({ description: 'Id of the start node (a SubgraphNode id).', resolve: (edge) => edge.__source }),
    target: t.id({ description: 'Id of the end node (a SubgraphNode id).', resolve: (edge) => edge.__target }),
    type: t.string({ description: 'The relationship type, e.g. MEMBER_OF.', resolve: (edge) => edge.__type }),
    properties: t.field({ type: 'JSON', description: 'Every stored property, provenance included.', resolve: (edge) => visibleProperties(edge) }),
    evidence: t.field({ type: EvidenceRef, nullable: true, description: 'The quote the edge rests on.', resolve: (edge) => edgeEvidence(edge) }),
  }),
});

/** Gives every edge the global ids of its ends; the ends are always among the nodes. */
function withEndIds(nodes: NodeShape[], edges: EdgeShape[]): SubgraphEdgeShape[] {
  const ids = new Map(nodes.map((node) => [node.id, globalId(node)]));
  return edges.map((edge) => ({ ...edge, __source: ids.get(edge.__start) ?? edge.__start, __target: ids.get(edge.__end) ?? edge.__end }));
}

const SubgraphRef = builder.objectRef<SubgraphShape>('Subgraph').implement({
  description: 'A set of nodes and the edges among them.',
  fields: (t) => ({
    nodes: t.field({ type: [SubgraphNodeRef], description: 'The nodes; the centre comes first.', resolve: (graph) => graph.nodes }),
    edges: t.field({ type: [SubgraphEdgeRef], description: 'The edges whose two ends are both among the nodes.', resolve: (graph) => withEndIds(graph.nodes, graph.edges) }),
    truncated: t.boolean({ description: 'True when more nodes were in reach than `limit` allowed.', resolve: (graph) => graph.truncated }),
  }),
});

const PathRef = builder.objectRef<{ nodes: NodeShape[]; edges: EdgeShape[] }>('Path').implement({
  description: 'A path between two things: its nodes in order, and its edges, each with its evidence.',
  fields: (t) => ({
    length: t.int({ description: 'The number of edges (hops).', resolve: (path) => path.edges.length }),
    nodes: t.field({ type: [SubgraphNodeRef], description: 'The nodes from start to end.', resolve: (path) => path.nodes }),
    edges: t.field({ type: [SubgraphEdgeRef], description: 'The edges in order; an edge may point either way along the path.', resolve: (path) => withEndIds(path.nodes, path.edges) }),
  }),
});

const factTypes = factRelationshipTypes.join('|');

/** A node with every property when `$fullNodes`, else only what a graph view labels it with. */
const subgraphNode = (x: string) =>
  `CASE WHEN $fullNodes THEN ${nodeShape(x)} ELSE ${x} { .id, .name, __label: [l IN labels(${x}) WHERE l <> 'Entity'][0] } END`;

/** An edge with every property (its quote included) when `$fullEdges`, else its type, ends and id. */
const subgraphEdge = (r: string) =>
  `CASE WHEN $fullEdges THEN ${edgeShape(r)} ELSE ${r} { .id, __type: type(${r}), __start: startNode(${r}).id, __end: endNode(${r}).id } END`;

/** Which fields the client selects below this field (through fragments too), to fetch no more than it asks for. */
function selectedFields(info: GraphQLResolveInfo, path: string[]): Set<string> {
  const names = new Set<string>();
  const visit = (selections: readonly SelectionNode[], depth: number): void => {
    for (const selection of selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet.selections, depth);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet.selections, depth);
      } else if (depth === path.length) {
        names.add(selection.name.value);
      } else if (selection.name.value === path[depth] && selection.selectionSet) {
        visit(selection.selectionSet.selections, depth + 1);
      }
    }
  };
  for (const field of info.fieldNodes) if (field.selectionSet) visit(field.selectionSet.selections, 0);
  return names;
}

/** Full projections only where the selection reads properties, evidence or the typed thing. */
function projections(info: GraphQLResolveInfo, nodesField: string, edgesField: string) {
  const nodeFields = selectedFields(info, [nodesField]);
  const edgeFields = selectedFields(info, [edgesField]);
  return {
    fullNodes: nodeFields.has('properties') || nodeFields.has('thing'),
    fullEdges: edgeFields.has('properties') || edgeFields.has('evidence'),
  };
}

/** `AND …` that keeps only the relationship types asked for, in the variants that filter by type. */
const typeFilter = (filtered: boolean, condition: string) => (filtered ? ` AND ${condition}` : '');

/**
 * One fixed query per depth and type filter (variable-length bounds cannot be parameters in Cypher): the centre,
 * then the nodes in reach nearest first, then by id, cut at `$limit`, and the edges among them. One round trip;
 * `found` is false for an unknown id.
 */
function neighbourhoodQuery(depth: number, filtered: boolean): string {
  return `${matchAnyBySlug('ids')}
WITH collect(n)[0] AS centre
CALL {
  WITH centre
  OPTIONAL MATCH path = (centre)-[rs:${factTypes}*1..${depth}]-(x)
  WHERE x <> centre${typeFilter(filtered, 'all(r IN rs WHERE type(r) IN $types)')}
  WITH x, min(length(path)) AS distance ORDER BY distance, x.id
  // One more than asked for tells whether the cut left nodes out, without collecting every node in reach.
  LIMIT $limit + 1
  RETURN collect(x) AS found
}
WITH centre, [centre] + found[..$limit] AS ns, size(found) > $limit AS truncated
CALL {
  WITH ns UNWIND ns AS a
  MATCH (a)-[r:${factTypes}]->(b) WHERE b IN ns${typeFilter(filtered, 'type(r) IN $types')}
  RETURN collect(${subgraphEdge('r')}) AS edges
}
RETURN centre IS NOT NULL AS found, [x IN ns | ${subgraphNode('x')}] AS nodes, edges, truncated`;
}

/** The same for paths: both ends are looked up in the query itself, so an unknown id costs no extra round trip. */
function pathsQuery(hops: number, filtered: boolean): string {
  // Each end in its own aggregating subquery: one row whether or not the id exists.
  return `CALL { ${matchAnyBySlug('from')} RETURN collect(n)[0] AS a }
CALL { ${matchAnyBySlug('to')} RETURN collect(n)[0] AS b }
CALL {
  WITH a, b
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = allShortestPaths((a)-[rs:${factTypes}*..${hops}]-(b))
  WHERE true${typeFilter(filtered, 'all(r IN rs WHERE type(r) IN $types)')}
  WITH p LIMIT $first
  RETURN collect({ nodes: [x IN nodes(p) | ${subgraphNode('x')}], edges: [r IN relationships(p) | ${subgraphEdge('r')}] }) AS paths
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths`;
}

const hopRange = Array.from({ length: limits.maxHops }, (_, index) => index + 1);
const variantKey = (hops: number, filtered: boolean) => `${hops}:${filtered}`;
const neighbourhoodQueries = new Map(hopRange.flatMap((hops) => [false, true].map((filtered) => [variantKey(hops, filtered), neighbourhoodQuery(hops, filtered)])));
const pathsQueries = new Map(hopRange.flatMap((hops) => [false, true].map((filtered) => [variantKey(hops, filtered), pathsQuery(hops, filtered)])));

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

/** Most nodes one neighbourhood returns. */
const maxNeighbourhoodNodes = 500;

builder.queryFields((t) => ({
  neighbourhood: t.field({
    type: SubgraphRef,
    description: 'The things within `depth` hops of a thing, and the edges among them, as `{ nodes, edges }`.',
    args: {
      id: t.arg.string({ required: true, description: 'The centre: a slug or a global id.' }),
      depth: t.arg.int({ required: false, defaultValue: 1, description: `How many hops out. Default 1, at most ${limits.maxHops}.` }),
      limit: t.arg.int({ required: false, defaultValue: 100, description: `Most nodes besides the centre. Default 100, at most ${maxNeighbourhoodNodes}.` }),
      relationshipTypes: t.arg({ type: [RelationshipType], required: false, description: 'Walk and return only these relationship types. Default: all fact types.' }),
    },
    resolve: async (_root, { id, depth, limit, relationshipTypes }, ctx, info) => {
      const hops = checkHops(depth ?? 1, 'depth');
      const [row] = await ctx.db.read<SubgraphShape & { found: boolean }>(neighbourhoodQueries.get(variantKey(hops, !!relationshipTypes))!, {
        ids: [slugOf(id)],
        limit: checkLimit(limit ?? 100, maxNeighbourhoodNodes, 'limit'),
        types: relationshipTypes ?? null,
        ...projections(info, 'nodes', 'edges'),
      });
      if (!row?.found) throw unknownId('id', id);
      return row;
    },
  }),
  paths: t.field({
    type: [PathRef],
    description: 'How two things are connected: the shortest paths of at most `maxHops` edges, each edge with its evidence.',
    args: {
      from: t.arg.string({ required: true, description: 'Start: a slug or a global id.' }),
      to: t.arg.string({ required: true, description: 'End: a slug or a global id.' }),
      maxHops: t.arg.int({ required: false, defaultValue: 3, description: `Longest path, in edges. Default 3, at most ${limits.maxHops}.` }),
      first: t.arg.int({ required: false, defaultValue: 5, description: 'Most paths. Default 5, at most 50.' }),
      relationshipTypes: t.arg({ type: [RelationshipType], required: false, description: 'Walk only these relationship types. Default: all fact types.' }),
    },
    resolve: async (_root, { from, to, maxHops, first, relationshipTypes }, ctx, info) => {
      const hops = checkHops(maxHops ?? 3, 'maxHops');
      const count = checkLimit(first ?? 5, 50, 'first');
      if (slugOf(from) === slugOf(to)) throw badUserInput('from and to must be two different things.', 'to');
      const [row] = await ctx.db.read<{ fromFound: boolean; toFound: boolean; paths: { nodes: NodeShape[]; edges: EdgeShape[] }[] }>(
        pathsQueries.get(variantKey(hops, !!relationshipTypes))!,
        { from: [slugOf(from)], to: [slugOf(to)], first: count, types: relationshipTypes ?? null, ...projections(info, 'nodes', 'edges') },
      );
      if (!row?.fromFound) throw unknownId('from', from);
      if (!row.toFound) throw unknownId('to', to);
      return row.paths;
    },
  }),
}));
