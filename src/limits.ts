/** Limits that keep one request from exhausting the server or Neo4j; each can be raised by its variable. */

function positiveInteger(variable: string, fallback: number): number {
  const raw = process.env[variable];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${variable} must be a positive whole number, got '${raw}'.`);
  return value;
}

export const limits = {
  /** Largest page a list or connection returns. Default 100 (env CSTO_MAX_PAGE_SIZE). */
  maxPageSize: positiveInteger('CSTO_MAX_PAGE_SIZE', 100),
  /** Page size when a client gives none. Default 20. */
  defaultPageSize: 20,
  /** Deepest selection set. Default 12 (env CSTO_MAX_DEPTH). */
  depth: positiveInteger('CSTO_MAX_DEPTH', 12),
  /** Most rows one operation may be estimated to read, from its plan (src/planner/query-cost.ts). Default 25000 (env CSTO_MAX_COST). */
  cost: positiveInteger('CSTO_MAX_COST', 25_000),
  /** Most aliases in one operation. Default 30 (env CSTO_MAX_ALIASES). */
  aliases: positiveInteger('CSTO_MAX_ALIASES', 30),
  /** Most directives in one operation. Default 20. */
  directives: 20,
  /** Most tokens in one document. Default 2000 (env CSTO_MAX_TOKENS). */
  tokens: positiveInteger('CSTO_MAX_TOKENS', 2000),
  /** Deepest neighbourhood or longest path, in hops. Default 4. */
  maxHops: positiveInteger('CSTO_MAX_HOPS', 4),
};
