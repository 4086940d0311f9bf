/** Things and entities: states, people, organisations and places; lookup by id, name or alias; search; lists. */
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { badUserInput, notFound } from './errors.js';
import { checkPageSize, countedConnection, pageComplexity, pageQuery, resolvePage } from './pagination.js';
import { EvidenceRef, loadNodeEvidence } from './provenance.js';
import { loadNodesBySlug, matchAnyBySlug, type NodeLabel, type NodeShape, nodeShape, searchKey, slugOf } from './shapes.js';

export const ThingKind = builder.enumType('ThingKind', {
  description: 'The kind of a thing in the graph; one per Neo4j label.',
  values: {
    STATE: { value: 'State', description: 'A sovereign state, current or former (the USSR).' },
    PERSON: { value: 'Person', description: 'A named or anonymous person.' },
    ORGANIZATION: { value: 'Organization', description: 'An alliance, institution, body, medium or informal group.' },
    PLACE: { value: 'Place', description: 'A city, region, border area or wider region.' },
    EVENT: { value: 'Event', description: 'Something that happened, or was planned, at a time.' },
    STATEMENT: { value: 'Statement', description: 'A direct quote or a paraphrase attributed to a speaker.' },
    CLAIM: { value: 'Claim', description: 'An assertion that the source says lacks evidence.' },
  } as const,
});

export const ThingRef = builder.interfaceRef<NodeShape>('Thing').implement({
  description: 'Anything the graph describes: an entity, an event, a statement or a claim. Every thing traces to its source.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (thing) => thing.__label,
  fields: (t) => ({
    slug: t.string({ description: 'The stable, readable id, unique across the graph, e.g. "kyrgyzstan". `id` is the same with its kind: "State:kyrgyzstan".', resolve: (node) => node.id }),
    name: t.string({ description: 'The name (in English), or a short title for events, statements and claims.', resolve: (node) => node.name }),
    aliases: t.stringList({ description: 'Other names and spellings, from the source and in common use.', resolve: (thing) => thing.aliases ?? [] }),
    kind: t.field({ type: ThingKind, description: 'What kind of thing this is.', resolve: (thing) => thing.__label as 'State' }),
    description: t.string({ nullable: true, description: 'A one-line description, where the graph has one.', resolve: (thing) => (thing.description as string | undefined) ?? null }),
    evidence: t.loadableList({
      type: EvidenceRef,
      description: 'The quotes of the source documents this thing is drawn from.',
      load: loadNodeEvidence,
      resolve: (thing) => thing.id,
    }),
  }),
});

export const EntityRef = builder.interfaceRef<NodeShape>('Entity').implement({
  description: 'A named actor or place: a state, person, organisation or place.',
  interfaces: [builder.nodeInterfaceRef(), ThingRef],
  resolveType: (entity) => entity.__label,
});

/** Registers one entity kind as a relay node, loaded in batches by slug. */
function entityNode(label: NodeLabel & ('State' | 'Person' | 'Organization' | 'Place'), description: string) {
  return builder.loadableNode(label, {
    description,
    interfaces: [ThingRef, EntityRef],
    id: { resolve: (entity: NodeShape) => entity.id },
    load: (ids: string[], ctx: Context) => loadNodesBySlug(ctx, label, ids),
    isTypeOf: (value) => (value as NodeShape).__label === label,
  });
}

export const StateRef = entityNode('State', 'A sovereign state, current or former.');
export const PersonRef = entityNode('Person', 'A person the source names or quotes.');
export const OrganizationRef = entityNode('Organization', 'An alliance, government body, legislature, medium, university, armed or informal group.');
export const PlaceRef = entityNode('Place', 'A city, region, border area or wider region.');

builder.objectFields(StateRef, (t) => ({
  iso3: t.string({ nullable: true, description: 'ISO 3166-1 alpha-3 code, where one exists.', resolve: (state) => (state.iso3 as string | undefined) ?? null }),
  historical: t.boolean({ description: 'True for a state that no longer exists (the USSR).', resolve: (state) => state.historical === true }),
}));

builder.objectFields(OrganizationRef, (t) => ({
  organizationKind: t.string({
    description: 'ALLIANCE, GOVERNMENT_BODY, LEGISLATURE, MEDIA, UNIVERSITY, ARMED_GROUP or INFORMAL_GROUP.',
    resolve: (organization) => String(organization.kind ?? ''),
  }),
}));

builder.objectFields(PlaceRef, (t) => ({
  placeKind: t.string({ description: 'CITY, REGION, BORDER or MACRO_REGION.', resolve: (place) => String(place.kind ?? '') }),
}));

/** Loads things of any kind by slug; one round trip. */
export async function loadThings(ctx: Context, ids: readonly string[]): Promise<NodeShape[]> {
  const rows = await ctx.db.read<{ node: NodeShape }>(`${matchAnyBySlug('ids')} RETURN ${nodeShape('n')} AS node`, { ids });
  const byId = new Map(rows.map((row) => [row.node.id, row.node]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The NOT_FOUND error for an id that names nothing. */
export function unknownId(argument: string, id: string) {
  return notFound(`No thing with ${argument} '${id}'. Ids are slugs such as "kyrgyzstan" or global ids such as "State:kyrgyzstan"; search finds them by name.`);
}

/** Loads one thing by slug or global id, or fails with NOT_FOUND naming the id. */
export async function requireThing(ctx: Context, id: string, argument = 'id'): Promise<NodeShape> {
  const [thing] = await loadThings(ctx, [slugOf(id)]);
  if (!thing) throw unknownId(argument, id);
  return thing;
}

/** Escapes Lucene's query syntax, so that a client's text is always searched as words. */
export function luceneQuery(text: string): string {
  const terms = text
    // Lower case, so that AND, OR and NOT are words too, not operators; the analyzer folds case anyway.
    .toLowerCase()
    .split(/\s+/)
    .map((term) => term.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (char) => `\\${char}`))
    .filter(Boolean);
  return terms.map((term) => `${term} ${term}*`).join(' ');
}

/** Hits best first; ties by id, so the same query always returns the same hits (the index alone breaks ties arbitrarily). */
const searchQuery = `CALL db.index.fulltext.queryNodes('search', $lucene) YIELD node AS n, score
WHERE $kinds IS NULL OR any(label IN labels(n) WHERE label IN $kinds)
RETURN ${nodeShape('n')} AS node, score ORDER BY score DESC, n.id LIMIT $first`;

const SearchHitRef = builder.objectRef<{ node: NodeShape; score: number }>('SearchHit').implement({
  description: 'A search result with its relevance.',
  fields: (t) => ({
    thing: t.field({ type: ThingRef, description: 'The thing found.', resolve: (hit) => hit.node }),
    score: t.exposeFloat('score', { description: 'Lucene relevance; higher is better. Hits come best first.' }),
  }),
});

builder.queryFields((t) => ({
  thing: t.field({
    type: ThingRef,
    description: 'One thing by id: a slug ("kyrgyzstan") or a global id ("State:kyrgyzstan"). An unknown id is a NOT_FOUND error.',
    args: { id: t.arg.string({ required: true, description: 'A slug or a global id.' }) },
    resolve: (_root, { id }, ctx) => requireThing(ctx, id),
  }),
  lookup: t.field({
    type: [ThingRef],
    description:
      'Things whose name or one of whose aliases equals `name`, ignoring case and diacritics: "odkb", "Tokaev" and "Balikca" all find their entity.',
    args: { name: t.arg.string({ required: true, description: 'A name or alias, e.g. "ODKB".' }) },
    resolve: async (_root, { name }, ctx) => {
      const key = searchKey(name);
      if (!key) throw badUserInput('name must not be empty.', 'name');
      const rows = await ctx.db.read<{ node: NodeShape }>(
        `CALL {
           MATCH (n:Entity) WHERE $key IN n.searchKeys RETURN n
           UNION MATCH (n:Event) WHERE $key IN n.searchKeys RETURN n
         }
         RETURN ${nodeShape('n')} AS node ORDER BY n.name`,
        { key },
      );
      return rows.map((row) => row.node);
    },
  }),
  search: t.field({
    type: [SearchHitRef],
    description: 'Full-text search over names, aliases, descriptions and texts of every kind, ranked by relevance, diacritic-insensitive.',
    args: {
      query: t.arg.string({ required: true, description: 'Words to look for; Lucene syntax is escaped, a word also matches as a prefix.' }),
      kinds: t.arg({ type: [ThingKind], required: false, description: 'Only these kinds. Default: all.' }),
      first: t.arg.int({ required: false, defaultValue: 10, description: 'How many hits. Default 10, at most the maximum page size.' }),
    },
    resolve: async (_root, { query, kinds, first }, ctx) => {
      const lucene = luceneQuery(query);
      if (!lucene) throw badUserInput('query must contain a word.', 'query');
      checkPageSize(first, 'first');
      const rows = await ctx.db.read<{ node: NodeShape; score: number }>(searchQuery, {
        lucene,
        kinds: kinds ?? null,
        first: first ?? 10,
      });
      return rows;
    },
  }),
}));

export const NameOrder = builder.enumType('NameOrder', {
  description: 'Sort order by name.',
  values: { NAME_ASC: { description: 'A to Z.' }, NAME_DESC: { description: 'Z to A.' } } as const,
});

/** One paged list query for an entity kind: `where` is a constant condition on `n` that reads only parameters. */
function entityListQuery(label: 'State' | 'Person' | 'Organization' | 'Place', where: string, descending: boolean) {
  const condition = `($key IS NULL OR any(k IN coalesce(n.searchKeys, []) WHERE k CONTAINS $key)) AND ${where}`;
  return pageQuery(label, condition, `n.name ${descending ? 'DESC' : 'ASC'}`);
}

/** The list queries, one per kind and order, built once from constants. */
const listWhere = {
  State: `($memberOf IS NULL OR EXISTS {
    MATCH (n)-[m:MEMBER_OF]->(o:Organization {id: $memberOf})
    WHERE $at IS NULL OR (m.startDate <= date($at) AND (m.endDate IS NULL OR m.endDate >= date($at)))
  })`,
  Person: 'true',
  Organization: '($organizationKind IS NULL OR n.kind = $organizationKind)',
  Place: '($placeKind IS NULL OR n.kind = $placeKind) AND ($within IS NULL OR EXISTS { MATCH (n)-[:LOCATED_IN*1..3]->(w {id: $within}) })',
} as const;

const listQueries = Object.fromEntries(
  (Object.keys(listWhere) as (keyof typeof listWhere)[]).flatMap((label) => [
    [`${label}:NAME_ASC`, entityListQuery(label, listWhere[label], false)],
    [`${label}:NAME_DESC`, entityListQuery(label, listWhere[label], true)],
  ]),
) as Record<string, string>;

/** Runs the list query of one kind and order, with every filter parameter defaulting to null. */
async function listEntities(
  ctx: Context,
  label: keyof typeof listWhere,
  orderBy: 'NAME_ASC' | 'NAME_DESC' | null | undefined,
  nameContains: string | null | undefined,
  filters: Record<string, string | null | undefined>,
  offset: number,
  limit: number,
) {
  const [row] = await ctx.db.read<{ total: number; page: NodeShape[] }>(listQueries[`${label}:${orderBy ?? 'NAME_ASC'}`]!, {
    key: nameContains?.trim() ? searchKey(nameContains) : null,
    memberOf: null,
    at: null,
    organizationKind: null,
    placeKind: null,
    within: null,
    ...Object.fromEntries(Object.entries(filters).map(([name, value]) => [name, value ?? null])),
    offset,
    limit,
  });
  return row!;
}

const nameContainsArg = 'Only names or aliases containing this text, ignoring case and diacritics.';
const orderByArg = 'Sort order. Default NAME_ASC.';

builder.queryFields((t) => ({
  states: t.connection(
    {
      type: StateRef,
      complexity: pageComplexity,
      description: 'States, with filters, sorting and cursor pagination.',
      args: {
        nameContains: t.arg.string({ required: false, description: nameContainsArg }),
        memberOf: t.arg.string({ required: false, description: 'Only members of this organisation (slug or global id), ever or at `at`.' }),
        at: t.arg({ type: 'Date', required: false, description: 'With memberOf: only states that were members on this date.' }),
        orderBy: t.arg({ type: NameOrder, required: false, defaultValue: 'NAME_ASC', description: orderByArg }),
      },
      resolve: (_root, args, ctx) =>
        resolvePage(args, (offset, limit) =>
          listEntities(ctx, 'State', args.orderBy, args.nameContains, { memberOf: args.memberOf && slugOf(args.memberOf), at: args.at }, offset, limit),
        ),
    },
    countedConnection('A page of states.'),
  ),
  people: t.connection(
    {
      type: PersonRef,
      complexity: pageComplexity,
      description: 'People, with filters, sorting and cursor pagination.',
      args: {
        nameContains: t.arg.string({ required: false, description: nameContainsArg }),
        orderBy: t.arg({ type: NameOrder, required: false, defaultValue: 'NAME_ASC', description: orderByArg }),
      },
      resolve: (_root, args, ctx) =>
        resolvePage(args, (offset, limit) => listEntities(ctx, 'Person', args.orderBy, args.nameContains, {}, offset, limit)),
    },
    countedConnection('A page of people.'),
  ),
  organizations: t.connection(
    {
      type: OrganizationRef,
      complexity: pageComplexity,
      description: 'Organisations, with filters, sorting and cursor pagination.',
      args: {
        nameContains: t.arg.string({ required: false, description: nameContainsArg }),
        organizationKind: t.arg.string({ required: false, description: 'Only this kind, e.g. ALLIANCE or MEDIA.' }),
        orderBy: t.arg({ type: NameOrder, required: false, defaultValue: 'NAME_ASC', description: orderByArg }),
      },
      resolve: (_root, args, ctx) =>
        resolvePage(args, (offset, limit) =>
          listEntities(ctx, 'Organization', args.orderBy, args.nameContains, { organizationKind: args.organizationKind }, offset, limit),
        ),
    },
    countedConnection('A page of organisations.'),
  ),
  places: t.connection(
    {
      type: PlaceRef,
      complexity: pageComplexity,
      description: 'Places, with filters, sorting and cursor pagination.',
      args: {
        nameContains: t.arg.string({ required: false, description: nameContainsArg }),
        placeKind: t.arg.string({ required: false, description: 'Only this kind: CITY, REGION, BORDER or MACRO_REGION.' }),
        within: t.arg.string({ required: false, description: 'Only places located in this state or place (slug or global id).' }),
        orderBy: t.arg({ type: NameOrder, required: false, defaultValue: 'NAME_ASC', description: orderByArg }),
      },
      resolve: (_root, args, ctx) =>
        resolvePage(args, (offset, limit) =>
          listEntities(ctx, 'Place', args.orderBy, args.nameContains, { placeKind: args.placeKind, within: args.within && slugOf(args.within) }, offset, limit),
        ),
    },
    countedConnection('A page of places.'),
  ),
}));
