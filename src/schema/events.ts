/** Events: dyadic, CAMEO-typed happenings; help requests and their outcomes; timelines. */
import type { ArgBuilder } from '@pothos/core';
import { builder, type BuilderTypes } from '../builder.js';
import { limits } from '../limits.js';
import { type Args, propertyPlan, relatedPlan, type RelatedVariables, sameRowPlan, type Scope, valuePlan } from '../planner/field-plan.js';
import type { Parameters } from '../planner/parameters.js';
import { checkPageSize } from '../planner/page-arguments.js';
import { type Resolved, rootPlan } from '../planner/plan-root.js';
import { ofKind } from '../planner/references.js';
import { readPlanned, resolvePlanned } from '../planner/resolvers.js';
import { countedConnection } from './pagination.js';
import { checkDateRange } from './scalars.js';
import { EvidenceRef, edgeEvidencePlan, nodeEvidencePlan, provenanceFields } from './provenance.js';
import { actorLabels, conditions, entityLabels, eventOrderCypher, relatedNodes, type Row, whereLabels } from './shapes.js';
import { EntityRef, firstRowValue, ThingRef, thingNode, thingReference } from './things.js';

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

export const EventRef = thingNode('Event', 'Something that happened (or was planned) at a time: dyadic, from actors to targets, typed with CAMEO and scored on the Goldstein scale.', [ThingRef]);

builder.objectFields(EventRef, (t) => ({
  eventType: t.field({ type: EventType, description: 'What kind of event.', extensions: propertyPlan('type'), resolve: readPlanned }),
  cameoCode: t.string({ nullable: true, description: 'The CAMEO event code, e.g. "0234", where one fits.', extensions: propertyPlan('cameoCode'), resolve: readPlanned }),
  goldstein: t.float({ nullable: true, description: 'The Goldstein score of the CAMEO code, from -10 (conflict) to +10 (cooperation).', extensions: propertyPlan('goldstein'), resolve: readPlanned }),
  startDate: t.field({ type: 'Date', nullable: true, description: 'First day of the period the event took place in.', extensions: propertyPlan('startDate'), resolve: readPlanned }),
  endDate: t.field({ type: 'Date', nullable: true, description: 'Last day of that period (inclusive).', extensions: propertyPlan('endDate'), resolve: readPlanned }),
  datePrecision: t.field({ type: DatePrecision, nullable: true, description: 'How precisely the date is known.', extensions: propertyPlan('datePrecision'), resolve: readPlanned }),
  status: t.field({ type: EventStatus, nullable: true, description: 'Whether it happened, was planned or was cancelled.', extensions: propertyPlan('status'), resolve: readPlanned }),
  outcome: t.field({ type: HelpRequestOutcome, nullable: true, description: 'For a help request: how it ended.', extensions: propertyPlan('outcome'), resolve: readPlanned }),
  responseManner: t.field({ type: ResponseManner, nullable: true, description: 'For a help request: how the answer was given.', extensions: propertyPlan('responseManner'), resolve: readPlanned }),
}));

const ParticipationRef = builder.objectRef<Row>('Participation').implement({
  description: 'An entity taking part in an event, and how.',
  fields: (t) => ({
    role: t.field({ type: ParticipationRole, description: 'Actor, target or other participant.', extensions: valuePlan(({ edge }) => `type(${edge})`), resolve: readPlanned }),
    detail: t.string({ nullable: true, description: 'How a participant takes part, in words, e.g. "requested by".', extensions: propertyPlan('role', 'edge'), resolve: readPlanned }),
    entity: t.field({ type: EntityRef, description: 'Who takes part.', extensions: sameRowPlan(({ node }) => ({ node: node! })), resolve: readPlanned }),
    ...provenanceFields(t, 'edge', 'The quotes that say so.'),
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
    COINCIDED_WITH: { description: 'The two events happened at the same time, as the source links them.' },
  } as const,
});

/** The relation read from the event the field is on: outgoing when the other event is the relationship's end. */
const eventRelation = ({ node, edge }: Scope) => `CASE WHEN type(${edge}) = 'COINCIDED_WITH' THEN 'COINCIDED_WITH' WHEN endNode(${edge}) = ${node}
  THEN CASE type(${edge}) WHEN 'RESPONDS_TO' THEN 'RESPONDS_TO' WHEN 'PROMPTED_BY' THEN 'PROMPTED_BY' ELSE 'PART_OF' END
  ELSE CASE type(${edge}) WHEN 'RESPONDS_TO' THEN 'RESPONDED_BY' WHEN 'PROMPTED_BY' THEN 'PROMPTED' ELSE 'HAS_PART' END END`;

const EventLinkRef = builder.objectRef<Row>('EventLink').implement({
  description: 'A link from one event to another, with its evidence.',
  fields: (t) => ({
    relation: t.field({ type: EventRelation, description: 'How the events are linked.', extensions: valuePlan(eventRelation), resolve: readPlanned }),
    event: t.field({ type: EventRef, description: 'The other event.', extensions: sameRowPlan(({ node }) => ({ node: node! })), resolve: readPlanned }),
    ...provenanceFields(t, 'edge', 'The quotes that link them.'),
  }),
});

/** The plan of a relationship list whose items see both the related node and the relationship. */
const relatedLinks = (pattern: (parent: string, vars: RelatedVariables) => string, rows: number, orderBy: (vars: RelatedVariables) => string) =>
  relatedPlan({ match: (scope, vars) => `MATCH ${pattern(scope.node!, vars)}`, item: (vars) => ({ ...vars }), orderBy, rows: () => rows });

builder.objectFields(EventRef, (t) => ({
  participants: t.field({
    type: [ParticipationRef],
    description: 'Actors and targets (role ACTOR, TARGET) and anyone else taking part (role PARTICIPANT with a detail such as "requested by", "supporter", "deployed force"), each with its evidence.',
    extensions: relatedLinks((p, { node, edge }) => `(${p})-[${edge}:HAS_ACTOR|HAS_TARGET|HAS_PARTICIPANT]->(${node})`, 5, ({ node, edge }) => `type(${edge}), ${node}.name, ${node}.id`),
    resolve: readPlanned,
  }),
  actors: t.field({
    type: [EntityRef],
    description:
      "Who acts, the dyad's source (CAMEO Actor1): the requester, the answering organisation, every signatory, the state that joins or leaves, the supporter, the visitor, the demonstrators; in a conflict, every party (each is also a target). Never empty.",
    extensions: relatedNodes((p, { node }) => `(${p})-[:HAS_ACTOR]->(${node})`, 2),
    resolve: readPlanned,
  }),
  targets: t.field({
    type: [EntityRef],
    description:
      "Who is acted upon or with, the dyad's target (CAMEO Actor2): the organisation asked, the requester answered, the organisation joined or left, the supported, the host, the state a protest addresses; in a conflict, every party. Empty only for a DISSOLUTION.",
    extensions: relatedNodes((p, { node }) => `(${p})-[:HAS_TARGET]->(${node})`, 2),
    resolve: readPlanned,
  }),
  places: t.field({
    type: [EntityRef],
    description:
      'Where it took place: a place, or a state when no place is named; a help request or response has the place the help was asked for, a refusal or cancellation the place of what it concerns. Always present except for ACCESSION, WITHDRAWAL, SUPPORT and DISSOLUTION, which have one only when the source states it.',
    extensions: relatedNodes((p, { node }) => `(${p})-[:OCCURRED_IN]->(${node})`, 2),
    resolve: readPlanned,
  }),
  relatedEvents: t.field({
    type: [EventLinkRef],
    description: 'Events this one responds to, was prompted by, is part of or coincided with, and those that respond to it, were prompted by it or are part of it.',
    extensions: relatedLinks((p, { node, edge }) => `(${p})-[${edge}:RESPONDS_TO|PROMPTED_BY|PART_OF_EVENT|COINCIDED_WITH]-(${node}:Event)`, 3, ({ node }) => `${node}.startDate, ${node}.id`),
    resolve: readPlanned,
  }),
}));

interface EventFilterShape {
  types?: string[] | null;
  status?: string[] | null;
  from?: string | null;
  to?: string | null;
  participant?: string | null;
  place?: string | null;
}

/**
 * Conditions on event `n` for the filters given, shared by the event list, timelines and help requests; a
 * participant or place is the id the planner resolved for `filter.participant` or `filter.place`.
 */
function eventConditions(n: string, filter: EventFilterShape | null | undefined, q: Parameters, resolved: Resolved = {}): (string | null | false | undefined)[] {
  checkDateRange(filter ?? {});
  return [
    filter?.types && `${n}.type IN ${q.param(filter.types)}`,
    filter?.status && `${n}.status IN ${q.param(filter.status)}`,
    filter?.from && `${n}.endDate >= date(${q.param(filter.from)})`,
    filter?.to && `${n}.startDate <= date(${q.param(filter.to)})`,
    filter?.participant && `EXISTS { MATCH (${n})-[:HAS_ACTOR|HAS_TARGET|HAS_PARTICIPANT]->(x {id: ${resolved['filter.participant']}}) }`,
    filter?.place && `EXISTS { MATCH (${n})-[:OCCURRED_IN]->()-[:LOCATED_IN*0..3]->(x {id: ${resolved['filter.place']}}) }`,
  ];
}

export const EventOrder = builder.enumType('EventOrder', {
  description: 'Sort order of events.',
  values: { DATE_ASC: { description: 'Oldest first.' }, DATE_DESC: { description: 'Newest first.' } } as const,
});

const EventFilter = builder.inputType('EventFilter', {
  description: 'Which events; every condition given must hold.',
  fields: (t) => ({
    types: t.field({ type: [EventType], required: false, description: 'Only these types.' }),
    status: t.field({ type: [EventStatus], required: false, description: 'Only events with one of these statuses, e.g. [CANCELLED].' }),
    from: t.field({ type: 'Date', required: false, description: 'Only events that end on or after this date.' }),
    to: t.field({ type: 'Date', required: false, description: 'Only events that start on or before this date.' }),
    participant: t.id({ required: false, description: `Only events this entity takes part in, as actor, target or participant (${thingReference}).` }),
    place: t.id({
      required: false,
      description: `Only events that took place in this place or state, or in a place within it as the sources place it (LOCATED_IN): a city whose country no source names, such as Yerevan, is within none (${thingReference}).`,
    }),
  }),
});

const timelineArgs = (t: ArgBuilder<BuilderTypes>) => ({
  from: t({ type: 'Date', required: false, description: 'Only events that end on or after this date.' }),
  to: t({ type: 'Date', required: false, description: 'Only events that start on or before this date.' }),
  types: t({ type: [EventType], required: false, description: 'Only these types.' }),
  first: t.int({ required: false, description: `Only the first (oldest) events. Default and most: ${limits.maxPageSize}.` }),
});

/** The events entity `entity` takes part in or that took place there, as clauses binding `event`, oldest first. */
function timelineClauses(entity: string, event: string, args: Args, q: Parameters): string {
  checkPageSize(args.first, 'first');
  return `MATCH (${entity})<-[:HAS_ACTOR|HAS_TARGET|HAS_PARTICIPANT|OCCURRED_IN]-(${event}:Event)
WITH DISTINCT ${event} WHERE ${conditions(eventConditions(event, args, q))}`;
}

const timelineSize = (args: Args) => args.first ?? limits.maxPageSize;

/** A timeline's order, in words (eventOrderCypher). */
const oldestFirst = 'oldest first; of events that start on the same date, one that answers or was prompted by another comes after it';

builder.interfaceFields(EntityRef, (t) => ({
  timeline: t.field({
    type: [EventRef],
    description: `The events this entity takes part in, or that took place there, ${oldestFirst}.`,
    args: timelineArgs(t.arg),
    extensions: relatedPlan({
      match: (scope, { node }, args, q) => timelineClauses(scope.node!, node, args, q),
      item: ({ node }) => ({ node }),
      orderBy: ({ node }) => eventOrderCypher(node),
      limit: timelineSize,
      rows: timelineSize,
    }),
    resolve: readPlanned,
  }),
}));

/** The request event of a help request is `node`; its requester and addressee are bound by the root query. */
const HelpRequestRef = builder.objectRef<Row>('HelpRequest').implement({
  description: 'A request for help, from a requester to an addressee, with its outcome and the evidence for each part.',
  fields: (t) => ({
    event: t.field({ type: EventRef, description: 'The request as an event (type HELP_REQUEST).', extensions: sameRowPlan(({ node }) => ({ node: node! })), resolve: readPlanned }),
    requester: t.field({ type: EntityRef, description: 'Who asked (usually a state).', extensions: sameRowPlan(({ requester }) => ({ node: requester! })), resolve: readPlanned }),
    requesterEvidence: t.field({ type: [EvidenceRef], description: 'The quotes that name the requester, from every source that does.', extensions: edgeEvidencePlan('requesterEdge'), resolve: readPlanned }),
    requestedBy: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The person who made the request, where named.',
      extensions: relatedPlan({
        match: ({ node }, vars) => `MATCH (${node})-[:HAS_PARTICIPANT]->(${vars.node}:Person)`,
        item: ({ node }) => ({ node }),
        orderBy: ({ node }) => `${node}.id`,
        single: true,
        rows: () => 1,
      }),
      resolve: readPlanned,
    }),
    addressee: t.field({ type: EntityRef, description: 'Who was asked (e.g. the CSTO).', extensions: sameRowPlan(({ addressee }) => ({ node: addressee! })), resolve: readPlanned }),
    addresseeEvidence: t.field({ type: [EvidenceRef], description: 'The quotes that name the addressee, from every source that does.', extensions: edgeEvidencePlan('addresseeEdge'), resolve: readPlanned }),
    startDate: t.field({ type: 'Date', nullable: true, description: 'When the request was made (start of the period).', extensions: propertyPlan('startDate'), resolve: readPlanned }),
    endDate: t.field({ type: 'Date', nullable: true, description: 'End of the period the request was made in.', extensions: propertyPlan('endDate'), resolve: readPlanned }),
    datePrecision: t.field({ type: DatePrecision, nullable: true, description: 'How precisely the date is known.', extensions: propertyPlan('datePrecision'), resolve: readPlanned }),
    outcome: t.field({ type: HelpRequestOutcome, description: 'Granted, refused or pending.', extensions: valuePlan(({ node }) => `coalesce(${node}.outcome, 'PENDING')`), resolve: readPlanned }),
    responseManner: t.field({ type: ResponseManner, nullable: true, description: 'Explicit, or passive.', extensions: propertyPlan('responseManner'), resolve: readPlanned }),
    response: t.field({
      type: EventRef,
      nullable: true,
      description: 'The answer, as an event (type HELP_RESPONSE or DEPLOYMENT).',
      extensions: relatedPlan({
        match: ({ node }, vars) => `MATCH (${node})<-[:RESPONDS_TO]-(${vars.node}:Event)`,
        item: ({ node }) => ({ node }),
        orderBy: ({ node }) => `${node}.id`,
        single: true,
        rows: () => 1,
      }),
      resolve: readPlanned,
    }),
    evidence: t.field({ type: [EvidenceRef], description: 'The quotes that name the request itself; the outcome has its own, on `response { evidence }`.', extensions: nodeEvidencePlan(), resolve: readPlanned }),
  }),
});

/**
 * Help requests, oldest first, each with its first actor (a state before anything else) as requester and its
 * first target as addressee. Given an addressee, the query starts from it (an index seek, then its HAS_TARGET
 * edges) instead of from every help request.
 */
function helpRequestsQuery(args: Args, q: Parameters, project: (scope: Scope) => string, resolved: Resolved): string {
  const filter = conditions([args.outcome && `coalesce(hr.outcome, 'PENDING') = ${q.param(args.outcome)}`, ...eventConditions('hr', args, q)]);
  const start = args.addressee
    ? `MATCH (ad:Entity {id: ${resolved.addressee}})<-[ade:HAS_TARGET]-(hr:Event {type: 'HELP_REQUEST'}) WHERE ${filter}`
    : `MATCH (hr:Event {type: 'HELP_REQUEST'}) WHERE ${filter}
CALL { WITH hr MATCH (hr)-[r:HAS_TARGET]->(x) RETURN x AS ad, r AS ade ORDER BY x.id LIMIT 1 }`;
  return `${start}
CALL { WITH hr MATCH (hr)-[r:HAS_ACTOR]->(x) RETURN x AS rq, r AS rqe ORDER BY x:State DESC, x.id LIMIT 1 }
WITH * WHERE ${conditions([args.requester && `rq.id = ${resolved.requester}`])}
WITH * ORDER BY hr.startDate, hr.id
RETURN ${project({ node: 'hr', requester: 'rq', requesterEdge: 'rqe', addressee: 'ad', addresseeEdge: 'ade' })} AS value`;
}

builder.queryFields((t) => ({
  events: t.connection(
    {
      type: EventRef,
      description: 'Events by type, date range, participant and place, with cursor pagination.',
      args: {
        filter: t.arg({ type: EventFilter, required: false, description: 'Which events. Default: all.' }),
        orderBy: t.arg({ type: EventOrder, required: false, defaultValue: 'DATE_ASC', description: 'Sort order. Default DATE_ASC.' }),
      },
      extensions: rootPlan({
        kind: 'connection',
        references: ({ filter }) => ({
          'filter.participant': ofKind(filter?.participant, ...actorLabels),
          'filter.place': ofKind(filter?.place, ...whereLabels),
        }),
        rows: ({ filter, orderBy }, q, resolved) => ({
          clauses: `MATCH (n0:Event) WHERE ${conditions(eventConditions('n0', filter, q, resolved))}`,
          scope: { node: 'n0' },
          orderBy: `n0.startDate ${orderBy === 'DATE_DESC' ? 'DESC' : 'ASC'}, n0.id`,
        }),
      }),
      resolve: resolvePlanned,
    },
    countedConnection('A page of events.'),
  ),
  timeline: t.field({
    type: [EventRef],
    description: `The events an entity takes part in, or that took place there, ${oldestFirst}.`,
    args: { id: t.arg.id({ required: true, description: `The entity: ${thingReference}.` }), ...timelineArgs(t.arg) },
    extensions: rootPlan({
      kind: 'items',
      references: ({ id }) => ({ id: ofKind(id, ...entityLabels) }),
      query: (args, q, project, resolved) => `MATCH (c0:Entity {id: ${resolved.id}})
CALL { WITH c0 ${timelineClauses('c0', 'n0', args, q)} WITH n0 ORDER BY ${eventOrderCypher('n0')} LIMIT ${q.param(timelineSize(args))} RETURN collect(${project({ node: 'n0' })}) AS events }
RETURN events AS value`,
      estimate: timelineSize,
      answer: firstRowValue([]),
    }),
    resolve: resolvePlanned,
  }),
  helpRequests: t.field({
    type: [HelpRequestRef],
    description: 'Requests for help, oldest first: who asked whom, when, and how it ended. `helpRequests(outcome: REFUSED)` answers "who asked for help and was refused".',
    args: {
      outcome: t.arg({ type: HelpRequestOutcome, required: false, description: 'Only requests that ended so.' }),
      requester: t.arg.id({ required: false, description: `Only requests by this entity (${thingReference}).` }),
      addressee: t.arg.id({ required: false, description: `Only requests to this entity (${thingReference}), e.g. "csto" or "ODKB".` }),
      from: t.arg({ type: 'Date', required: false, description: 'Only requests made on or after this date.' }),
      to: t.arg({ type: 'Date', required: false, description: 'Only requests made on or before this date.' }),
    },
    // Help requests are few, like the lists of one kind a page shows: they are estimated as one default page.
    extensions: rootPlan({
      kind: 'items',
      references: ({ requester, addressee }) => ({ requester: ofKind(requester, ...actorLabels), addressee: ofKind(addressee, ...actorLabels) }),
      query: helpRequestsQuery,
      estimate: () => limits.defaultPageSize,
    }),
    resolve: resolvePlanned,
  }),
}));
