/** Statements (quotes and paraphrases, attributed to a speaker) and claims (assertions the source says lack evidence). */
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { countedConnection, pageComplexity, pageQuery, resolvePage } from './pagination.js';
import { DatePrecision, EventRef } from './events.js';
import { loadNodesBySlug, type NodeShape, nodeShape, optionalString, relatedNodesLoader, slugOf } from './shapes.js';
import { EntityRef, ThingRef } from './things.js';

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


export const StatementRef = builder.loadableNode('Statement', {
  description: 'Something a person or group said or wrote, as a direct quote or a paraphrase, with its speaker, medium and date.',
  interfaces: [ThingRef],
  id: { resolve: (statement: NodeShape) => statement.id },
  load: (ids: string[], ctx: Context) => loadNodesBySlug(ctx, 'Statement', ids),
  isTypeOf: (value) => (value as NodeShape).__label === 'Statement',
  fields: (t) => ({
    statementKind: t.field({ type: StatementKind, description: 'Quote or paraphrase.', resolve: (statement) => statement.kind as 'QUOTE' }),
    text: t.string({ description: 'The words: verbatim for a quote, the source\'s wording for a paraphrase.', resolve: (statement) => String(statement.text ?? '') }),
    medium: t.string({ nullable: true, description: 'How it was said: an interview, a broadcast, a written text…', resolve: (statement) => optionalString(statement.medium) }),
    date: t.field({ type: 'Date', nullable: true, description: 'When it was said (start of the period; see datePrecision).', resolve: (statement) => optionalString(statement.date) }),
    datePrecision: t.field({ type: DatePrecision, nullable: true, description: 'How precisely the date is known.', resolve: (statement) => (statement.datePrecision as 'DAY' | undefined) ?? null }),
    speakers: t.loadableList({
      type: EntityRef,
      description: 'Who said it.',
      load: relatedNodesLoader('Statement', '(p)-[r:SAID_BY]->(n)'),
      resolve: (statement) => statement.id,
    }),
    via: t.loadableList({
      type: EntityRef,
      description: 'The medium it was published through, where the source names one (a broadcaster, a portal).',
      load: relatedNodesLoader('Statement', '(p)-[r:VIA]->(n)'),
      resolve: (statement) => statement.id,
    }),
    about: t.loadableList({
      type: ThingRef,
      description: 'What it is about.',
      load: relatedNodesLoader('Statement', '(p)-[r:ABOUT]->(n)'),
      resolve: (statement) => statement.id,
    }),
    madeAt: t.loadableList({
      type: EventRef,
      description: 'The event it was made at or in answer to, if any.',
      load: relatedNodesLoader('Statement', '(p)-[r:MADE_AT]->(n)'),
      resolve: (statement) => statement.id,
    }),
  }),
});

export const ClaimRef = builder.loadableNode('Claim', {
  description: 'An assertion that the source reports while saying it lacks evidence; attributed to its claimant, never stated as fact.',
  interfaces: [ThingRef],
  id: { resolve: (claim: NodeShape) => claim.id },
  load: (ids: string[], ctx: Context) => loadNodesBySlug(ctx, 'Claim', ids),
  isTypeOf: (value) => (value as NodeShape).__label === 'Claim',
  fields: (t) => ({
    text: t.string({ description: 'What is claimed.', resolve: (claim) => String(claim.text ?? '') }),
    status: t.field({ type: ClaimStatus, description: 'What the source says of its evidence.', resolve: (claim) => claim.status as 'UNSUPPORTED' }),
    statusNote: t.string({ nullable: true, description: "The source's own words on the evidence.", resolve: (claim) => optionalString(claim.statusNote) }),
    claimants: t.loadableList({
      type: EntityRef,
      description: 'Who makes the claim.',
      load: relatedNodesLoader('Claim', '(p)-[r:CLAIMED_BY]->(n)'),
      resolve: (claim) => claim.id,
    }),
    about: t.loadableList({
      type: ThingRef,
      description: 'What it is about.',
      load: relatedNodesLoader('Claim', '(p)-[r:ABOUT]->(n)'),
      resolve: (claim) => claim.id,
    }),
    justifies: t.loadableList({
      type: EventRef,
      description: 'The events it was used to justify.',
      load: relatedNodesLoader('Claim', '(p)-[r:JUSTIFIES]->(n)'),
      resolve: (claim) => claim.id,
    }),
  }),
});

builder.interfaceFields(EntityRef, (t) => ({
  statements: t.loadableList({
    type: StatementRef,
    description: 'What this entity said, oldest first.',
    load: relatedNodesLoader('Entity', '(p)<-[r:SAID_BY]-(n:Statement)', 'n.date, n.id'),
    resolve: (entity) => entity.id,
  }),
  statementsAbout: t.loadableList({
    type: StatementRef,
    description: 'What others said about this entity, oldest first.',
    load: relatedNodesLoader('Entity', '(p)<-[r:ABOUT]-(n:Statement)', 'n.date, n.id'),
    resolve: (entity) => entity.id,
  }),
  claims: t.loadableList({
    type: ClaimRef,
    description: 'The claims this entity makes.',
    load: relatedNodesLoader('Entity', '(p)<-[r:CLAIMED_BY]-(n:Claim)'),
    resolve: (entity) => entity.id,
  }),
}));

const StatementFilter = builder.inputType('StatementFilter', {
  description: 'Which statements; every condition given must hold.',
  fields: (t) => ({
    speaker: t.string({ required: false, description: 'Only statements by this person or group (slug or global id).' }),
    about: t.string({ required: false, description: 'Only statements about this thing (slug or global id).' }),
    kind: t.field({ type: StatementKind, required: false, description: 'Only quotes, or only paraphrases.' }),
    from: t.field({ type: 'Date', required: false, description: 'Only statements made on or after this date.' }),
    to: t.field({ type: 'Date', required: false, description: 'Only statements made on or before this date.' }),
  }),
});

const statementWhere = `($speaker IS NULL OR EXISTS { MATCH (n)-[:SAID_BY]->(x) WHERE x.id = $speaker })
  AND ($about IS NULL OR EXISTS { MATCH (n)-[:ABOUT]->(x) WHERE x.id = $about })
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($from IS NULL OR n.date >= date($from))
  AND ($to IS NULL OR n.date <= date($to))`;

const statementListQuery = pageQuery('Statement', statementWhere, 'n.date');

builder.queryFields((t) => ({
  statements: t.connection(
    {
      type: StatementRef,
      complexity: pageComplexity,
      description: 'Statements by speaker or about a thing, with the quote, medium and date; oldest first.',
      args: { filter: t.arg({ type: StatementFilter, required: false, description: 'Which statements. Default: all.' }) },
      resolve: (_root, { filter, ...args }, ctx) =>
        resolvePage(args, async (offset, limit) => {
          const [row] = await ctx.db.read<{ total: number; page: NodeShape[] }>(statementListQuery, {
            speaker: filter?.speaker ? slugOf(filter.speaker) : null,
            about: filter?.about ? slugOf(filter.about) : null,
            kind: filter?.kind ?? null,
            from: filter?.from ?? null,
            to: filter?.to ?? null,
            offset,
            limit,
          });
          return row!;
        }),
    },
    countedConnection('A page of statements.'),
  ),
  claims: t.field({
    type: [ClaimRef],
    description: 'Claims the source says lack evidence, by status, claimant or subject.',
    args: {
      status: t.arg({ type: ClaimStatus, required: false, description: 'Only claims with this status.' }),
      claimant: t.arg.string({ required: false, description: 'Only claims by this entity (slug or global id).' }),
      about: t.arg.string({ required: false, description: 'Only claims about this thing (slug or global id).' }),
    },
    resolve: async (_root, { status, claimant, about }, ctx) =>
      (
        await ctx.db.read<{ node: NodeShape }>(
          `MATCH (n:Claim)
           WHERE ($status IS NULL OR n.status = $status)
             AND ($claimant IS NULL OR EXISTS { MATCH (n)-[:CLAIMED_BY]->(x) WHERE x.id = $claimant })
             AND ($about IS NULL OR EXISTS { MATCH (n)-[:ABOUT]->(x) WHERE x.id = $about })
           RETURN ${nodeShape('n')} AS node ORDER BY n.id`,
          { status: status ?? null, claimant: claimant ? slugOf(claimant) : null, about: about ? slugOf(about) : null },
        )
      ).map((row) => row.node),
  }),
}));
