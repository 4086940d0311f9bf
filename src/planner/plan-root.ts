/**
 * Plans a root field into one Cypher query: its own clauses bind the rows, and the whole selection below it is
 * compiled into the RETURN. Pure: the query and its parameters come out, the caller runs them.
 */
import { offsetForArgs, offsetToCursor } from '@pothos/plugin-relay';
import {
  type DocumentNode,
  type FieldNode,
  getOperationAST,
  getVariableValues,
  type GraphQLSchema,
  Kind,
  getArgumentValues,
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';
import { limits } from '../limits.js';
import { collectFields, type Selection, subSelections } from './collect-fields.js';
import { type Compiled, compileObject, isListOutput, type ListEstimate, PlanningError } from './compile-selection.js';
import type { Args, Scope } from './field-plan.js';
import { Parameters } from './parameters.js';
import { checkLastHasAnEnd, checkPageSize, decodeOffsetCursor, listCursor } from './page-arguments.js';
import { type References, resolveReferences } from './references.js';

/** The Cypher variable that holds each thing-naming argument's resolved id, by argument path. */
export type Resolved = Record<string, string>;

/** A root field that returns items (a list, or one item or null). */
export interface ItemsRootPlan {
  kind: 'items';
  /**
   * The whole query: constant Cypher that binds the items, one row each in answer order, and returns
   * `project(scope)` AS value (plus any columns `answer` reads). Client values go through `q` only; a thing named
   * by an argument in `references` is the id in `resolved[path]`.
   */
  query: (args: Args, q: Parameters, project: (scope: Scope) => string, resolved: Resolved) => string;
  /** The arguments that name a thing (slug, global id, name or alias), by path, e.g. `{ id: args.id }`. */
  references?: (args: Args) => References;
  /** Most items, for the cost estimate. */
  estimate: (args: Args) => number;
  /** What the field costs, in words, where `estimate` depends on arguments with no default. */
  costDescription?: string;
  /**
   * Turns the rows into the field's value, or throws a coded error (an unknown id). Default: the list of items,
   * or the first item or null.
   */
  answer?: (rows: PlannedRow[], args: Args) => unknown;
}

/** A value the connection's query returns beside its page, and what makes it the client's error. */
export interface ConnectionCheck {
  /** A Cypher expression over parameters only, returned in the query's one row. */
  cypher: string;
  /** Throws the client's error for the value, e.g. NOT_FOUND for a source that does not exist. */
  check: (value: unknown) => void;
}

/** A relay connection: `totalCount`, cursors and pages over rows bound by `match`, sorted by `orderBy`. */
export interface ConnectionRootPlan {
  kind: 'connection';
  /**
   * MATCH … WHERE … clauses that bind the scope's variables, the sort keys over them (ties broken), and any checks
   * of arguments that name something other than a thing.
   */
  rows: (args: Args, q: Parameters, resolved: Resolved) => { clauses: string; scope: Scope; orderBy: string; checks?: ConnectionCheck[] };
  /** The arguments that name a thing, as for items. */
  references?: (args: Args) => References;
}

export type RootPlan = ItemsRootPlan | ConnectionRootPlan;

/** One row of a planned query: `value` and any extra columns. */
export type PlannedRow = Record<string, unknown> & { value: unknown };

export const rootPlanKey = 'rootPlan';

/** `extensions` of a root field. */
export const rootPlan = (plan: RootPlan) => ({ [rootPlanKey]: plan });

export interface PlannedQuery {
  cypher: string;
  parameters: Record<string, unknown>;
  /** Estimated rows read, for the cost budget. */
  rows: number;
  lists: ListEstimate[];
  /** Turns the query's rows into the field's value. */
  answer: (rows: PlannedRow[]) => unknown;
  /**
   * Arguments that name things: `check` throws when one names nothing or several things. When the query returns no
   * row to check, `resolution` asks only that, in a second round trip that only an empty answer costs.
   */
  references?: { check: (row: Record<string, unknown>) => void; resolution: string };
}

function rootPlanOf(field: GraphQLField<unknown, unknown>): RootPlan {
  const plan = field.extensions?.[rootPlanKey] as RootPlan | undefined;
  if (!plan) throw new PlanningError(`Query.${field.name} has no root plan.`);
  return plan;
}

/** The selection sets of `fieldName` fields inside `selectionSets`, asked of object type `type`. */
function inner(selection: Selection, type: GraphQLObjectType, selectionSets: SelectionSetNode[], fieldName: string): SelectionSetNode[] {
  return [...collectFields(selection, type, selectionSets).values()].flat().filter((node) => node.name.value === fieldName).flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

function asks(selection: Selection, type: GraphQLObjectType, selectionSets: SelectionSetNode[], fieldName: string): boolean {
  return [...collectFields(selection, type, selectionSets).values()].flat().some((node) => node.name.value === fieldName);
}

function objectField(type: GraphQLObjectType, name: string): GraphQLObjectType {
  const fieldType = getNamedType(type.getFields()[name]?.type);
  if (!fieldType || !isObjectType(fieldType)) throw new PlanningError(`${type.name}.${name} is not an object field.`);
  return fieldType;
}

function planItems(selection: Selection, plan: ItemsRootPlan, field: GraphQLField<unknown, unknown>, args: Args, selectionSets: SelectionSetNode[], key: string): PlannedQuery {
  const q = new Parameters();
  let compiled: Compiled = { cypher: 'null', rows: 0, lists: [] };
  const references = resolveReferences(plan.references?.(args) ?? {}, q);
  const query = plan.query(
    args,
    q,
    (scope) => {
      compiled = compileObject({ ...selection, q }, getNamedType(field.type), scope, selectionSets, 0, key);
      return compiled.cypher;
    },
    references?.variables ?? {},
  );
  const items = plan.estimate(args);
  const list = isListOutput(field.type);
  return {
    cypher: references ? `${references.clauses}\nCALL { WITH ${Object.values(references.variables).join(', ')}\n${query} }\nRETURN *` : query,
    parameters: q.values,
    references: references ? { check: references.check, resolution: `${references.clauses}\nRETURN ${references.columns.join(', ')}` } : undefined,
    ...rootCost(compiled, items, key),
    answer: (rows) => (plan.answer ? plan.answer(rows, args) : list ? rows.map((row) => row.value) : (rows[0]?.value ?? null)),
  };
}

function rootCost(compiled: Compiled, items: number, key: string) {
  return { rows: items * (1 + compiled.rows), lists: [{ path: key, perParent: items, rows: items * (1 + compiled.rows) }, ...compiled.lists.map((list) => ({ ...list, rows: list.rows * items }))] };
}

interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

function planConnection(selection: Selection, plan: ConnectionRootPlan, field: GraphQLField<unknown, unknown>, args: Args & ConnectionArgs, selectionSets: SelectionSetNode[], key: string): PlannedQuery {
  checkPageSize(args.first, 'first');
  checkPageSize(args.last, 'last');
  checkLastHasAnEnd(args);
  const connectionType = getNamedType(field.type) as GraphQLObjectType;
  const edgeType = objectField(connectionType, 'edges');
  const nodeSets = inner(selection, edgeType, inner(selection, connectionType, selectionSets, 'edges'), 'node');
  const counted = asks(selection, connectionType, selectionSets, 'totalCount');
  const page = offsetForArgs({
    // Pothos reads its own cursors: ours name their list too.
    args: {
      ...args,
      after: args.after ? offsetToCursor(decodeOffsetCursor(args.after, 'after', field.name)) : null,
      before: args.before ? offsetToCursor(decodeOffsetCursor(args.before, 'before', field.name)) : null,
    },
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
  });
  const q = new Parameters();
  const references = resolveReferences(plan.references?.(args) ?? {}, q);
  const { clauses, scope, orderBy, checks = [] } = plan.rows(args, q, references?.variables ?? {});
  const compiled = compileObject({ ...selection, q }, getNamedType(edgeType.getFields().node!.type), scope, nodeSets, 0, `${key}.edges.node`);
  const imports = references ? `WITH ${Object.values(references.variables).join(', ')} ` : '';
  const count = counted ? `CALL { ${imports}${clauses} RETURN count(*) AS total }\n` : '';
  const cypher = `${references ? `${references.clauses}\n` : ''}${count}CALL { ${imports}${clauses} WITH * ORDER BY ${orderBy} SKIP ${q.param(page.offset)} LIMIT ${q.param(page.limit)} RETURN collect(${compiled.cypher}) AS page }
RETURN ${counted ? 'total' : 'null AS total'}, page AS value${references ? `, ${references.columns.join(', ')}` : ''}${checks.map((check, index) => `, ${check.cypher} AS check${index}`).join('')}`;
  return {
    cypher,
    parameters: q.values,
    // A connection's query always returns its one row, so the resolution never runs alone.
    references: references ? { check: references.check, resolution: '' } : undefined,
    ...rootCost(compiled, page.expectedSize, key),
    answer: ([row]) => {
      checks.forEach((check, index) => check.check(row?.[`check${index}`]));
      const items = (row?.value ?? []) as unknown[];
      const edges = items.slice(0, page.expectedSize).map((node, index) => ({ cursor: listCursor(field.name, page.offset + index), node }));
      return {
        edges,
        totalCount: row?.total ?? null,
        pageInfo: {
          hasPreviousPage: page.hasPreviousPage,
          hasNextPage: page.hasNextPage(items.length),
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
  };
}

/** Plans one root field, given the operation's fragments and coerced variables. */
function planRootField(selection: Selection, queryType: GraphQLObjectType, nodes: readonly FieldNode[], key: string): PlannedQuery {
  const field = queryType.getFields()[nodes[0]!.name.value];
  if (!field) throw new PlanningError(`Query has no field ${nodes[0]!.name.value}.`);
  const plan = rootPlanOf(field);
  const args = getArgumentValues(field, nodes[0]!, selection.variables);
  const selectionSets = subSelections(nodes);
  return plan.kind === 'connection' ? planConnection(selection, plan, field, args, selectionSets, key) : planItems(selection, plan, field, args, selectionSets, key);
}

/** Plans the root field a resolver is running for. */
export function planFromInfo(info: GraphQLResolveInfo): PlannedQuery {
  return planRootField({ schema: info.schema, fragments: info.fragments, variables: info.variableValues }, info.parentType, info.fieldNodes, String(info.path.key));
}

/**
 * Plans every root field of a query operation, by response key; a field whose planning fails maps to its error.
 * Null when the operation is not a query or its variables do not coerce (execution reports that).
 */
export function planOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, rawVariables: Record<string, unknown> | null | undefined): Map<string, PlannedQuery | Error> | null {
  const operation = getOperationAST(document, operationName);
  const queryType = schema.getQueryType();
  if (!operation || operation.operation !== 'query' || !queryType) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return null;
  const fragments = Object.fromEntries(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [])));
  const selection = { schema, fragments, variables: coerced.coerced };
  const planned = new Map<string, PlannedQuery | Error>();
  for (const [key, nodes] of collectFields(selection, queryType, [operation.selectionSet])) {
    if (nodes[0]!.name.value.startsWith('__')) continue;
    try {
      planned.set(key, planRootField(selection, queryType, nodes, key));
    } catch (error) {
      planned.set(key, error as Error);
    }
  }
  return planned;
}
