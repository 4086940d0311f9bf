/**
 * Keys a file's literal rows give that their statement never reads, and rows that lack the quote or offsets their
 * statement reads. Cypher reads a key no row gives as null, so a misspelt key (`titel: 'President'` read as
 * `row.title`), or one the statement forgot, drops its value without a word, and a row without its quote writes a
 * fact without evidence. Found from the statements as the loader sends them, before any of them is sent; the rows'
 * lines and names for every such error (lineOfRow, nameOfRow) are here too.
 */
import type { FileProblem } from './cypher-file-error.js';
import { escapeRegExp, lineAt } from './cypher-file-error.js';
import { isPlainMap } from './file-quotes.js';
import { literalRowsPrefix } from './literal-rows.js';
import type { CypherStatement } from './split-cypher.js';
import { nearestWord } from './vocabulary.js';

/** A statement as the loader sends it: its text with the literal rows and strings moved to parameters. */
export interface SentStatement {
  statement: CypherStatement;
  text: string;
  moved: { parameters: Record<string, unknown> } | undefined;
}

/** The keys of the maps in a list, in the order they first occur; undefined when an item is not a map. */
function keysOfMaps(list: unknown): string[] | undefined {
  if (!Array.isArray(list) || !list.every(isPlainMap)) return undefined;
  return [...new Set(list.flatMap((row) => Object.keys(row)))];
}

/** A key as Cypher writes it after a dot: a name, or any text in backticks. */
const keyName = String.raw`(\w+|` + '`[^`]+`)';
const unquoted = (key: string) => key.replace(/^`|`$/g, '');

/** The rows each UNWIND of a statement walks: its moved lists, and the lists of maps their rows hold (`UNWIND row.prov AS p`). */
export function unwoundRows(text: string, parameters: Record<string, unknown>): { variable: string; rows: Record<string, unknown>[] }[] {
  const unwound: { variable: string; rows: Record<string, unknown>[] }[] = [];
  const pattern = new RegExp(String.raw`\bUNWIND\s+(?:\$(${literalRowsPrefix}\d+)|(\w+)\s*\.\s*${keyName})\s+AS\s+(\w+)`, 'gi');
  for (const [, parameter, owner, key, variable] of text.matchAll(pattern)) {
    const rows = parameter !== undefined ? parameters[parameter] : unwound.find((each) => each.variable === owner)?.rows.flatMap((row) => row[unquoted(key!)] ?? []);
    if (keysOfMaps(rows)) unwound.push({ variable: variable!, rows: rows as Record<string, unknown>[] });
  }
  return unwound;
}

/**
 * The keys a variable's rows give that the statement never reads; undefined when the statement reads the rows whole
 * (`SET n += row`, `properties(row)`, `row {.*}`), or reads them by a key it computes and names no string for.
 */
function unreadKeys(text: string, variable: string, given: string[], strings: Set<string>): { unread: string[]; read: string[] } | undefined {
  const v = escapeRegExp(variable);
  if (new RegExp(String.raw`(?:=\s*${v}\b(?!\s*[.[])|\b${v}\s*\{|[A-Za-z_]\w*\(\s*${v}\s*\))`).test(text)) return undefined;
  const read = new Set([...text.matchAll(new RegExp(String.raw`\b${v}\s*\.\s*${keyName}`, 'g'))].map((match) => unquoted(match[1]!)));
  // `row[k]`: the keys it may read are the strings the statement names (`[k IN ['title'] …]`, sent as parameters).
  const dynamic = new RegExp(String.raw`\b${v}\s*\[`).test(text);
  const unread = given.filter((key) => !read.has(key) && !(dynamic && strings.has(key)));
  return { unread, read: [...read] };
}

/** Every string a statement's moved parameters hold outside its rows: the keys a `row[k]` may name. */
function stringsOf(parameters: Record<string, unknown>, rows: Set<unknown>): Set<string> {
  const strings = new Set<string>();
  for (const value of Object.values(parameters)) {
    if (rows.has(value)) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') strings.add(item);
  }
  return strings;
}

/** A string as a Cypher single-quoted literal writes it. */
const cypherString = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The file line where a statement writes a row: found by its ends or id with its quote, else by its ends, id or quote; else the statement's first line. */
export function lineOfRow(statement: CypherStatement, row: Record<string, unknown>): number {
  const written = (key: string) => (typeof row[key] === 'string' ? `\\b${key}\\s*:\\s*${escapeRegExp(cypherString(row[key] as string))}` : undefined);
  const ends = written('from') && written('to') ? `${written('from')},\\s*${written('to')}` : undefined;
  const id = written('id');
  const quote = written('quote');
  // With its quote first: one relationship has a row per quote.
  const withQuote = (pattern: string | undefined) => (pattern && quote ? `${pattern}[^\\n]*${quote}` : undefined);
  for (const pattern of [withQuote(ends), withQuote(id), ends, id, quote]) {
    const at = pattern === undefined ? undefined : new RegExp(pattern).exec(statement.text)?.index;
    if (at !== undefined) return statement.line + lineAt(statement.text, at)! - 1;
  }
  return statement.line;
}

/** How an error names a row: by its ends and id, or its id, as the file writes them. */
export function nameOfRow(row: Record<string, unknown>): string {
  const { id, from, to } = row;
  if (typeof from === 'string' && typeof to === 'string') return `the row from '${from}' to '${to}'${typeof id === 'string' ? ` (id '${id}')` : ''}`;
  return typeof id === 'string' ? `the row of '${id}'` : 'a row';
}

/** A row's quote and its offsets: every fact and thing traces to a quote of its source (docs/model.md). */
const evidenceKeys = ['quote', 'quoteStart', 'quoteEnd'];

/**
 * The first statement whose rows give a key it never reads, or lack a quote or offset it reads, as the loader's
 * error; undefined when there is none.
 */
export function describeUnreadRowKeys(statements: SentStatement[]): FileProblem | undefined {
  for (const { statement, text, moved } of statements) {
    if (!moved) continue;
    const unwound = unwoundRows(text, moved.parameters);
    const strings = stringsOf(moved.parameters, new Set(unwound.map(({ rows }) => rows)));
    for (const { variable, rows } of unwound) {
      // A key given only as null drops nothing.
      const given = keysOfMaps(rows)!.filter((key) => rows.some((row) => (row[key] ?? null) !== null));
      const found = unreadKeys(text, variable, given, strings);
      if (!found) continue;
      if (!found.unread.length) {
        const evidence = evidenceKeys.filter((key) => found.read.includes(key));
        const lacking = rows.find((row) => evidence.some((key) => (row[key] ?? null) === null));
        if (!lacking) continue;
        const missing = evidence.filter((key) => (lacking[key] ?? null) === null);
        return {
          line: lineOfRow(statement, lacking),
          reason: `${nameOfRow(lacking)} gives no ${missing.join(', ')}, which the statement reads as ${variable}.<key>: every fact and thing needs its quote and the quote's offsets in its source (npm run cite gives them)`,
        };
      }
      const notGiven = found.read.filter((key) => !rows.some((row) => key in row));
      const named = found.unread.map((key) => {
        const meant = nearestWord(key, notGiven) ?? nearestWord(key, found.read);
        return `${key}${meant ? ` (did you mean ${meant}?)` : ''}`;
      });
      const first = found.unread[0]!;
      return {
        line: lineOfRow(statement, rows.find((row) => (row[first] ?? null) !== null)!),
        reason:
          `the rows give ${named.join(', ')}, which the statement never reads as ${variable}.<key>: ` +
          'Cypher reads a key no row gives as null, so the value would be dropped without a word. Read the key, or leave it out of the rows',
      };
    }
  }
  return undefined;
}
