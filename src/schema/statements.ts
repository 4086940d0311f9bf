/** Statements (direct quotes and paraphrases attributed to a speaker) and claims (assertions the source says lack evidence). */
import { builder } from '../builder.js';
import { propertyPlan, valuePlan } from '../planner/field-plan.js';
import { rootPlan } from '../planner/plan-root.js';
import { ofKind } from '../planner/references.js';
import { readPlanned, resolvePlanned } from '../planner/resolvers.js';
import { DatePrecision, EventRef } from './events.js';
import { countedConnection } from './pagination.js';
import { checkDateRange } from './scalars.js';
import { conditions, relatedNodes, speakerLabels } from './shapes.js';
import { EntityRef, ThingRef, thingNode, thingReference } from './things.js';

export const StatementKind = builder.enumType('StatementKind', {
  description: 'Whether the source quotes the words or reports their sense.',
  values: { QUOTE: { description: 'A direct, verbatim quote.' }, PARAPHRASE: { description: 'The source reports what was said or believed in its own words.' } } as const,
});

export const ClaimStatus = builder.enumType('ClaimStatus', {
  description: 'What the source says of the evidence for a claim.',
  values: {
    UNSUPPORTED: { description: 'The source says there is no convincing evidence for it.' },
    DISPUTED: { description: 'The source reports it as contested.' },
  } as const,
});

/** Oldest first, then by slug. */
const byDate = (n: string) => `${n}.date, ${n}.id`;

export const StatementRef = thingNode('Statement', 'Something a person or group said or wrote, as a direct quote or a paraphrase, with its speaker, medium and date.', [ThingRef]);

builder.objectFields(StatementRef, (t) => ({
  statementKind: t.field({ type: StatementKind, description: 'Quote or paraphrase.', extensions: propertyPlan('kind'), resolve: readPlanned }),
  text: t.string({ description: "The words: verbatim for a quote, the source's wording for a paraphrase.", extensions: valuePlan(({ node }) => `coalesce(${node}.text, '')`), resolve: readPlanned }),
  medium: t.string({ nullable: true, description: 'How it was said: an interview, a broadcast, a written text…', extensions: propertyPlan('medium'), resolve: readPlanned }),
  date: t.field({ type: 'Date', nullable: true, description: 'When it was said (start of the period; see datePrecision).', extensions: propertyPlan('date'), resolve: readPlanned }),
  datePrecision: t.field({ type: DatePrecision, nullable: true, description: 'How precisely the date is known.', extensions: propertyPlan('datePrecision'), resolve: readPlanned }),
  dateIsLatestBound: t.boolean({
    description: "True when `date` is only the source's publication date: the statement was made on or before it, and the source says no more.",
    extensions: valuePlan(({ node }) => `coalesce(${node}.dateIsLatestBound, false)`),
    resolve: readPlanned,
  }),
  speakers: t.field({ type: [EntityRef], description: 'Who said it.', extensions: relatedNodes((p, { node }) => `(${p})-[:SAID_BY]->(${node})`, 1), resolve: readPlanned }),
  via: t.field({
    type: [EntityRef],
    description: 'The medium it was published through, where the source names one (a broadcaster, a portal).',
    extensions: relatedNodes((p, { node }) => `(${p})-[:VIA]->(${node})`, 1),
    resolve: readPlanned,
  }),
  about: t.field({ type: [ThingRef], description: 'What it is about.', extensions: relatedNodes((p, { node }) => `(${p})-[:ABOUT]->(${node})`, 3), resolve: readPlanned }),
  madeAt: t.field({ type: [EventRef], description: 'The event it was made at or in answer to, if any.', extensions: relatedNodes((p, { node }) => `(${p})-[:MADE_AT]->(${node})`, 1), resolve: readPlanned }),
}));

export const ClaimRef = thingNode('Claim', 'An assertion that the source reports while saying it lacks evidence; attributed to its claimant, never stated as fact.', [ThingRef]);

builder.objectFields(ClaimRef, (t) => ({
  text: t.string({ description: 'What is claimed.', extensions: valuePlan(({ node }) => `coalesce(${node}.text, '')`), resolve: readPlanned }),
  status: t.field({ type: ClaimStatus, description: 'What the source says of its evidence.', extensions: propertyPlan('status'), resolve: readPlanned }),
  statusNote: t.string({ nullable: true, description: "The source's own words on the evidence.", extensions: propertyPlan('statusNote'), resolve: readPlanned }),
  claimants: t.field({ type: [EntityRef], description: 'Who makes the claim.', extensions: relatedNodes((p, { node }) => `(${p})-[:CLAIMED_BY]->(${node})`, 1), resolve: readPlanned }),
  about: t.field({ type: [ThingRef], description: 'What it is about.', extensions: relatedNodes((p, { node }) => `(${p})-[:ABOUT]->(${node})`, 3), resolve: readPlanned }),
  justifies: t.field({ type: [EventRef], description: 'The events it was used to justify.', extensions: relatedNodes((p, { node }) => `(${p})-[:JUSTIFIES]->(${node})`, 1), resolve: readPlanned }),
}));

builder.interfaceFields(EntityRef, (t) => ({
  statements: t.field({
    type: [StatementRef],
    description: 'What this entity said, oldest first.',
    extensions: relatedNodes((p, { node }) => `(${p})<-[:SAID_BY]-(${node}:Statement)`, 5, byDate),
    resolve: readPlanned,
  }),
  statementsAbout: t.field({
    type: [StatementRef],
    description: 'What others said about this entity, oldest first.',
    extensions: relatedNodes((p, { node }) => `(${p})<-[:ABOUT]-(${node}:Statement)`, 5, byDate),
    resolve: readPlanned,
  }),
  claims: t.field({ type: [ClaimRef], description: 'The claims this entity makes.', extensions: relatedNodes((p, { node }) => `(${p})<-[:CLAIMED_BY]-(${node}:Claim)`, 1), resolve: readPlanned }),
}));

const StatementFilter = builder.inputType('StatementFilter', {
  description: 'Which statements; every condition given must hold.',
  fields: (t) => ({
    speaker: t.id({ required: false, description: `Only statements by this person or group (${thingReference}).` }),
    about: t.id({ required: false, description: `Only statements about this thing (${thingReference}).` }),
    kind: t.field({ type: StatementKind, required: false, description: 'Only quotes, or only paraphrases.' }),
    from: t.field({
      type: 'Date',
      required: false,
      description: 'Only statements made on or after this date. One whose date is only a latest bound (`dateIsLatestBound`) is left out: it may be older.',
    }),
    to: t.field({ type: 'Date', required: false, description: 'Only statements made on or before this date.' }),
  }),
});

builder.queryFields((t) => ({
  statements: t.connection(
    {
      type: StatementRef,
      description: "Statements by speaker or about a thing, with the quote, medium and date; oldest first. A speaker's assertions that the sources dispute or judge (Tokayev's '20,000 terrorists') are `claims`.",
      args: { filter: t.arg({ type: StatementFilter, required: false, description: 'Which statements. Default: all.' }) },
      extensions: rootPlan({
        kind: 'connection',
        references: ({ filter }) => ({ 'filter.speaker': ofKind(filter?.speaker, ...speakerLabels), 'filter.about': filter?.about }),
        rows: ({ filter }, q, resolved) => {
          checkDateRange(filter ?? {});
          return {
            clauses: `MATCH (n0:Statement) WHERE ${conditions([
              filter?.speaker && `EXISTS { MATCH (n0)-[:SAID_BY]->(x {id: ${resolved['filter.speaker']}}) }`,
              filter?.about && `EXISTS { MATCH (n0)-[:ABOUT]->(x {id: ${resolved['filter.about']}}) }`,
              filter?.kind && `n0.kind = ${q.param(filter.kind)}`,
              filter?.from && `n0.date >= date(${q.param(filter.from)}) AND NOT coalesce(n0.dateIsLatestBound, false)`,
              filter?.to && `n0.date <= date(${q.param(filter.to)})`,
            ])}`,
            scope: { node: 'n0' },
            orderBy: byDate('n0'),
          };
        },
      }),
      resolve: resolvePlanned,
    },
    countedConnection('A page of statements.'),
  ),
  claims: t.field({
    type: [ClaimRef],
    description: 'Claims the source says lack evidence, by status, claimant or subject.',
    args: {
      status: t.arg({ type: ClaimStatus, required: false, description: 'Only claims with this status.' }),
      claimant: t.arg.id({ required: false, description: `Only claims by this entity (${thingReference}).` }),
      about: t.arg.id({ required: false, description: `Only claims about this thing (${thingReference}).` }),
    },
    extensions: rootPlan({
      kind: 'items',
      references: ({ claimant, about }) => ({ claimant: ofKind(claimant, ...speakerLabels), about }),
      query: ({ status, claimant, about }, q, project, resolved) => `MATCH (n0:Claim) WHERE ${conditions([
        status && `n0.status = ${q.param(status)}`,
        claimant && `EXISTS { MATCH (n0)-[:CLAIMED_BY]->(x {id: ${resolved.claimant}}) }`,
        about && `EXISTS { MATCH (n0)-[:ABOUT]->(x {id: ${resolved.about}}) }`,
      ])}
WITH n0 ORDER BY n0.id RETURN ${project({ node: 'n0' })} AS value`,
      estimate: () => 10,
    }),
    resolve: resolvePlanned,
  }),
}));
