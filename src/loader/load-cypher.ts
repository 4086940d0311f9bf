/**
 * Imports the Cypher files of `cypher/` in name order, each file in one transaction, and records each loaded
 * file's name and content hash in the database (a `LoadedFile` node, written in the file's own transaction), so
 * that the next load skips the files that have not changed.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Neo4jError, type Result, type Transaction } from 'neo4j-driver';
import { counted } from '../counted.js';
import { runWithoutCallerStack } from '../database/driver-caller-stack.js';
import { type GraphDatabase, firstLine, mapNeo4jError, DatabaseQueryError, DatabaseTransientError, DatabaseUnavailableError } from '../database/graph-database.js';
import { citedSourceId, type FileQuote, rowQuotes, writtenNode, writtenRelationshipType } from './file-quotes.js';
import { type LiteralRowsStatement, moveLiteralRows } from './literal-rows.js';
import { describeUnreadRowKeys } from './row-keys.js';
import { describeUnknownPropertyKeys } from './property-keys.js';
import { allowedValues, describeOutsideEnumRows } from './enum-values.js';
import { CypherFileError, type FileProblem } from './cypher-file-error.js';
import { findParamFiles, readParamFiles } from './param-files.js';
import { describeMismatch, findQuoteMismatches, lineOfQuote, type QuoteScope } from './quote-check.js';
import { emptyCounters, type PreparedStatement, QuoteScopeTracker, type UpdateCounters } from './quote-scope.js';
import { commentEnd, type CypherStatement, splitCypher, withoutComments } from './split-cypher.js';
import { describeMissingEnds, findMissingEnds, labelsOfIds, nearestId, relationshipRowEnds } from './row-ends.js';
import { describeEntityLabels, describeNewWords, loadedFileLabel, modelVocabulary, nearestWord, outsideVocabulary, type Vocabulary } from './vocabulary.js';

/** The project's own `cypher/` folder. */
export const defaultCypherDirectory = fileURLToPath(new URL('../../cypher/', import.meta.url));

/** What one file changed, from Neo4j's own counters. All zero means the file changed nothing. */
export interface FileChanges {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
  indexesAdded: number;
  constraintsAdded: number;
}

export interface FileReport {
  /** The file's name: its path from the load's record root (recordRoot), e.g. `11-csto-2022-10-13-entities.cypher`. */
  file: string;
  statements: number;
  changes: FileChanges;
  milliseconds: number;
  /** True when the file was not run: its hash equals the one recorded at its last load. */
  skipped: boolean;
  /** Which quotes were checked before it committed: every quote, those it created or SET (quote-scope.ts), or none (schema only, skipped). */
  quoteCheck?: 'whole' | 'scoped' | 'none';
  /** Where a loaded file's time went, in ms, in the attempt that committed; absent for a skipped file. */
  phases?: FilePhases;
  /** The transient error codes of the attempts Neo4j aborted before the one that committed (see loadCypherFile). */
  retries?: string[];
  /** True for a file loaded before with other content: evidence its old rows gave may linger (stale-evidence.ts). */
  changedSinceLoad?: boolean;
}

/** A loaded file's time by phase, in ms; they add up to about its `milliseconds`. */
export interface FilePhases {
  /** Preparing the file (reading and splitting it, unless done while the file before it loaded), then its statements, up to the last one's answer. */
  statements: number;
  /** Finding what the file can have broken (quote-scope.ts) and checking those quotes, or all of them. */
  quoteCheck: number;
  /** Writing the file's record, and the commit. */
  commit: number;
}

const emptyChanges = (): FileChanges => ({
  nodesCreated: 0,
  nodesDeleted: 0,
  relationshipsCreated: 0,
  relationshipsDeleted: 0,
  propertiesSet: 0,
  labelsAdded: 0,
  indexesAdded: 0,
  constraintsAdded: 0,
});

/** One line a person can read: "+12 nodes, +30 relationships, 140 properties set", or "unchanged". */
export function describeChanges(changes: FileChanges): string {
  const parts = [
    changes.nodesCreated && `+${counted(changes.nodesCreated, 'node')}`,
    changes.nodesDeleted && `-${counted(changes.nodesDeleted, 'node')}`,
    changes.relationshipsCreated && `+${counted(changes.relationshipsCreated, 'relationship')}`,
    changes.relationshipsDeleted && `-${counted(changes.relationshipsDeleted, 'relationship')}`,
    changes.labelsAdded && `+${counted(changes.labelsAdded, 'label')}`,
    changes.propertiesSet && `${counted(changes.propertiesSet, 'property', 'properties')} set`,
    changes.constraintsAdded && `+${counted(changes.constraintsAdded, 'constraint')}`,
    changes.indexesAdded && `+${counted(changes.indexesAdded, 'index', 'indexes')}`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'unchanged';
}

/** The changes of several files added up. */
export function sumChanges(reports: FileReport[]): FileChanges {
  const total = emptyChanges();
  for (const report of reports) {
    for (const key of Object.keys(total) as (keyof FileChanges)[]) total[key] += report.changes[key];
  }
  return total;
}

/** Where the loaded files' time went, e.g. `statements 98.1 s, quote checks 19.0 s (the whole check 7.0 s in 42 files), records and commits 20.3 s`. */
export function describePhases(reports: FileReport[]): string {
  const seconds = (phase: keyof FilePhases, of = reports) => `${(of.reduce((total, report) => total + (report.phases?.[phase] ?? 0), 0) / 1000).toFixed(1)} s`;
  const whole = reports.filter((report) => report.quoteCheck === 'whole');
  const wholeCheck = whole.length ? ` (the whole check ${seconds('quoteCheck', whole)} in ${counted(whole.length, 'file')})` : '';
  return `statements ${seconds('statements')}, quote checks ${seconds('quoteCheck')}${wholeCheck}, records and commits ${seconds('commit')}`;
}

/**
 * Rows (nodes and relationships created) per second, e.g. `4,073 rows/s`, with a decimal below 10 (`0.5 rows/s`) so
 * that one node in a slow first second does not read as none; a run under a millisecond counts as one.
 */
export function describeRowRate(rows: number, seconds: number): string {
  const rate = rows / Math.max(seconds, 0.001);
  return `${rate === 0 || rate >= 10 ? Math.round(rate).toLocaleString('en') : rate.toFixed(1)} rows/s`;
}

/** `, retried once after Neo.TransientError.Transaction.DeadlockDetected`, or nothing for a file loaded at its first attempt. */
const describeRetries = ({ retries = [] }: FileReport) =>
  retries.length ? `, retried ${retries.length === 1 ? 'once' : `${retries.length} times`} after ${[...new Set(retries)].join(' and ')}` : '';

export { loadedFileLabel } from './vocabulary.js';

/**
 * Files that compute from the whole graph (e.g. `90-derived-search-keys.cypher`): named `<digits>-derived-*`.
 * Their hash includes the hashes of every file before them, so they run again whenever an earlier file changes; and
 * they run whenever an earlier file loads in the same run, as a run that failed before them may have loaded it.
 */
const isDerived = (name: string) => /^\d+-derived-/.test(path.basename(name));

/** The `.cypher` files of a folder and of its sub-folders (one per source, say), in the order they load: by path. */
export async function listCypherFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.cypher'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  // Code-unit order of the relative paths, the same on every machine and locale.
  return files.sort((a, b) => (path.relative(directory, a) < path.relative(directory, b) ? -1 : 1));
}

/** Where Neo4j's "(line 3, column 7 (offset: 52))" points, in the statement. */
function positionInStatement(message: string): { line: number; column: number } | undefined {
  const match = /line (\d+), column (\d+)/.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

/** A file read and hashed: its statements, the values of its `// @param-file` parameters, and its content hash. */
export interface PreparedFile {
  path: string;
  /** Relative to the load's record root (recordRoot); the key of its LoadedFile record. */
  name: string;
  script: string;
  parameters: Record<string, string>;
  /** sha256 of the script and of every parameter file's text (a changed source text is a changed file). */
  hash: string;
  /** Its statements as they will be sent (outgoingStatements), when made ahead, while the file before it loaded. */
  outgoing?: OutgoingStatement[];
  /** What checkRows found in `outgoing` when it was made ahead: null for nothing. */
  rowProblem?: FileProblem | null;
}

/**
 * Rows that would drop a value, lack their quote, or store a value the API cannot read, and property keys outside the
 * model: the file is refused before any of it is sent.
 */
async function checkRows(outgoing: OutgoingStatement[], vocabulary: Vocabulary): Promise<FileProblem | undefined> {
  return describeUnreadRowKeys(outgoing) ?? describeUnknownPropertyKeys(outgoing, vocabulary.propertyKeys) ?? describeOutsideEnumRows(outgoing, await allowedValues());
}

/** A statement as the loader sends it, and where it is in the file. */
export interface OutgoingStatement {
  statement: CypherStatement;
  /** Its literal rows and strings, moved to parameters, and its comments left out; undefined when none were. */
  moved: LiteralRowsStatement | undefined;
  text: string;
  /** The file's parameters that the text names, and the moved literals. */
  parameters: Record<string, unknown>;
}

/**
 * A file's statements as they will be sent. Literal rows and strings travel as parameters, and comments stay home,
 * so Neo4j parses and plans each statement once for all files of its shape; each statement gets only the file's
 * parameters it names, as Neo4j warns about unused ones.
 */
export function outgoingStatements({ script, parameters }: Pick<PreparedFile, 'script' | 'parameters'>): OutgoingStatement[] {
  return splitCypher(script).map((statement) => {
    const moved = moveLiteralRows(statement.text, 1, { strings: true, comments: true });
    const text = moved?.text ?? statement.text;
    const used = Object.fromEntries(Object.entries(parameters).filter(([key]) => text.includes(`$${key}`)));
    return { statement, moved, text, parameters: { ...used, ...moved?.parameters } };
  });
}

/** The quotes a file's literal rows give, each with the fact and source it cites (file-quotes.ts). */
export function quotesGivenBy(prepared: Pick<PreparedFile, 'script' | 'parameters' | 'outgoing'>): FileQuote[] {
  // Read from the text as sent: its literal rows and strings moved out, a few hundred characters instead of the rows.
  return (prepared.outgoing ?? outgoingStatements(prepared)).flatMap(({ text, moved }) =>
    rowQuotes(Object.values(moved?.parameters ?? {}), citedSourceId(text, moved?.parameters), writtenRelationshipType(text)),
  );
}

export async function prepareCypherFile(file: string, name = recordName(file)): Promise<PreparedFile> {
  const script = await readFile(file, 'utf8');
  const parameters = await readParamFiles(findParamFiles(script, file, name), name);
  const hash = createHash('sha256').update(script);
  for (const [key, value] of Object.entries(parameters)) hash.update(`\0${key}\0`).update(value);
  return { path: file, name, script, parameters, hash: hash.digest('hex') };
}

/** Schema commands cannot share a transaction with data writes, so their record is written just after. */
const writeRecord = (tx: Transaction, name: string, hash: string) =>
  runWithoutCallerStack(tx, `MERGE (f:${loadedFileLabel} {name: $name}) SET f.hash = $hash, f.loadedAt = datetime()`, { name, hash });

export interface FileLoadOptions {
  /**
   * Attempts after the first when Neo4j aborts the file's transaction with a transient error: a deadlock with
   * another writer, a lock wait that timed out. The transaction was rolled back, so the file runs again whole,
   * after 0.25, 0.5, 1 s … (with jitter). Default 3.
   */
  transientRetries?: number;
  /**
   * The labels and relationship types a file may bring into use; one that brings in another is rolled back
   * (vocabulary.ts). Default: docs/model.md's (modelVocabulary).
   */
  vocabulary?: Vocabulary;
  /**
   * Called when the file's statements have all been sent and Neo4j is running them (at each attempt):
   * loadCypherDirectory prepares the next file then. Default none.
   */
  onStatementsSent?: () => void;
}

/** The failure of an attempt that may succeed if the file runs again: Neo4j aborted it for a reason that passes. */
const retryableAbort = (error: unknown) => (error instanceof CypherFileError && error.cause instanceof DatabaseTransientError && error.cause.retryable ? error.cause : undefined);

/**
 * Loads one file in one transaction; on any error the transaction is rolled back and a CypherFileError names the
 * file and line. With a tracker (one per run of several files), the quote check covers what the file can have
 * broken instead of the whole database, when the file provably only added (see quote-scope.ts). A transient error
 * runs the file again (`transientRetries`); the report lists the codes it retried after.
 */
export async function loadCypherFile(
  db: GraphDatabase,
  file: string | PreparedFile,
  displayName?: string,
  tracker?: QuoteScopeTracker,
  options: FileLoadOptions = {},
): Promise<FileReport> {
  const started = performance.now();
  const prepared = typeof file === 'string' ? await prepareCypherFile(file, displayName) : file;
  const retries: string[] = [];
  for (;;) {
    try {
      const report = await loadFileOnce(db, prepared, displayName ?? prepared.name, tracker, options.onStatementsSent, options.vocabulary ?? modelVocabulary);
      return { ...report, milliseconds: performance.now() - started, ...(retries.length ? { retries } : {}) };
    } catch (error) {
      const abort = retryableAbort(error);
      if (abort === undefined) throw error;
      if (retries.length >= (options.transientRetries ?? 3)) throw abortedTooOften(error as CypherFileError, abort, retries.length);
      retries.push(abort.code);
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (retries.length - 1) * (0.5 + Math.random())));
    }
  }
}

/** The last attempt's error, saying how often the file was tried and that another writer is the likely cause. */
function abortedTooOften(error: CypherFileError, abort: DatabaseTransientError, retries: number): CypherFileError {
  const tries = retries === 0 ? 'once' : `${retries + 1} times`;
  const reason = `Neo4j aborted the file's transaction ${tries}, the last time with ${abort.code} (${abort.message}); another writer was probably changing the same nodes at the same time: load again when it is done`;
  return new CypherFileError(error.file, error.line, error.column, reason, { cause: abort });
}

async function loadFileOnce(
  db: GraphDatabase,
  prepared: PreparedFile,
  name: string,
  tracker: QuoteScopeTracker | undefined,
  onStatementsSent: (() => void) | undefined,
  vocabulary: Vocabulary,
): Promise<FileReport> {
  const started = performance.now();
  const outgoing = prepared.outgoing ?? outgoingStatements(prepared);
  const badRow = prepared.outgoing && prepared.rowProblem !== undefined ? prepared.rowProblem : await checkRows(outgoing, vocabulary);
  if (badRow) throw new CypherFileError(name, badRow.line, undefined, badRow.reason, { sent: false });
  const statements = outgoing.map(({ statement }) => statement);
  const changes = emptyChanges();
  let session;
  let tx: Transaction | undefined;
  let current = statements[0];
  let currentMoved: LiteralRowsStatement | undefined;
  let schemaOnly = false;
  const counters: UpdateCounters = emptyCounters();
  let scope: QuoteScope | undefined;
  const phases: FilePhases = { statements: 0, quoteCheck: 0, commit: 0 };
  let phaseStarted = started;
  const endPhase = (phase: keyof FilePhases) => {
    const now = performance.now();
    phases[phase] = now - phaseStarted;
    phaseStarted = now;
  };
  try {
    session = db.writeSession();
    tx = session.beginTransaction();
    // Schema commands and data writes cannot share a transaction: a file of them reads nothing first.
    const schemaFile = startsWithSchemaCommand(statements);
    const before = tracker && !schemaFile ? await tracker.before(tx) : undefined;
    const outsideBefore = schemaFile ? undefined : outsideVocabulary(tx, vocabulary);
    // Statements go out without waiting for the answer to the one before: Neo4j runs them in order in the one
    // transaction while Node prepares the next. Answers are read in order, so the first failure names its statement.
    const pending: { statement: CypherStatement; moved: LiteralRowsStatement | undefined; text: string; sent: PreparedStatement; result: Result }[] = [];
    const readAnswers = async () => {
      for (const { statement, moved, text, sent, result } of pending.splice(0)) {
        current = statement;
        currentMoved = moved;
        const answer = await result;
        const updates = { ...emptyCounters(), ...answer.summary.counters.updates() };
        for (const key of Object.keys(counters) as (keyof UpdateCounters)[]) counters[key] += updates[key];
        if (answer.summary.queryType === 's') schemaOnly = true;
        else if (before) tracker!.statement(before, text, sent, updates, answer.records);
      }
    };
    try {
      for (const { statement, moved, text, parameters } of outgoing) {
        current = statement;
        currentMoved = moved;
        // With a tracker, a statement whose last clause SETs a quoted property also returns what it SET (quote-scope.ts).
        const sent = before ? await tracker!.prepare(tx, before, text, parameters) : { text, tracked: false };
        const result = runWithoutCallerStack(tx, sent.text, parameters);
        // Its failure is read in order below; until then it must not count as unhandled.
        result.catch(() => undefined);
        pending.push({ statement, moved, text, sent, result });
      }
    } catch (error) {
      // A statement sent earlier may have failed first (and failed the transaction): its error is the one to report.
      const [failing, failingMoved] = [current, currentMoved];
      await readAnswers();
      [current, currentMoved] = [failing, failingMoved];
      throw error;
    }
    onStatementsSent?.();
    await readAnswers();
    endPhase('statements');
    for (const key of Object.keys(changes) as (keyof FileChanges)[]) changes[key] = counters[key];
    current = undefined;
    currentMoved = undefined;
    if (!schemaOnly) {
      // The model's checks go out together, and are read in order: one round trip.
      const outsideNow = outsideBefore && outsideVocabulary(tx, vocabulary);
      const missingEnds = findMissingEnds(tx, relationshipRowEnds(outgoing.map(({ statement, text, moved }) => ({ statement, text, lists: Object.values(moved?.parameters ?? {}) }))));
      const [wordsBefore, wordsAfter] = outsideBefore ? [await outsideBefore, await outsideNow!] : [];
      const newWords =
        wordsBefore && (describeNewWords(wordsBefore, wordsAfter!, vocabulary, prepared.script) ?? (await describeEntityLabels(tx, wordsBefore, wordsAfter!, prepared.script)));
      const missing = await missingEnds;
      // What a missing end's id is instead, or the id it most likely meant, asked only when one is missing.
      const labelsOf = !newWords && missing.length ? await labelsOfIds(tx, missing.map(({ id }) => id)) : undefined;
      const meant = labelsOf && !labelsOf.has(missing[0]!.id) ? await nearestId(tx, missing[0]!) : undefined;
      const problem = newWords ?? describeMissingEnds(missing, prepared.script, labelsOf, meant);
      if (problem) throw new CypherFileError(name, problem.line, undefined, problem.reason);
      scope = before && tracker ? await tracker.scope(tx, before, counters) : undefined;
      const mismatches = await findQuoteMismatches(tx, scope, quotesGivenBy({ ...prepared, outgoing }));
      if (mismatches.length) {
        const first = mismatches[0]!;
        const more = mismatches.length > 1 ? ` (and ${mismatches.length - 1} more)` : '';
        throw new CypherFileError(name, lineOfQuote(prepared.script, first), undefined, `${describeMismatch(first)}${more}`);
      }
      endPhase('quoteCheck');
      await writeRecord(tx, prepared.name, prepared.hash);
    }
    await tx.commit();
    tx = undefined;
    if (schemaOnly) {
      const record = session.beginTransaction();
      await writeRecord(record, prepared.name, prepared.hash);
      await record.commit();
    }
    endPhase('commit');
    if (before && !schemaOnly) tracker?.committed(before, counters, scope !== undefined);
    else tracker?.forget();
  } catch (error) {
    tracker?.forget();
    await tx?.rollback().catch(() => undefined);
    throw describeLoadFailure(error, name, current, db.uri, currentMoved);
  } finally {
    await session?.close().catch(() => undefined);
  }
  return { file: name, statements: statements.length, changes, milliseconds: performance.now() - started, skipped: false, quoteCheck: schemaOnly ? 'none' : scope ? 'scoped' : 'whole', phases };
}

/** True when the file's first statement is a schema command (CREATE/DROP of a constraint or index). */
function startsWithSchemaCommand(statements: { text: string }[]): boolean {
  const first = withoutComments(statements[0]?.text ?? '');
  return /^(CREATE|DROP)\s+(OR\s+REPLACE\s+)?((RANGE|TEXT|POINT|LOOKUP|FULLTEXT|VECTOR|BTREE)\s+)?(CONSTRAINT|INDEX)\b/i.test(first);
}

/** Where a statement's code begins, after the white space and comments before it. */
function codeStart(text: string): number {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (!text.startsWith('//', at) && !text.startsWith('/*', at)) return at;
    at = commentEnd(text, at) ?? text.length;
  }
}

/** Neo4j's reason, with what it most likely means in a file written from the templates. */
function withHint(code: string, reason: string, mergeLabels: string[] | undefined): string {
  // A file's parameters are its `// @param-file` text files.
  if (code.endsWith('.ParameterMissing')) return `${reason} (a file declares a text parameter with a line \`// @param-file <name> <path of a text file>\`)`;
  // The templates MERGE shared things by label and id: a label the existing node lacks makes MERGE create another.
  if (code.endsWith('.ConstraintValidationFailed') && mergeLabels && /already exists with label|conflicts with existing unique nodes/.test(reason)) {
    const unknown = mergeLabels.find((label) => !modelVocabulary.labels.includes(label));
    const meant = unknown && nearestWord(unknown, modelVocabulary.labels);
    const cause = unknown ? `its label ${unknown}${meant ? ` (did you mean ${meant}?)` : ''} is not in docs/model.md` : 'one the existing node lacks, a misspelt label?,';
    return `${reason} (MERGE finds a node only with every label of its pattern: ${cause} makes it create a second node with the same id)`;
  }
  return reason;
}

/**
 * A statement's first MERGE of a labelled node, where a uniqueness failure most likely comes from: its file line and
 * its labels; undefined when it has none.
 */
function firstMerge(current: { text: string; line: number }): { line: number; labels: string[] } | undefined {
  const merge = writtenNode(current.text, 'MERGE');
  return merge && { line: current.line + (current.text.slice(0, merge.index).match(/\n/g)?.length ?? 0), labels: merge.labels };
}

/** Any failure of a file as a CypherFileError: one line naming the file (and the line, when Neo4j points at one). */
function describeLoadFailure(
  error: unknown,
  name: string,
  current: { text: string; line: number } | undefined,
  uri: string,
  moved: LiteralRowsStatement | undefined,
): Error {
  if (error instanceof CypherFileError) return error;
  // The statement's own first line: its text starts just after the `;` before it, with the comments above it.
  const statementLine = current && current.line + (current.text.slice(0, codeStart(current.text)).match(/\n/g)?.length ?? 0);
  const mapped = mapNeo4jError(error, uri);
  // A deadlock or lock timeout is not an unreachable Neo4j: loadCypherFile may run the file again.
  if (mapped instanceof DatabaseTransientError) return new CypherFileError(name, statementLine, undefined, `${mapped.code}: ${mapped.message}`, { cause: mapped });
  if (mapped instanceof DatabaseUnavailableError) {
    // Neo4j died or went away mid-file: the commit did not happen, so nothing of the file is in the database.
    return new CypherFileError(name, statementLine, undefined, `Neo4j became unreachable while loading this file (${mapped.message})`, { cause: error });
  }
  if (!(mapped instanceof DatabaseQueryError) || !(error instanceof Neo4jError) || !current) {
    return new CypherFileError(name, statementLine, undefined, firstLine(mapped.message), { cause: error });
  }
  const sent = positionInStatement(error.message);
  // Neo4j points into the text it was sent: with moved rows, that position is mapped back to the file's text.
  const position = sent && moved ? moved.originalPosition(sent.line, sent.column) : sent;
  const merge = error.code.endsWith('.ConstraintValidationFailed') ? firstMerge(current) : undefined;
  const line = position ? current.line + position.line - 1 : (merge?.line ?? statementLine);
  // Neo4j's "(line 2, column 1 (offset: 41))" counts in the text sent; the file's own line and column lead the message.
  const reason = position ? firstLine(error.message).replace(/\s*\(line \d+, column \d+ \(offset: \d+\)\)/, '') : firstLine(error.message);
  return new CypherFileError(name, line, position?.column, `${error.code}: ${withHint(error.code, reason, merge?.labels)}`, { cause: error });
}

export interface LoadOptions extends Omit<FileLoadOptions, 'onStatementsSent'> {
  /** Folder of `.cypher` files, searched with its sub-folders. Default: the project's `cypher/`. */
  directory?: string;
  /** The folder's files as `listCypherFiles(directory)` gives them, when the caller has listed them already. Default: listed here. */
  files?: string[];
  /** Progress lines, one per loaded file and one for the skipped ones. Default: none. */
  log?: (line: string) => void;
  /** Load every file, even those whose hash equals their last load's (`npm run load -- --all`). Default false. */
  all?: boolean;
  /**
   * Relationships in the database from which a file's quote check covers only what the file wrote (quote-scope.ts).
   * Below it the whole check is cheaper than following a file's writes: on the article, following them made the
   * first load 8 s slower. Default 20,000.
   */
  scopedQuoteCheckFrom?: number;
}

/** One record per file name: two loaders at once cannot write two, and a record's MERGE is an index seek, not a label scan. */
const loadedFileConstraint = `CREATE CONSTRAINT loaded_file_name IF NOT EXISTS FOR (f:${loadedFileLabel}) REQUIRE f.name IS UNIQUE`;

/**
 * Makes sure the loader's own constraint exists. A database that has two records of one name (loaders that ran at
 * once before the constraint) loses every record of that name, so that file loads again: files are idempotent, and
 * a missing record only costs a reload.
 */
export async function ensureLoadedFileConstraint(db: GraphDatabase): Promise<void> {
  const session = db.writeSession();
  try {
    const ensured = await session.run(loadedFileConstraint).then(
      () => true,
      (error: unknown) => {
        // Neo4j 5.26 reports existing duplicates as a DatabaseError, not a ClientError.
        if (error instanceof Neo4jError && /\.Schema\.ConstraintCreationFailed$/.test(error.code)) return false;
        throw error;
      },
    );
    if (ensured) return;
    await session.run(`MATCH (f:${loadedFileLabel}) WITH f.name AS name, collect(f) AS records WHERE size(records) > 1 UNWIND records AS f DELETE f`);
    await session.run(loadedFileConstraint);
  } catch (error) {
    throw mapNeo4jError(error, db.uri);
  } finally {
    await session.close().catch(() => undefined);
  }
}

/**
 * The folder a load names its files from: the project's `cypher/` for any folder inside it, so that loading one
 * source's sub-folder and loading `cypher/` whole record a file under one name; any other folder names its own.
 */
export function recordRoot(directory: string): string {
  const inside = path.relative(defaultCypherDirectory, directory);
  const outside = inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside);
  return outside ? directory : defaultCypherDirectory;
}

/** A file's record name: its path from `root` (by default the record root of its own folder), with forward slashes. */
export function recordName(file: string, root = recordRoot(path.dirname(file))): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** The hash each file had when it was last loaded into this database, by name. */
export async function readLoadedFiles(db: GraphDatabase): Promise<Map<string, string>> {
  const rows = await db.read<{ name: string; hash: string }>(`MATCH (f:${loadedFileLabel}) RETURN f.name AS name, f.hash AS hash`);
  return new Map(rows.map(({ name, hash }) => [name, hash]));
}

/** The tail of a loaded file's line: the rows (nodes and relationships) created per second since the run began, and an ETA. */
class LoadProgress {
  private readonly started = performance.now();
  private rows = 0;
  private files = 0;
  private milliseconds = 0;

  /** Counts a loaded file. The ETA is the `left` files after it at the loaded files' mean time: skipped ones only make it sooner. */
  after(report: FileReport, left: number): string {
    this.rows += report.changes.nodesCreated + report.changes.relationshipsCreated;
    this.files += 1;
    this.milliseconds += report.milliseconds;
    // A rate of 0 rows/s after the schema file reads like a stall; its constraints and indexes are not rows (nodes and relationships).
    const rate = this.rows ? `${describeRowRate(this.rows, (performance.now() - this.started) / 1000)} so far` : 'no nodes or relationships created so far';
    return `${rate}${left ? ` · ETA ${Math.ceil(((this.milliseconds / this.files) * left) / 1000)} s` : ''}`;
  }
}

/**
 * Loads the files of the folder in order, skipping each file whose hash equals its last load's (unless `all`);
 * stops at the first failing file (earlier files stay committed and recorded).
 */
export async function loadCypherDirectory(db: GraphDatabase, options: LoadOptions = {}): Promise<FileReport[]> {
  const directory = options.directory ?? defaultCypherDirectory;
  const root = recordRoot(directory);
  const files = options.files ?? (await listCypherFiles(directory));
  if (files.length === 0) throw new Error(`No .cypher files in ${directory}.`);
  await ensureLoadedFileConstraint(db);
  // Read with --all too: a file loaded again unchanged that writes anything is not idempotent, and is said to be.
  const loaded = await readLoadedFiles(db);
  const unchangedSince = (name: string, hash: string) => loaded.get(name) === hash;
  const reports: FileReport[] = [];
  const chain = createHash('sha256');
  const skipped: string[] = [];
  // Made at the first file that loads, so that a run that skips every file reads nothing more.
  let tracker: QuoteScopeTracker | undefined;
  const progress = new LoadProgress();
  // Skipped files just before a loaded or failing one get a line of their own there, so the lines follow the files' order.
  let skippedInARow = 0;
  const reportSkippedBefore = (index: number) => {
    if (!skippedInARow) return;
    const first = index - skippedInARow + 1;
    options.log?.(`[load] ${first === index ? first : `${first}-${index}`}/${files.length}: unchanged since their last load, skipped`);
    skippedInARow = 0;
  };
  let earlierFileLoaded = false;
  // A file that will load (its hash is not its record's) gets its statements made when read. A derived file's hash
  // depends on the files before it, so it gets them when it loads.
  const read = (file: string) => {
    const reading = prepareCypherFile(file, recordName(file, root)).then(async (prepared) => {
      if (!isDerived(prepared.name) && (options.all || !unchangedSince(prepared.name, prepared.hash))) {
        prepared.outgoing = outgoingStatements(prepared);
        prepared.rowProblem = (await checkRows(prepared.outgoing, options.vocabulary ?? modelVocabulary)) ?? null;
      }
      return prepared;
    });
    // A file that fails to read fails when its turn comes, not while the one before it loads.
    reading.catch(() => undefined);
    return reading;
  };
  let next = read(files[0]!);
  for (let index = 0; index < files.length; index++) {
    const prepared = await next.catch((error: unknown) => {
      reportSkippedBefore(index);
      throw error;
    });
    const name = prepared.name;
    // Node reads and prepares the next file while Neo4j runs this one's statements, the two cores each busy.
    let nextStarted = false;
    const readNext = () => {
      if (nextStarted || index + 1 >= files.length) return;
      nextStarted = true;
      next = read(files[index + 1]!);
    };
    const derived = isDerived(name);
    if (derived) prepared.hash = createHash('sha256').update(prepared.hash).update(chain.copy().digest('hex')).digest('hex');
    chain.update(`${name}\0${prepared.hash}\0`);
    if (!options.all && unchangedSince(name, prepared.hash) && !(derived && earlierFileLoaded)) {
      skipped.push(name);
      reports.push({ file: name, statements: splitCypher(prepared.script).length, changes: emptyChanges(), milliseconds: 0, skipped: true });
      skippedInARow += 1;
      readNext();
      continue;
    }
    reportSkippedBefore(index);
    tracker ??= new QuoteScopeTracker(options.scopedQuoteCheckFrom ?? 20_000);
    const report = await loadCypherFile(db, prepared, undefined, tracker, { ...options, onStatementsSent: readNext });
    earlierFileLoaded = true;
    reports.push(!derived && loaded.has(name) && !unchangedSince(name, prepared.hash) ? { ...report, changedSinceLoad: true } : report);
    const soFar = progress.after(report, files.length - index - 1);
    options.log?.(
      `[load] ${index + 1}/${files.length} ${report.file}: ${counted(report.statements, 'statement')}, ${describeChanges(report.changes)} (${Math.round(report.milliseconds)} ms${describeRetries(report)}) · ${soFar}`,
    );
    // A derived file computes from the graph, so it may write again; any other file, as it was, must not.
    if (!derived && unchangedSince(name, prepared.hash) && Object.values(report.changes).some((count) => count > 0)) {
      options.log?.(
        `[load] warning: ${report.file} is as it was at its last load, yet it wrote again (${describeChanges(report.changes)}): it is not idempotent, and each load adds the same again (MERGE instead of CREATE, and append only what is new: docs/model.md, "Merge rules")`,
      );
    }
  }
  if (skipped.length) {
    const what = skipped.length === files.length ? `all ${files.length} files` : `${skipped.length} of ${files.length} files`;
    options.log?.(`[load] skipped ${what}: unchanged since their last load (npm run load -- --all reloads them)`);
  }
  return reports;
}
