/**
 * A Cypher file failed, in the loader or in `npm run load -- --cypher-shell`: nothing of it was written. Its name, line
 * and column lead the message; `line` is where Neo4j points, or the failing declaration (undefined: unknown).
 */
export class CypherFileError extends Error {
  override name = 'CypherFileError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly reason: string,
    /** `sent: false` for a file that failed before any of it went to Neo4j (a parameter file it cannot read). */
    options?: { cause?: unknown; sent?: boolean },
  ) {
    const where = line === undefined ? file : `${file}:${line}${column === undefined ? '' : `:${column}`}`;
    const outcome = options?.sent === false ? 'nothing of it was sent' : 'the file was rolled back; nothing of it was written';
    super(`${where}: ${reason} (${outcome})`, options);
  }
}

/** What a check found wrong with a file before it committed: the reason, and the file's line it most likely concerns. */
export interface FileProblem {
  line: number | undefined;
  reason: string;
}

/** The 1-based line of a position in a file's text; undefined for no position. */
export const lineAt = (text: string, index: number | undefined): number | undefined => (index === undefined ? undefined : text.slice(0, index).split('\n').length);

/** A text as a regular expression that matches it literally. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
