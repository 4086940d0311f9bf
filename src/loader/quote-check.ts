/**
 * Provenance checked at the door: before a file commits, every quote in the database (the file's own and those
 * it could have broken, e.g. by changing a source's text) must be its source's text at its offsets.
 *
 * A SOURCED_FROM carries one quote in `quote`, `quoteStart` and `quoteEnd`, and its source is its end node. Any other
 * relationship carries its evidence in the parallel lists `sourceIds`, `quotes`, `quoteStarts` and `quoteEnds`, one
 * item per index (docs/model.md). Offsets are UTF-16 code units, end exclusive.
 */
import neo4j, { type ManagedTransaction, type Record as Neo4jRecord, type Transaction } from 'neo4j-driver';
import { runWithoutCallerStack } from '../database/driver-caller-stack.js';
import { whereQuoteIs } from './citation.js';
import type { FileQuote } from './file-quotes.js';

/** A quote that is not its source's text at its offsets. */
export interface QuoteMismatch {
  /** `<start id>-<TYPE>-><end id>` and `#<id>` when the relationship has one, as docs/model.md names edges. */
  fact: string;
  sourceId: string | null;
  quote: unknown;
  quoteStart: unknown;
  quoteEnd: unknown;
  /** Why it fails, in words. */
  problem: string;
  /** The source's text at the offsets, when there is one. */
  found?: string;
  /** Where the quote is in the source's text instead, when its offsets miss it: the fix, or that there is none. */
  elsewhere?: string;
  /** True for a quote the file gives that the graph does not hold as given (file-quotes.ts). */
  inFile?: true;
}

/** Why a quote fails: what a mismatch says beside the quote itself. */
type QuoteProblem = Pick<QuoteMismatch, 'problem' | 'found' | 'elsewhere'>;

interface QuoteRow {
  sourceId: string | null;
  quote: unknown;
  quoteStart: unknown;
  quoteEnd: unknown;
}

/**
 * Every evidence item of every quoted relationship, as it is stored, by the relationship's internal id; JavaScript
 * judges each one. Neo4j's `size` and `substring` count code points from the start of a UTF-8 string, so judging
 * there costs the source's length per quote (a fifth of Neo4j's CPU when loading 1,000 cluster files), and its code
 * points are not JavaScript's UTF-16 units anyway. Only a failing quote's fact is named (`factNamesQuery`): naming
 * every one read both end nodes' ids and built a string per quote.
 */
const quoteQuery = `
MATCH ()-[r]->(b)
WHERE r.quote IS NOT NULL OR r.quoteStart IS NOT NULL OR r.quoteEnd IS NOT NULL
   OR r.quotes IS NOT NULL OR r.quoteStarts IS NOT NULL OR r.quoteEnds IS NOT NULL OR r.sourceIds IS NOT NULL
WITH r, b, [list IN [r.sourceIds, r.quotes, r.quoteStarts, r.quoteEnds] | CASE WHEN valueType(list) STARTS WITH 'LIST' THEN size(list) ELSE -1 END] AS sizes
UNWIND CASE
  WHEN type(r) = 'SOURCED_FROM' THEN [{sourceId: b.id, quote: r.quote, quoteStart: r.quoteStart, quoteEnd: r.quoteEnd}]
  WHEN r.quote IS NOT NULL OR r.quoteStart IS NOT NULL OR r.quoteEnd IS NOT NULL
    THEN [{sourceId: r.sourceId, quote: r.quote, quoteStart: r.quoteStart, quoteEnd: r.quoteEnd, problem: $singleForm}]
  WHEN any(size IN sizes WHERE size <> sizes[0]) OR sizes[0] < 0 THEN [{sourceId: null, problem: $unevenLists}]
  ELSE [i IN range(0, sizes[0] - 1) | {sourceId: r.sourceIds[i], quote: r.quotes[i], quoteStart: r.quoteStarts[i], quoteEnd: r.quoteEnds[i]}]
END AS e
RETURN id(r) AS relationship, e.sourceId AS sourceId, e.quote AS quote, e.quoteStart AS quoteStart, e.quoteEnd AS quoteEnd, e.problem AS problem`;

/** The facts of failing quotes, named as docs/model.md names edges. */
const factNamesQuery = `
UNWIND $relationshipIds AS relationshipId
MATCH (a)-[r]->(b) WHERE id(r) = relationshipId
RETURN id(r) AS relationship, coalesce(a.id, '?') + '-' + type(r) + '->' + coalesce(b.id, '?') + coalesce('#' + r.id, '') AS fact`;

/** Why a relationship's evidence is malformed before its quotes can be read; the loader names it. */
const formProblems = {
  singleForm: 'it keeps its evidence in single properties (sourceId, quote, quoteStart, quoteEnd); a relationship keeps it in the lists sourceIds, quotes, quoteStarts and quoteEnds',
  unevenLists: 'its evidence lists sourceIds, quotes, quoteStarts and quoteEnds are not lists of one length',
};

type Tx = Transaction | ManagedTransaction;

const plain = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && 'toNumber' in value ? (value as { toNumber(): number }).toNumber() : value;

/** Only these relationships, when the loader knows that nothing else can have changed (see `quote-scope.ts`). */
export interface QuoteScope {
  relationshipIds: number[];
}

/** The same query over the relationships of a scope, found by id. */
const scopedQuoteQuery = quoteQuery.replace(
  /^\s*MATCH \(\)-\[r\]->\(b\)\s*\nWHERE /,
  'UNWIND $relationshipIds AS relationshipId\nMATCH ()-[r]->(b) WHERE id(r) = relationshipId\nWITH r, b\nWHERE ',
);
if (scopedQuoteQuery === quoteQuery) throw new Error('quote-check: the quote query no longer starts with MATCH ()-[r]->(b) WHERE');

/** Every Source's text, by id. */
export async function readSourceTexts(tx: Tx, ids?: string[]): Promise<Map<string, unknown>> {
  const sources = await runWithoutCallerStack(
    tx,
    ids ? 'MATCH (s:Source) WHERE s.id IN $ids RETURN s.id AS id, s.text AS text' : 'MATCH (s:Source) RETURN s.id AS id, s.text AS text',
    { ids },
  );
  return new Map<string, unknown>(sources.records.map((record) => [record.get('id') as string, record.get('text')]));
}

/**
 * Every quote of the database that is not verbatim at its offsets, seen from inside `tx` (so before commit);
 * with a scope, only those of the scope's relationships. Then the quotes the file's rows give (`fileQuotes`), as
 * written: one that fails where the database's passed is a quote edited at offsets the graph already holds.
 */
export async function findQuoteMismatches(tx: Tx, scope?: QuoteScope, fileQuotes: FileQuote[] = []): Promise<QuoteMismatch[]> {
  const failing: { relationship: number; row: QuoteRow; problem: QuoteProblem }[] = [];
  const judgeRecord = (record: Neo4jRecord, texts: Map<string, unknown>) => {
    const row: QuoteRow = {
      sourceId: plain(record.get('sourceId')) as string | null,
      quote: plain(record.get('quote')),
      quoteStart: plain(record.get('quoteStart')),
      quoteEnd: plain(record.get('quoteEnd')),
    };
    const form = record.get('problem') as string | null;
    const problem = form ? { problem: form } : judge(row, texts);
    if (problem) failing.push({ relationship: plain(record.get('relationship')) as number, row, problem });
  };
  let texts: Map<string, unknown>;
  if (scope) {
    // A scope's quotes are few and name few sources: only those sources' texts are read.
    const result = scope.relationshipIds.length
      ? (await runWithoutCallerStack(tx, scopedQuoteQuery, { ...formProblems, relationshipIds: scope.relationshipIds.map((id) => neo4j.int(id)) })).records
      : [];
    const cited = [...result.map((record) => record.get('sourceId')), ...fileQuotes.map(({ sourceId }) => sourceId)];
    texts = cited.length ? await readSourceTexts(tx, [...new Set(cited.filter((id): id is string => typeof id === 'string'))]) : new Map();
    for (const record of result) judgeRecord(record, texts);
  } else {
    // Streamed: the whole check of a large database reads every quote, and keeps only the mismatches.
    texts = await readSourceTexts(tx);
    for await (const record of runWithoutCallerStack(tx, quoteQuery, formProblems)) judgeRecord(record, texts);
  }
  const mismatches: QuoteMismatch[] = [];
  if (failing.length) {
    const names = await runWithoutCallerStack(tx, factNamesQuery, { relationshipIds: [...new Set(failing.map(({ relationship }) => neo4j.int(relationship)))] });
    const factOf = new Map(names.records.map((record) => [plain(record.get('relationship')), record.get('fact') as string]));
    mismatches.push(...failing.map(({ relationship, row, problem }) => ({ fact: factOf.get(relationship) ?? `#${relationship}`, ...row, ...problem })).sort(byFactThenStart));
  }
  // A quote the database check already named is not named again for the file.
  const named = new Set(mismatches.map(quoteKey));
  const inFile: QuoteMismatch[] = [];
  for (const { row: fact, ...given } of fileQuotes) {
    const row = { ...given, quoteStart: plain(given.quoteStart), quoteEnd: plain(given.quoteEnd) };
    const problem = judge(row, texts);
    if (problem && !named.has(quoteKey(row))) {
      named.add(quoteKey(row));
      inFile.push({ fact, ...row, ...problem, inFile: true });
    }
  }
  // The file's own rows first: where one is wrong, that row is the mistake to fix (a misspelt key leaves the lists uneven).
  return [...inFile.sort(byFactThenStart), ...mismatches];
}

const quoteKey = ({ sourceId, quote, quoteStart, quoteEnd }: QuoteRow) => JSON.stringify([sourceId, quote, quoteStart, quoteEnd]);

/** The order mismatches are reported in: by fact, then by offset (numbers first). */
function byFactThenStart(a: QuoteMismatch, b: QuoteMismatch): number {
  if (a.fact !== b.fact) return a.fact < b.fact ? -1 : 1;
  const start = (mismatch: QuoteMismatch) => (typeof mismatch.quoteStart === 'number' ? mismatch.quoteStart : Number.POSITIVE_INFINITY);
  return start(a) - start(b) || 0;
}

/** Why a quote fails, or undefined when it is verbatim at its offsets. */
function judge(row: QuoteRow, texts: Map<string, unknown>): QuoteProblem | undefined {
  const text = row.sourceId === null ? undefined : texts.get(row.sourceId);
  if (typeof text !== 'string') return { problem: row.sourceId === null ? 'it names no source' : `there is no Source '${row.sourceId}' with a text` };
  if (typeof row.quote !== 'string' || row.quote === '') return { problem: 'it has no quote' };
  const { quoteStart: start, quoteEnd: end } = row;
  const absent = [start == null && 'quoteStart', end == null && 'quoteEnd'].filter(Boolean);
  if (absent.length) return { problem: `it has no ${absent.join(' and no ')} (a key misspelt in its row?)` };
  if (!Number.isInteger(start) || !Number.isInteger(end)) return { problem: `its offsets are not integers (${String(start)}, ${String(end)})` };
  if ((start as number) < 0 || (end as number) < (start as number) || (end as number) > text.length) {
    return { problem: `its offsets [${String(start)}, ${String(end)}) are outside the source's ${text.length} UTF-16 units`, elsewhere: whereQuoteIs(text, row.quote) };
  }
  const found = text.slice(start as number, end as number);
  if (found === row.quote) return undefined;
  const sameSpace = found.replace(/\s+/g, ' ') === row.quote.replace(/\s+/g, ' ');
  if (sameSpace) return { problem: 'it differs from the source only in white space (a no-break space?)', found };
  return { problem: 'it is not the source\'s text there', found, elsewhere: whereQuoteIs(text, row.quote) };
}

/**
 * The line of a file where a mismatching quote is written: the first line with its offsets and its whole text
 * (rows citing one sentence share offsets), else with its offsets, else with the start of its text.
 */
export function lineOfQuote(script: string, mismatch: QuoteMismatch): number | undefined {
  const lines = script.split('\n');
  const offsets = new RegExp(`quoteStart:\\s*${String(mismatch.quoteStart)}\\s*,\\s*quoteEnd:\\s*${String(mismatch.quoteEnd)}\\b`);
  const written = typeof mismatch.quote === 'string' ? mismatch.quote.replace(/'/g, "\\'") : undefined;
  const candidates: ((line: string) => boolean)[] = [(line) => offsets.test(line)];
  if (written !== undefined) candidates.unshift((line) => offsets.test(line) && line.includes(written));
  if (written !== undefined) candidates.push((line) => line.includes(written.slice(0, 40)));
  for (const matches of candidates) {
    const index = lines.findIndex(matches);
    if (index >= 0) return index + 1;
  }
  return undefined;
}

/** One line: what is wrong with the quote, what it says, and what the source has there. */
export function describeMismatch(mismatch: QuoteMismatch): string {
  const where = `[${String(mismatch.quoteStart)}, ${String(mismatch.quoteEnd)})`;
  const found = mismatch.found === undefined ? '' : `; text found: ${JSON.stringify(mismatch.found)}`;
  const elsewhere = mismatch.elsewhere === undefined ? '' : `; ${mismatch.elsewhere}`;
  const given = mismatch.inFile ? `the file's quote for ${mismatch.fact}` : `the quote of ${mismatch.fact}`;
  // A quote at new offsets is in the graph and failed as such above; this one was not loaded as written.
  const kept = mismatch.inFile && mismatch.found !== undefined ? '; the graph keeps what was first loaded at these offsets, so only a load into an empty database would show this' : '';
  return `${given} at ${where} of source '${mismatch.sourceId}' fails: ${mismatch.problem}; expected text: ${JSON.stringify(mismatch.quote)}${found}${kept}${elsewhere}`;
}
