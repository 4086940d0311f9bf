/**
 * Evidence that no file gives any more. The templates append evidence at new offsets and never remove any
 * (docs/model.md, "Merge rules"), so a row whose quote and offsets were both changed leaves its old quote beside
 * the new one, which a load into an empty database would not have. After a run that loaded a file whose content
 * changed since its last load, `npm run load` lists such quotes of the facts that file gives, each with the Cypher
 * that removes it; it removes nothing itself.
 */
import neo4j from 'neo4j-driver';
import type { GraphDatabase } from '../database/graph-database.js';
import { edgeIdCypher } from '../schema/shapes.js';
import type { FileQuote } from './file-quotes.js';
import { type FileReport, prepareCypherFile, quotesGivenBy, recordName, recordRoot } from './load-cypher.js';

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

const factSource = (fact: string, sourceId: string) => JSON.stringify([fact, sourceId]);
const offsets = (start: unknown, end: unknown) => `${String(neo4j.integer.toNumber(start as number))}:${String(neo4j.integer.toNumber(end as number))}`;

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

/** Cypher that removes one quote: the SOURCED_FROM that holds it, or item i of a relationship's four evidence lists. */
function removalOf(element: string, single: boolean, sourceId: string, start: number, end: number): string {
  const match = `MATCH ()-[r]->() WHERE elementId(r) = ${JSON.stringify(element)}`;
  if (single) return `${match} DELETE r`;
  const lists = ['sourceIds', 'quotes', 'quoteStarts', 'quoteEnds'];
  const keep = `[i IN range(0, size(r.quotes) - 1) WHERE NOT (r.sourceIds[i] = ${JSON.stringify(sourceId)} AND r.quoteStarts[i] = ${start} AND r.quoteEnds[i] = ${end})]`;
  return `${match} WITH r, ${keep} AS keep SET ${lists.map((list) => `r.${list} = [i IN keep | r.${list}[i]]`).join(', ')}`;
}

/**
 * The quotes of the facts `changed` gives that no file gives any more: of the same fact and source, at offsets that
 * no quote of `given` (every file's, the changed ones' included) has.
 */
export async function findStaleEvidence(db: GraphDatabase, given: FileQuote[], changed: FileQuote[]): Promise<StaleEvidence[]> {
  const types = [...new Set(changed.map(({ row }) => /-([A-Z][A-Z0-9_]*)->/.exec(row)?.[1]).filter((type): type is string => type !== undefined))];
  if (!types.length) return [];
  const givenAt = new Map<string, Set<string>>();
  for (const quote of given) {
    const key = factSource(quote.row, quote.sourceId);
    if (!givenAt.has(key)) givenAt.set(key, new Set());
    givenAt.get(key)!.add(offsets(quote.quoteStart, quote.quoteEnd));
  }
  const rows = await db.read<{ fact: string; element: string; single: boolean; sourceId: string; quote: string; quoteStart: number; quoteEnd: number }>(evidenceQuery(types), {
    sources: [...new Set(changed.map(({ sourceId }) => sourceId))],
    facts: [...new Set(changed.map(({ row }) => row))],
  });
  const changedKeys = new Set(changed.map(({ row, sourceId }) => factSource(row, sourceId)));
  return rows
    .filter(({ fact, sourceId, quoteStart, quoteEnd }) => changedKeys.has(factSource(fact, sourceId)) && !givenAt.get(factSource(fact, sourceId))?.has(offsets(quoteStart, quoteEnd)))
    .map(({ fact, element, single, sourceId, quote, quoteStart, quoteEnd }) => ({ fact, sourceId, quote, quoteStart, quoteEnd, removal: removalOf(element, single, sourceId, quoteStart, quoteEnd) }));
}

/** One line: the fact, where the quote is, what it says, and how to remove it. */
export function describeStaleEvidence({ fact, sourceId, quote, quoteStart, quoteEnd, removal }: StaleEvidence): string {
  return `${fact} [${quoteStart}, ${quoteEnd}) of source '${sourceId}': ${JSON.stringify(quote)}; remove it with: ${removal}`;
}

/**
 * After a run: when it loaded a file whose content changed since its last load, reads every file of the folder for
 * the quotes its rows give, and returns the quotes those changed files' facts have in the graph that none gives.
 */
export async function staleEvidenceAfter(db: GraphDatabase, reports: FileReport[], files: string[], directory: string): Promise<StaleEvidence[]> {
  const changed = new Set(reports.filter((report) => report.changedSinceLoad).map((report) => report.file));
  if (!changed.size) return [];
  const root = recordRoot(directory);
  const byFile = await Promise.all(files.map(async (file) => ({ name: recordName(file, root), quotes: quotesGivenBy(await prepareCypherFile(file, recordName(file, root))) })));
  return findStaleEvidence(
    db,
    byFile.flatMap(({ quotes }) => quotes),
    byFile.filter(({ name }) => changed.has(name)).flatMap(({ quotes }) => quotes),
  );
}
