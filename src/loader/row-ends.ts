/**
 * A relationship row whose `from` or `to` names no node writes nothing: its MATCH finds no end, and the row is
 * gone without a word (docs/adding-a-source.md's fact template). The loader checks, before a file commits, that
 * every id its literal relationship rows (maps with a `from` and a `to`) name is some node's id.
 */
import type { Transaction } from 'neo4j-driver';
import { runWithoutCallerStack } from '../database/driver-caller-stack.js';
import { thingLabels } from '../schema/shapes.js';
import { escapeRegExp, type FileProblem, lineAt } from './cypher-file-error.js';

/** The labels whose nodes a relationship row can name: the things, and Sources (each id a uniqueness constraint). */
const idLabels = [...thingLabels, 'Source'];

const missingQuery = `UNWIND $ids AS id
WITH id WHERE ${idLabels.map((label) => `NOT EXISTS { MATCH (:${label} {id: id}) }`).join(' AND ')}
RETURN collect(id) AS missing`;

/** The ids named by the `from` and `to` of the literal rows a file's statements sent, each once. */
export function relationshipRowEnds(movedLists: Iterable<unknown>): string[] {
  const ids = new Set<string>();
  for (const list of movedLists) {
    if (!Array.isArray(list)) continue;
    for (const row of list) {
      if (typeof row !== 'object' || row === null || !('from' in row) || !('to' in row)) continue;
      const { from, to } = row as { from: unknown; to: unknown };
      if (typeof from === 'string') ids.add(from);
      if (typeof to === 'string') ids.add(to);
    }
  }
  return [...ids];
}

/** The ids of `ids` that no node has, in the file's transaction (so its own new nodes count); sent at once, read later. */
export function findMissingEnds(tx: Transaction, ids: string[]): Promise<string[]> {
  if (!ids.length) return Promise.resolve([]);
  const answer = runWithoutCallerStack(tx, missingQuery, { ids }).then(({ records }) => records[0]!.get('missing') as string[]);
  // Read after another answer; until then its failure must not count as unhandled.
  answer.catch(() => undefined);
  return answer;
}

/** The loader's error for missing ends, at the first line that names the first of them; undefined when none is missing. */
export function describeMissingEnds(missing: string[], script: string): FileProblem | undefined {
  if (!missing.length) return undefined;
  // Where the file names the first as a row's `from` or `to`: its line, and which end it is.
  const first = escapeRegExp(missing[0]!);
  const named = new RegExp(`\\b(from|to)\\s*:\\s*(['"])${first}\\2`).exec(script);
  const ids = missing.map((id) => `'${id}'`).join(', ');
  const end = missing.length === 1 && named ? `its ${named[1]}` : 'its from or to';
  return {
    line: lineAt(script, named?.index),
    reason: `a relationship row names ${ids} as ${end}, but no node has ${missing.length === 1 ? 'that id' : 'those ids'}, so the row would write nothing`,
  };
}
