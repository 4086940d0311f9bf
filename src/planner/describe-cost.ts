/** Adds to each list field's description what it costs, from its plan, so that the SDL tells clients before the budget does. */
import { type GraphQLField, type GraphQLSchema, isObjectType, isInterfaceType } from 'graphql';
import { counted } from '../counted.js';
import { isListOutput } from './compile-selection.js';
import { type FieldPlan, planKey } from './field-plan.js';
import { type RootPlan, rootPlanKey } from './plan-root.js';

const rows = (count: number) => counted(count, 'row');

function costOf(field: GraphQLField<unknown, unknown>): string | null {
  const plan = field.extensions?.[planKey] as FieldPlan | undefined;
  const root = field.extensions?.[rootPlanKey] as RootPlan | undefined;
  if (root?.kind === 'connection') return 'Cost: `first` (or `last`, default 20) rows per page, times what each reads.';
  const list = isListOutput(field.type);
  if (root?.kind === 'items' && list) return root.costDescription ?? `Cost: about ${rows(root.estimate({}))}, times what each reads.`;
  if (plan?.kind === 'related' && list) {
    return plan.limit ? `Cost: up to \`first\` rows per parent (default ${plan.rows({})}), times what each reads.` : `Cost: about ${rows(plan.rows({}))} per parent, times what each reads.`;
  }
  return null;
}

export function describeCosts(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const cost = costOf(field);
      if (cost && !field.description?.includes('Cost:')) field.description = `${field.description ?? ''} ${cost}`.trim();
    }
  }
  return schema;
}
