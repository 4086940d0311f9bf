/**
 * Which quotes a file can have broken, so that the loader checks those and not the whole database for every file
 * (which made a load of many files quadratic: every file re-read every quote and every source text).
 *
 * A quote depends on its relationship's properties and on its Source's id and text. A file whose statements only
 * create (CREATE, or MERGE with at most ON CREATE SET on what it creates) can only have broken the quotes of the
 * relationships it created. The loader proves that in the file's transaction:
 *
 * - each statement's plan (EXPLAIN, once per statement text) writes only with Create and Merge operators whose
 *   ON CREATE SET targets what they create, and no ON MATCH; a statement with any other write operator (SET,
 *   REMOVE, DELETE, FOREACH, a procedure …) counts only if Neo4j's counters say it wrote nothing;
 * - nothing was deleted or removed;
 * - the new relationships are the ids just above the highest id before the file (Neo4j hands out new ids upwards
 *   while no freed id waits to be reused), exactly as many as the counters say were created, and the count of
 *   relationships grew by exactly that (so no other writer added any meanwhile).
 *
 * When any of these does not hold (a file that edits what exists, such as `cypher/10-…-source.cypher` setting a
 * changed text, or a database whose freed ids are being reused after a wipe), the whole database is checked, as
 * before.
 */
import neo4j, { type Transaction } from 'neo4j-driver';
import { isBmpText, type QuoteScope, readSourceTexts } from './quote-check.js';

/** Neo4j's update counters, summed over a file's statements. */
export interface UpdateCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
  labelsRemoved: number;
  indexesAdded: number;
  indexesRemoved: number;
  constraintsAdded: number;
  constraintsRemoved: number;
}

export const emptyCounters = (): UpdateCounters => ({
  nodesCreated: 0,
  nodesDeleted: 0,
  relationshipsCreated: 0,
  relationshipsDeleted: 0,
  propertiesSet: 0,
  labelsAdded: 0,
  labelsRemoved: 0,
  indexesAdded: 0,
  indexesRemoved: 0,
  constraintsAdded: 0,
  constraintsRemoved: 0,
});

/** What a file's transaction saw before its first statement. */
export interface BeforeFile {
  relationshipMark: number;
  relationships: number;
  /** Still true while every statement so far wrote only what it created. */
  additive: boolean;
}

/** Plan operators that write; of them, only Create and Merge (checked further) keep a statement additive. */
const writeOperator = /^(Set|Remove|Delete|DetachDelete|Foreach|Transaction|LoadCSV|Procedure|Create|Merge|LockingMerge|Drop|Alter|Grant|Deny|Revoke|Terminate)/i;

interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

/**
 * True when a Create or Merge operator writes only what it creates: no ON MATCH, and every ON CREATE SET item sets
 * a variable that its CREATE pattern creates (a node with labels or properties, or a relationship).
 */
export function createsOnly(operator: string, details: string): boolean {
  if (/\bON MATCH\b/i.test(details)) return false;
  const [pattern = '', ...rest] = details.split(/,\s*ON CREATE SET\s+/i);
  if (rest.length > 1) return false;
  const created = new Set<string>();
  for (const match of pattern.matchAll(/\((\w+)(?=[:\s{])[^)]*\)|\[(\w+)[:\s{\]]/g)) created.add((match[1] ?? match[2])!);
  if (/^Create/i.test(operator)) return !/\bSET\b/i.test(details);
  const sets = rest[0]?.replace(/,\s*LOCK\(.*\)\s*$/, '') ?? '';
  if (!sets) return true;
  for (const target of sets.matchAll(/(?:^|,\s*)(\w+)\s*(?:\.\s*\w+\s*=|\+=|=|:)/g)) if (!created.has(target[1]!)) return false;
  return true;
}

/** True when the plan's only write operators are Create and Merge that write only what they create. */
export function planCreatesOnly(plan: PlanNode): boolean {
  const operator = plan.operatorType.replace(/@.*$/, '');
  if (writeOperator.test(operator)) {
    if (!/^(Create|Merge|LockingMerge)$/i.test(operator)) return false;
    if (!createsOnly(operator, String(plan.arguments?.Details ?? ''))) return false;
  }
  return (plan.children ?? []).every(planCreatesOnly);
}

const int = (value: unknown): number => (typeof value === 'number' ? value : neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : Number(value));

async function single(tx: Transaction, query: string, parameters: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const result = await tx.run(query, parameters);
  return result.records[0]?.toObject() ?? {};
}

/**
 * Kept by the loader across the files of one run: the highest relationship id it knows of, which statements only
 * create, and which Sources have a text without surrogate pairs. Anything unknown is read again (a scan, once).
 */
export class QuoteScopeTracker {
  private relationshipMark: number | undefined;
  private bmpSources: Set<string> | undefined;
  private sources: Set<string> | undefined;
  /** By statement text as sent: whether its plan only creates. */
  private readonly plans = new Map<string, boolean>();

  /** The count of relationships (from Neo4j's count store, no scan) and the id mark (a scan only when unknown), before the file's statements. */
  async before(tx: Transaction): Promise<BeforeFile> {
    const counts = await single(tx, 'MATCH ()-[r]->() RETURN count(r) AS relationships');
    if (this.relationshipMark === undefined) {
      this.relationshipMark = int((await single(tx, 'MATCH ()-[r]->() RETURN coalesce(max(id(r)), -1) AS mark')).mark);
    }
    return { relationshipMark: this.relationshipMark, relationships: int(counts.relationships), additive: true };
  }

  /** After each statement: does the file still only create? `counters` are the statement's own. */
  async statement(tx: Transaction, before: BeforeFile, text: string, parameters: Record<string, unknown>, counters: UpdateCounters): Promise<void> {
    if (!before.additive) return;
    let createsOnly = this.plans.get(text);
    if (createsOnly === undefined) {
      const plan = (await tx.run(`EXPLAIN ${text}`, parameters)).summary.plan;
      createsOnly = plan !== false && planCreatesOnly(plan as PlanNode);
      this.plans.set(text, createsOnly);
    }
    const wrote = Object.values(counters).some((count) => count > 0);
    if (!createsOnly && wrote) before.additive = false;
  }

  /**
   * The relationships the file created, when it provably changed nothing that existed (see above); undefined
   * when the whole database must be checked. Call after the file's statements, in its transaction.
   */
  async scope(tx: Transaction, before: BeforeFile, counters: UpdateCounters): Promise<QuoteScope | undefined> {
    const removed =
      counters.nodesDeleted + counters.relationshipsDeleted + counters.labelsRemoved + counters.indexesAdded + counters.indexesRemoved + counters.constraintsAdded + counters.constraintsRemoved;
    if (!before.additive || removed > 0) return undefined;
    const after = await single(
      tx,
      `CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () {
  UNWIND range($mark + 1, $mark + $created) AS relationshipId
  MATCH ()-[r]->() WHERE id(r) = relationshipId
  RETURN count(r) AS found
}
RETURN relationships, found`,
      { mark: neo4j.int(before.relationshipMark), created: neo4j.int(counters.relationshipsCreated) },
    );
    if (int(after.relationships) - before.relationships !== counters.relationshipsCreated || int(after.found) !== counters.relationshipsCreated) return undefined;
    const sources = int((await single(tx, 'MATCH (s:Source) RETURN count(s) AS sources')).sources);
    if (this.sources === undefined || this.bmpSources === undefined) {
      // Read once per run: afterwards a Source's text changes only in a file that gets the whole check.
      const texts = await readSourceTexts(tx);
      this.sources = new Set(texts.keys());
      this.bmpSources = new Set([...texts].filter(([, text]) => isBmpText(text)).map(([id]) => id));
    } else if (sources !== this.sources.size) {
      // The file created Sources (the count comes from the count store): read the texts of the new ones.
      const ids = (await tx.run('MATCH (s:Source) RETURN s.id AS id')).records.map((record) => record.get('id') as string);
      const added = ids.filter((id) => !this.sources!.has(id));
      for (const [id, text] of await readSourceTexts(tx, added)) {
        this.sources.add(id);
        if (isBmpText(text)) this.bmpSources.add(id);
      }
    }
    const first = before.relationshipMark + 1;
    return { relationshipIds: Array.from({ length: counters.relationshipsCreated }, (_, i) => first + i), bmpSources: [...this.bmpSources] };
  }

  /** After the file committed: with a scope, its new relationships were the ids just above the mark; without, everything is read again. */
  committed(before: BeforeFile, counters: UpdateCounters, scoped: boolean): void {
    if (scoped) this.relationshipMark = before.relationshipMark + counters.relationshipsCreated;
    else this.forget();
  }

  /** A file failed or changed what the marks assume: read them again. */
  forget(): void {
    this.relationshipMark = undefined;
    this.bmpSources = undefined;
    this.sources = undefined;
  }
}
