/**
 * The synthetic graph as a folder of Cypher files, for measuring `npm run load` on a large file set: the
 * project's `cypher/` (schema, article, derived search keys) copied as it is, plus one file per synthetic
 * cluster under `50-synthetic/`, written with the merge templates of docs/adding-a-source.md as `cypher/`'s own
 * files are (`UNWIND [literal rows] … MERGE … ON CREATE SET`, aliases and disputes added when new, a node's quotes
 * as SOURCED_FROM, a fact's in its four evidence lists; the source text as a `// @param-file`, written when it
 * differs), so they sort after the article and before `90-derived-*`.
 *
 * Row shapes are the generator's (`synthetic-graph.ts`): properties are written as they are, whatever keys a
 * node or relationship has, except the search keys: `90-derived-search-keys.cypher` derives them at the end of the
 * load, as it does for every source.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultCypherDirectory, listCypherFiles } from '../loader/load-cypher.js';
import { cypherStringLiteral } from '../loader/param-files.js';
import {
  clusterCount,
  dateProperties,
  type NodeRow,
  type RelationshipRow,
  type SyntheticCluster,
  type SyntheticLabel,
  syntheticClusters,
} from './synthetic-graph.js';

/** The sub-folder of the synthetic files: after the article's files, before `90-derived-*`. */
export const syntheticFolder = '50-synthetic';

/** Properties the generator makes as fractions even when they happen to be whole (Goldstein scores, e.g. 8.0). */
const floatProperties = new Set(['goldstein']);

/** A Cypher literal of a generated value; `key` names the property, for dates and floats. */
export function cypherLiteral(value: unknown, key?: string, dates: readonly string[] = []): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return key !== undefined && dates.includes(key) ? `date(${cypherStringLiteral(value)})` : cypherStringLiteral(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a Cypher literal`);
    return Number.isInteger(value) && key !== undefined && floatProperties.has(key) ? value.toFixed(1) : String(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => cypherLiteral(item, key)).join(', ')}]`;
  if (typeof value === 'object') return cypherMap(value as Record<string, unknown>, dates);
  throw new Error(`cannot write a ${typeof value} as a Cypher literal`);
}

/** A map literal; keys are the generator's identifiers, written plain when they can be. */
function cypherMap(map: Record<string, unknown>, dates: readonly string[] = []): string {
  return `{${Object.entries(map)
    .map(([key, value]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `\`${key.replace(/`/g, '``')}\``}: ${cypherLiteral(value, key, dates)}`)
    .join(', ')}}`;
}

const labelsOf = (label: SyntheticLabel) => (label === 'State' || label === 'Person' || label === 'Organization' || label === 'Place' ? `${label}:Entity` : label);

/** Every key that some row has a value for, in first-seen order. */
function keysOf(rows: Record<string, unknown>[], except: string[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const [key, value] of Object.entries(row)) if (!except.includes(key) && value !== null && value !== undefined) keys.add(key);
  return [...keys];
}

function group<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

const list = (keys: string[]) => `[${keys.map((key) => cypherStringLiteral(key)).join(', ')}]`;

/** docs/adding-a-source.md's dispute CALL: a value given differently is kept beside the first, with its source id. */
function disputeCall(v: 'n' | 'r', keys: string[], source: 's' | 'sourceId'): string {
  if (keys.length === 0) return '';
  const sourceId = source === 's' ? 's.id' : source;
  return (
    `CALL (${v}, row, ${source}) {\n` +
    `  WITH [k IN ${list(keys)} WHERE row[k] IS NOT NULL AND coalesce(${v}[k] <> row[k], true)\n` +
    `    AND NOT any(i IN range(0, size(coalesce(${v}.disputedProperties, [])) - 1) WHERE ${v}.disputedProperties[i] = k AND ${v}.disputedSourceIds[i] = ${sourceId})] AS disputed\n` +
    `  WHERE disputed <> []\n` +
    `  SET ${v}.disputedProperties = coalesce(${v}.disputedProperties, []) + disputed,\n` +
    `      ${v}.disputedValues = coalesce(${v}.disputedValues, []) + [k IN disputed | toString(row[k])],\n` +
    `      ${v}.disputedSourceIds = coalesce(${v}.disputedSourceIds, []) + [k IN disputed | ${sourceId}]\n` +
    `}\n`
  );
}

/** docs/adding-a-source.md's SOURCED_FROM MERGE: one relationship per quote of the row's `prov`. */
const sourcedFrom = 'UNWIND row.prov AS p\nMERGE (n)-[r:SOURCED_FROM {quoteStart: p.quoteStart, quoteEnd: p.quoteEnd}]->(s)\nON CREATE SET r.quote = p.quote;\n';

/** Properties a node's dispute check leaves out: its key and its names (aliases instead). */
const uncompared = ['id', 'name', 'aliases'];

/** The generator's search keys: `90-derived-search-keys.cypher` derives them, and a source's file never writes them. */
const derivedKeys = ['searchKeys'];

/** A node's properties as its source's file writes them: without what `90-derived-*` derives. */
const written = (properties: Record<string, unknown>) => Object.fromEntries(Object.entries(properties).filter(([key]) => !derivedKeys.includes(key)));

type Prov = { quote: unknown; quoteStart: unknown; quoteEnd: unknown }[];

/** The nodes of one label as docs/adding-a-source.md's entity template: MERGE, aliases, disputes, SOURCED_FROM per quote. */
function nodeStatement(label: SyntheticLabel, nodes: NodeRow[], sourceMatch: string, prov: Map<string, Prov>): string {
  const dates = dateProperties[label] ?? [];
  const keys = keysOf(nodes.map((node) => node.properties), ['id', ...derivedKeys]);
  const rows = nodes.map((node) => `  ${cypherMap({ ...written(node.properties), prov: prov.get(node.properties.id) ?? [] }, dates)}`).join(',\n');
  const set = keys.map((key) => `n.${key} = row.${key}`).join(', ');
  const aliases = keys.includes('aliases')
    ? 'CALL (n, row) {\n  WITH [a IN [row.name] + row.aliases WHERE a <> n.name AND NOT a IN n.aliases] AS added\n  WHERE added <> []\n  SET n.aliases = n.aliases + added\n}\n'
    : '';
  return (
    `// ${label} nodes, each with its SOURCED_FROM provenance\n${sourceMatch}UNWIND [\n${rows}\n] AS row\nMERGE (n:${labelsOf(label)} {id: row.id})${set ? `\nON CREATE SET ${set}` : ''}\n` +
    `WITH s, n, row\n${aliases}${disputeCall('n', keys.filter((key) => !uncompared.includes(key)), 's')}${sourcedFrom}`
  );
}

/** SOURCED_FROM of nodes the cluster mentions but another file creates: the tail of the entity template. */
function mentionStatement(label: string, ids: string[], sourceMatch: string, prov: Map<string, Prov>): string {
  const rows = ids.map((id) => `  ${cypherMap({ id, prov: prov.get(id) ?? [] })}`).join(',\n');
  return `// More quotes naming ${label} nodes of other files\n${sourceMatch}UNWIND [\n${rows}\n] AS row\nMATCH (n:${label} {id: row.id})\nWITH s, n, row\n${sourcedFrom}`;
}

/** Relationships are MERGEd on their ends and, for memberships and offices, on their id (docs/adding-a-source.md). */
const relationshipKeys = ['id'];
const evidenceLists = ['sourceIds', 'quotes', 'quoteStarts', 'quoteEnds'];

/**
 * One kind of fact relationship as docs/adding-a-source.md's fact template: its evidence (one quote per row here) appended
 * to the four lists unless already there, a value given differently recorded as a dispute.
 */
function relationshipStatement(type: string, from: string, to: string, relationships: RelationshipRow[], sourceId: string): string {
  const dates = dateProperties[type] ?? [];
  const properties = relationships.map((rel) => rel.properties);
  const mergeKeys = relationshipKeys.filter((key) => properties.every((row) => row[key] !== undefined && row[key] !== null));
  const keys = keysOf(properties, [...mergeKeys, ...evidenceLists]);
  const rows = relationships
    .map((rel) => {
      const { sourceIds, quotes, quoteStarts, quoteEnds, ...own } = rel.properties as Record<string, unknown[] | undefined>;
      if (!Array.isArray(quotes) || quotes.length !== 1 || sourceIds?.[0] !== sourceId) throw new Error(`a ${type} of the cluster of ${sourceId} does not carry exactly one quote of it`);
      return `  ${cypherMap({ from: rel.from.id, to: rel.to.id, ...own, quote: quotes[0], quoteStart: quoteStarts?.[0], quoteEnd: quoteEnds?.[0] }, dates)}`;
    })
    .join(',\n');
  const merge = mergeKeys.length ? ` {${mergeKeys.map((key) => `${key}: row.${key}`).join(', ')}}` : '';
  const set = [...keys.map((key) => `r.${key} = row.${key}`), 'r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []'].join(', ');
  return (
    `// ${type}: ${from} -> ${to}\nUNWIND [\n${rows}\n] AS row\nMATCH (a:${from} {id: row.from}), (b:${to} {id: row.to})\n` +
    `MERGE (a)-[r:${type}${merge}]->(b)\nON CREATE SET ${set}\nWITH r, row, ${cypherStringLiteral(sourceId)} AS sourceId\n${disputeCall('r', keys, 'sourceId')}WITH r, row, sourceId\n` +
    'WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)\n' +
    'SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;\n'
  );
}

/** One cluster as one Cypher file; its source's text goes to `sourceFile` (relative to the Cypher file), read as `$sourceText`. */
export function clusterCypher(cluster: SyntheticCluster, sourceFile: string): { script: string; sourceText: string } {
  const [source, ...nodes] = cluster.nodes;
  if (source?.label !== 'Source') throw new Error(`cluster ${cluster.index} does not start with its Source`);
  const { text, ...sourceProperties } = source.properties;
  const sourceId = source.properties.id;
  const sourceDates = dateProperties.Source ?? [];
  const sourceSet = Object.keys(sourceProperties)
    .filter((key) => key !== 'id')
    .map((key) => `s.${key} = ${cypherLiteral(sourceProperties[key], key, sourceDates)}`)
    .join(', ');
  // The quotes naming each node (its SOURCED_FROM), by node id, travel in the node's row as `prov`.
  const prov = new Map<string, Prov>();
  const mentioned = new Map<string, string>();
  for (const rel of cluster.relationships.filter((rel) => rel.type === 'SOURCED_FROM')) {
    const { quote, quoteStart, quoteEnd } = rel.properties;
    prov.set(rel.from.id, [...(prov.get(rel.from.id) ?? []), { quote, quoteStart, quoteEnd }]);
    mentioned.set(rel.from.id, rel.from.label);
  }
  const own = new Set(nodes.map((node) => node.properties.id));
  const sourceMatch = `MATCH (s:Source {id: ${cypherStringLiteral(sourceId)}})\n`;
  const parts = [
    `// Synthetic cluster ${cluster.index} (src/bench/synthetic-cypher.ts): its source, nodes and relationships.\n` +
      `// @param-file sourceText ${sourceFile}\n`,
    // As cypher/10's source file: the text is written only when it differs.
    `MERGE (s:Source {id: ${cypherStringLiteral(sourceId)}})\n${sourceSet ? `ON CREATE SET ${sourceSet}\n` : ''}WITH s\n` +
      'FOREACH (_ IN CASE WHEN s.text IS NULL OR s.text <> $sourceText THEN [1] ELSE [] END | SET s.text = $sourceText);\n',
  ];
  for (const [label, rows] of group(nodes, (node) => node.label)) parts.push(nodeStatement(label as SyntheticLabel, rows, sourceMatch, prov));
  const others = [...mentioned].filter(([id]) => !own.has(id));
  for (const [label, ids] of group(others, ([, label]) => label)) parts.push(mentionStatement(label, ids.map(([id]) => id), sourceMatch, prov));
  const facts = cluster.relationships.filter((rel) => rel.type !== 'SOURCED_FROM');
  for (const rows of group(facts, (rel) => `${rel.type}|${rel.from.label}|${rel.to.label}`).values()) {
    parts.push(relationshipStatement(rows[0]!.type, rows[0]!.from.label, rows[0]!.to.label, rows, sourceId));
  }
  return { script: parts.join('\n'), sourceText: typeof text === 'string' ? text : '' };
}

export interface SyntheticCypherReport {
  /** Cypher files written, the copied `cypher/` files included. */
  files: number;
  clusters: number;
  /** Nodes and relationships of the clusters (the article's not counted). */
  nodes: number;
  relationships: number;
}

/**
 * Writes `cypher/` and the clusters of `scale` into `directory` (created if missing): `npm run load -- <directory>`
 * then loads the article and the synthetic graph, as `npm run bench` imports them.
 */
export async function writeSyntheticCypher(directory: string, options: { scale: number; seed?: number }): Promise<SyntheticCypherReport> {
  await mkdir(path.join(directory, syntheticFolder, 'sources'), { recursive: true });
  await cp(defaultCypherDirectory, directory, { recursive: true });
  const report: SyntheticCypherReport = { files: 0, clusters: clusterCount(options.scale), nodes: 0, relationships: 0 };
  const digits = Math.max(5, String(report.clusters).length);
  for (const cluster of syntheticClusters({ scale: options.scale, seed: options.seed })) {
    const name = `cluster-${String(cluster.index).padStart(digits, '0')}`;
    const { script, sourceText } = clusterCypher(cluster, `sources/${name}.txt`);
    await writeFile(path.join(directory, syntheticFolder, 'sources', `${name}.txt`), sourceText);
    await writeFile(path.join(directory, syntheticFolder, `${name}.cypher`), script);
    report.nodes += cluster.nodes.length;
    report.relationships += cluster.relationships.length;
  }
  report.files = (await listCypherFiles(directory)).length;
  return report;
}
