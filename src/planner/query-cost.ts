/**
 * The cost of an operation, from its plan: the rows each list can read (its `first`, the default page size,
 * the hop and page limits, or a field's expected fan-out), multiplied down the selection. An envelop plugin
 * refuses an operation over the budget before any query runs, and reports the cost of every other in
 * `extensions.cost`, as Shopify's and GitHub's GraphQL APIs do.
 */
import type { Plugin } from '@envelop/core';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { badUserInput } from '../schema/errors.js';
import type { ListEstimate } from './compile-selection.js';
import { type PlannedQuery, planOperation } from './plan-root.js';

export interface OperationCost {
  /** Estimated rows the operation reads. */
  rows: number;
  lists: ListEstimate[];
}

/** Sums the cost of every root field the operation plans; a field that cannot be planned fails when it runs instead. */
export function estimateOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): OperationCost | null {
  const planned = planOperation(schema, document, operationName, variables);
  if (!planned) return null;
  const queries = [...planned.values()].filter((query): query is PlannedQuery => !(query instanceof Error));
  return { rows: queries.reduce((total, query) => total + query.rows, 0), lists: queries.flatMap((query) => query.lists) };
}

/** The lists worth narrowing first: the most items per parent, then the most rows. */
function listsToNarrow(cost: OperationCost): string {
  return [...cost.lists]
    .sort((a, b) => b.perParent - a.perParent || b.rows - a.rows)
    .slice(0, 3)
    .map((list) => `${list.path} (up to ${list.perParent} per parent, about ${Math.round(list.rows)} rows in all)`)
    .join('; ');
}

/** Refuses operations whose estimated rows exceed `budget`; adds `extensions.cost` to every answer. */
export function useQueryCost(budget: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = estimateOperation(args.schema, args.document, args.operationName, args.variableValues);
      if (!cost) return;
      const report = { estimatedRows: Math.round(cost.rows), budget };
      if (cost.rows > budget) {
        const error = badUserInput(
          `This query would read about ${report.estimatedRows} rows, over the budget of ${budget}. Give a smaller \`first\` or select less below: ${listsToNarrow(cost)}.`,
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
