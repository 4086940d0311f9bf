/**
 * Facts across sources: every thing and every relationship, with how many sources state it, so that an analyst can
 * list what one source states, what two or more sources corroborate, and what rests on a single source.
 */
import { builder } from '../builder.js';
import { type Args, relatedPlan, sameRowPlan, type Scope, valuePlan } from '../planner/field-plan.js';
import type { Parameters } from '../planner/parameters.js';
import { rootPlan } from '../planner/plan-root.js';
import { readPlanned, resolvePlanned } from '../planner/resolvers.js';
import { badUserInput, notFound } from './errors.js';
import { SubgraphEdgeRef } from './graph.js';
import { DisputeRef, disputeLists, EvidenceRef, edgeSourceCount, evidenceLists, nodeSourceCount, parallelItems } from './provenance.js';
import { countedConnection } from './pagination.js';
import { conditions, edgeIdCypher, factRelationshipTypes, globalIdCypher, type Row, slugOf } from './shapes.js';
import { ThingRef } from './things.js';

const FactKind = builder.enumType('FactKind', {
  description: 'Whether a fact is a thing (a node) or a relationship between two things.',
  values: {
    THING: { description: 'A state, person, organisation, place, event, statement or claim.' },
    RELATIONSHIP: { description: 'A relationship that states a fact, e.g. MEMBER_OF or HAS_ACTOR.' },
  } as const,
});

/** The scope of a fact row: exactly one of `node` and `edge` is set. */
const factScope: Scope = { node: 'factNode', edge: 'factEdge', sources: 'factSources', id: 'factId' };

const FactRef = builder.objectRef<Row>('Fact').implement({
  description: 'A fact of the graph, a thing or a relationship, with every quote it rests on and how many sources state it.',
  fields: (t) => ({
    id: t.id({ description: 'The thing\'s global id ("State:kyrgyzstan") or the relationship\'s edge id ("kyrgyzstan-MEMBER_OF->csto#kyrgyzstan-csto-1992").', extensions: valuePlan(({ id }) => id!), resolve: readPlanned }),
    kind: t.field({ type: FactKind, description: 'A thing or a relationship.', extensions: valuePlan(({ node }) => `CASE WHEN ${node} IS NULL THEN 'RELATIONSHIP' ELSE 'THING' END`), resolve: readPlanned }),
    thing: t.field({ type: ThingRef, nullable: true, description: 'The thing, when the fact is one.', extensions: sameRowPlan(({ node }) => ({ node: node! }), ({ node }) => `${node} IS NULL`), resolve: readPlanned }),
    edge: t.field({ type: SubgraphEdgeRef, nullable: true, description: 'The relationship, when the fact is one, as a subgraph edge.', extensions: sameRowPlan(({ edge }) => ({ edge: edge! }), ({ edge }) => `${edge} IS NULL`), resolve: readPlanned }),
    sourceCount: t.int({ description: 'How many sources state it.', extensions: valuePlan(({ sources }) => sources!), resolve: readPlanned }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'Every quote the fact rests on, by source and offset.',
      extensions: relatedPlan({
        // A thing's quotes are its SOURCED_FROM relationships, a relationship's its parallel lists; one branch yields.
        match: ({ node, edge }, vars) => `CALL { WITH ${node} MATCH (${node})-[${vars.edge}:SOURCED_FROM]->(${vars.node}Source:Source)
  RETURN {quote: ${vars.edge}.quote, start: ${vars.edge}.quoteStart, end: ${vars.edge}.quoteEnd, sourceId: ${vars.node}Source.id} AS ${vars.node}
  UNION ALL WITH ${edge} ${parallelItems(edge!, evidenceLists, vars.node)} RETURN ${vars.node} }`,
        item: ({ node }) => ({ quote: `${node}.quote`, start: `${node}.start`, end: `${node}.end`, sourceId: `${node}.sourceId` }),
        orderBy: ({ node }) => `${node}.sourceId, ${node}.start, ${node}.end`,
        rows: () => 3,
      }),
      resolve: readPlanned,
    }),
    disputes: t.field({
      type: [DisputeRef],
      description: 'Values that later sources give differently, each with its source.',
      extensions: relatedPlan({
        match: ({ node, edge }, vars) => `WITH coalesce(${node}, ${edge}) AS ${vars.edge} ${parallelItems(vars.edge, disputeLists, vars.node)}`,
        item: ({ node }) => ({ property: `${node}.property`, value: `${node}.value`, sourceId: `${node}.sourceId` }),
        orderBy: ({ node }) => `${node}.property, ${node}.sourceId, ${node}.value`,
        rows: () => 1,
      }),
      resolve: readPlanned,
    }),
  }),
});

function checkSourceBound(value: number | null | undefined, argument: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1) throw badUserInput(`${argument} must be a whole number of 1 or more; got ${value}.`, argument);
  return value;
}

/** The facts a page reads: things, relationships or both, from one source or all, with their source counts. */
function factRows({ source, kind, minSources, maxSources }: Args, q: Parameters) {
  const min = checkSourceBound(minSources, 'minSources');
  const max = checkSourceBound(maxSources, 'maxSources');
  if (min !== null && max !== null && min > max) throw badUserInput(`minSources (${min}) must not exceed maxSources (${max}).`, 'minSources');
  const sourceId = source ? q.param(slugOf(source)) : null;
  const things = sourceId
    ? `MATCH (:Source {id: ${sourceId}})<-[:SOURCED_FROM]-(factNode) WITH DISTINCT factNode`
    : 'MATCH (factNode) WHERE factNode:Entity OR factNode:Event OR factNode:Statement OR factNode:Claim';
  const thingBranch = `${things}
  RETURN factNode, null AS factEdge, ${nodeSourceCount('factNode')} AS factSources, ${globalIdCypher('factNode')} AS factId`;
  const relationshipBranch = `MATCH ()-[factEdge:${factRelationshipTypes.join('|')}]->()${sourceId ? ` WHERE ${sourceId} IN factEdge.sourceIds` : ''}
  RETURN null AS factNode, factEdge, ${edgeSourceCount('factEdge')} AS factSources, ${edgeIdCypher('factEdge')} AS factId`;
  const branches = kind === 'THING' ? [thingBranch] : kind === 'RELATIONSHIP' ? [relationshipBranch] : [thingBranch, relationshipBranch];
  const bounds = conditions([min !== null && `factSources >= ${q.param(min)}`, max !== null && `factSources <= ${q.param(max)}`]);
  // An unknown source is the client's mistake, not an empty answer: the query returns the known ones to say so.
  const checks = sourceId
    ? [
        {
          cypher: `CASE WHEN EXISTS { MATCH (:Source {id: ${sourceId}}) } THEN null ELSE COLLECT { MATCH (known:Source) RETURN known.id ORDER BY known.id LIMIT 10 } END`,
          check: (known: unknown) => {
            if (Array.isArray(known)) throw notFound(`source: no source has the id '${String(source).slice(0, 80)}'. Sources: ${known.join(', ')}.`, 'source');
          },
        },
      ]
    : [];
  return { clauses: `CALL () { ${branches.join('\n  UNION ALL\n  ')} }\nWITH * WHERE ${bounds}`, scope: factScope, orderBy: 'factId', checks };
}

builder.queryFields((t) => ({
  facts: t.connection(
    {
      type: FactRef,
      description:
        'Facts (things and relationships) with the sources that state them: those of one source (`source`), those two or more sources corroborate (`minSources: 2`), or those that rest on a single source (`maxSources: 1`). Sorted by fact id.',
      args: {
        source: t.arg.id({ required: false, description: 'Only facts this source states: its slug ("csto-2022-10-13") or global id. Default: every source.' }),
        kind: t.arg({ type: FactKind, required: false, description: 'Only things or only relationships. Default: both.' }),
        minSources: t.arg.int({ required: false, description: 'Only facts that at least this many sources state (2 for corroborated facts). Default: no bound.' }),
        maxSources: t.arg.int({ required: false, description: 'Only facts that at most this many sources state (1 for single-source facts). Default: no bound.' }),
      },
      extensions: rootPlan({ kind: 'connection', rows: factRows }),
      resolve: resolvePlanned,
    },
    countedConnection('A page of facts.'),
  ),
}));
