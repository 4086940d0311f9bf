/** Events: dyadic, CAMEO-typed happenings; help requests and their outcomes; timelines. */
import type { ArgBuilder } from '@pothos/core';
import { builder, type BuilderTypes } from '../builder.js';
import { limits } from '../limits.js';
import type { Context } from '../context.js';
import { checkPageSize, countedConnection, pageComplexity, pageQuery, resolvePage } from './pagination.js';
import { EvidenceRef, type EvidenceShape, edgeEvidence } from './provenance.js';
import { type EdgeShape, loadNodesBySlug, loadRelated, type NodeShape, nodeShape, edgeShape, type Related, relatedQuery, slugOf, optionalString, groupByKey, type KeyedRow, relatedNodesLoader } from './shapes.js';
import { EntityRef, requireThing, ThingRef } from './things.js';

export const EventType = builder.enumType('EventType', {
  description: 'What kind of event; each maps to CAMEO codes where one fits.',
  values: {
    HELP_REQUEST: { description: 'A state asks an organisation for help (CAMEO 0232, 0234).' },
    HELP_RESPONSE: { description: 'The answer to a help request (CAMEO 1222 or 1224 reject, 074 provide protection).' },
    EXERCISE: { description: 'A military exercise, held or planned.' },
    EXERCISE_CANCELLATION: { description: 'An exercise cancelled, or a state refusing to host or join one.' },
    TREATY_SIGNING: { description: 'A treaty is signed (CAMEO 057).' },
    ACCESSION: { description: 'A state joins a treaty or organisation.' },
    WITHDRAWAL: { description: 'A state leaves a treaty or organisation (CAMEO 166).' },
    DEPLOYMENT: { description: 'Forces are sent (CAMEO 074).' },
    MEETING: { description: 'A meeting or negotiation.' },
    VISIT: { description: 'A visit by an official.' },
    PROTEST: { description: 'A demonstration, rally or riot.' },
    ARMED_CONFLICT: { description: 'Fighting between armed forces or groups.' },
    INVASION: { description: 'An invasion of a state.' },
    SUPPORT: { description: 'Political support of one actor for another.' },
    DISSOLUTION: { description: 'A state ceases to exist.' },
  } as const,
});

export const DatePrecision = builder.enumType('DatePrecision', {
  description: 'How precisely a date is known (after Wikidata): the start and end dates span the whole period.',
  values: { DAY: { description: 'Known to the day.' }, MONTH: { description: 'Known to the month.' }, YEAR: { description: 'Known to the year.' } } as const,
});

export const EventStatus = builder.enumType('EventStatus', {
  description: 'Whether an event happened.',
  values: { OCCURRED: { description: 'It happened.' }, PLANNED: { description: 'It was planned and had not happened by the source date.' }, CANCELLED: { description: 'It was planned and then cancelled.' } } as const,
});

export const HelpRequestOutcome = builder.enumType('HelpRequestOutcome', {
  description: 'How a help request ended.',
  values: {
    GRANTED: { description: 'The help was given.' },
    REFUSED: { description: 'The help was refused, explicitly or by passivity (see ResponseManner).' },
    PENDING: { description: 'No answer by the source date.' },
  } as const,
});

export const ResponseManner = builder.enumType('ResponseManner', {
  description: 'How the answer to a help request was given.',
  values: { EXPLICIT: { description: 'An explicit answer.' }, PASSIVE: { description: 'No action: a "passive reaction" that amounts to the answer.' } } as const,
});

export const ParticipationRole = builder.enumType('ParticipationRole', {
  description: 'How an entity takes part in an event (GDELT: actor 1, actor 2, others).',
  values: {
    ACTOR: { value: 'HAS_ACTOR', description: 'Who acts: the source of the dyadic event.' },
    TARGET: { value: 'HAS_TARGET', description: 'Who is acted upon: the target of the dyadic event.' },
    PARTICIPANT: { value: 'HAS_PARTICIPANT', description: 'Anyone else taking part; `detail` says how.' },
  } as const,
});


export const EventRef = builder.loadableNode('Event', {
  description: 'Something that happened (or was planned) at a time: dyadic, from actors to targets, typed with CAMEO and scored on the Goldstein scale.',
  interfaces: [ThingRef],
  id: { resolve: (event: NodeShape) => event.id },
  load: (ids: string[], ctx: Context) => loadNodesBySlug(ctx, 'Event', ids),
  isTypeOf: (value) => (value as NodeShape).__label === 'Event',
  fields: (t) => ({
    eventType: t.field({ type: EventType, description: 'What kind of event.', resolve: (event) => event.type as 'HELP_REQUEST' }),
    cameoCode: t.string({ nullable: true, description: 'The CAMEO event code, e.g. "0234", where one fits.', resolve: (event) => optionalString(event.cameoCode) }),
    goldstein: t.float({ nullable: true, description: 'The Goldstein score of the CAMEO code, from -10 (conflict) to +10 (cooperation).', resolve: (event) => (event.goldstein as number | undefined) ?? null }),
    startDate: t.field({ type: 'Date', nullable: true, description: 'First day of the period the event took place in.', resolve: (event) => optionalString(event.startDate) }),
    endDate: t.field({ type: 'Date', nullable: true, description: 'Last day of that period (inclusive).', resolve: (event) => optionalString(event.endDate) }),
    datePrecision: t.field({ type: DatePrecision, nullable: true, description: 'How precisely the date is known.', resolve: (event) => (event.datePrecision as 'DAY' | undefined) ?? null }),
    status: t.field({ type: EventStatus, nullable: true, description: 'Whether it happened, was planned or was cancelled.', resolve: (event) => (event.status as 'OCCURRED' | undefined) ?? null }),
    outcome: t.field({ type: HelpRequestOutcome, nullable: true, description: 'For a help request: how it ended.', resolve: (event) => (event.outcome as 'GRANTED' | undefined) ?? null }),
    responseManner: t.field({ type: ResponseManner, nullable: true, description: 'For a help request: how the answer was given.', resolve: (event) => (event.responseManner as 'EXPLICIT' | undefined) ?? null }),
  }),
});

const participantsQuery = relatedQuery('Event', '(p)-[r:HAS_ACTOR|HAS_TARGET|HAS_PARTICIPANT]->(n)', 'type(r), n.name, n.id');
const actorsPattern = '(p)-[r:HAS_ACTOR]->(n)';
const targetsPattern = '(p)-[r:HAS_TARGET]->(n)';
const placesPattern = '(p)-[r:OCCURRED_IN]->(n)';
const relatedEventsQuery = relatedQuery('Event', '(p)-[r:RESPONDS_TO|PROMPTED_BY|PART_OF_EVENT]-(n:Event)', 'n.startDate, n.id');

const ParticipationRef = builder.objectRef<Related>('Participation').implement({
  description: 'An entity taking part in an event, and how.',
  fields: (t) => ({
    role: t.field({ type: ParticipationRole, description: 'Actor, target or other participant.', resolve: ({ edge }) => edge.__type as 'HAS_ACTOR' }),
    detail: t.string({ nullable: true, description: 'How a participant takes part, in words, e.g. "requested by".', resolve: ({ edge }) => optionalString(edge.role) }),
    entity: t.field({ type: EntityRef, description: 'Who takes part.', resolve: ({ node }) => node }),
    evidence: t.field({ type: EvidenceRef, nullable: true, description: 'The quote that says so.', resolve: ({ edge }) => edgeEvidence(edge) }),
  }),
});

export const EventRelation = builder.enumType('EventRelation', {
  description: 'How two events are linked, read from the event the field is on.',
  values: {
    RESPONDS_TO: { description: 'This event responds to the other (an answer to a request).' },
    RESPONDED_BY: { description: 'The other event responds to this one.' },
    PROMPTED_BY: { description: 'This event was prompted by the other.' },
    PROMPTED: { description: 'This event prompted the other.' },
    PART_OF: { description: 'This event is part of the other.' },
    HAS_PART: { description: 'The other event is part of this one.' },
  } as const,
});

const EventLinkRef = builder.objectRef<Related & { __from?: string }>('EventLink').implement({
  description: 'A link from one event to another, with its evidence.',
  fields: (t) => ({
    relation: t.field({
      type: EventRelation,
      description: 'How the events are linked.',
      resolve: ({ edge, node }) => {
        const outgoing = edge.__end === node.id;
        switch (edge.__type) {
          case 'RESPONDS_TO':
            return outgoing ? 'RESPONDS_TO' : 'RESPONDED_BY';
          case 'PROMPTED_BY':
            return outgoing ? 'PROMPTED_BY' : 'PROMPTED';
          default:
            return outgoing ? 'PART_OF' : 'HAS_PART';
        }
      },
    }),
    event: t.field({ type: EventRef, description: 'The other event.', resolve: ({ node }) => node }),
    evidence: t.field({ type: EvidenceRef, nullable: true, description: 'The quote that links them.', resolve: ({ edge }) => edgeEvidence(edge) }),
  }),
});

builder.objectFields(EventRef, (t) => ({
    participants: t.loadableList({
      type: ParticipationRef,
      description: 'Who takes part, as actor, target or participant, each with its evidence.',
      load: (keys: string[], ctx: Context) => loadRelated(ctx, participantsQuery, keys),
      resolve: (event) => event.id,
    }),
    actors: t.loadableList({
      type: EntityRef,
      description: 'Who acts (the dyad\'s source).',
      load: relatedNodesLoader('Event', actorsPattern),
      resolve: (event) => event.id,
    }),
    targets: t.loadableList({
      type: EntityRef,
      description: "Who is acted upon (the dyad's target).",
      load: relatedNodesLoader('Event', targetsPattern),
      resolve: (event) => event.id,
    }),
    places: t.loadableList({
      type: EntityRef,
      description: 'Where it took place: places, or states when no place is named.',
      load: relatedNodesLoader('Event', placesPattern),
      resolve: (event) => event.id,
    }),
    relatedEvents: t.loadableList({
      type: EventLinkRef,
      description: 'Events this one responds to, was prompted by or is part of, and those that respond to it, were prompted by it or are part of it.',
      load: (keys: string[], ctx: Context) => loadRelated(ctx, relatedEventsQuery, keys),
      resolve: (event) => event.id,
    }),
}));

/** Conditions on event `n` shared by the event list, timelines and help requests; they read parameters only. */
const eventWhere = `($types IS NULL OR n.type IN $types)
  AND ($from IS NULL OR n.endDate >= date($from))
  AND ($to IS NULL OR n.startDate <= date($to))
  AND ($participant IS NULL OR EXISTS { MATCH (n)-[:HAS_ACTOR|HAS_TARGET|HAS_PARTICIPANT]->(x) WHERE x.id = $participant })
  AND ($place IS NULL OR EXISTS { MATCH (n)-[:OCCURRED_IN]->()-[:LOCATED_IN*0..3]->(x) WHERE x.id = $place })`;

export const EventOrder = builder.enumType('EventOrder', {
  description: 'Sort order of events.',
  values: { DATE_ASC: { description: 'Oldest first.' }, DATE_DESC: { description: 'Newest first.' } } as const,
});

const eventListQueries = {
  DATE_ASC: eventListQuery('ASC'),
  DATE_DESC: eventListQuery('DESC'),
};

function eventListQuery(direction: 'ASC' | 'DESC'): string {
  return pageQuery('Event', eventWhere, `n.startDate ${direction}`);
}

const EventFilter = builder.inputType('EventFilter', {
  description: 'Which events; every condition given must hold.',
  fields: (t) => ({
    types: t.field({ type: [EventType], required: false, description: 'Only these types.' }),
    from: t.field({ type: 'Date', required: false, description: 'Only events that end on or after this date.' }),
    to: t.field({ type: 'Date', required: false, description: 'Only events that start on or before this date.' }),
    participant: t.string({ required: false, description: 'Only events this entity takes part in, as actor, target or participant (slug or global id).' }),
    place: t.string({ required: false, description: 'Only events that took place in this place or state, or in a place within it (slug or global id).' }),
  }),
});

interface EventFilterShape {
  types?: string[] | null;
  from?: string | null;
  to?: string | null;
  participant?: string | null;
  place?: string | null;
}

function eventParams(filter: EventFilterShape | null | undefined) {
  return {
    types: filter?.types ?? null,
    from: filter?.from ?? null,
    to: filter?.to ?? null,
    participant: filter?.participant ? slugOf(filter.participant) : null,
    place: filter?.place ? slugOf(filter.place) : null,
  };
}

/** Every event an entity takes part in or that took place there, oldest first. */
const timelineQuery = `UNWIND $keys AS key
MATCH (p:Entity {id: key})
CALL {
  WITH p
  MATCH (p)<-[:HAS_ACTOR|HAS_TARGET|HAS_PARTICIPANT|OCCURRED_IN]-(n:Event)
  WITH DISTINCT n WHERE ${eventWhere}
  RETURN n ORDER BY n.startDate, n.id LIMIT $first
}
RETURN key, ${nodeShape('n')} AS node`;

const timelineArgs = (t: ArgBuilder<BuilderTypes>) => ({
  from: t({ type: 'Date', required: false, description: 'Only events that end on or after this date.' }),
  to: t({ type: 'Date', required: false, description: 'Only events that start on or before this date.' }),
  types: t({ type: [EventType], required: false, description: 'Only these types.' }),
  first: t.int({ required: false, description: `Only the first (oldest) events, at most ${limits.maxPageSize}. Default: all.` }),
});

async function loadTimelines(ctx: Context, keys: readonly string[], args: EventFilterShape & { first?: number | null }): Promise<NodeShape[][]> {
  checkPageSize(args.first, 'first');
  const rows = await ctx.db.read<KeyedRow & { node: NodeShape }>(timelineQuery, {
    ...eventParams({ ...args, participant: null, place: null }),
    first: args.first ?? limits.maxEventsPerTimeline,
    keys,
  });
  return groupByKey(keys, rows, (row) => row.node);
}

builder.interfaceFields(EntityRef, (t) => ({
  timeline: t.loadableList({
    type: EventRef,
    byPath: true,
    description: 'The events this entity takes part in, or that took place there, oldest first.',
    args: timelineArgs(t.arg),
    load: (keys: string[], ctx: Context, args) => loadTimelines(ctx, keys, args),
    resolve: (entity) => entity.id,
  }),
}));

export interface HelpRequestShape {
  request: NodeShape;
  requester: NodeShape;
  requesterEdge: EdgeShape;
  addressee: NodeShape;
  addresseeEdge: EdgeShape;
  requestedBy: NodeShape | null;
  response: NodeShape | null;
  /** Fetched with the request: the headline question asks for it, and a second round trip would double its cost. */
  evidence: EvidenceShape[];
}

const HelpRequestRef = builder.objectRef<HelpRequestShape>('HelpRequest').implement({
  description: 'A request for help, from a requester to an addressee, with its outcome and the evidence for each part.',
  fields: (t) => ({
    event: t.field({ type: EventRef, description: 'The request as an event (type HELP_REQUEST).', resolve: (help) => help.request }),
    requester: t.field({ type: EntityRef, description: 'Who asked (usually a state).', resolve: (help) => help.requester }),
    requesterEvidence: t.field({ type: EvidenceRef, nullable: true, description: 'The quote that names the requester.', resolve: (help) => edgeEvidence(help.requesterEdge) }),
    requestedBy: t.field({ type: EntityRef, nullable: true, description: 'The person who made the request, where named.', resolve: (help) => help.requestedBy }),
    addressee: t.field({ type: EntityRef, description: 'Who was asked (e.g. the CSTO).', resolve: (help) => help.addressee }),
    addresseeEvidence: t.field({ type: EvidenceRef, nullable: true, description: 'The quote that names the addressee.', resolve: (help) => edgeEvidence(help.addresseeEdge) }),
    startDate: t.field({ type: 'Date', nullable: true, description: 'When the request was made (start of the period).', resolve: (help) => optionalString(help.request.startDate) }),
    endDate: t.field({ type: 'Date', nullable: true, description: 'End of the period the request was made in.', resolve: (help) => optionalString(help.request.endDate) }),
    datePrecision: t.field({ type: DatePrecision, nullable: true, description: 'How precisely the date is known.', resolve: (help) => (help.request.datePrecision as 'DAY' | undefined) ?? null }),
    outcome: t.field({ type: HelpRequestOutcome, description: 'Granted, refused or pending.', resolve: (help) => (help.request.outcome as 'GRANTED' | undefined) ?? 'PENDING' }),
    responseManner: t.field({ type: ResponseManner, nullable: true, description: 'Explicit, or passive.', resolve: (help) => (help.request.responseManner as 'EXPLICIT' | undefined) ?? null }),
    response: t.field({ type: EventRef, nullable: true, description: 'The answer, as an event (type HELP_RESPONSE or DEPLOYMENT).', resolve: (help) => help.response }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The quotes the request and its outcome rest on.',
      resolve: (help) => help.evidence,
    }),
  }),
});

/**
 * Help requests with everything the HelpRequest type shows, in one round trip. Given an addressee, the query
 * starts from it (an index lookup, then its HAS_TARGET edges) instead of from every help request.
 */
function helpRequestsQuery(anchoredOnAddressee: boolean): string {
  const start = anchoredOnAddressee
    ? `MATCH (addressee:Entity {id: $addressee})<-[addresseeEdge:HAS_TARGET]-(n:Event {type: 'HELP_REQUEST'})
WHERE ($outcome IS NULL OR coalesce(n.outcome, 'PENDING') = $outcome) AND ${eventWhere}`
    : `MATCH (n:Event {type: 'HELP_REQUEST'})
WHERE ($outcome IS NULL OR coalesce(n.outcome, 'PENDING') = $outcome) AND ${eventWhere}
CALL { WITH n MATCH (n)-[r:HAS_TARGET]->(x) RETURN x AS addressee, r AS addresseeEdge ORDER BY x.id LIMIT 1 }`;
  return `${start}
CALL { WITH n MATCH (n)-[r:HAS_ACTOR]->(x) RETURN x AS requester, r AS requesterEdge ORDER BY x:State DESC, x.id LIMIT 1 }
WITH n, requester, requesterEdge, addressee, addresseeEdge
WHERE $requester IS NULL OR requester.id = $requester
CALL { WITH n OPTIONAL MATCH (n)-[:HAS_PARTICIPANT]->(x:Person) RETURN x AS requestedBy ORDER BY x.id LIMIT 1 }
CALL { WITH n OPTIONAL MATCH (n)<-[:RESPONDS_TO]-(x:Event) RETURN x AS response ORDER BY x.id LIMIT 1 }
CALL { WITH n MATCH (n)-[p:SOURCED_FROM]->(s:Source) WITH p, s ORDER BY p.quoteStart
       RETURN collect({sourceId: s.id, quote: p.quote, quoteStart: p.quoteStart, quoteEnd: p.quoteEnd}) AS evidence }
RETURN ${nodeShape('n')} AS request,
       ${nodeShape('requester')} AS requester, ${edgeShape('requesterEdge')} AS requesterEdge,
       ${nodeShape('addressee')} AS addressee, ${edgeShape('addresseeEdge')} AS addresseeEdge,
       CASE WHEN requestedBy IS NULL THEN null ELSE ${nodeShape('requestedBy')} END AS requestedBy,
       CASE WHEN response IS NULL THEN null ELSE ${nodeShape('response')} END AS response,
       evidence
ORDER BY n.startDate, n.id`;
}

const helpRequestsQueries = { all: helpRequestsQuery(false), byAddressee: helpRequestsQuery(true) };

builder.queryFields((t) => ({
  events: t.connection(
    {
      type: EventRef,
      complexity: pageComplexity,
      description: 'Events by type, date range, participant and place, with cursor pagination.',
      args: {
        filter: t.arg({ type: EventFilter, required: false, description: 'Which events. Default: all.' }),
        orderBy: t.arg({ type: EventOrder, required: false, defaultValue: 'DATE_ASC', description: 'Sort order. Default DATE_ASC.' }),
      },
      resolve: (_root, args, ctx) =>
        resolvePage(args, async (offset, limit) => {
          const [row] = await ctx.db.read<{ total: number; page: NodeShape[] }>(eventListQueries[args.orderBy ?? 'DATE_ASC'], {
            ...eventParams(args.filter),
            offset,
            limit,
          });
          return row!;
        }),
    },
    countedConnection('A page of events.'),
  ),
  timeline: t.field({
    type: [EventRef],
    description: 'The events an entity takes part in, or that took place there, oldest first.',
    args: { id: t.arg.string({ required: true, description: 'The entity: a slug or a global id.' }), ...timelineArgs(t.arg) },
    resolve: async (_root, { id, ...args }, ctx) => {
      const entity = await requireThing(ctx, id);
      const [events] = await loadTimelines(ctx, [entity.id], args);
      return events ?? [];
    },
  }),
  helpRequests: t.field({
    type: [HelpRequestRef],
    description: 'Requests for help, oldest first: who asked whom, when, and how it ended. `helpRequests(outcome: REFUSED)` answers "who asked for help and was refused".',
    args: {
      outcome: t.arg({ type: HelpRequestOutcome, required: false, description: 'Only requests that ended so.' }),
      requester: t.arg.string({ required: false, description: 'Only requests by this entity (slug or global id).' }),
      addressee: t.arg.string({ required: false, description: 'Only requests to this entity (slug or global id), e.g. "csto".' }),
      from: t.arg({ type: 'Date', required: false, description: 'Only requests made on or after this date.' }),
      to: t.arg({ type: 'Date', required: false, description: 'Only requests made on or before this date.' }),
    },
    resolve: (_root, args, ctx) =>
      ctx.db.read<HelpRequestShape>(args.addressee ? helpRequestsQueries.byAddressee : helpRequestsQueries.all, {
        ...eventParams({ from: args.from, to: args.to }),
        outcome: args.outcome ?? null,
        requester: args.requester ? slugOf(args.requester) : null,
        addressee: args.addressee ? slugOf(args.addressee) : null,
      }),
  }),
}));
