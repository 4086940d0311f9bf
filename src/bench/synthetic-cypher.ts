/**
 * The synthetic graph as a folder of Cypher files, for measuring `npm run load` on a large file set: the
 * project's `cypher/` (schema, article, derived search keys) copied as it is, plus one file per synthetic
 * cluster under `50-synthetic/`, written in the style of `cypher/`'s own files (idempotent `UNWIND [literal
 * rows] … MERGE … ON CREATE SET`, the source text as a `// @param-file`), so they sort after the article and
 * before `90-derived-*`.
 *
 * Row shapes are the generator's (`synthetic-graph.ts`): properties are written as they are, whatever keys a
 * node or relationship has.
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

/** Every key of the rows, in first-seen order. */
function keysOf(rows: Record<string, unknown>[], except: string[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (!except.includes(key)) keys.add(key);
  return [...keys];
}

/** Relationships are MERGEd on their ends and on whichever of these every row of the statement has. */
const relationshipKeyCandidates = ['id', 'quoteStart', 'quoteEnd'];

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

function nodeStatement(label: SyntheticLabel, nodes: NodeRow[]): string {
  const dates = dateProperties[label] ?? [];
  const keys = keysOf(nodes.map((node) => node.properties), ['id']);
  const rows = nodes.map((node) => `  ${cypherMap(node.properties, dates)}`).join(',\n');
  const set = keys.map((key) => `n.${key} = row.${key}`).join(', ');
  return `// ${label} nodes\nUNWIND [\n${rows}\n] AS row\nMERGE (n:${labelsOf(label)} {id: row.id})${set ? `\nON CREATE SET ${set}` : ''};\n`;
}

function relationshipStatement(type: string, from: string, to: string, relationships: RelationshipRow[]): string {
  const dates = dateProperties[type] ?? [];
  const properties = relationships.map((rel) => rel.properties);
  const mergeKeys = relationshipKeyCandidates.filter((key) => properties.every((row) => row[key] !== undefined && row[key] !== null));
  const keys = keysOf(properties, mergeKeys);
  const rows = relationships.map((rel) => `  ${cypherMap({ from: rel.from.id, to: rel.to.id, ...rel.properties }, dates)}`).join(',\n');
  const merge = mergeKeys.length ? ` {${mergeKeys.map((key) => `${key}: row.${key}`).join(', ')}}` : '';
  const set = keys.map((key) => `r.${key} = row.${key}`).join(', ');
  return (
    `// ${type}: ${from} -> ${to}\nUNWIND [\n${rows}\n] AS row\nMATCH (a:${from} {id: row.from}), (b:${to} {id: row.to})\n` +
    `MERGE (a)-[r:${type}${merge}]->(b)${set ? `\nON CREATE SET ${set}` : ''};\n`
  );
}

/** One cluster as one Cypher file; its source's text goes to `sourceFile` (relative to the Cypher file), read as `$sourceText`. */
export function clusterCypher(cluster: SyntheticCluster, sourceFile: string): { script: string; sourceText: string } {
  const [source, ...nodes] = cluster.nodes;
  if (source?.label !== 'Source') throw new Error(`cluster ${cluster.index} does not start with its Source`);
  const { text, ...sourceProperties } = source.properties;
  const sourceDates = dateProperties.Source ?? [];
  const sourceSet = Object.keys(sourceProperties)
    .filter((key) => key !== 'id')
    .map((key) => `s.${key} = ${cypherLiteral(sourceProperties[key], key, sourceDates)}`)
    .join(', ');
  const parts = [
    `// Synthetic cluster ${cluster.index} (src/bench/synthetic-cypher.ts): its source, nodes and relationships.\n` +
      `// @param-file sourceText ${sourceFile}\n`,
    // ON CREATE SET, not cypher/10's FOREACH that also rewrites a changed text: a file that can change what exists
    // gets the loader's whole-database quote check (quote-scope.ts), and these files only add.
    `MERGE (s:Source {id: ${cypherStringLiteral(source.properties.id)}})\nON CREATE SET ${sourceSet ? `${sourceSet}, ` : ''}s.text = $sourceText;\n`,
  ];
  for (const [label, rows] of group(nodes, (node) => node.label)) parts.push(nodeStatement(label as SyntheticLabel, rows));
  for (const rows of group(cluster.relationships, (rel) => `${rel.type}|${rel.from.label}|${rel.to.label}`).values()) {
    parts.push(relationshipStatement(rows[0]!.type, rows[0]!.from.label, rows[0]!.to.label, rows));
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
