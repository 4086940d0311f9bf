/** A subgraph as GraphML, which Gephi, yEd and networkx read: directed, parallel edges kept apart by their ids. */
import type { Subgraph } from './subgraph.js';

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Attributes written for nodes and edges, in this order; every value is a string (dates as YYYY-MM-DD). */
const nodeKeys = ['label', 'kind', 'startDate', 'endDate'] as const;
const edgeKeys = ['type', 'startDate', 'endDate', 'role', 'title', 'quote'] as const;

const text = (value: unknown) => (value == null ? undefined : String(value));

export function toGraphML(subgraph: Subgraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...nodeKeys.map((key) => `  <key id="n_${key}" for="node" attr.name="${key}" attr.type="string"/>`),
    ...edgeKeys.map((key) => `  <key id="e_${key}" for="edge" attr.name="${key}" attr.type="string"/>`),
    '  <graph id="csto-graph" edgedefault="directed">',
  ];
  const data = (prefix: string, key: string, value: string | undefined) =>
    value === undefined ? [] : [`      <data key="${prefix}_${key}">${escapeXml(value)}</data>`];
  for (const node of subgraph.nodes) {
    const values = { label: node.name, kind: node.kind, startDate: text(node.properties?.startDate), endDate: text(node.properties?.endDate) };
    lines.push(`    <node id="${escapeXml(node.id)}">`, ...nodeKeys.flatMap((key) => data('n', key, values[key])), '    </node>');
  }
  for (const edge of subgraph.edges) {
    const p = edge.properties ?? {};
    // An edge's quotes, from every source that states it, go into one attribute, one per line.
    const quotes = (edge.evidence ?? []).map((item) => item.quote);
    const values = { type: edge.type, startDate: text(p.startDate), endDate: text(p.endDate), role: text(p.role), title: text(p.title), quote: quotes.length ? quotes.join('\n') : undefined };
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`,
      ...edgeKeys.flatMap((key) => data('e', key, values[key])),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
