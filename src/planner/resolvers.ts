/**
 * The only two resolvers planned fields need: a root field runs its one planned query, and every field below
 * reads its value from the row its parent was given, by response key. No field below a root queries on its own.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { planFromInfo, type PlannedQuery, type PlannedRow } from './plan-root.js';

/** Plans made for an operation before it runs (by the cost check), by request context and root response key. */
const plansByContext = new WeakMap<object, Map<string, PlannedQuery | Error>>();

export function rememberPlans(context: object, plans: Map<string, PlannedQuery | Error>): void {
  plansByContext.set(context, plans);
}

/** The plan of the root field a resolver runs: made already for this request, or made now. */
function planOf(ctx: Context, info: GraphQLResolveInfo): PlannedQuery {
  const planned = plansByContext.get(ctx)?.get(String(info.path.key)) ?? planFromInfo(info);
  if (planned instanceof Error) throw planned;
  return planned;
}

/** Runs a root field's planned query in a READ transaction and shapes the answer. */
export async function resolvePlanned(_root: unknown, _args: unknown, ctx: Context, info: GraphQLResolveInfo): Promise<any> {
  const planned = planOf(ctx, info);
  const rows = await ctx.db.read<PlannedRow>(planned.cypher, planned.parameters);
  if (planned.references) {
    const [row] = rows.length ? rows : await ctx.db.read(planned.references.resolution, planned.parameters);
    planned.references.check(row ?? {});
  }
  return planned.answer(rows);
}

/** A planned field's value, from its parent's row. */
export function readPlanned(parent: unknown, _args: unknown, _ctx: unknown, info: GraphQLResolveInfo): any {
  return (parent as Record<string, unknown>)[String(info.path.key)];
}
