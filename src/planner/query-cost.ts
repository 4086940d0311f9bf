/**
 * The cost of an operation, from its plan: the rows each list can read (its `first`, the default page size,
 * the hop and page limits, or a field's expected fan-out), multiplied down the selection. An envelop plugin
 * refuses an operation over the budget before any query runs, and reports the cost of every other in
 * `extensions.cost`, as Shopify's and GitHub's GraphQL APIs do.
 */
import type { Plugin } from '@envelop/core';
import { badUserInput } from '../schema/errors.js';
import type { ListEstimate } from './compile-selection.js';
import { type PlannedQuery, planOperation } from './plan-root.js';
import { rememberPlans } from './resolvers.js';

export interface OperationCost {
  /** Estimated rows the operation reads. */
  rows: number;
  lists: ListEstimate[];
}

/** Sums the cost of the planned root fields; a field that could not be planned fails when it runs instead. */
export function costOf(planned: Map<string, PlannedQuery | Error>): OperationCost {
  const queries = [...planned.values()].filter((query): query is PlannedQuery => !(query instanceof Error));
  return { rows: queries.reduce((total, query) => total + query.rows, 0), lists: queries.flatMap((query) => query.lists) };
}

/** The lists worth narrowing first: the most items per parent, then the most rows. */
function listsToNarrow(cost: OperationCost): string {
  return [...cost.lists]
    .sort((a, b) => b.perParent - a.perParent || b.rows - a.rows)
    .slice(0, 3)
    .map((list) => `${list.path} (${list.perParent} per parent)`)
    .join('; ');
}

/** Refuses operations whose estimated rows exceed `budget`; adds `extensions.cost` to every answer. */
export function useQueryCost(budget: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const planned = planOperation(args.schema, args.document, args.operationName, args.variableValues);
      if (!planned) return;
      // The root resolvers run these plans instead of planning again.
      rememberPlans(args.contextValue, planned);
      const cost = costOf(planned);
      const report = { estimatedRows: Math.round(cost.rows), budget };
      if (cost.rows > budget) {
        const error = badUserInput(
          `This query would read about ${report.estimatedRows} rows, over the budget of ${budget}. Narrow these lists (a smaller \`first\`, or less below them): ${listsToNarrow(cost)}.`,
        );
        setResultAndStopExecution({ errors: [error], extensions: { cost: report } });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (!('data' in result) && !('errors' in result)) return;
          setResult({ ...result, extensions: { ...result.extensions, cost: report } });
        },
      };
    },
  };
}
