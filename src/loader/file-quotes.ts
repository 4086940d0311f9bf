/**
 * The quotes a file's literal rows give, as the file writes them. The templates append evidence only at offsets
 * not yet loaded (docs/model.md, "Merge rules"), so a quote edited at offsets already in the graph never reaches
 * it: the check of the database's quotes passes, while a load into an empty database would reject the file.
 * The loader judges these quotes too (quote-check.ts), so a file is accepted only if it would load anywhere.
 */
import { withoutComments } from './split-cypher.js';

/** A quote as one of a file's rows gives it, and the source it cites. */
export interface FileQuote {
  /**
   * The fact, named as the quote check names edges: `<from>-<TYPE>-><to>#<id>` for a relationship row, and
   * `<id>-<TYPE>-><source id>` for an evidence map nested in a node's row (its SOURCED_FROM); TYPE is the
   * relationship the statement writes, `?` when it cannot be read.
   */
  row: string;
  sourceId: string;
  quote: unknown;
  quoteStart: unknown;
  quoteEnd: unknown;
}

/**
 * How the templates name a statement's source: `'<id>' AS sourceId`, or `MATCH (s:Source {id: '<id>'})`; the id may
 * be a parameter, as the loader sends a statement's strings.
 */
const citedSourcePatterns = [/(?:'([^'\\]+)'|\$(\w+))\s+AS\s+sourceId\b/gi, /:\s*Source\s*\{\s*id\s*:\s*(?:'([^'\\]+)'|\$(\w+))\s*\}/g];

/**
 * The first node pattern with labels after one of `keywords` (`MERGE`, `MERGE|CREATE`): where it starts in `text`, and
 * its labels; `MERGE (n:State:Entity {id: row.id})` gives State and Entity.
 */
export function writtenNode(text: string, keywords: string): { index: number; labels: string[] } | undefined {
  const match = new RegExp(`\\b(?:${keywords})\\s*\\(\\s*\\w*\\s*((?::\\s*\`?\\w+\`?\\s*)+)`, 'i').exec(text);
  return match ? { index: match.index, labels: match[1]!.split(':').map((label) => label.trim().replace(/`/g, '')).filter(Boolean) } : undefined;
}

/** The type of the first relationship a statement MERGEs or CREATEs, as the templates write it: `MERGE (a)-[r:MEMBER_OF …]->(b)`. */
export function writtenRelationshipType(statement: string): string | undefined {
  return /\b(?:MERGE|CREATE)\s*\(\s*\w*\s*\)\s*<?-\s*\[\s*\w*\s*:\s*(\w+)/i.exec(withoutComments(statement))?.[1];
}

/**
 * The one Source id a statement names as the templates do, directly or through one of `parameters` (the strings
 * the loader moved out of it); undefined when it names none, or several.
 */
export function citedSourceId(statement: string, parameters: Record<string, unknown> = {}): string | undefined {
  const code = withoutComments(statement);
  const ids = new Set(
    citedSourcePatterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1] ?? parameters[match[2]!])).filter((id): id is string => typeof id === 'string'),
  );
  return ids.size === 1 ? ids.values().next().value : undefined;
}

/** A map as the loader's literal rows hold one: not a date, a number or a list. */
export const isPlainMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Every map in the rows that has a `quote`, with the source it cites: its own `sourceId`, else the statement's.
 * A quote whose source is unknown is left to the database's check, which sees where the statement put it.
 */
export function rowQuotes(lists: Iterable<unknown>, statementSourceId: string | undefined, relationshipType = '?'): FileQuote[] {
  const quotes: FileQuote[] = [];
  const visit = (value: unknown, owner: string | undefined): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, owner);
      return;
    }
    if (!isPlainMap(value)) return;
    const { id, from, to } = value;
    const sourceId = typeof value.sourceId === 'string' ? value.sourceId : statementSourceId;
    const ownId = typeof id === 'string' ? id : undefined;
    const name =
      owner !== undefined
        ? `${owner}-${relationshipType}->${sourceId ?? '?'}`
        : typeof from === 'string' && typeof to === 'string'
          ? `${from}-${relationshipType}->${to}${ownId === undefined ? '' : `#${ownId}`}`
          : (ownId ?? '(a row without an id)');
    if ('quote' in value && sourceId !== undefined) {
      quotes.push({ row: name, sourceId, quote: value.quote, quoteStart: value.quoteStart, quoteEnd: value.quoteEnd });
    }
    for (const nested of Object.values(value)) if (Array.isArray(nested)) visit(nested, ownId ?? name);
  };
  for (const list of lists) if (Array.isArray(list)) visit(list, undefined);
  return quotes;
}
