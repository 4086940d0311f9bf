/**
 * Compiles a selection into one Cypher map expression over a scope: properties by name, related objects as
 * COLLECT subqueries with their own order and limit, evidence included. Pure: no driver, no I/O.
 */
import {
  type FieldNode,
  getArgumentValues,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLOutputType,
  type SelectionSetNode,
} from 'graphql';
import { collectFields, type Selection, subSelections } from './collect-fields.js';
import { type FieldPlan, planKey, type RelatedVariables, type Scope } from './field-plan.js';
import type { Parameters } from './parameters.js';

/** A list in the plan and how many rows it may read per parent, for the cost estimate and its message. */
export interface ListEstimate {
  path: string;
  perParent: number;
  rows: number;
}

export interface Compiled {
  /** The Cypher expression of the selection's value. */
  cypher: string;
  /** Estimated rows the expression reads, per parent row. */
  rows: number;
  lists: ListEstimate[];
}

export interface Planning extends Selection {
  q: Parameters;
}

/** The type name of a node: its label other than the shared `Entity`. */
export const nodeTypename = (node: string) => `head([label IN labels(${node}) WHERE label <> 'Entity'])`;

/** A planning bug: a field with no plan is ours to fix, never the client's. */
export class PlanningError extends Error {
  override name = 'PlanningError';
}

function planOf(field: GraphQLField<unknown, unknown>, type: GraphQLObjectType): FieldPlan {
  const plan = field.extensions?.[planKey] as FieldPlan | undefined;
  if (!plan) throw new PlanningError(`${type.name}.${field.name} has no plan.`);
  return plan;
}

/** Whether a field's type is a list, nullable or not. */
export const isListOutput = (type: GraphQLOutputType) => isListType(isNonNullType(type) ? type.ofType : type);

/** Variables of a subquery at `depth`: unique along any chain of nesting, shared by siblings in disjoint scopes. */
const variablesAt = (depth: number): RelatedVariables => ({ node: `n${depth}`, edge: `r${depth}` });

interface FieldContext {
  planning: Planning;
  type: GraphQLObjectType;
  scope: Scope;
  nodes: FieldNode[];
  depth: number;
  path: string;
}

function compileField({ planning, type, scope, nodes, depth, path }: FieldContext): Compiled {
  const field = type.getFields()[nodes[0]!.name.value];
  if (!field) throw new PlanningError(`${type.name} has no field ${nodes[0]!.name.value}.`);
  const plan = planOf(field, type);
  const args = getArgumentValues(field, nodes[0]!, planning.variables);
  const childType = getNamedType(field.type);
  const childSets = subSelections(nodes);
  switch (plan.kind) {
    case 'value':
      return { cypher: plan.cypher(scope, args, planning.q), rows: 0, lists: [] };
    case 'sameRow': {
      const child = compileObject(planning, childType, plan.scope(scope), childSets, depth, path);
      const cypher = plan.nullWhen ? `CASE WHEN ${plan.nullWhen(scope)} THEN null ELSE ${child.cypher} END` : child.cypher;
      return { ...child, cypher };
    }
    case 'each': {
      const element = `e${depth}`;
      const child = compileObject(planning, childType, plan.item(element), childSets, depth + 1, path);
      const perParent = plan.rows(args);
      return withList(`[${element} IN ${plan.list(scope)} | ${child.cypher}]`, perParent, child, path);
    }
    case 'related': {
      const vars = variablesAt(depth + 1);
      const child = compileObject(planning, childType, plan.item(vars, scope), childSets, depth + 1, path);
      const limit = plan.single ? 1 : (plan.limit?.(args) ?? null);
      const clauses = [
        plan.match(scope, vars, args, planning.q),
        `WITH * ORDER BY ${plan.orderBy(vars, args)}${limit === null ? '' : ` LIMIT ${planning.q.param(limit)}`}`,
        `RETURN ${child.cypher} AS value`,
      ];
      const subquery = `COLLECT { ${clauses.join(' ')} }`;
      const list = isListOutput(field.type);
      const perParent = list ? (limit ?? plan.rows(args)) : 1;
      return withList(list ? subquery : `head(${subquery})`, perParent, child, path);
    }
  }
}

/** A list of `perParent` items, each reading `child.rows` more. */
function withList(cypher: string, perParent: number, child: Compiled, path: string): Compiled {
  const rows = perParent * (1 + child.rows);
  return { cypher, rows, lists: [{ path, perParent, rows }, ...child.lists.map((list) => ({ ...list, rows: list.rows * perParent }))] };
}

function compileFields(planning: Planning, type: GraphQLObjectType, scope: Scope, selectionSets: SelectionSetNode[], depth: number, path: string) {
  const entries: [string, Compiled][] = [];
  for (const [key, nodes] of collectFields(planning, type, selectionSets)) {
    if (nodes[0]!.name.value === '__typename') continue;
    entries.push([key, compileField({ planning, type, scope, nodes, depth, path: path ? `${path}.${key}` : key })]);
  }
  return entries;
}

const mapLiteral = (entries: [string, string][]) => `{${entries.map(([key, cypher]) => `\`${key}\`: ${cypher}`).join(', ')}}`;

function sum(entries: Compiled[]): Pick<Compiled, 'rows' | 'lists'> {
  return { rows: entries.reduce((total, entry) => total + entry.rows, 0), lists: entries.flatMap((entry) => entry.lists) };
}

/**
 * The map a selection of `type` makes over `scope`. For an interface, each concrete type is compiled on its own;
 * a key whose Cypher is the same for all is written once, else chosen by label. Abstract types are node-backed.
 */
export function compileObject(planning: Planning, type: GraphQLNamedType, scope: Scope, selectionSets: SelectionSetNode[], depth: number, path: string): Compiled {
  if (isObjectType(type)) {
    const entries = compileFields(planning, type, scope, selectionSets, depth, path);
    return { cypher: mapLiteral(entries.map(([key, compiled]) => [key, compiled.cypher])), ...sum(entries.map(([, compiled]) => compiled)) };
  }
  if (!isAbstractType(type)) throw new PlanningError(`${type.name} is not an object type.`);
  const node = scope.node;
  if (!node) throw new PlanningError(`${type.name} is abstract but its scope has no node.`);
  const byType = planning.schema.getPossibleTypes(type).map((concrete) => ({ concrete, entries: new Map(compileFields(planning, concrete, scope, selectionSets, depth, path)) }));
  const keys = [...new Set(byType.flatMap(({ entries }) => [...entries.keys()]))];
  const merged: [string, string][] = [['__typename', nodeTypename(node)]];
  for (const key of keys) {
    const variants = byType.flatMap(({ concrete, entries }) => (entries.has(key) ? [{ concrete, cypher: entries.get(key)!.cypher }] : []));
    const same = variants.length === byType.length && variants.every((variant) => variant.cypher === variants[0]!.cypher);
    if (same) {
      merged.push([key, variants[0]!.cypher]);
      continue;
    }
    // Types that share the field's Cypher share one branch, so an Entity field is written once, not once per kind.
    const branches = new Map<string, string[]>();
    for (const { concrete, cypher } of variants) branches.set(cypher, [...(branches.get(cypher) ?? []), `${node}:${concrete.name}`]);
    merged.push([key, `CASE ${[...branches].map(([cypher, labels]) => `WHEN ${labels.join(' OR ')} THEN ${cypher}`).join(' ')} END`]);
  }
  // The cost of an interface's selection is that of its costliest concrete type: a node is only one of them.
  const costliest = byType.map(({ entries }) => sum([...entries.values()])).sort((a, b) => b.rows - a.rows)[0] ?? { rows: 0, lists: [] };
  return { cypher: mapLiteral(merged), ...costliest };
}
