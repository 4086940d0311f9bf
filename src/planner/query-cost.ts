/**
 * The cost of an operation, from its plan: the rows each list can read (its `first`, the default page size,
 * the hop and page limits, or a field's expected fan-out), multiplied down the selection. An envelop plugin
 * refuses an operation over the budget before any query runs, and reports the cost of every other in
 * `extensions.cost`, as Shopify's and GitHub's GraphQL APIs do.
 */
import type { Plugin } from '@envelop/core';
import { type DocumentNode, getOperationAST, getVariableValues, type GraphQLSchema, Kind } from 'graphql';
import { badUserInput } from '../schema/errors.js';
import { collectFields } from './collect-fields.js';
import type { ListEstimate } from './compile-selection.js';
import { planRootField } from './plan-root.js';

export interface OperationCost {
  /** Estimated rows the operation reads. */
  rows: number;
  lists: ListEstimate[];
}

/** Plans every root field of the operation to sum its cost; a field that cannot be planned costs nothing here and fails when it runs. */
export function estimateOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, rawVariables: Record<string, unknown> | null | undefined): OperationCost | null {
  const operation = getOperationAST(document, operationName);
  const queryType = schema.getQueryType();
  if (!operation || operation.operation !== 'query' || !queryType) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return null;
  const fragments = Object.fromEntries(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [])));
  const selection = { schema, fragments, variables: coerced.coerced };
  const cost: OperationCost = { rows: 0, lists: [] };
  for (const [key, nodes] of collectFields(selection, queryType, [operation.selectionSet])) {
    if (nodes[0]!.name.value.startsWith('__')) continue;
    try {
      const planned = planRootField(selection, queryType, nodes, key);
      cost.rows += planned.rows;
      cost.lists.push(...planned.lists);
    } catch {
      // The resolver plans the field again and reports its error with its path.
    }
  }
  return cost;
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
