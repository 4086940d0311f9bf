/**
 * What a field declares about where its value comes from in the graph. Domain files attach one of these to each
 * field (`extensions.plan`); the planner composes them into one Cypher query per root field. Every function
 * returns constant Cypher over the variables it is given: client values enter only through `q.param()`.
 */
import type { Parameters } from './parameters.js';

/**
 * The Cypher expressions a parent type makes available to its fields, by role: `node` for a node-backed type,
 * `edge`, `from` and `to` for a relationship-backed one, or plain expressions such as `quote`.
 */
export type Scope = Readonly<Record<string, string>>;

/** A field's arguments, coerced by GraphQL. */
export type Args = Record<string, any>;

/** A scalar, an enum or a list of them: one Cypher expression over the parent's scope. */
export interface ValuePlan {
  kind: 'value';
  cypher: (scope: Scope, args: Args, q: Parameters) => string;
}

/** An object (or null) made from the parent's own row, with no further match. */
export interface SameRowPlan {
  kind: 'sameRow';
  scope: (scope: Scope) => Scope;
  /** A condition under which the object is null, e.g. a relationship without a quote. */
  nullWhen?: (scope: Scope) => string;
}

/** A list made from a list expression of the parent's row, such as the nodes of a path. */
export interface EachPlan {
  kind: 'each';
  list: (scope: Scope) => string;
  /** The item's scope, given the variable that holds one element of the list. */
  item: (element: string) => Scope;
  /** How many items to expect, for the cost estimate. */
  rows: (args: Args) => number;
}

/** Variables a related field's subquery binds; the planner picks names that cannot clash with its ancestors'. */
export interface RelatedVariables {
  node: string;
  edge: string;
}

/**
 * Objects reached by matching a pattern from the parent: planned as a COLLECT subquery inside the parent's
 * projection, so the whole selection stays one query.
 */
export interface RelatedPlan {
  kind: 'related';
  /** MATCH … WHERE … clauses from the parent's scope that bind `vars`; `ORDER BY`/`LIMIT` come from the plan below. */
  match: (scope: Scope, vars: RelatedVariables, args: Args, q: Parameters) => string;
  /** The child's scope, from the bound variables and the parent's scope (still visible inside the subquery). */
  item: (vars: RelatedVariables, parent: Scope) => Scope;
  /** Sort keys over the bound variables; ties must be broken so that answers are stable. */
  orderBy: (vars: RelatedVariables, args: Args) => string;
  /** Most items, from the arguments; null when the pattern itself bounds them. */
  limit?: (args: Args) => number | null;
  /** One object (the first) instead of a list. */
  single?: boolean;
  /** Expected items per parent, for the cost estimate when no limit applies. */
  rows: (args: Args) => number;
}

export type FieldPlan = ValuePlan | SameRowPlan | EachPlan | RelatedPlan;

/** The key under which a field carries its plan in its GraphQL extensions. */
export const planKey = 'plan';

/** `extensions` for a field planned as a value. */
export const valuePlan = (cypher: ValuePlan['cypher']) => ({ [planKey]: { kind: 'value', cypher } satisfies ValuePlan });

/** `extensions` for a node property (null when absent). */
export const propertyPlan = (property: string, role = 'node') => valuePlan((scope) => `${scope[role]}.${property}`);

/** `extensions` for an object from the parent's own row. */
export const sameRowPlan = (scope: SameRowPlan['scope'], nullWhen?: SameRowPlan['nullWhen']) => ({
  [planKey]: { kind: 'sameRow', scope, nullWhen } satisfies SameRowPlan,
});

/** `extensions` for a list made from a list expression of the parent's row. */
export const eachPlan = (plan: Omit<EachPlan, 'kind'>) => ({ [planKey]: { kind: 'each', ...plan } satisfies EachPlan });

/** `extensions` for a related list or object. */
export const relatedPlan = (plan: Omit<RelatedPlan, 'kind'>) => ({ [planKey]: { kind: 'related', ...plan } satisfies RelatedPlan });
