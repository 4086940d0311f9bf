/** Memberships with time intervals, and offices held by people. */
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { EvidenceRef, edgeEvidence } from './provenance.js';
import { type EdgeShape, edgeId, edgeShape, groupByKey, type KeyedRow, type NodeShape, nodeShape, slugOf, optionalString } from './shapes.js';
import { DatePrecision } from './events.js';
import { EntityRef, OrganizationRef, PersonRef, requireThing, StateRef } from './things.js';

/** Both ends of a relationship and the relationship itself. */
interface LinkShape {
  from: NodeShape;
  to: NodeShape;
  edge: EdgeShape;
}


const MembershipRef = builder.objectRef<LinkShape>('Membership').implement({
  description: 'A state (or organisation) belonging to an organisation over a time interval; "members at date D" reads these intervals.',
  fields: (t) => ({
    id: t.id({ description: 'A stable id of this membership interval.', resolve: ({ edge }) => edgeId(edge) }),
    member: t.field({ type: EntityRef, description: 'The member.', resolve: ({ from }) => from }),
    organization: t.field({ type: EntityRef, description: 'The organisation it belongs to.', resolve: ({ to }) => to }),
    startDate: t.field({ type: 'Date', nullable: true, description: 'When the membership began (start of the period).', resolve: ({ edge }) => optionalString(edge.startDate) }),
    startPrecision: t.field({ type: DatePrecision, nullable: true, description: 'How precisely the start is known.', resolve: ({ edge }) => (edge.startPrecision as 'DAY' | undefined) ?? null }),
    endDate: t.field({ type: 'Date', nullable: true, description: 'When it ended; null while it lasts.', resolve: ({ edge }) => optionalString(edge.endDate) }),
    endPrecision: t.field({ type: DatePrecision, nullable: true, description: 'How precisely the end is known.', resolve: ({ edge }) => (edge.endPrecision as 'DAY' | undefined) ?? null }),
    current: t.boolean({ description: 'True while the membership lasts (no end date).', resolve: ({ edge }) => edge.endDate === undefined || edge.endDate === null }),
    evidence: t.field({ type: EvidenceRef, nullable: true, description: 'The quote the membership rests on.', resolve: ({ edge }) => edgeEvidence(edge) }),
  }),
});

const OfficeRef = builder.objectRef<LinkShape>('Office').implement({
  description: 'An office a person holds in a state or an organisation.',
  fields: (t) => ({
    id: t.id({ description: 'A stable id of this office holding.', resolve: ({ edge }) => edgeId(edge) }),
    title: t.string({ description: 'The title, as the source gives it, e.g. "Parliament Speaker".', resolve: ({ edge }) => String(edge.title ?? '') }),
    holder: t.field({ type: PersonRef, description: 'Who holds it.', resolve: ({ from }) => from }),
    within: t.field({ type: EntityRef, description: 'The state or organisation the office belongs to.', resolve: ({ to }) => to }),
    evidence: t.field({ type: EvidenceRef, nullable: true, description: 'The quote that names the office.', resolve: ({ edge }) => edgeEvidence(edge) }),
  }),
});

/** `$at` (a date or null) keeps only the memberships that were in force on that day. */
const inForceAt = '($at IS NULL OR (r.startDate <= date($at) AND (r.endDate IS NULL OR r.endDate >= date($at))))';

const linkReturn = `RETURN key, ${nodeShape('a')} AS from, ${nodeShape('b')} AS to, ${edgeShape('r')} AS edge`;

const linkQueries = {
  membersOf: `UNWIND $keys AS key MATCH (a)-[r:MEMBER_OF]->(b:Organization {id: key}) WHERE ${inForceAt} ${linkReturn} ORDER BY key, a.name, r.startDate`,
  membershipsOf: `UNWIND $keys AS key MATCH (a:Entity {id: key})-[r:MEMBER_OF]->(b) WHERE ${inForceAt} ${linkReturn} ORDER BY key, b.name, r.startDate`,
  officesOf: `UNWIND $keys AS key MATCH (a:Person {id: key})-[r:HOLDS_OFFICE]->(b) ${linkReturn} ORDER BY key, r.title`,
  officeHoldersIn: `UNWIND $keys AS key MATCH (a:Person)-[r:HOLDS_OFFICE]->(b:Entity {id: key}) ${linkReturn} ORDER BY key, r.title, a.name`,
};

async function loadLinks(ctx: Context, query: keyof typeof linkQueries, keys: readonly string[], at: string | null = null): Promise<LinkShape[][]> {
  const rows = await ctx.db.read<KeyedRow & LinkShape>(linkQueries[query], { keys, at });
  return groupByKey(keys, rows, ({ from, to, edge }) => ({ from, to, edge }));
}

const atDescription = 'Only memberships in force on this date. Default: all, over time.';

builder.objectFields(OrganizationRef, (t) => ({
  members: t.loadableList({
    type: MembershipRef,
    byPath: true,
    description: 'Its members, with their intervals. Accessions and withdrawals as events: `timeline(types: [ACCESSION, WITHDRAWAL])`.',
    args: { at: t.arg({ type: 'Date', required: false, description: atDescription }) },
    load: (keys: string[], ctx: Context, args) => loadLinks(ctx, 'membersOf', keys, args.at ?? null),
    resolve: (organization) => organization.id,
  }),
  officeHolders: t.loadableList({
    type: OfficeRef,
    description: 'People who hold an office in it.',
    load: (keys: string[], ctx: Context) => loadLinks(ctx, 'officeHoldersIn', keys),
    resolve: (organization) => organization.id,
  }),
}));

builder.objectFields(StateRef, (t) => ({
  memberships: t.loadableList({
    type: MembershipRef,
    byPath: true,
    description: 'The organisations it belongs or belonged to, with intervals.',
    args: { at: t.arg({ type: 'Date', required: false, description: atDescription }) },
    load: (keys: string[], ctx: Context, args) => loadLinks(ctx, 'membershipsOf', keys, args.at ?? null),
    resolve: (state) => state.id,
  }),
  officeHolders: t.loadableList({
    type: OfficeRef,
    description: 'People who hold an office of this state.',
    load: (keys: string[], ctx: Context) => loadLinks(ctx, 'officeHoldersIn', keys),
    resolve: (state) => state.id,
  }),
}));

builder.objectFields(PersonRef, (t) => ({
  offices: t.loadableList({
    type: OfficeRef,
    description: 'The offices this person holds.',
    load: (keys: string[], ctx: Context) => loadLinks(ctx, 'officesOf', keys),
    resolve: (person) => person.id,
  }),
}));

builder.queryFields((t) => ({
  members: t.field({
    type: [MembershipRef],
    description: 'The members of an organisation on a date, or all its memberships over time, with their intervals and evidence.',
    args: {
      organization: t.arg.string({ required: true, description: 'The organisation: a slug such as "csto", or a global id.' }),
      at: t.arg({ type: 'Date', required: false, description: atDescription }),
    },
    resolve: async (_root, { organization, at }, ctx) => {
      const found = await requireThing(ctx, organization, 'organization');
      const [memberships] = await loadLinks(ctx, 'membersOf', [found.id], at ?? null);
      return memberships ?? [];
    },
  }),
  offices: t.field({
    type: [OfficeRef],
    description: 'Offices held by people, by holder or by the state or organisation they belong to.',
    args: {
      holder: t.arg.string({ required: false, description: 'Only offices of this person (slug or global id).' }),
      within: t.arg.string({ required: false, description: 'Only offices in this state or organisation (slug or global id).' }),
    },
    resolve: async (_root, { holder, within }, ctx) =>
      ctx.db.read<LinkShape>(
        `MATCH (a:Person)-[r:HOLDS_OFFICE]->(b)
         WHERE ($holder IS NULL OR a.id = $holder) AND ($within IS NULL OR b.id = $within)
         RETURN ${nodeShape('a')} AS from, ${nodeShape('b')} AS to, ${edgeShape('r')} AS edge ORDER BY b.name, r.title, a.name`,
        { holder: holder ? slugOf(holder) : null, within: within ? slugOf(within) : null },
      ),
  }),
}));
