/**
 * The labels and relationship types a loaded file may write: those of docs/model.md. A file that brings another
 * into use (a misspelt `Organisation`, a `LEADS` the model has no place for) is rolled back before it commits,
 * as the API would never show what it wrote. Checked in the file's own transaction, from Neo4j's lists of the
 * labels and types in use, which count the transaction's own writes and cost no scan.
 */
import type { Transaction } from 'neo4j-driver';
import { runWithoutCallerStack } from '../database/driver-caller-stack.js';
import { factRelationshipTypes, nodeLabels } from '../schema/shapes.js';
import { escapeRegExp, type FileProblem, lineAt } from './cypher-file-error.js';

/** The label of the loader's bookkeeping nodes: one per loaded file, `{name, hash, loadedAt}`, no `id`, never in the API. */
export const loadedFileLabel = 'LoadedFile';

/** Labels and relationship types. */
export interface Vocabulary {
  labels: readonly string[];
  relationshipTypes: readonly string[];
}

/** docs/model.md's labels (with `Entity`, and the loader's own records) and relationship types. */
export const modelVocabulary: Vocabulary = {
  labels: [...nodeLabels, 'Entity', loadedFileLabel],
  relationshipTypes: [...factRelationshipTypes, 'SOURCED_FROM'],
};

/** The labels and types in use that `vocabulary` lacks. */
const outsideQuery = `CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels }
CALL () { CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types }
RETURN [label IN labels WHERE NOT label IN $labels] AS labels, [type IN types WHERE NOT type IN $types] AS types`;

/** Words outside the vocabulary in use at one point of a transaction. */
export interface Outside {
  labels: string[];
  relationshipTypes: string[];
}

/** Sends the check without waiting: in a file's transaction it runs in order with the statements sent after it. */
export function outsideVocabulary(tx: Transaction, vocabulary: Vocabulary): Promise<Outside> {
  const answer = runWithoutCallerStack(tx, outsideQuery, { labels: vocabulary.labels, types: vocabulary.relationshipTypes }).then(({ records }) => ({
    labels: records[0]!.get('labels') as string[],
    relationshipTypes: records[0]!.get('types') as string[],
  }));
  // Read after the file's statements; a failure before then is the statement's to report.
  answer.catch(() => undefined);
  return answer;
}

/**
 * What a file brought into use outside the vocabulary (words already in use before it are another writer's), as
 * the loader's error: its first line naming the word, and why. Undefined when it brought none.
 */
export function describeNewWords(before: Outside, after: Outside, vocabulary: Vocabulary, script: string): FileProblem | undefined {
  const labels = after.labels.filter((label) => !before.labels.includes(label));
  const types = after.relationshipTypes.filter((type) => !before.relationshipTypes.includes(type));
  if (!labels.length && !types.length) return undefined;
  const words = [...labels.map((label) => `the label ${label}`), ...types.map((type) => `the relationship type ${type}`)];
  const first = labels[0] ?? types[0]!;
  // The first line that writes the word as `:Word`, where the file most likely names it.
  const at = new RegExp(`:\\s*\`?${escapeRegExp(first)}\\b`).exec(script)?.index;
  return {
    line: lineAt(script, at),
    reason:
      `the file writes ${words.join(' and ')}, which docs/model.md does not have ` +
      `(labels: ${vocabulary.labels.join(', ')}; relationship types: ${vocabulary.relationshipTypes.join(', ')})`,
  };
}
