/**
 * Evidence that no file gives any more. The templates append evidence at new offsets and never remove any
 * (docs/model.md, "Merge rules"), so a row whose quote and offsets were both changed leaves its old quote beside
 * the new one, which a load into an empty database would not have. A run that loads a file whose content changed
 * since its last load finds such quotes of the facts that file gives and keeps them on the file's record
 * (`LoadedFile.staleQuotes`); every `npm run load` lists those still in the graph, each with the Cypher that removes
 * it, until they are gone. The loader removes nothing itself.
 */
import neo4j from 'neo4j-driver';
import type { GraphDatabase } from '../database/graph-database.js';
import { edgeIdCypher } from '../schema/shapes.js';
import type { FileQuote } from './file-quotes.js';
import { type FileReport, prepareCypherFile, quotesGivenBy, recordName, recordRoot } from './load-cypher.js';
import { loadedFileLabel } from './vocabulary.js';

/** A quote in the graph that no file gives any more. */
export interface StaleEvidence {
  /** The fact, as the quote check names edges. */
  fact: string;
  sourceId: string;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  /** Cypher that removes just this quote (its evidence item, or the SOURCED_FROM that holds it). */
  removal: string;
}

/** An evidence item as the graph holds it. */
interface EvidenceRow {
  fact: string;
  element: string;
  single: boolean;
  sourceId: string;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
}

const factSource = (fact: string, sourceId: string) => JSON.stringify([fact, sourceId]);
const offsets = (start: unknown, end: unknown) => `${String(neo4j.integer.toNumber(start as number))}:${String(neo4j.integer.toNumber(end as number))}`;
const itemKey = (fact: string, sourceId: string, start: unknown, end: unknown) => JSON.stringify([fact, sourceId, offsets(start, end)]);

/** Each evidence item of the named sources on relationships of the given types, with the fact it belongs to. */
const evidenceQuery = (types: string[]) => `
MATCH (a)-[r:${types.join('|')}]->(b)
WHERE (type(r) = 'SOURCED_FROM' AND b:Source AND b.id IN $sources) OR any(sourceId IN coalesce(r.sourceIds, []) WHERE sourceId IN $sources)
WITH r, ${edgeIdCypher('r')} AS fact, b
WHERE fact IN $facts
UNWIND CASE WHEN type(r) = 'SOURCED_FROM' THEN [{sourceId: b.id, quote: r.quote, quoteStart: r.quoteStart, quoteEnd: r.quoteEnd}]
  ELSE [i IN range(0, size(r.sourceIds) - 1) WHERE r.sourceIds[i] IN $sources | {sourceId: r.sourceIds[i], quote: r.quotes[i], quoteStart: r.quoteStarts[i], quoteEnd: r.quoteEnds[i]}]
END AS item
RETURN fact, elementId(r) AS element, type(r) = 'SOURCED_FROM' AS single, item.sourceId AS sourceId, item.quote AS quote, item.quoteStart AS quoteStart, item.quoteEnd AS quoteEnd
ORDER BY fact, quoteStart`;

/** The graph's evidence items of these facts from these sources (a fact's type is read from its name). */
async function readEvidence(db: GraphDatabase, cited: { fact: string; sourceId: string }[]): Promise<EvidenceRow[]> {
  const types = [...new Set(cited.map(({ fact }) => /-([A-Z][A-Z0-9_]*)->/.exec(fact)?.[1]).filter((type): type is string => type !== undefined))];
  if (!types.length) return [];
  const rows = await db.read<EvidenceRow>(evidenceQuery(types), { sources: [...new Set(cited.map(({ sourceId }) => sourceId))], facts: [...new Set(cited.map(({ fact }) => fact))] });
  const wanted = new Set(cited.map(({ fact, sourceId }) => factSource(fact, sourceId)));
  return rows.filter(({ fact, sourceId }) => wanted.has(factSource(fact, sourceId)));
}

/** Cypher that removes one quote: the SOURCED_FROM that holds it, or item i of a relationship's four evidence lists. */
function removalOf({ element, single, sourceId, quoteStart, quoteEnd }: EvidenceRow): string {
  const match = `MATCH ()-[r]->() WHERE elementId(r) = ${JSON.stringify(element)}`;
  if (single) return `${match} DELETE r`;
  const lists = ['sourceIds', 'quotes', 'quoteStarts', 'quoteEnds'];
  const keep = `[i IN range(0, size(r.quotes) - 1) WHERE NOT (r.sourceIds[i] = ${JSON.stringify(sourceId)} AND r.quoteStarts[i] = ${quoteStart} AND r.quoteEnds[i] = ${quoteEnd})]`;
  return `${match} WITH r, ${keep} AS keep SET ${lists.map((list) => `r.${list} = [i IN keep | r.${list}[i]]`).join(', ')}`;
}

const asStale = (row: EvidenceRow): StaleEvidence => ({
  fact: row.fact,
  sourceId: row.sourceId,
  quote: row.quote,
  quoteStart: row.quoteStart,
  quoteEnd: row.quoteEnd,
  removal: removalOf(row),
});

/**
 * The quotes of the facts `changed` gives that no file gives any more: of the same fact and source, at offsets that
 * no quote of `given` (every file's, the changed ones' included) has.
 */
export async function findStaleEvidence(db: GraphDatabase, given: FileQuote[], changed: FileQuote[]): Promise<StaleEvidence[]> {
  const givenItems = new Set(given.map(({ row, sourceId, quoteStart, quoteEnd }) => itemKey(row, sourceId, quoteStart, quoteEnd)));
  const rows = await readEvidence(db, changed.map(({ row, sourceId }) => ({ fact: row, sourceId })));
  return rows.filter(({ fact, sourceId, quoteStart, quoteEnd }) => !givenItems.has(itemKey(fact, sourceId, quoteStart, quoteEnd))).map(asStale);
}

/** One line: the fact, where the quote is, what it says, and how to remove it. */
export function describeStaleEvidence({ fact, sourceId, quote, quoteStart, quoteEnd, removal }: StaleEvidence): string {
  return `${fact} [${quoteStart}, ${quoteEnd}) of source '${sourceId}': ${JSON.stringify(quote)}; remove it with: ${removal}`;
}

/** Keeps each file's stale quotes on its record (none: the property goes). */
async function recordStaleQuotes(db: GraphDatabase, records: { name: string; items: string[] }[]): Promise<void> {
  if (!records.length) return;
  const session = db.writeSession();
  try {
    await session.run(
      `UNWIND $records AS record MATCH (f:${loadedFileLabel} {name: record.name}) SET f.staleQuotes = CASE WHEN size(record.items) = 0 THEN null ELSE record.items END`,
      { records },
    );
  } finally {
    await session.close();
  }
}

/** The stale quotes the records keep that are still in the graph; those gone are dropped from the records. */
export async function recordedStaleEvidence(db: GraphDatabase): Promise<StaleEvidence[]> {
  const records = await db.read<{ name: string; items: string[] }>(`MATCH (f:${loadedFileLabel}) WHERE f.staleQuotes IS NOT NULL RETURN f.name AS name, f.staleQuotes AS items ORDER BY name`);
  if (!records.length) return [];
  const cited = records.flatMap(({ items }) => items.map((item) => JSON.parse(item) as [string, string, string])).map(([fact, sourceId]) => ({ fact, sourceId }));
  const present = new Map((await readEvidence(db, cited)).map((row) => [itemKey(row.fact, row.sourceId, row.quoteStart, row.quoteEnd), row]));
  const gone = records.filter(({ items }) => items.some((item) => !present.has(item)));
  await recordStaleQuotes(db, gone.map(({ name, items }) => ({ name, items: items.filter((item) => present.has(item)) })));
  const stale = new Map(records.flatMap(({ items }) => items.filter((item) => present.has(item)).map((item) => [item, asStale(present.get(item)!)] as const)));
  return [...stale.values()];
}

/**
 * After a run: when it loaded a file whose content changed since its last load, reads every file of the folder for
 * the quotes its rows give, finds the quotes those changed files' facts have in the graph that none gives, and keeps
 * them on each changed file's record. Then returns every recorded stale quote still in the graph.
 */
export async function staleEvidenceAfter(db: GraphDatabase, reports: FileReport[], files: string[], directory: string): Promise<StaleEvidence[]> {
  const changed = new Set(reports.filter((report) => report.changedSinceLoad).map((report) => report.file));
  if (changed.size) {
    const root = recordRoot(directory);
    const byFile = await Promise.all(files.map(async (file) => ({ name: recordName(file, root), quotes: quotesGivenBy(await prepareCypherFile(file, recordName(file, root))) })));
    const changedFiles = byFile.filter(({ name }) => changed.has(name));
    const stale = await findStaleEvidence(
      db,
      byFile.flatMap(({ quotes }) => quotes),
      changedFiles.flatMap(({ quotes }) => quotes),
    );
    await recordStaleQuotes(
      db,
      changedFiles.map(({ name, quotes }) => {
        const facts = new Set(quotes.map(({ row, sourceId }) => factSource(row, sourceId)));
        return { name, items: stale.filter(({ fact, sourceId }) => facts.has(factSource(fact, sourceId))).map(({ fact, sourceId, quoteStart, quoteEnd }) => itemKey(fact, sourceId, quoteStart, quoteEnd)) };
      }),
    );
  }
  return recordedStaleEvidence(db);
}
