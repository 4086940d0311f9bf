/**
 * Which quotes a file can have broken, so that the loader checks those and not the whole database for every file
 * (which made a load of many files quadratic: every file re-read every quote and every source text).
 *
 * Why the scope is sound. A quote's verdict (quote-check.ts) reads only: a relationship's evidence properties
 * (`sourceIds`, `quotes`, `quoteStarts`, `quoteEnds`, or the refused single `sourceId`, `quote`, `quoteStart`,
 * `quoteEnd`), the `id` of a SOURCED_FROM's target, and the `id` and `text` of Sources (`quotedProperties`). So a
 * file can only change a verdict by creating a relationship, by writing one of those properties, by adding or
 * removing a Source label, or by deleting. The loader follows each of these in the file's transaction:
 *
 * - Plans (EXPLAIN, once per statement text): the only write operators allowed are Create and Merge that write only
 *   what they create (no ON MATCH; ON CREATE SET only on what the pattern creates), and SETs of single properties
 *   `v.p = …`. A SET of a property no quote reads is harmless wherever it lands (the merge templates' aliases and
 *   disputes). A SET of a quoted property is allowed only in the statement's last clause, on one variable; the
 *   loader then appends a RETURN of that variable, whose rows are exactly the rows that SET saw, so it learns every
 *   relationship or node it can have written (docs/adding-a-source.md's evidence append: `SET r.sourceIds = …`; the
 *   source file's `FOREACH … SET s.text`). Any other write operator (SET of a map or dynamic key, labels, REMOVE,
 *   DELETE, a procedure, CALL IN TRANSACTIONS, a quoted SET elsewhere) makes the file get the whole check if the
 *   statement wrote anything at all (Neo4j's counters).
 * - Nothing was deleted or removed (counters).
 * - The new relationships are the ids just above the highest id before the file (Neo4j hands out new ids upwards
 *   while no freed id waits to be reused), exactly as many as the counters say were created, and the count of
 *   relationships grew by exactly that (so no other writer added any meanwhile). Before the file, the count is the
 *   one the run's last commit left (so no other writer added or deleted any between files: its relationship may
 *   have taken a freed id below the mark, where the ids would not show it).
 * - A node whose `id` or `text` was written must be a Source that did not exist before the file (internal ids of the
 *   Sources before it are known): every quote citing it is then one the file wrote, since a quote citing a Source
 *   that does not exist fails, and so cannot have been committed.
 * - The first file of a run gets the whole check, so the induction starts from a database whose every quote is good:
 *   from then on, a quote the file did not create or write, of a Source whose text it did not write, keeps the
 *   verdict it had at the last commit.
 *
 * The scope is then the relationships the file created plus those it SET a quoted property of. When any of this
 * does not hold (a file that edits what exists in another way, a Source whose text changes, a database whose freed
 * ids are being reused after a wipe), the whole database is checked, as before. It assumes no other writer changes
 * evidence while a load runs, as the whole check between a file's last statement and its commit does.
 */
import neo4j, { type Transaction } from 'neo4j-driver';
import { runWithoutCallerStack } from '../database/driver-caller-stack.js';
import type { FileChanges } from './load-cypher.js';
import type { QuoteScope } from './quote-check.js';

/** Neo4j's update counters, summed over a file's statements: a file's changes, and what it removed. */
export interface UpdateCounters extends FileChanges {
  labelsRemoved: number;
  indexesRemoved: number;
  constraintsRemoved: number;
}

const counterKeys: (keyof UpdateCounters)[] = ['nodesCreated', 'nodesDeleted', 'relationshipsCreated', 'relationshipsDeleted', 'propertiesSet', 'labelsAdded', 'labelsRemoved', 'indexesAdded', 'indexesRemoved', 'constraintsAdded', 'constraintsRemoved'];

export const emptyCounters = (): UpdateCounters => Object.fromEntries(counterKeys.map((key) => [key, 0])) as unknown as UpdateCounters;

/** What a file's transaction saw before its first statement. */
export interface BeforeFile {
  relationshipMark: number;
  relationships: number;
  /** Still true while every statement so far wrote what the scope can follow: creations, and SETs it was told of. */
  additive: boolean;
  /** Relationships (internal ids) whose quoted properties a statement's last clause SET. */
  touchedRelationships: Set<number>;
  /** Nodes (internal ids) whose `id` or `text` a statement's last clause SET. */
  touchedNodes: Set<number>;
  /** Set by scope(): the Sources the file created, by internal id. */
  addedSources?: Set<number>;
}

/** Plan operators that write; of them, Create and Merge that create only, and SET of `v.p = …`, are read further. */
const writeOperator = /^(Set|Remove|Delete|DetachDelete|Foreach|Transaction|LoadCSV|Procedure|Create|Merge|LockingMerge|Drop|Alter|Grant|Deny|Revoke|Terminate)/i;

/** SET of single properties (`SET v.p = …`, one or several), the only SET the scope reads. */
const setPropertyOperator = /^(SetProperty|SetProperties|SetNodeProperty|SetNodeProperties|SetRelationshipProperty|SetRelationshipProperties)$/i;

/**
 * The properties a quote check reads (quote-check.ts): a relationship's evidence, in the lists or the refused single
 * form, and a node's `id` (a Source's, or a SOURCED_FROM target's) and `text` (a Source's). A SET of any other
 * property (aliases, disputes, names, dates …), on whatever it lands, changes no quote's verdict.
 */
const quotedProperties = new Set(['quote', 'quoteStart', 'quoteEnd', 'sourceId', 'sourceIds', 'quotes', 'quoteStarts', 'quoteEnds', 'id', 'text']);

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

/** The items of a list separated by commas outside brackets and strings; undefined when the text is cut or unbalanced. */
function topLevelItems(text: string): string[] | undefined {
  const items: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"' || char === '`') quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      items.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return undefined;
  }
  if (quote || depth !== 0) return undefined;
  items.push(text.slice(start));
  return items;
}

/**
 * The variables a SET operator writes a quoted property of (see `quotedProperties`); undefined when its details are
 * not a list of `v.p = …` the scope can read (a map, a dynamic key `v[k]`, details cut short), which counts as
 * writing anything anywhere.
 */
export function quotedTargets(details: string): Set<string> | undefined {
  if (/\.\.\.\s*$|…\s*$/.test(details)) return undefined;
  const items = topLevelItems(details);
  if (!items) return undefined;
  const targets = new Set<string>();
  for (const item of items) {
    const assignment = /^\s*(\w+)\.(\w+)\s*=(?!=)/.exec(item);
    if (!assignment) return undefined;
    if (quotedProperties.has(assignment[2]!)) targets.add(assignment[1]!);
  }
  return targets;
}

/**
 * The same for a Foreach operator whose only clause is a SET of single properties (`x IN list, SET v.p = …`, as
 * cypher/10 writes a changed source text); undefined for any other clause, or a SET of the loop variable.
 */
export function foreachTargets(details: string): Set<string> | undefined {
  const items = topLevelItems(details);
  const loop = items && /^\s*(\w+)\s+IN\s/i.exec(items[0]!);
  if (!items || !loop || items.length < 2) return undefined;
  if (!/^\s*SET\s+/i.test(items[1]!)) return undefined;
  const sets = [items[1]!.replace(/^\s*SET\s+/i, ''), ...items.slice(2)];
  const targets = quotedTargets(sets.join(','));
  if (!targets) return undefined;
  for (const item of sets) if (new RegExp(`^\\s*${loop[1]}\\.`).test(item)) return undefined;
  return targets;
}

/**
 * What a statement's plan can write, for the scope: `undefined` when it can write a quote anywhere (the file then
 * gets the whole check); else `{ tracked }`, the one variable whose quoted properties its last clause may SET (the
 * loader asks the statement to return it), or no variable when its writes are creations and SETs of properties no
 * quote reads.
 *
 * A SET of a quoted property is only accepted in the last clause: the operators from the plan's root down to it
 * (ProduceResults, EmptyResult, Eager and such SETs) pass rows through unchanged, so the rows a `RETURN` appended
 * to the statement sees bind the variable to exactly what that SET wrote (and to nothing more than a superset,
 * when a WHERE before it filtered nothing). A statement that returns rows of its own cannot take that RETURN.
 */
export function planWrites(plan: PlanNode): { tracked?: string } | undefined {
  const tracked = new Set<string>();
  let inTail = true;
  const visit = (node: PlanNode, tail: boolean): boolean => {
    const operator = node.operatorType.replace(/@.*$/, '');
    const details = String(node.arguments?.Details ?? '');
    if (setPropertyOperator.test(operator) || /^Foreach$/i.test(operator)) {
      const targets = /^Foreach$/i.test(operator) ? foreachTargets(details) : quotedTargets(details);
      if (!targets) return false;
      if (targets.size && !tail) return false;
      for (const target of targets) tracked.add(target);
    } else if (writeOperator.test(operator)) {
      if (!/^(Create|Merge|LockingMerge)$/i.test(operator)) return false;
      if (!createsOnly(operator, details)) return false;
    }
    const children = node.children ?? [];
    // The tail runs down single-child operators that pass rows through as they are.
    const passes = tail && children.length === 1 && (/^(ProduceResults|EmptyResult|Eager|Foreach)$/i.test(operator) || setPropertyOperator.test(operator));
    return children.every((child) => visit(child, passes));
  };
  const root = plan.operatorType.replace(/@.*$/, '');
  // Only a statement that returns nothing (ProduceResults over EmptyResult) can take an appended RETURN.
  inTail = /^ProduceResults$/i.test(root) && /^EmptyResult$/i.test(plan.children?.[0]?.operatorType.replace(/@.*$/, '') ?? '');
  if (!visit(plan, inTail)) return undefined;
  if (tracked.size > 1) return undefined;
  return tracked.size ? { tracked: [...tracked][0]! } : {};
}

const int = (value: unknown): number => (typeof value === 'number' ? value : neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : Number(value));

async function single(tx: Transaction, query: string, parameters: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const result = await runWithoutCallerStack(tx, query, parameters);
  return result.records[0]?.toObject() ?? {};
}

/** The RETURN appended to a statement whose last clause SETs quoted properties of `variable`: what it wrote, by kind. */
export const touchedReturn = (variable: string) =>
  `\nWITH DISTINCT ${variable} AS cstoTouched
RETURN collect(CASE WHEN valueType(cstoTouched) STARTS WITH 'RELATIONSHIP' THEN id(cstoTouched) END) AS cstoRelationships,
       collect(CASE WHEN valueType(cstoTouched) STARTS WITH 'NODE' THEN id(cstoTouched) END) AS cstoNodes,
       count(CASE WHEN NOT valueType(cstoTouched) STARTS WITH 'RELATIONSHIP' AND NOT valueType(cstoTouched) STARTS WITH 'NODE' THEN 1 END) AS cstoOthers`;

/** What a statement will write, decided before it runs: the text to send, and whether it returns what it SETs. */
export interface PreparedStatement {
  text: string;
  tracked: boolean;
}

/**
 * Kept by the loader across the files of one run: the highest relationship id it knows of, the Sources (by internal
 * id), and what each statement shape writes. Anything unknown is read again (a scan, once).
 */
export class QuoteScopeTracker {
  private relationshipMark: number | undefined;
  /** The count of relationships when this run's last file committed: another count before the next file means another writer. */
  private relationshipsCommitted: number | undefined;
  /** The internal ids of the Sources before the file. */
  private sources: Set<number> | undefined;
  /** True once a file of this run got the whole check: from then on, every quote is known good at each commit. */
  private verified = false;
  /** By statement text as sent: what its plan can write (see planWrites). */
  private readonly plans = new Map<string, { tracked?: string } | undefined>();

  /** @param scopedFrom relationships in the database from which the scope is followed; below, every file gets the whole check. */
  constructor(private readonly scopedFrom: number) {}

  /**
   * The count of relationships (from Neo4j's count store, no scan), the id mark and the Sources (scans, only when
   * unknown), before the file's statements.
   */
  async before(tx: Transaction): Promise<BeforeFile> {
    const relationships = int((await single(tx, 'MATCH ()-[r]->() RETURN count(r) AS relationships')).relationships);
    // Another writer's relationship may have taken a freed id below the mark, where the scope would not look.
    const othersWrote = this.relationshipsCommitted !== undefined && relationships !== this.relationshipsCommitted;
    if (relationships < this.scopedFrom || othersWrote) {
      // Not additive: no EXPLAIN, nothing returned, and the whole check (scope() answers undefined).
      return { relationshipMark: -1, relationships, additive: false, touchedRelationships: new Set(), touchedNodes: new Set() };
    }
    if (this.relationshipMark === undefined) {
      this.relationshipMark = int((await single(tx, 'MATCH ()-[r]->() RETURN coalesce(max(id(r)), -1) AS mark')).mark);
    }
    if (this.sources === undefined) {
      const rows = await runWithoutCallerStack(tx, 'MATCH (s:Source) RETURN id(s) AS node');
      this.sources = new Set(rows.records.map((record) => int(record.get('node'))));
    }
    return { relationshipMark: this.relationshipMark, relationships, additive: true, touchedRelationships: new Set(), touchedNodes: new Set() };
  }

  /** Before a statement runs: its plan (EXPLAIN, once per text), and the text to send, returning what its last clause SETs. */
  async prepare(tx: Transaction, before: BeforeFile, text: string, parameters: Record<string, unknown>): Promise<PreparedStatement> {
    if (!before.additive) return { text, tracked: false };
    if (!this.plans.has(text)) {
      const plan = (await runWithoutCallerStack(tx, `EXPLAIN ${text}`, parameters)).summary.plan;
      this.plans.set(text, plan === false ? undefined : planWrites(plan as PlanNode));
    }
    const writes = this.plans.get(text);
    return writes?.tracked ? { text: text + touchedReturn(writes.tracked), tracked: true } : { text, tracked: false };
  }

  /** After each statement: does the file still write only what the scope can follow? `counters` are the statement's own. */
  statement(before: BeforeFile, text: string, prepared: PreparedStatement, counters: UpdateCounters, records: { get(key: string): unknown }[]): void {
    if (!before.additive) return;
    const wrote = Object.values(counters).some((count) => count > 0);
    if (wrote && this.plans.get(text) === undefined) before.additive = false;
    if (!prepared.tracked) return;
    // A statement that wrote nothing changed nothing, whatever it would return.
    if (!wrote) return;
    const [record] = records;
    if (!record || int(record.get('cstoOthers')) > 0) {
      before.additive = false;
      return;
    }
    for (const id of record.get('cstoRelationships') as unknown[]) before.touchedRelationships.add(int(id));
    for (const id of record.get('cstoNodes') as unknown[]) before.touchedNodes.add(int(id));
  }

  /**
   * The relationships the file created or SET a quoted property of, when it provably changed no other quote (see
   * above); undefined when the whole database must be checked. Call after the file's statements, in its transaction.
   */
  async scope(tx: Transaction, before: BeforeFile, counters: UpdateCounters): Promise<QuoteScope | undefined> {
    const removed =
      counters.nodesDeleted + counters.relationshipsDeleted + counters.labelsRemoved + counters.indexesAdded + counters.indexesRemoved + counters.constraintsAdded + counters.constraintsRemoved;
    if (!this.verified || !before.additive || removed > 0 || this.sources === undefined) return undefined;
    const after = await single(
      tx,
      `CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () {
  UNWIND range($mark + 1, $mark + $created) AS relationshipId
  MATCH ()-[r]->() WHERE id(r) = relationshipId
  RETURN count(r) AS found
}
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
RETURN relationships, found, sources`,
      { mark: neo4j.int(before.relationshipMark), created: neo4j.int(counters.relationshipsCreated) },
    );
    if (int(after.relationships) - before.relationships !== counters.relationshipsCreated || int(after.found) !== counters.relationshipsCreated) return undefined;
    let added = new Set<number>();
    if (int(after.sources) !== this.sources.size) {
      // The file created Sources (the count comes from the count store): read the new ones.
      const rows = await runWithoutCallerStack(tx, 'MATCH (s:Source) WHERE NOT id(s) IN $known RETURN id(s) AS node', {
        known: [...this.sources].map((id) => neo4j.int(id)),
      });
      added = new Set(rows.records.map((record) => int(record.get('node'))));
    }
    // A node whose id or text a SET wrote may only be a Source this file created: its quotes are all new ones.
    for (const node of before.touchedNodes) if (!added.has(node)) return undefined;
    before.addedSources = added;
    const first = before.relationshipMark + 1;
    const relationshipIds = new Set(Array.from({ length: counters.relationshipsCreated }, (_, i) => first + i));
    for (const id of before.touchedRelationships) relationshipIds.add(id);
    return { relationshipIds: [...relationshipIds] };
  }

  /** After the file committed: with a scope, its new relationships were the ids just above the mark; without, everything is read again. */
  committed(before: BeforeFile, counters: UpdateCounters, scoped: boolean): void {
    this.relationshipsCommitted = before.relationships + counters.relationshipsCreated - counters.relationshipsDeleted;
    if (scoped) {
      this.relationshipMark = before.relationshipMark + counters.relationshipsCreated;
      for (const node of before.addedSources ?? []) this.sources?.add(node);
    } else {
      // The whole check passed: every quote of the database is good, which the scoped checks of later files keep.
      this.verified = true;
      this.forget();
    }
  }

  /**
   * A file failed or changed what the marks assume: read them again. The count of the last commit still holds: a
   * failed file was rolled back, and a schema file writes no relationship.
   */
  forget(): void {
    this.relationshipMark = undefined;
    this.sources = undefined;
  }
}
