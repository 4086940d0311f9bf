/** Things and entities: states, people, organisations and places; lookup by id, name or alias; search; lists. */
import { builder } from '../builder.js';
import { limits } from '../limits.js';
import { nodeTypename } from '../planner/compile-selection.js';
import { type Args, propertyPlan, sameRowPlan, valuePlan } from '../planner/field-plan.js';
import type { Parameters } from '../planner/parameters.js';
import { checkPageSize } from '../planner/page-arguments.js';
import { type PlannedRow, type Resolved, rootPlan } from '../planner/plan-root.js';
import { fuzzy, ofKind, type References } from '../planner/references.js';
import { readPlanned, resolvePlanned } from '../planner/resolvers.js';
import { badUserInput } from './errors.js';
import { countedConnection } from './pagination.js';
import { provenanceFields } from './provenance.js';
import { conditions, matchThingsBySlug, type NodeLabel, nodeLabels, relatedNodes, type Row, searchKey, whereLabels } from './shapes.js';

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

export const ThingRef = builder.interfaceRef<Row>('Thing').implement({
  description: 'Anything the graph describes: an entity, an event, a statement or a claim. Every thing traces to its source.',
  interfaces: [builder.nodeInterfaceRef()],
  fields: (t) => ({
    slug: t.string({ description: 'The stable, readable id, unique across the graph, e.g. "kyrgyzstan". `id` is the same with its kind: "State:kyrgyzstan".', extensions: propertyPlan('id'), resolve: readPlanned }),
    name: t.string({ description: 'The name (in English), or a short title for events, statements and claims.', extensions: propertyPlan('name'), resolve: readPlanned }),
    aliases: t.stringList({ description: 'Other names and spellings, from the source and in common use.', extensions: valuePlan(({ node }) => `coalesce(${node}.aliases, [])`), resolve: readPlanned }),
    kind: t.field({ type: ThingKind, description: 'What kind of thing this is.', extensions: valuePlan(({ node }) => nodeTypename(node!)), resolve: readPlanned }),
    description: t.string({ nullable: true, description: 'A one-line description, where the graph has one.', extensions: propertyPlan('description'), resolve: readPlanned }),
    ...provenanceFields(t, 'node', 'The quotes of the source documents this thing is drawn from.'),
  }),
});

export const EntityRef = builder.interfaceRef<Row>('Entity').implement({
  description: 'A named actor or place: a state, person, organisation or place.',
  interfaces: [builder.nodeInterfaceRef(), ThingRef],
});

/** Registers a node-backed type: a relay node whose global id is its kind and slug. */
export function thingNode(label: NodeLabel, description: string, interfaces: typeof ThingRef[]) {
  return builder.node(builder.objectRef<Row>(label), {
    description,
    interfaces,
    id: { resolve: readPlanned, extensions: propertyPlan('id') },
  });
}

export const StateRef = thingNode('State', 'A sovereign state, current or former.', [ThingRef, EntityRef]);
export const PersonRef = thingNode('Person', 'A person the source names or quotes.', [ThingRef, EntityRef]);
export const OrganizationRef = thingNode('Organization', 'An alliance, government body, legislature, medium, university, armed or informal group.', [ThingRef, EntityRef]);
export const PlaceRef = thingNode('Place', 'A city, region, border area or wider region.', [ThingRef, EntityRef]);

builder.objectFields(StateRef, (t) => ({
  iso3: t.string({ nullable: true, description: 'ISO 3166-1 alpha-3 code, where one exists.', extensions: propertyPlan('iso3'), resolve: readPlanned }),
  historical: t.boolean({ description: 'True for a state that no longer exists (the USSR).', extensions: valuePlan(({ node }) => `coalesce(${node}.historical, false)`), resolve: readPlanned }),
}));

export const OrganizationKind = builder.enumType('OrganizationKind', {
  description: 'What kind of organisation.',
  values: {
    ALLIANCE: { description: 'A military or political alliance, such as the CSTO.' },
    GOVERNMENT_BODY: { description: 'A body of a government, such as a ministry or a security council.' },
    LEGISLATURE: { description: 'A parliament or one of its chambers.' },
    MEDIA: { description: 'A broadcaster, newspaper or portal.' },
    UNIVERSITY: { description: 'A university or academy.' },
    ARMED_GROUP: { description: 'An armed group that is not a state force.' },
    INFORMAL_GROUP: { description: 'A group the source names without an organisation: demonstrators, politicians, experts.' },
  } as const,
});

export const PlaceKind = builder.enumType('PlaceKind', {
  description: 'What kind of place.',
  values: {
    CITY: { description: 'A city or town.' },
    REGION: { description: 'A region or province within a state.' },
    BORDER: { description: 'A border area or conflict zone between states.' },
    MACRO_REGION: { description: 'A region spanning several states, such as Central Asia.' },
  } as const,
});

builder.objectFields(OrganizationRef, (t) => ({
  organizationKind: t.field({ type: OrganizationKind, description: 'What kind of organisation.', extensions: propertyPlan('kind'), resolve: readPlanned }),
  partOf: t.field({ type: [EntityRef], description: 'The state or organisation it is part of.', extensions: relatedNodes((p, { node }) => `(${p})-[:PART_OF]->(${node})`, 1), resolve: readPlanned }),
  parts: t.field({ type: [OrganizationRef], description: 'The organisations that are part of it.', extensions: relatedNodes((p, { node }) => `(${p})<-[:PART_OF]-(${node}:Organization)`, 3), resolve: readPlanned }),
}));

builder.objectFields(PlaceRef, (t) => ({
  placeKind: t.field({ type: PlaceKind, description: 'What kind of place.', extensions: propertyPlan('kind'), resolve: readPlanned }),
  locatedIn: t.field({ type: [EntityRef], description: 'The place or state it lies in, where the source says so.', extensions: relatedNodes((p, { node }) => `(${p})-[:LOCATED_IN]->(${node})`, 1), resolve: readPlanned }),
  contains: t.field({ type: [PlaceRef], description: 'The places that lie in it, where the source says so.', extensions: relatedNodes((p, { node }) => `(${p})<-[:LOCATED_IN]-(${node}:Place)`, 3), resolve: readPlanned }),
}));

/** How an argument that names a thing is described: it takes any of these, resolved as `lookup` resolves names. */
export const thingReference = 'a slug, a global id, a name or an alias';

/** The value of a root field whose query returns one row holding the whole answer. */
export const firstRowValue = (empty: unknown) => (rows: PlannedRow[]) => rows[0]?.value ?? empty;

/** Most words a search takes: each is matched in the index's four fields, as itself and as a prefix, and Lucene allows 1,024 clauses. */
const maxSearchWords = 64;

/** Escapes Lucene's query syntax, so that a client's text is always searched as words. */
export function luceneQuery(text: string): string {
  const terms = text
    // Lower case, so that AND, OR and NOT are words too, not operators; the analyzer folds case anyway.
    .toLowerCase()
    .split(/\s+/)
    .map((term) => term.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (char) => `\\${char}`))
    .filter(Boolean);
  // A one-letter word as a prefix would match nearly every thing ("a", the Russian "о").
  return terms.map((term) => (term.replace(/\\/g, '').length > 1 ? `${term} ${term}*` : term)).join(' ');
}

const SearchHitRef = builder.objectRef<Row>('SearchHit').implement({
  description: 'A search result with its relevance.',
  fields: (t) => ({
    thing: t.field({ type: ThingRef, description: 'The thing found.', extensions: sameRowPlan(({ node }) => ({ node: node! })), resolve: readPlanned }),
    score: t.float({ description: 'Lucene relevance; higher is better. Hits come best first, after those whose name matches (`nameMatch`).', extensions: valuePlan(({ score }) => score!), resolve: readPlanned }),
    nameMatch: t.boolean({
      description: "True when the whole query, ignoring case and diacritics, is the thing's name or one of its aliases (`CSTO`, `ODKB`); these hits come first.",
      extensions: valuePlan(({ nameMatch }) => nameMatch!),
      resolve: readPlanned,
    }),
  }),
});

/** A global id's kind and slug; the kind must be one of ours, else there is no such node. `argument` names the argument it came in. */
function parseGlobalId(id: string, argument: string): { label: NodeLabel; slug: string } | null {
  const colon = id.indexOf(':');
  if (colon <= 0) throw badUserInput(`Invalid global id '${id.slice(0, 80)}': expected "<Kind>:<slug>", e.g. "State:kyrgyzstan".`, argument);
  const label = id.slice(0, colon);
  return (nodeLabels as readonly string[]).includes(label) ? { label: label as NodeLabel, slug: id.slice(colon + 1) } : null;
}

/** Nodes by global id, in the order asked, with null for an id that names nothing. */
function nodesByGlobalId(ids: string[], argument: string, q: Parameters, project: (scope: { node: string }) => string): string {
  const wanted = ids.map((id) => parseGlobalId(id, argument));
  // One branch per label present: the label is from our fixed list, the slugs are parameters.
  const labels = [...new Set(wanted.flatMap((id) => (id ? [id.label] : [])))];
  const branches = labels.map((label) => `MATCH (node:${label}) WHERE node.id IN ${q.param(wanted.filter((id) => id?.label === label).map((id) => id!.slug))} RETURN node`);
  if (!branches.length) return `UNWIND [] AS n0 RETURN null AS value, null AS globalId`;
  return `CALL { ${branches.join(' UNION ')} } WITH node AS n0 RETURN ${project({ node: 'n0' })} AS value, ${nodeTypename('n0')} + ':' + n0.id AS globalId`;
}

/** Puts the found nodes back in the order of the ids asked for. */
const inIdOrder = (ids: string[]) => (rows: PlannedRow[]) => {
  const byId = new Map(rows.map((row) => [row.globalId as string, row.value]));
  return ids.map((id) => byId.get(id) ?? null);
};

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description:
      'Any node by its global id, e.g. "State:kyrgyzstan"; null when it names nothing (no such kind, or no such slug). An id without the form `<Kind>:<slug>` is BAD_USER_INPUT.',
    args: { id: t.arg.id({ required: true, description: 'A global id.' }) },
    extensions: rootPlan({ kind: 'items', query: ({ id }, q, project) => nodesByGlobalId([id], 'id', q, project), estimate: () => 1, answer: (rows, { id }) => inIdOrder([id])(rows)[0] }),
    resolve: resolvePlanned,
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: `Several nodes by their global ids, in the same order, with null for an id that names nothing; at most ${limits.maxPageSize}. One id without the form \`<Kind>:<slug>\` refuses the whole list (BAD_USER_INPUT).`,
    args: { ids: t.arg.idList({ required: true, description: 'Global ids.' }) },
    extensions: rootPlan({
      kind: 'items',
      query: ({ ids }, q, project) => {
        checkPageSize(ids.length, 'ids');
        return nodesByGlobalId(ids, 'ids', q, project);
      },
      estimate: ({ ids }) => ids.length,
      costDescription: 'Cost: one row per id, times what each reads.',
      answer: (rows, { ids }) => inIdOrder(ids)(rows),
    }),
    resolve: resolvePlanned,
  }),
  thing: t.field({
    type: ThingRef,
    description: 'One thing by a slug ("kyrgyzstan"), a global id ("State:kyrgyzstan"), a name or an alias ("Kyrgyz Republic"). One that names nothing is NOT_FOUND, with the nearest matches.',
    args: { id: t.arg.id({ required: true, description: `The thing: ${thingReference}.` }) },
    extensions: rootPlan({
      kind: 'items',
      references: ({ id }) => ({ id }),
      query: (_args, _q, project, resolved) => `${matchThingsBySlug('n0', `[${resolved.id}]`, [resolved.id!])} RETURN ${project({ node: 'n0' })} AS value`,
      estimate: () => 1,
    }),
    resolve: resolvePlanned,
  }),
  lookup: t.field({
    type: [ThingRef],
    description:
      'Things whose name or one of whose aliases equals `name`, ignoring case and diacritics: "odkb", "Tokaev" and "Balikca" all find their entity.',
    args: { name: t.arg.string({ required: true, description: 'A name or alias, e.g. "ODKB".' }) },
    extensions: rootPlan({
      kind: 'items',
      query: ({ name }, q, project) => {
        const key = searchKey(name);
        if (!key) throw badUserInput('name must not be empty.', 'name');
        const k = q.param(key);
        return `CALL { MATCH (n:Entity) WHERE ${k} IN n.searchKeys RETURN n UNION MATCH (n:Event) WHERE ${k} IN n.searchKeys RETURN n }
WITH n AS n0 ORDER BY n0.name, n0.id RETURN ${project({ node: 'n0' })} AS value`;
      },
      estimate: () => 3,
    }),
    resolve: resolvePlanned,
  }),
  search: t.field({
    type: [SearchHitRef],
    description:
      "Full-text search over names, aliases, descriptions and texts of every kind, diacritic-insensitive: the things whose name or alias is the whole query first, then by relevance.",
    args: {
      query: t.arg.string({
        required: true,
        description: `Words to look for, at most ${maxSearchWords}; Lucene syntax is escaped, a word also matches as a prefix. When nothing matches, the first words are tried again up to two letters off (a misspelt name).`,
      }),
      kinds: t.arg({ type: [ThingKind], required: false, description: 'Only these kinds. Default: all.' }),
      first: t.arg.int({ required: false, defaultValue: 10, description: `How many hits. Default 10, at most ${limits.maxPageSize}.` }),
    },
    extensions: rootPlan({
      kind: 'items',
      query: ({ query, kinds, first }, q, project) => {
        const words = query.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
        // Punctuation alone ("*", "?") is escaped to terms the analyzer drops, which would answer [] as if nothing matched.
        if (!words) throw badUserInput(`query must contain a word (a letter or a digit); got ${JSON.stringify(query)}.`, 'query');
        if (words > maxSearchWords) throw badUserInput(`query has ${words} words; a search takes at most ${maxSearchWords}.`, 'query');
        const lucene = luceneQuery(query);
        checkPageSize(first, 'first');
        const ofKinds = conditions([kinds && `any(label IN labels(node) WHERE label IN ${q.param(kinds)})`]);
        const fullTextHits = (words: string) => `CALL db.index.fulltext.queryNodes('search', ${q.param(words)}) YIELD node, score
  WHERE ${ofKinds}
  RETURN collect({node: node, score: score}) AS hits`;
        // Fuzzy words match far more than the typed ones, so they are asked for only when those found nothing.
        const secondTry = `CALL (exact) {
  WITH exact WHERE exact = []
  ${fullTextHits(fuzzy(query))}
}`;
        // Ties by id, so the same query always returns the same hits (the index alone breaks ties arbitrarily).
        return `CALL () {
  ${fullTextHits(lucene)}
}
WITH hits AS exact
${secondTry}
UNWIND exact + hits AS hit
WITH hit.node AS n0, hit.score AS score, ${q.param(searchKey(query))} IN coalesce(hit.node.searchKeys, []) AS nameMatch
ORDER BY nameMatch DESC, score DESC, n0.id LIMIT ${q.param(first ?? 10)}
RETURN ${project({ node: 'n0', score: 'score', nameMatch: 'nameMatch' })} AS value`;
      },
      estimate: ({ first }) => first ?? 10,
    }),
    resolve: resolvePlanned,
  }),
}));

export const NameOrder = builder.enumType('NameOrder', {
  description: 'Sort order by name.',
  values: { NAME_ASC: { description: 'A to Z.' }, NAME_DESC: { description: 'Z to A.' } } as const,
});

const nameContainsArg = 'Only names or aliases containing this text, ignoring case and diacritics.';
const orderByArg = 'Sort order. Default NAME_ASC.';

/** The paged list of one entity kind: the name filter every kind has, plus the kind's own `filters`. */
function entityList(
  label: 'State' | 'Person' | 'Organization' | 'Place',
  filters: (args: Args, q: Parameters, resolved: Resolved) => (string | null | false)[],
  references?: (args: Args) => References,
) {
  return rootPlan({
    kind: 'connection',
    references,
    rows: (args, q, resolved) => {
      const key = args.nameContains?.trim() ? searchKey(args.nameContains) : null;
      const where = conditions([key && `any(k IN coalesce(n0.searchKeys, []) WHERE k CONTAINS ${q.param(key)})`, ...filters(args, q, resolved)]);
      return { clauses: `MATCH (n0:${label}) WHERE ${where}`, scope: { node: 'n0' }, orderBy: `n0.name ${args.orderBy === 'NAME_DESC' ? 'DESC' : 'ASC'}, n0.id` };
    },
  });
}

builder.queryFields((t) => ({
  states: t.connection(
    {
      type: StateRef,
      description: 'States, with filters, sorting and cursor pagination.',
      args: {
        nameContains: t.arg.string({ required: false, description: nameContainsArg }),
        memberOf: t.arg.id({ required: false, description: `Only members of this organisation (${thingReference}), ever or at \`at\`.` }),
        at: t.arg({ type: 'Date', required: false, description: 'With memberOf (required with it): only states that were members on this date.' }),
        orderBy: t.arg({ type: NameOrder, required: false, defaultValue: 'NAME_ASC', description: orderByArg }),
      },
      extensions: entityList(
        'State',
        ({ memberOf, at }, q, resolved) => {
          // Alone, `at` would be ignored: every state, in an answer that looks filtered by date.
          if (at && !memberOf) throw badUserInput('at needs memberOf: it keeps the states that were members of that organisation on the date.', 'at');
          return [
            memberOf &&
              `EXISTS { MATCH (n0)-[m:MEMBER_OF]->(o:Organization {id: ${resolved.memberOf}})${at ? ` WHERE m.startDate <= date(${q.param(at)}) AND (m.endDate IS NULL OR m.endDate >= date(${q.param(at)}))` : ''} }`,
          ];
        },
        ({ memberOf }) => ({ memberOf: ofKind(memberOf, 'Organization') }),
      ),
      resolve: resolvePlanned,
    },
    countedConnection('A page of states.'),
  ),
  people: t.connection(
    {
      type: PersonRef,
      description: 'People, with filters, sorting and cursor pagination.',
      args: {
        nameContains: t.arg.string({ required: false, description: nameContainsArg }),
        orderBy: t.arg({ type: NameOrder, required: false, defaultValue: 'NAME_ASC', description: orderByArg }),
      },
      extensions: entityList('Person', () => []),
      resolve: resolvePlanned,
    },
    countedConnection('A page of people.'),
  ),
  organizations: t.connection(
    {
      type: OrganizationRef,
      description: 'Organisations, with filters, sorting and cursor pagination.',
      args: {
        nameContains: t.arg.string({ required: false, description: nameContainsArg }),
        organizationKind: t.arg({ type: OrganizationKind, required: false, description: 'Only this kind, e.g. ALLIANCE or MEDIA.' }),
        orderBy: t.arg({ type: NameOrder, required: false, defaultValue: 'NAME_ASC', description: orderByArg }),
      },
      extensions: entityList('Organization', ({ organizationKind }, q) => [organizationKind && `n0.kind = ${q.param(organizationKind)}`]),
      resolve: resolvePlanned,
    },
    countedConnection('A page of organisations.'),
  ),
  places: t.connection(
    {
      type: PlaceRef,
      description: 'Places, with filters, sorting and cursor pagination.',
      args: {
        nameContains: t.arg.string({ required: false, description: nameContainsArg }),
        placeKind: t.arg({ type: PlaceKind, required: false, description: 'Only this kind.' }),
        within: t.arg.id({ required: false, description: `Only places located in this state or place (${thingReference}).` }),
        orderBy: t.arg({ type: NameOrder, required: false, defaultValue: 'NAME_ASC', description: orderByArg }),
      },
      extensions: entityList(
        'Place',
        ({ placeKind, within }, q, resolved) => [placeKind && `n0.kind = ${q.param(placeKind)}`, within && `EXISTS { MATCH (n0)-[:LOCATED_IN*1..3]->(w {id: ${resolved.within}}) }`],
        ({ within }) => ({ within: ofKind(within, ...whereLabels) }),
      ),
      resolve: resolvePlanned,
    },
    countedConnection('A page of places.'),
  ),
}));
