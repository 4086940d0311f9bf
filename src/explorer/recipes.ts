/**
 * Recipes: the API's `{ nodes, edges }` (from `neighbourhood`, or `paths` merged with `mergePaths`) in four
 * visualisation libraries. The README quotes this file and tests run it with each real library.
 * The graph is directed and may hold parallel edges (two edges, even of one type, between the same two nodes):
 * key every edge by its `id`, never by its ends.
 */
import type { MultiDirectedGraph } from 'graphology';
import type { Subgraph } from './subgraph.js';

/** Cytoscape.js: `cytoscape({ elements: toCytoscape(subgraph) })`. Keep `id` global: do not spread `properties` into `data`. */
export function toCytoscape({ nodes, edges }: Subgraph) {
  return [
    ...nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id, label: node.name, kind: node.kind } })),
    ...edges.map((edge) => ({ group: 'edges' as const, data: { id: edge.id, source: edge.source, target: edge.target, label: edge.type } })),
  ];
}

/**
 * graphology: a MultiDirectedGraph, since parallel edges would make a simple graph throw. Nodes and edges are merged
 * by id, so an answer that overlaps one already in the graph (the next neighbourhood) adds only what is new.
 */
export function addToGraphology(graph: MultiDirectedGraph, { nodes, edges }: Subgraph): MultiDirectedGraph {
  for (const node of nodes) graph.mergeNode(node.id, { label: node.name, kind: node.kind });
  for (const edge of edges) graph.mergeDirectedEdgeWithKey(edge.id, edge.source, edge.target, { label: edge.type });
  return graph;
}

/** vis-network: `new Network(container, toVisNetwork(subgraph), {})`; arrows are drawn only when asked for. */
export function toVisNetwork({ nodes, edges }: Subgraph) {
  return {
    nodes: nodes.map((node) => ({ id: node.id, label: node.name, group: node.kind })),
    edges: edges.map((edge) => ({ id: edge.id, from: edge.source, to: edge.target, label: edge.type, arrows: 'to' })),
  };
}

/** Neo4j NVL (@neo4j-nvl/base): `new NVL(container, nodes, relationships)`; its label is `caption`. */
export function toNvl({ nodes, edges }: Subgraph) {
  return {
    nodes: nodes.map((node) => ({ id: node.id, caption: node.name })),
    relationships: edges.map((edge) => ({ id: edge.id, from: edge.source, to: edge.target, caption: edge.type })),
  };
}
