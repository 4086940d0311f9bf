/** The `{ nodes, edges }` the API's `neighbourhood` and `paths` return, as the explorer, exports and recipes use them. */

/** One evidence item: a verbatim quote of a source and its offsets (UTF-16 code units, end exclusive). */
export interface EvidenceItem {
  quote: string;
  start: number;
  end: number;
  source: { slug: string };
}

export interface SubgraphNode {
  id: string;
  name: string;
  kind: string;
  properties?: Record<string, unknown>;
}

export interface SubgraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  properties?: Record<string, unknown>;
  /** Every quote the edge rests on, from every source that states it. */
  evidence?: EvidenceItem[];
}

export interface Subgraph {
  nodes: SubgraphNode[];
  edges: SubgraphEdge[];
  truncated?: boolean;
}

/** The paths of `paths` (or any subgraphs) as one subgraph: each node and edge once, in order of first appearance. */
export function mergePaths(paths: ReadonlyArray<{ nodes: SubgraphNode[]; edges: SubgraphEdge[] }>): Subgraph {
  const nodes = new Map<string, SubgraphNode>();
  const edges = new Map<string, SubgraphEdge>();
  for (const path of paths) {
    for (const node of path.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
    for (const edge of path.edges) if (!edges.has(edge.id)) edges.set(edge.id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The selection the explorer and the export route ask for: enough for the picture, the panel and the exports. */
export const subgraphSelection = `nodes { id name kind properties }
    edges { id source target type properties evidence { quote start end source { slug } } }`;

/** The neighbourhood query of the explorer and the export route; variables `id`, `depth`, `limit`. */
export const neighbourhoodQuery = `query Neighbourhood($id: ID!, $depth: Int, $limit: Int) {
  neighbourhood(id: $id, depth: $depth, limit: $limit) {
    truncated
    ${subgraphSelection}
  }
}`;
