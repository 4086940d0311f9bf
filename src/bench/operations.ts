/**
 * The benchmark's fixed operations, each asked of every contender: this project's API (`ours`),
 * @neo4j/graphql (`neo4jGraphql`) and hand-written Cypher (`cypher`). Parameters are article ids, so they
 * exist at every scale. Each contender's `normalise` reduces its answer to the same comparable form (sorted
 * lists of slugs, names and edge ids), which the benchmark compares before it times anything.
 * To follow a change of our schema, edit the `ours` queries (and their `normalise`) here; nothing else.
 */
import {
  eventsPageCypher,
  lookupCypher,
  membersEventsCypher,
  neighbourhoodCypher,
  refusedHelpRequestsCypher,
  searchCypher,
  shortestPathCypher,
  timelineCypher,
} from './cypher-queries.js';

/** An answer as JSON: its shape is checked by comparing contenders, not by the type system. */
type Json = any;

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
  /** Reduces `data` of the response to the operation's comparable form. */
  normalise(data: Json): unknown;
}

export interface CypherRequest {
  query: string;
  params: Record<string, unknown>;
  /** Reduces the query's single `result` value to the operation's comparable form. */
  normalise(result: Json): unknown;
}

export interface BenchOperation {
  name: string;
  /** The question, as the report shows it. */
  question: string;
  ours: GraphqlRequest;
  neo4jGraphql: GraphqlRequest;
  cypher: CypherRequest;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** Evidence offsets as `start-end`, the part of a quote every contender returns the same way. */
const offsets = (evidence: { start: number; end: number }[]) => evidence.map((quote) => `${quote.start}-${quote.end}`).sort().join(',');

/** A thing's slug: our API and raw Cypher call it `slug`, @neo4j/graphql `id`. */
const slugFrom = (thing: Json): string | null => thing?.slug ?? thing?.id ?? null;

const lookup = (thing: Json) => thing && { slug: slugFrom(thing), name: thing.name, aliases: sorted(thing.aliases) };

interface RequestSummary {
  requester: string;
  addressee: string;
  startDate: string | null;
  outcome: string;
  evidence: { start: number; end: number }[];
}

const requests = (items: RequestSummary[]) =>
  sorted(items.map((item) => `${item.requester} → ${item.addressee} ${item.startDate} ${item.outcome} [${offsets(item.evidence)}]`));

interface MemberEvents {
  member: string;
  events: { slug: string; participants: string[] }[];
}

/** Members, their events and the events' participants as `member`, `member/event`, `member/event/participant`. */
const memberTree = (members: MemberEvents[]) =>
  sorted(
    members.flatMap(({ member, events }) => [
      member,
      ...events.flatMap((event) => [`${member}/${event.slug}`, ...event.participants.map((participant) => `${member}/${event.slug}/${participant}`)]),
    ]),
  );

const subgraph = (nodes: string[], edges: string[]) => ({ nodes: sorted(nodes), edges: sorted(edges) });

interface PagedEvent {
  slug: string;
  actors: string[];
  evidence: { start: number; end: number }[];
}

/** A page of events in its order, each as `slug [actors] [offsets]`, and the total over all pages. */
const eventsPage = (total: number, events: PagedEvent[]) => ({
  total,
  events: events.map((event) => `${event.slug} [${sorted(event.actors).join(',')}] [${offsets(event.evidence)}]`),
});

interface TimelineEvent {
  slug: string;
  places: string[];
  participants: string[];
}

/** A timeline in its order, each event as `slug @places with participants`. */
const timeline = (events: TimelineEvent[]) => events.map((event) => `${event.slug} @${sorted(event.places).join(',')} with ${sorted(event.participants).join(',')}`);

const eventsPageFilter = { types: ['HELP_REQUEST', 'ARMED_CONFLICT', 'PROTEST', 'EXERCISE'], from: '1999-01-01', first: 20 };

/** The shortest path's length: several paths of that length may exist, and each contender may pick another. */
const pathLength = (paths: { length: number }[]) => ({ paths: paths.length, length: paths[0]?.length ?? null });

export const operations: BenchOperation[] = [
  {
    name: 'lookup',
    question: 'one entity by id (kyrgyzstan)',
    ours: {
      query: 'query Lookup($id: ID!) { thing(id: $id) { ... on State { slug name aliases } } }',
      variables: { id: 'kyrgyzstan' },
      normalise: (data) => lookup(data.thing),
    },
    neo4jGraphql: {
      query: 'query Lookup($id: ID!) { states(where: { id: { eq: $id } }) { id name aliases } }',
      variables: { id: 'kyrgyzstan' },
      normalise: (data) => lookup(data.states[0]),
    },
    cypher: { query: lookupCypher, params: { slug: 'kyrgyzstan' }, normalise: lookup },
  },
  {
    name: 'refused-help',
    question: 'help requests to the CSTO that were refused, with requester, addressee and evidence',
    ours: {
      query: `query RefusedHelpRequests($addressee: ID!) {
  helpRequests(outcome: REFUSED, addressee: $addressee) {
    requester { slug name } addressee { slug name } startDate outcome evidence { quote start end }
  }
}`,
      variables: { addressee: 'csto' },
      normalise: (data) =>
        requests(data.helpRequests.map((r: Json) => ({ ...r, requester: slugFrom(r.requester), addressee: slugFrom(r.addressee) }))),
    },
    neo4jGraphql: {
      query: `query RefusedHelpRequests($addressee: ID!) {
  events(
    where: { type: { eq: "HELP_REQUEST" }, outcome: { eq: "REFUSED" }, targets: { some: { id: { eq: $addressee } } } }
    sort: [{ startDate: ASC }, { id: ASC }]
  ) {
    id startDate outcome
    actors { id name } targets { id name }
    sourcedFromConnection { edges { properties { quote quoteStart quoteEnd } } }
  }
}`,
      variables: { addressee: 'csto' },
      normalise: (data) =>
        requests(
          data.events.map((event: Json) => ({
            requester: slugFrom(event.actors[0]),
            addressee: slugFrom(event.targets[0]),
            startDate: event.startDate,
            outcome: event.outcome,
            evidence: event.sourcedFromConnection.edges.map((edge: Json) => ({ start: edge.properties.quoteStart, end: edge.properties.quoteEnd })),
          })),
        ),
    },
    cypher: {
      query: refusedHelpRequestsCypher,
      params: { addressee: 'csto', outcome: 'REFUSED' },
      normalise: (result) => requests(result.map((r: Json) => ({ ...r, requester: slugFrom(r.requester), addressee: slugFrom(r.addressee) }))),
    },
  },
  {
    name: 'nested-3',
    question: 'csto → members → their first 10 events → participants (three levels)',
    ours: {
      query: `query MembersEvents($id: ID!) {
  thing(id: $id) {
    ... on Organization {
      members { member { slug name timeline(first: 10) { slug name participants { entity { slug name } role detail } } } }
    }
  }
}`,
      variables: { id: 'csto' },
      normalise: (data) =>
        memberTree(
          data.thing.members.map((m: Json) => ({
            member: m.member.slug,
            events: m.member.timeline.map((e: Json) => ({ slug: e.slug, participants: e.participants.map((p: Json) => p.entity.slug) })),
          })),
        ),
    },
    neo4jGraphql: {
      query: `query MembersEvents($id: ID!) {
  organizations(where: { id: { eq: $id } }) {
    members {
      id name
      events(first: 10) {
        id name
        actors { id name }
        targets { id name }
        participantsConnection { edges { properties { role } node { id name } } }
      }
    }
  }
}`,
      variables: { id: 'csto' },
      normalise: (data) =>
        memberTree(
          data.organizations[0].members.map((m: Json) => ({
            member: m.id,
            events: m.events.map((e: Json) => ({
              slug: e.id,
              participants: [...e.actors, ...e.targets, ...e.participantsConnection.edges.map((edge: Json) => edge.node)].map((x: Json) => x.id),
            })),
          })),
        ),
    },
    cypher: {
      query: membersEventsCypher,
      params: { slug: 'csto', first: 10 },
      normalise: (result) =>
        memberTree(
          result.members.map((m: Json) => ({
            member: m.slug,
            events: m.events.map((e: Json) => ({ slug: e.slug, participants: e.participants.map((p: Json) => p.entity.slug) })),
          })),
        ),
    },
  },
  {
    name: 'search',
    question: 'full-text search for "tokaev", top 10',
    ours: {
      query: 'query Search($query: String!) { search(query: $query, first: 10) { score thing { slug name } } }',
      variables: { query: 'tokaev' },
      normalise: (data) => sorted(data.search.map((hit: Json) => hit.thing.slug)),
    },
    // Our API turns a word into "word word*" (the word, or a prefix of one); the others are given that query.
    neo4jGraphql: {
      query: 'query Search($lucene: String!) { search(lucene: $lucene, first: 10) { score thing { slug name } } }',
      variables: { lucene: 'tokaev tokaev*' },
      normalise: (data) => sorted(data.search.map((hit: Json) => hit.thing.slug)),
    },
    cypher: { query: searchCypher, params: { lucene: 'tokaev tokaev*', first: 10 }, normalise: (result) => sorted(result.map((hit: Json) => hit.thing.slug)) },
  },
  {
    name: 'neighbourhood',
    question: 'neighbourhood of csto to depth 2, at most 200 nodes besides csto',
    ours: {
      query: `query Neighbourhood($id: ID!) {
  neighbourhood(id: $id, depth: 2, limit: 200) { nodes { slug labels name } edges { id source target type } }
}`,
      variables: { id: 'csto' },
      normalise: (data) => subgraph(data.neighbourhood.nodes.map((n: Json) => n.slug), data.neighbourhood.edges.map((e: Json) => e.id)),
    },
    neo4jGraphql: {
      query: `query Neighbourhood($slug: ID!) {
  neighbourhood(slug: $slug, limit: 200) { nodes { id labels name } edges { id source target type } }
}`,
      variables: { slug: 'csto' },
      normalise: (data) => subgraph(data.neighbourhood.nodes.map((n: Json) => n.id), data.neighbourhood.edges.map((e: Json) => e.id)),
    },
    cypher: {
      query: neighbourhoodCypher,
      params: { slug: 'csto', limit: 200 },
      normalise: (result) => subgraph(result.nodes.map((n: Json) => n.id), result.edges.map((e: Json) => e.id)),
    },
  },
  {
    name: 'shortest-path',
    question: 'a shortest path from alen-simonyan to kassym-jomart-tokayev, at most 4 hops',
    ours: {
      query: `query ShortestPath($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxHops: 4, first: 1) { length nodes { slug } edges { id type } }
}`,
      variables: { from: 'alen-simonyan', to: 'kassym-jomart-tokayev' },
      normalise: (data) => pathLength(data.paths),
    },
    neo4jGraphql: {
      query: `query ShortestPath($from: ID!, $to: ID!) {
  shortestPaths(from: $from, to: $to) { length nodes { id } edges { id type } }
}`,
      variables: { from: 'alen-simonyan', to: 'kassym-jomart-tokayev' },
      normalise: (data) => pathLength(data.shortestPaths),
    },
    cypher: { query: shortestPathCypher, params: { from: 'alen-simonyan', to: 'kassym-jomart-tokayev' }, normalise: pathLength },
  },
  {
    name: 'events-page',
    question: 'a filtered page of events, newest first, with totalCount, each with actors and evidence',
    ours: {
      query: `query EventsPage($types: [EventType!], $from: Date, $first: Int) {
  events(filter: { types: $types, from: $from }, orderBy: DATE_DESC, first: $first) {
    totalCount
    edges { node { slug name startDate actors { slug name } evidence { quote start end } } }
  }
}`,
      variables: eventsPageFilter,
      normalise: (data) =>
        eventsPage(
          data.events.totalCount,
          data.events.edges.map(({ node }: Json) => ({ slug: node.slug, actors: node.actors.map(slugFrom), evidence: node.evidence })),
        ),
    },
    neo4jGraphql: {
      query: `query EventsPage($types: [String!], $from: Date, $first: Int) {
  eventsConnection(where: { type: { in: $types }, endDate: { gte: $from } }, sort: [{ startDate: DESC }, { id: ASC }], first: $first) {
    totalCount
    edges { node { id name startDate actors { id name } sourcedFromConnection { edges { properties { quote quoteStart quoteEnd } } } } }
  }
}`,
      variables: eventsPageFilter,
      normalise: (data) =>
        eventsPage(
          data.eventsConnection.totalCount,
          data.eventsConnection.edges.map(({ node }: Json) => ({
            slug: node.id,
            actors: node.actors.map(slugFrom),
            evidence: node.sourcedFromConnection.edges.map((edge: Json) => ({ start: edge.properties.quoteStart, end: edge.properties.quoteEnd })),
          })),
        ),
    },
    cypher: {
      query: eventsPageCypher,
      params: eventsPageFilter,
      normalise: (result) => eventsPage(result.total, result.events.map((event: Json) => ({ ...event, actors: event.actors.map(slugFrom) }))),
    },
  },
  {
    name: 'timeline',
    question: "an entity's timeline (csto, first 20) with places and participants",
    ours: {
      query: `query Timeline($id: ID!) {
  timeline(id: $id, first: 20) { slug name startDate places { slug } participants { role entity { slug } } }
}`,
      variables: { id: 'csto' },
      normalise: (data) =>
        timeline(data.timeline.map((event: Json) => ({ slug: event.slug, places: event.places.map(slugFrom), participants: event.participants.map((p: Json) => p.entity.slug) }))),
    },
    neo4jGraphql: {
      query: `query Timeline($id: ID!) {
  organizations(where: { id: { eq: $id } }) {
    events(first: 20) {
      id name startDate
      occurredIn { ... on State { id } ... on Place { id } }
      actors { id } targets { id } participants { id }
    }
  }
}`,
      variables: { id: 'csto' },
      normalise: (data) =>
        timeline(
          data.organizations[0].events.map((event: Json) => ({
            slug: event.id,
            places: event.occurredIn.map(slugFrom),
            participants: [...event.actors, ...event.targets, ...event.participants].map(slugFrom),
          })),
        ),
    },
    cypher: { query: timelineCypher, params: { slug: 'csto', first: 20 }, normalise: timeline },
  },
];
