/**
 * A relationship row whose `from` or `to` names no node writes nothing: its MATCH finds no end, and the row is
 * gone without a word (docs/adding-a-source.md's fact template). The same happens when the node exists but the
 * statement matches it under another label (`(b:Sate {id: row.to})`, or a Place where the id is a State's). The
 * loader checks, before a file commits, that every id its literal relationship rows (maps with a `from` and a `to`)
 * name is a node's id, under the labels its statement's pattern gives that end.
 */
import type { Transaction } from 'neo4j-driver';
import { withArticle } from '../counted.js';
import { runWithoutCallerStack } from '../database/driver-caller-stack.js';
import { thingLabels } from '../schema/shapes.js';
import { escapeRegExp, type FileProblem, lineAt } from './cypher-file-error.js';
import { lineOfRow } from './row-keys.js';
import { nearestWord } from './vocabulary.js';
import { type CypherStatement, withoutComments } from './split-cypher.js';

/** The labels whose nodes a relationship row can name: the things, and Sources (each id a uniqueness constraint). */
const idLabels = [...thingLabels, 'Source'];

/** An id a row names, and the labels its statement's pattern requires of that end (none: any thing). */
export interface RowEnd {
  id: string;
  labels: string[];
  end: 'from' | 'to';
  /** The file line of the first row that names it so, when its statement is known: found only for an end that is missing. */
  line?: () => number;
}

/** `(b:Organization {id: row.to})`: the labels of the pattern that binds a row's `from` or `to` by id. */
const endPattern = /\(\s*\w*\s*((?::\s*(?:\w+|`[^`]*`)\s*)+)\{\s*id\s*:\s*row\.(from|to)\s*\}\s*\)/g;

/** The labels each end must carry in a statement; an end its pattern leaves unlabelled is not listed. */
function endLabels(statement: string): Partial<Record<'from' | 'to', string[]>> {
  const labels: Partial<Record<'from' | 'to', string[]>> = {};
  for (const match of withoutComments(statement).matchAll(endPattern)) {
    labels[match[2] as 'from' | 'to'] ??= match[1]!.split(':').map((label) => label.trim().replace(/^`|`$/g, '')).filter(Boolean);
  }
  return labels;
}

/** The ids named by the `from` and `to` of the literal rows each statement sent, with its pattern's labels, each once. */
export function relationshipRowEnds(statements: { text: string; lists: Iterable<unknown>; statement?: CypherStatement }[]): RowEnd[] {
  const ends = new Map<string, RowEnd>();
  for (const { text, lists, statement } of statements) {
    let labels: ReturnType<typeof endLabels> | undefined;
    for (const list of lists) {
      if (!Array.isArray(list)) continue;
      for (const row of list) {
        if (typeof row !== 'object' || row === null || !('from' in row) || !('to' in row)) continue;
        labels ??= endLabels(text);
        for (const end of ['from', 'to'] as const) {
          const id = (row as Record<string, unknown>)[end];
          const required = labels[end] ?? [];
          const key = JSON.stringify([id, required]);
          if (typeof id === 'string' && !ends.has(key)) {
            ends.set(key, { id, labels: required, end, ...(statement ? { line: () => lineOfRow(statement, row as Record<string, unknown>) } : {}) });
          }
        }
      }
    }
  }
  return [...ends.values()];
}

const cypherLabel = (label: string) => `\`${label.replace(/`/g, '``')}\``;

/** The ends of `ends` that no node has under their labels, in the file's transaction (so its own new nodes count); sent at once, read later. */
export function findMissingEnds(tx: Transaction, ends: RowEnd[]): Promise<RowEnd[]> {
  if (!ends.length) return Promise.resolve([]);
  const groups = new Map<string, RowEnd[]>();
  for (const end of ends) {
    const key = end.labels.join(':');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(end);
  }
  const parameters: Record<string, string[]> = {};
  const parts = [...groups.values()].map((group, index) => {
    parameters[`ids${index}`] = group.map(({ id }) => id);
    const absent = group[0]!.labels.length
      ? `NOT EXISTS { MATCH (:${group[0]!.labels.map(cypherLabel).join(':')} {id: id}) }`
      : idLabels.map((label) => `NOT EXISTS { MATCH (:${label} {id: id}) }`).join(' AND ');
    return `CALL () { UNWIND $ids${index} AS id WITH id WHERE ${absent} RETURN collect(id) AS missing${index} }`;
  });
  const query = `${parts.join('\n')}\nRETURN [${parts.map((_, index) => `missing${index}`).join(', ')}] AS missing`;
  const answer = runWithoutCallerStack(tx, query, parameters).then(({ records }) => {
    const missing = records[0]!.get('missing') as string[][];
    return [...groups.values()].flatMap((group, index) => group.filter(({ id }) => missing[index]!.includes(id)));
  });
  // Read after another answer; until then its failure must not count as unhandled.
  answer.catch(() => undefined);
  return answer;
}

/** The labels of the things and Sources with these ids, for a message that says what an id is instead. */
export async function labelsOfIds(tx: Transaction, ids: string[]): Promise<Map<string, string[]>> {
  const query = `UNWIND $ids AS id
CALL (id) { ${idLabels.map((label) => `MATCH (n:${label} {id: id}) RETURN n`).join(' UNION ')} }
RETURN id, [label IN labels(n) WHERE label <> 'Entity'] AS labels`;
  const { records } = await runWithoutCallerStack(tx, query, { ids });
  return new Map(records.map((record) => [record.get('id') as string, record.get('labels') as string[]]));
}

/** The id of a node under the end's labels (any thing's or Source's, for an unlabelled end) nearest to its id, at most two typing edits away. */
export async function nearestId(tx: Transaction, end: RowEnd): Promise<string | undefined> {
  const labels = end.labels.length ? [end.labels.map(cypherLabel).join(':')] : idLabels;
  const { records } = await runWithoutCallerStack(tx, labels.map((label) => `MATCH (n:${label}) RETURN n.id AS id`).join(' UNION '));
  return nearestWord(end.id, records.map((record) => record.get('id') as string).filter((id) => typeof id === 'string'));
}

/**
 * The loader's error for missing ends, at the first line that names the first of them; undefined when none is
 * missing. `labelsOf` says what an id is under other labels; `nearest` is an id the first most likely meant.
 */
export function describeMissingEnds(missing: RowEnd[], script: string, labelsOf: ReadonlyMap<string, string[]> = new Map(), nearest?: string): FileProblem | undefined {
  const [first] = missing;
  if (!first) return undefined;
  // Where the file names the first as a row's `from` or `to` in the statement that failed to find it, else anywhere.
  const named = first.line === undefined ? new RegExp(`\\b${first.end}\\s*:\\s*(['"])${escapeRegExp(first.id)}\\1`).exec(script) : undefined;
  const more = missing.length > 1 ? ` (and ${missing.length - 1} more: ${missing.slice(1, 4).map(({ id }) => `'${id}'`).join(', ')}${missing.length > 4 ? ', …' : ''})` : '';
  const actual = labelsOf.get(first.id);
  const reason = actual && first.labels.length ? `which its statement matches as (:${first.labels.join(':')} {id: row.${first.end}}), but it is ${withArticle(actual.join(':'))}` : `but no node has that id${nearest ? ` (did you mean '${nearest}'?)` : ''}`;
  return { line: first.line?.() ?? lineAt(script, named?.index), reason: `a relationship row names '${first.id}' as its ${first.end}, ${reason}, so the row would write nothing${more}` };
}
