/**
 * Contender (b): @neo4j/graphql over the same database, with type definitions equivalent to docs/model.md.
 * It generates Cypher for lookups, filters, sorting and nested relationships; the questions it has no
 * generator for (full-text search over every kind, neighbourhoods, shortest paths, an entity's timeline)
 * are `@cypher` fields that embed the raw-Cypher contender's own queries.
 */
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { entityEventsCypher, neighbourhoodCypher, searchCypher, shortestPathCypher } from './cypher-queries.js';

/** Quotes Cypher as a GraphQL block string; the queries hold no `"""`. */
const block = (cypher: string) => `"""\n${cypher}\n"""`;

/** A list field's @cypher statement yields one row per item; the shared queries return one collected list. */
const rowPerItem = (cypher: string) => block(`CALL () {\n${cypher}\n}\nUNWIND result AS item\nRETURN item`);

/** The fields every entity kind has, with the relationships that point at it. */
const entityFields = `
  id: ID!
  name: String!
  aliases: [String!]!
  searchKeys: [String!]
  events(first: Int = 10): [Event!]!
    @cypher(statement: ${block(entityEventsCypher('this'))}, columnName: "event")
  sourcedFrom: [Source!]! @relationship(type: "SOURCED_FROM", direction: OUT, properties: "Provenance")`;

export const typeDefs = /* GraphQL */ `
  interface Entity {
    id: ID!
    name: String!
    aliases: [String!]!
  }

  type Source @node {
    id: ID!
    name: String!
    published: Date
    language: String
  }

  type Provenance @relationshipProperties {
    quote: String!
    quoteStart: Int!
    quoteEnd: Int!
  }

  type Membership @relationshipProperties {
    id: String
    startDate: Date
    startPrecision: String
    endDate: Date
    endPrecision: String
    sourceIds: [String!]
    quotes: [String!]
    quoteStarts: [Int!]
    quoteEnds: [Int!]
  }

  type Participation @relationshipProperties {
    role: String
    sourceIds: [String!]
    quotes: [String!]
    quoteStarts: [Int!]
    quoteEnds: [Int!]
  }

  type Office @relationshipProperties {
    id: String
    title: String
    sourceIds: [String!]
    quotes: [String!]
    quoteStarts: [Int!]
    quoteEnds: [Int!]
  }

  "Every fact relationship but MEMBER_OF, HOLDS_OFFICE and HAS_PARTICIPANT carries only its evidence lists."
  type Fact @relationshipProperties {
    sourceIds: [String!]
    quotes: [String!]
    quoteStarts: [Int!]
    quoteEnds: [Int!]
  }

  union Location = State | Place
  union Governed = State | Organization
  union Subject = State | Person | Organization | Place | Event

  type State implements Entity @node(labels: ["State", "Entity"]) {
    ${entityFields}
    iso3: String
    historical: Boolean
    memberOf: [Organization!]! @relationship(type: "MEMBER_OF", direction: OUT, properties: "Membership")
  }

  type Person implements Entity @node(labels: ["Person", "Entity"]) {
    ${entityFields}
    description: String
    offices: [Governed!]! @relationship(type: "HOLDS_OFFICE", direction: OUT, properties: "Office")
  }

  type Organization implements Entity @node(labels: ["Organization", "Entity"]) {
    ${entityFields}
    kind: String
    description: String
    members: [State!]! @relationship(type: "MEMBER_OF", direction: IN, properties: "Membership")
    partOf: [Governed!]! @relationship(type: "PART_OF", direction: OUT, properties: "Fact")
  }

  type Place implements Entity @node(labels: ["Place", "Entity"]) {
    ${entityFields}
    kind: String
    locatedIn: [Location!]! @relationship(type: "LOCATED_IN", direction: OUT, properties: "Fact")
  }

  type Event @node {
    id: ID!
    name: String!
    type: String!
    cameoCode: String
    goldstein: Float
    startDate: Date
    endDate: Date
    datePrecision: String
    status: String
    outcome: String
    responseManner: String
    actors: [Entity!]! @relationship(type: "HAS_ACTOR", direction: OUT)
    targets: [Entity!]! @relationship(type: "HAS_TARGET", direction: OUT)
    participants: [Entity!]! @relationship(type: "HAS_PARTICIPANT", direction: OUT, properties: "Participation")
    occurredIn: [Location!]! @relationship(type: "OCCURRED_IN", direction: OUT, properties: "Fact")
    respondsTo: [Event!]! @relationship(type: "RESPONDS_TO", direction: OUT, properties: "Fact")
    promptedBy: [Event!]! @relationship(type: "PROMPTED_BY", direction: OUT, properties: "Fact")
    partOf: [Event!]! @relationship(type: "PART_OF_EVENT", direction: OUT, properties: "Fact")
    sourcedFrom: [Source!]! @relationship(type: "SOURCED_FROM", direction: OUT, properties: "Provenance")
  }

  type Statement @node {
    id: ID!
    name: String!
    text: String
    kind: String
    medium: String
    date: Date
    datePrecision: String
    saidBy: [Entity!]! @relationship(type: "SAID_BY", direction: OUT, properties: "Fact")
    via: [Organization!]! @relationship(type: "VIA", direction: OUT, properties: "Fact")
    about: [Subject!]! @relationship(type: "ABOUT", direction: OUT, properties: "Fact")
    madeAt: [Event!]! @relationship(type: "MADE_AT", direction: OUT, properties: "Fact")
    sourcedFrom: [Source!]! @relationship(type: "SOURCED_FROM", direction: OUT, properties: "Provenance")
  }

  type Claim @node {
    id: ID!
    name: String!
    text: String
    status: String
    statusNote: String
    claimedBy: [Entity!]! @relationship(type: "CLAIMED_BY", direction: OUT, properties: "Fact")
    about: [Subject!]! @relationship(type: "ABOUT", direction: OUT, properties: "Fact")
    justifies: [Event!]! @relationship(type: "JUSTIFIES", direction: OUT, properties: "Fact")
    sourcedFrom: [Source!]! @relationship(type: "SOURCED_FROM", direction: OUT, properties: "Provenance")
  }

  type ThingRef {
    slug: ID!
    name: String!
  }

  type SearchHit {
    score: Float!
    thing: ThingRef!
  }

  type GraphNode {
    id: ID!
    labels: [String!]!
    name: String
  }

  type GraphEdge {
    id: ID!
    source: ID
    target: ID
    type: String!
  }

  type Neighbourhood {
    nodes: [GraphNode!]!
    edges: [GraphEdge!]!
  }

  type GraphPath {
    length: Int!
    nodes: [GraphNode!]!
    edges: [GraphEdge!]!
  }

  type Query {
    # @fulltext cannot serve this: it searches one node type, and the index spans seven labels with no common one.
    search(lucene: String!, first: Int = 10): [SearchHit!]!
      @cypher(statement: ${rowPerItem(searchCypher)}, columnName: "item")
    neighbourhood(slug: ID!, limit: Int = 200): Neighbourhood
      @cypher(statement: ${block(neighbourhoodCypher)}, columnName: "result")
    shortestPaths(from: ID!, to: ID!): [GraphPath!]!
      @cypher(statement: ${rowPerItem(shortestPathCypher)}, columnName: "item")
  }
`;

/** Builds the @neo4j/graphql schema and a Yoga instance over it; `database` is passed to every session. */
export async function createNeo4jGraphqlYoga(driver: Driver, database: string) {
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  return createYoga({
    schema,
    context: { sessionConfig: { database } },
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: false,
  });
}
