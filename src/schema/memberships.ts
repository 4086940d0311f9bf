/** Memberships with time intervals, and offices held by people. */
import { builder, type BuilderTypes } from '../builder.js';
import { type Args, propertyPlan, relatedPlan, type RelatedVariables, sameRowPlan, type Scope, valuePlan } from '../planner/field-plan.js';
import type { Parameters } from '../planner/parameters.js';
import { rootPlan } from '../planner/plan-root.js';
import { ofKind } from '../planner/references.js';
import { readPlanned, resolvePlanned } from '../planner/resolvers.js';
import { DatePrecision } from './events.js';
import { provenanceFields } from './provenance.js';
import { conditions, edgeIdCypher, type Row } from './shapes.js';
import { EntityRef, firstRowValue, OrganizationRef, PersonRef, StateRef, thingReference } from './things.js';

/** A membership or an office: the relationship `edge` from `from` to `to`. */
const endOf = (role: 'from' | 'to') => sameRowPlan((scope) => ({ node: scope[role]! }));

const MembershipRef = builder.objectRef<Row>('Membership').implement({
  description: 'A state (or organisation) belonging to an organisation over a time interval; "members at date D" reads these intervals.',
  fields: (t) => ({
    id: t.id({ description: 'A stable id of this membership interval.', extensions: valuePlan(({ edge }) => edgeIdCypher(edge!)), resolve: readPlanned }),
    member: t.field({ type: EntityRef, description: 'The member.', extensions: endOf('from'), resolve: readPlanned }),
    organization: t.field({ type: OrganizationRef, description: 'The organisation.', extensions: endOf('to'), resolve: readPlanned }),
    startDate: t.field({ type: 'Date', nullable: true, description: 'When it began.', extensions: propertyPlan('startDate', 'edge'), resolve: readPlanned }),
    startPrecision: t.field({ type: DatePrecision, nullable: true, description: 'How precisely the start is known.', extensions: propertyPlan('startPrecision', 'edge'), resolve: readPlanned }),
    endDate: t.field({ type: 'Date', nullable: true, description: 'When it ended; null while it lasts.', extensions: propertyPlan('endDate', 'edge'), resolve: readPlanned }),
    endPrecision: t.field({ type: DatePrecision, nullable: true, description: 'How precisely the end is known.', extensions: propertyPlan('endPrecision', 'edge'), resolve: readPlanned }),
    dateNote: t.string({
      nullable: true,
      description: "How a date was read where the source gives none outright, in the graph's words (the three members that left \"within five years\" are dated 1999); null when the source gives the dates.",
      extensions: propertyPlan('dateNote', 'edge'),
      resolve: readPlanned,
    }),
    current: t.boolean({ description: 'True while the membership lasts (no end date).', extensions: valuePlan(({ edge }) => `${edge}.endDate IS NULL`), resolve: readPlanned }),
    ...provenanceFields(t, 'edge', 'The quotes the membership rests on.'),
  }),
});

const OfficeRef = builder.objectRef<Row>('Office').implement({
  description: 'An office a person holds in a state or an organisation.',
  fields: (t) => ({
    id: t.id({ description: 'A stable id of this office holding.', extensions: valuePlan(({ edge }) => edgeIdCypher(edge!)), resolve: readPlanned }),
    title: t.string({ description: 'The title, as the source gives it, e.g. "Parliament Speaker".', extensions: valuePlan(({ edge }) => `coalesce(${edge}.title, '')`), resolve: readPlanned }),
    holder: t.field({ type: PersonRef, description: 'Who holds it.', extensions: endOf('from'), resolve: readPlanned }),
    within: t.field({ type: EntityRef, description: 'The state or organisation the office belongs to.', extensions: endOf('to'), resolve: readPlanned }),
    ...provenanceFields(t, 'edge', 'The quotes that name the office.'),
  }),
});

/** Keeps only the memberships `r` in force on `at`, when a date is given. */
const inForceAt = (r: string, at: string | null | undefined, q: Parameters) =>
  at && `${r}.startDate <= date(${q.param(at)}) AND (${r}.endDate IS NULL OR ${r}.endDate >= date(${q.param(at)}))`;

/**
 * A list of links of one type from or to the parent node: `parentEnd` says which end the parent is, and
 * `where` narrows the relationship.
 */
function links(options: {
  type: 'MEMBER_OF' | 'HOLDS_OFFICE';
  parentEnd: 'from' | 'to';
  other?: string;
  orderBy: (vars: RelatedVariables) => string;
  where?: (edge: string, args: Args, q: Parameters) => string | null | undefined | false;
  rows: number;
}) {
  return relatedPlan({
    match: (scope, { node, edge }, args, q) => {
      const [from, to] = options.parentEnd === 'from' ? [scope.node, node] : [`${node}${options.other ?? ''}`, scope.node];
      return `MATCH (${from})-[${edge}:${options.type}]->(${to}) WHERE ${conditions([options.where?.(edge, args, q)])}`;
    },
    item: ({ node, edge }, parent): Scope => ({ edge, from: options.parentEnd === 'from' ? parent.node! : node, to: options.parentEnd === 'to' ? parent.node! : node }),
    orderBy: options.orderBy,
    rows: () => options.rows,
  });
}

const atDescription = 'Only memberships in force on this date. Default: all, over time.';

const officeHolders = (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Row>) =>
  t.field({
    type: [OfficeRef],
    description: 'People who hold an office in it.',
    extensions: links({ type: 'HOLDS_OFFICE', parentEnd: 'to', other: ':Person', orderBy: ({ node, edge }) => `${edge}.title, ${node}.name, ${node}.id`, rows: 3 }),
    resolve: readPlanned,
  });

builder.objectFields(OrganizationRef, (t) => ({
  members: t.field({
    type: [MembershipRef],
    description: 'Its members, with their intervals. Accessions and withdrawals as events: `timeline(types: [ACCESSION, WITHDRAWAL])`.',
    args: { at: t.arg({ type: 'Date', required: false, description: atDescription }) },
    extensions: links({ type: 'MEMBER_OF', parentEnd: 'to', orderBy: ({ node, edge }) => `${node}.name, ${edge}.startDate, ${node}.id`, where: (r, { at }, q) => inForceAt(r, at, q), rows: 10 }),
    resolve: readPlanned,
  }),
  officeHolders: officeHolders(t),
}));

builder.objectFields(StateRef, (t) => ({
  memberships: t.field({
    type: [MembershipRef],
    description: 'The organisations it belongs or belonged to, with intervals.',
    args: { at: t.arg({ type: 'Date', required: false, description: atDescription }) },
    extensions: links({ type: 'MEMBER_OF', parentEnd: 'from', orderBy: ({ node, edge }) => `${node}.name, ${edge}.startDate, ${node}.id`, where: (r, { at }, q) => inForceAt(r, at, q), rows: 3 }),
    resolve: readPlanned,
  }),
  officeHolders: officeHolders(t),
}));

builder.objectFields(PersonRef, (t) => ({
  offices: t.field({
    type: [OfficeRef],
    description: 'The offices this person holds.',
    extensions: links({ type: 'HOLDS_OFFICE', parentEnd: 'from', orderBy: ({ node, edge }) => `${edge}.title, ${node}.id`, rows: 2 }),
    resolve: readPlanned,
  }),
}));

builder.queryFields((t) => ({
  members: t.field({
    type: [MembershipRef],
    description: 'The members of an organisation on a date, or all its memberships over time, with their intervals and evidence.',
    args: {
      organization: t.arg.id({ required: true, description: `The organisation: ${thingReference}, e.g. "csto" or "ODKB".` }),
      at: t.arg({ type: 'Date', required: false, description: atDescription }),
    },
    extensions: rootPlan({
      kind: 'items',
      references: ({ organization }) => ({ organization: ofKind(organization, 'Organization') }),
      // One row whether or not the organisation has members: the whole answer is its list.
      query: ({ at }, q, project, resolved) => `MATCH (o0:Entity {id: ${resolved.organization}})
CALL { WITH o0 MATCH (m0)-[r0:MEMBER_OF]->(o0) WHERE ${conditions([inForceAt('r0', at, q)])} WITH * ORDER BY m0.name, r0.startDate, m0.id RETURN collect(${project({ from: 'm0', to: 'o0', edge: 'r0' })}) AS members }
RETURN members AS value`,
      estimate: () => 10,
      answer: firstRowValue([]),
    }),
    resolve: resolvePlanned,
  }),
  offices: t.field({
    type: [OfficeRef],
    description: 'Offices held by people, by holder or by the state or organisation they belong to.',
    args: {
      holder: t.arg.id({ required: false, description: `Only offices of this person (${thingReference}).` }),
      within: t.arg.id({ required: false, description: `Only offices in this state or organisation (${thingReference}).` }),
    },
    extensions: rootPlan({
      kind: 'items',
      references: ({ holder, within }) => ({ holder: ofKind(holder, 'Person'), within: ofKind(within, 'State', 'Organization') }),
      query: ({ holder, within }, _q, project, resolved) => `MATCH (a0:Person)-[r0:HOLDS_OFFICE]->(b0)
WHERE ${conditions([holder && `a0.id = ${resolved.holder}`, within && `b0.id = ${resolved.within}`])}
WITH * ORDER BY b0.name, r0.title, a0.name, a0.id
RETURN ${project({ from: 'a0', to: 'b0', edge: 'r0' })} AS value`,
      estimate: () => 10,
    }),
    resolve: resolvePlanned,
  }),
}));
