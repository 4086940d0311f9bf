/**
 * The property keys a file writes must be docs/model.md's. Neo4j stores any key it is given, so a misspelt
 * `SET n.nmae = row.name` loaded cleanly, the node had no `name`, and the API failed every list the node was in; as
 * the templates set such properties only on create, fixing the file and loading it again did not repair the node.
 * Read from the statements as the loader sends them (strings and comments left out), before any of them is sent:
 * each assignment of a SET (`x.key =`), and each key of a pattern's map (`(n:State {id: …})`, `[r:SOURCED_FROM
 * {quoteStart: …}]`) or of a map SET whole (`SET n += {…}`).
 */
import type { FileProblem } from './cypher-file-error.js';
import { escapeRegExp } from './cypher-file-error.js';
import type { SentStatement } from './row-keys.js';
import { nearestWord } from './vocabulary.js';

/** A key as Cypher writes it: a name, or any text in backticks. */
const keyName = String.raw`([A-Za-z_]\w*|` + '`[^`]+`)';
const unquoted = (key: string) => key.replace(/^`|`$/g, '');

/** `x.key =` at the start of a SET or after a comma (not `==`, and not `x.key[i] =`, a comparison). */
const assignment = new RegExp(String.raw`(?:\bSET\b|,)\s*[A-Za-z_]\w*\s*\.\s*${keyName}\s*=(?!=)`, 'gi');
/** A map after a labelled pattern's variable (`(n:State:Entity {`, `[r:MEMBER_OF {`), or SET whole (`SET n += {`). */
const writtenMap = /(?:[([]\s*\w*\s*(?::\s*(?:\w+|`[^`]+`)\s*)+|\bSET\s+\w+\s*\+?=\s*)\{([^{}]*)\}/gi;
const mapKey = new RegExp(String.raw`(?:^|,)\s*${keyName}\s*:`, 'g');

/** The property keys a statement's text writes or matches on, each with where in the text it is. */
function propertyKeys(text: string): { key: string; index: number }[] {
  const keys = [...text.matchAll(assignment)].map((match) => ({ key: unquoted(match[1]!), index: match.index! }));
  for (const map of text.matchAll(writtenMap)) {
    const at = map.index! + map[0].lastIndexOf('{') + 1;
    for (const key of map[1]!.matchAll(mapKey)) keys.push({ key: unquoted(key[1]!), index: at + key.index! });
  }
  return keys.sort((a, b) => a.index - b.index);
}

/** The first property key outside `known` (docs/model.md's) that a file's statements write, as the loader's error; undefined when none. */
export function describeUnknownPropertyKeys(statements: SentStatement[], known: readonly string[]): FileProblem | undefined {
  for (const { statement, text } of statements) {
    const unknown = propertyKeys(text).find(({ key }) => !known.includes(key));
    if (!unknown) continue;
    // The file's line: the key's first place in the statement as written (its literals and comments still in it).
    const written = new RegExp(String.raw`[.{,]\s*\`?${escapeRegExp(unknown.key)}\`?\s*[=:]`).exec(statement.text);
    const line = statement.line + (written ? (statement.text.slice(0, written.index).match(/\n/g)?.length ?? 0) : 0);
    const meant = nearestWord(unknown.key, known);
    return {
      line,
      reason: `the property ${unknown.key} is not in docs/model.md${meant ? ` (did you mean ${meant}?)` : ''}: the API never reads it, and reads the property it was meant for as missing`,
    };
  }
  return undefined;
}
