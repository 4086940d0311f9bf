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
