/**
 * GraphQL's CollectFields for one concrete type: the fields a selection asks of it, by response key, through
 * fragments, inline fragments and @skip/@include, exactly as execution will resolve them.
 */
import {
  type FieldNode,
  type FragmentDefinitionNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  type InlineFragmentNode,
  isAbstractType,
  Kind,
  type FragmentSpreadNode,
  type SelectionSetNode,
} from 'graphql';

export interface Selection {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function included(selection: Selection, node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, selection.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, selection.variables)?.if !== false;
}

function conditionMatches(selection: Selection, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (!condition || condition === type.name) return true;
  const conditionType = selection.schema.getType(condition);
  return !!conditionType && isAbstractType(conditionType) && selection.schema.isSubType(conditionType, type);
}

/** The fields asked of `type` by the union of `selectionSets`, grouped by response key in selection order. */
export function collectFields(selection: Selection, type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visitedFragments = new Set<string>();
  const visit = (selectionSet: SelectionSetNode): void => {
    for (const node of selectionSet.selections) {
      if (!included(selection, node)) continue;
      if (node.kind === Kind.FIELD) {
        const key = node.alias?.value ?? node.name.value;
        fields.set(key, [...(fields.get(key) ?? []), node]);
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        if (conditionMatches(selection, node.typeCondition?.name.value, type)) visit(node.selectionSet);
      } else if (!visitedFragments.has(node.name.value)) {
        visitedFragments.add(node.name.value);
        const fragment = selection.fragments[node.name.value];
        if (fragment && conditionMatches(selection, fragment.typeCondition.name.value, type)) visit(fragment.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet);
  return fields;
}

/** The selection sets below a group of field nodes that share a response key. */
export function subSelections(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}
