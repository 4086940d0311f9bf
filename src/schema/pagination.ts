/** Cursor pagination with a total count, over one round trip that returns `{ total, page }`. */
import { type DefaultConnectionArguments, resolveOffsetConnection } from '@pothos/plugin-relay';
import type { BuilderTypes } from '../builder.js';
import { nodeShape } from './shapes.js';
import { limits } from '../limits.js';
import { badUserInput } from './errors.js';

export interface PageRow<T> {
  total: number;
  page: T[];
}

/** Rejects a page size over the maximum with a clear error instead of silently cutting it. */
export function checkPageSize(size: number | null | undefined, argument: string): void {
  if (size == null) return;
  if (!Number.isInteger(size) || size < 0 || size > limits.maxPageSize) {
    throw badUserInput(`${argument} must be a whole number from 0 to ${limits.maxPageSize}; got ${size}.`, argument);
  }
}

/**
 * The query behind a paged list: `{ total, page }` for nodes `n` of `label` that satisfy `where`, sorted by
 * `orderBy` then id, for `$offset` and `$limit`. Its arguments are constants of the code, never client text.
 */
export function pageQuery(label: string, where: string, orderBy: string): string {
  return `CALL { MATCH (n:${label}) WHERE ${where} RETURN count(n) AS total }
CALL { MATCH (n:${label}) WHERE ${where} WITH n ORDER BY ${orderBy}, n.id SKIP $offset LIMIT $limit RETURN collect(${nodeShape('n')}) AS page }
RETURN total, page`;
}

/** Resolves a relay connection whose query returns one row `{ total, page }` for `$offset` and `$limit`. */
export async function resolvePage<T>(
  args: DefaultConnectionArguments,
  fetch: (offset: number, limit: number) => Promise<PageRow<T>>,
) {
  checkPageSize(args.first, 'first');
  checkPageSize(args.last, 'last');
  let totalCount = 0;
  const connection = await resolveOffsetConnection(
    { args, defaultSize: limits.defaultPageSize, maxSize: limits.maxPageSize },
    async ({ offset, limit }) => {
      const result = await fetch(offset, limit);
      totalCount = result.total;
      return result.page;
    },
  );
  return { ...connection, totalCount };
}

/** Connection options that add `totalCount`, the number of items over all pages. */
export function countedConnection<Shape>(description: string) {
  return {
    description,
    fields: (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>) => ({
      totalCount: t.int({
        description: 'How many items match, over all pages.',
        resolve: (connection) => (connection as { totalCount: number }).totalCount,
      }),
    }),
  };
}

/** A connection costs its page size times its children, so `first: 100` of a deep selection is refused up front. */
export function pageComplexity(args: { first?: number | null; last?: number | null }) {
  return { field: 1, multiplier: args.first ?? args.last ?? limits.defaultPageSize };
}
