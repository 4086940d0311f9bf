/**
 * The labels and relationship types a loaded file may write: those of docs/model.md. A file that brings another
 * into use (a misspelt `Organisation`, a `LEADS` the model has no place for) is rolled back before it commits,
 * as the API would never show what it wrote. Checked in the file's own transaction, from Neo4j's lists of the
 * labels and types in use, which count the transaction's own writes and cost no scan. The property keys it may write
 * are here too; property-keys.ts checks them before the file is sent.
 */
import neo4j, { type Transaction } from 'neo4j-driver';
import { runWithoutCallerStack } from '../database/driver-caller-stack.js';
import damerauLevenshtein from 'damerau-levenshtein';
import { entityLabels, factRelationshipTypes, nodeLabels } from '../schema/shapes.js';
import { escapeRegExp, type FileProblem, lineAt } from './cypher-file-error.js';

/** The label of the loader's bookkeeping nodes: one per loaded file, `{name, hash, loadedAt}`, no `id`, never in the API. */
export const loadedFileLabel = 'LoadedFile';

/** Labels, relationship types and property keys. */
export interface Vocabulary {
  labels: readonly string[];
  relationshipTypes: readonly string[];
  /** Keys a file may write (property-keys.ts). */
  propertyKeys: readonly string[];
}

/**
 * Every property key of docs/model.md's nodes and relationships, and of the loader's own records (`LoadedFile`:
 * name, hash, loadedAt). Tests check it against cypher/ and docs/model.md.
 */
const modelPropertyKeys: readonly string[] = [
  // Things: ids, names and search keys, and the descriptions, kinds and texts of some
  'id', 'name', 'aliases', 'searchKeys', 'description', 'kind', 'text',
  // Sources, states, events, statements and claims
  'published', 'language', 'iso3', 'historical', 'type', 'cameoCode', 'goldstein', 'startDate', 'endDate', 'datePrecision',
  'status', 'outcome', 'responseManner', 'medium', 'date', 'dateIsLatestBound', 'statusNote',
  // Relationships: memberships, offices, participants, provenance and evidence lists
  'startPrecision', 'endPrecision', 'dateNote', 'role', 'title', 'quote', 'quoteStart', 'quoteEnd', 'sourceIds', 'quotes', 'quoteStarts', 'quoteEnds',
  // What another source says differently (docs/adding-a-source.md)
  'disputedProperties', 'disputedValues', 'disputedSourceIds',
  // The loader's records
  'hash', 'loadedAt',
];

/** docs/model.md's labels (with `Entity`, and the loader's own records), relationship types and property keys. */
export const modelVocabulary: Vocabulary = {
  labels: [...nodeLabels, 'Entity', loadedFileLabel],
  relationshipTypes: [...factRelationshipTypes, 'SOURCED_FROM'],
  propertyKeys: modelPropertyKeys,
};

/**
 * The labels and types in use that `vocabulary` lacks; and the nodes of the entity labels (State, Person …) and of
 * `Entity`, counted from Neo4j's count store (no scan), so that a file whose new entity lacks `Entity` is seen.
 */
const outsideQuery = `CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels }
CALL () { CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types }
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
${entityLabels.map((label, index) => `CALL () { MATCH (n:${label}) RETURN count(n) AS kind${index} }`).join('\n')}
RETURN [label IN labels WHERE NOT label IN $labels] AS labels, [type IN types WHERE NOT type IN $types] AS types,
  entities, ${entityLabels.map((_, index) => `kind${index}`).join(' + ')} AS ofEntityKinds`;

/** Words outside the vocabulary in use at one point of a transaction, and the counts of entities. */
export interface Outside {
  labels: string[];
  relationshipTypes: string[];
  /** Nodes labelled `Entity`. */
  entities: number;
  /** Nodes labelled State, Person, Organization or Place (each counted once per such label). */
  ofEntityKinds: number;
}

/** Sends the check without waiting: in a file's transaction it runs in order with the statements sent after it. */
export function outsideVocabulary(tx: Transaction, vocabulary: Vocabulary): Promise<Outside> {
  const answer = runWithoutCallerStack(tx, outsideQuery, { labels: vocabulary.labels, types: vocabulary.relationshipTypes }).then(({ records }) => ({
    labels: records[0]!.get('labels') as string[],
    relationshipTypes: records[0]!.get('types') as string[],
    entities: neo4j.integer.toNumber(records[0]!.get('entities') as number),
    ofEntityKinds: neo4j.integer.toNumber(records[0]!.get('ofEntityKinds') as number),
  }));
  // Read after the file's statements; a failure before then is the statement's to report.
  answer.catch(() => undefined);
  return answer;
}

/** The vocabulary's word a misspelt one most likely meant: at most two typing edits away; undefined when none is. */
export function nearestWord(word: string, words: readonly string[]): string | undefined {
  const [best] = words.map((candidate) => ({ candidate, steps: damerauLevenshtein(word.toLowerCase(), candidate.toLowerCase()).steps })).sort((a, b) => a.steps - b.steps);
  return best && best.steps <= 2 ? best.candidate : undefined;
}

/**
 * What a file brought into use outside the vocabulary (words already in use before it are another writer's), as
 * the loader's error: its first line naming the word, and why. Undefined when it brought none.
 */
export function describeNewWords(before: Outside, after: Outside, vocabulary: Vocabulary, script: string): FileProblem | undefined {
  const labels = after.labels.filter((label) => !before.labels.includes(label));
  const types = after.relationshipTypes.filter((type) => !before.relationshipTypes.includes(type));
  if (!labels.length && !types.length) return undefined;
  const meant = (word: string, words: readonly string[]) => {
    const nearest = nearestWord(word, words);
    return nearest ? ` (did you mean ${nearest}?)` : '';
  };
  const words = [
    ...labels.map((label) => `the label ${label}${meant(label, vocabulary.labels)}`),
    ...types.map((type) => `the relationship type ${type}${meant(type, vocabulary.relationshipTypes)}`),
  ];
  const first = labels[0] ?? types[0]!;
  // The first line that writes the word as `:Word`, where the file most likely names it.
  const at = new RegExp(`:\\s*\`?${escapeRegExp(first)}\\b`).exec(script)?.index;
  return {
    line: lineAt(script, at),
    reason:
      `the file writes ${words.join(' and ')}, which docs/model.md does not have ` +
      `(labels: ${vocabulary.labels.filter((label) => label !== loadedFileLabel).join(', ')}; relationship types: ${vocabulary.relationshipTypes.join(', ')})`,
  };
}

/**
 * A node the file gave an entity label (State, Person, Organization, Place) but not `Entity`, or `Entity` but none
 * of those: thing(), lookup and every argument that names a thing find things through `Entity`, and the API reads a
 * thing's kind from the other label, so such a node is denied by the one and fails every query that reaches it in
 * the other. Seen from the counts before and after the file; the nodes are looked for only then.
 */
export async function describeEntityLabels(tx: Transaction, before: Outside, after: Outside, script: string): Promise<FileProblem | undefined> {
  const ofKinds = after.ofEntityKinds - before.ofEntityKinds;
  const entities = after.entities - before.entities;
  if (ofKinds === entities) return undefined;
  const kinds = `${entityLabels.slice(0, -1).join(', ')} and ${entityLabels.at(-1)}`;
  const anyKind = entityLabels.map((label) => `n:${label}`).join(' OR ');
  if (entities > ofKinds) {
    const { records } = await runWithoutCallerStack(tx, `MATCH (n:Entity) WHERE NOT (${anyKind}) RETURN n.id AS id ORDER BY id LIMIT 5`);
    // The first pattern that gives Entity alone, as `(n:Entity {` or `(n:Entity)`.
    const at = /\(\s*\w*\s*:\s*Entity\s*[{)]/.exec(script)?.index;
    return {
      line: lineAt(script, at),
      reason:
        `the file writes ${records.map((record) => `Entity ${String(record.get('id'))}`).join(', ') || 'an Entity'} with none of the labels ${kinds}: ` +
        `the API reads a thing's kind from them, so every query that reached it would fail; write (n:Place:Entity …) or the like`,
    };
  }
  const { records } = await runWithoutCallerStack(
    tx,
    `MATCH (n) WHERE (${anyKind}) AND NOT n:Entity
RETURN [label IN labels(n) WHERE label IN $kinds][0] AS label, n.id AS id ORDER BY id LIMIT 5`,
    { kinds: entityLabels },
  );
  if (!records.length) return { line: undefined, reason: `the file gives a node two of the labels ${kinds}, which docs/model.md keeps apart` };
  const nodes = records.map((record) => `${record.get('label') as string} ${String(record.get('id'))}`);
  const label = records[0]!.get('label') as string;
  // The first pattern that gives the label alone, as `(n:Place {` or `(n:Place)`.
  const at = new RegExp(`\\(\\s*\\w*\\s*:\\s*${label}\\s*[{)]`).exec(script)?.index;
  return {
    line: lineAt(script, at),
    reason:
      `the file writes ${nodes.join(', ')} without the label Entity, which every ${kinds} carries (docs/model.md): ` +
      `the API finds things through it, so thing() and lookup would not; write (n:${label}:Entity …)`,
  };
}
