/**
 * The hand-written Cypher of the benchmark: the raw-Cypher contender runs these as they are, and the
 * @neo4j/graphql contender's `@cypher` fields embed the same text, so both answer from identical queries
 * where @neo4j/graphql cannot generate one. Each returns one row with one column, `result`.
 */

import { eventOrderCypher, factRelationshipTypes } from '../schema/shapes.js';

/** Every type but SOURCED_FROM, which would join each node to its Source; variable-length patterns take no `!`. */
const facts = factRelationshipTypes.join('|');

/** A stable edge id, as in docs/model.md: `<start>-<TYPE>-><end>`, plus `#<r.id>` where the relationship has one. */
const edgeId = (r: string) => `startNode(${r}).id + '-' + type(${r}) + '->' + endNode(${r}).id + coalesce('#' + ${r}.id, '')`;

export const lookupCypher = `MATCH (n:Entity {id: $slug})
RETURN n {slug: n.id, .name, .aliases} AS result`;

export const refusedHelpRequestsCypher = `MATCH (request:Event {type: 'HELP_REQUEST'})-[:HAS_TARGET]->(:Entity {id: $addressee})
WHERE request.outcome = $outcome
WITH DISTINCT request ORDER BY request.startDate, request.id
RETURN collect({
  requester: [(request)-[:HAS_ACTOR]->(x) | x {slug: x.id, .name}][0],
  addressee: [(request)-[:HAS_TARGET]->(x) | x {slug: x.id, .name}][0],
  startDate: toString(request.startDate),
  outcome: request.outcome,
  evidence: [(request)-[p:SOURCED_FROM]->() | {quote: p.quote, start: p.quoteStart, end: p.quoteEnd}]
}) AS result`;

/**
 * The events an entity takes part in (actor, target or participant) or that took place there, oldest first
 * (undated last), then by id. `entity` is the variable of the entity; `$first` caps the list.
 */
export const entityEventsCypher = (entity: string) => `MATCH (${entity})<-[:HAS_ACTOR|HAS_TARGET|HAS_PARTICIPANT|OCCURRED_IN]-(event:Event)
WITH DISTINCT event ORDER BY ${eventOrderCypher('event')} LIMIT $first
RETURN event`;

export const membersEventsCypher = `MATCH (organization:Organization {id: $slug})
CALL (organization) {
  MATCH (member)-[:MEMBER_OF]->(organization)
  WITH DISTINCT member ORDER BY member.id
  CALL (member) {
    ${entityEventsCypher('member').replaceAll('\n', '\n    ')}
  }
  WITH member, collect(event {
    slug: event.id, .name,
    participants: [(event)-[p:HAS_ACTOR|HAS_TARGET|HAS_PARTICIPANT]->(x) | {entity: x {slug: x.id, .name}, role: coalesce(p.role, toLower(substring(type(p), 4)))}]
  }) AS events
  RETURN collect(member {slug: member.id, .name, events: events}) AS members
}
RETURN {slug: organization.id, members: members} AS result`;

export const searchCypher = `CALL db.index.fulltext.queryNodes('search', $lucene) YIELD node, score
WITH node, score ORDER BY score DESC, node.id LIMIT $first
RETURN collect({score: score, thing: node {slug: node.id, .name}}) AS result`;

/**
 * The entity and the nodes within two fact hops of it, nearest first then by id, at most `$limit` besides
 * the entity, and every fact edge between them.
 */
export const neighbourhoodCypher = `MATCH (start:Entity {id: $slug})
CALL (start) {
  MATCH path = (start)-[:${facts}*1..2]-(node)
  WHERE node <> start
  WITH node, min(length(path)) AS distance
  ORDER BY distance, node.id LIMIT $limit
  RETURN collect(node) AS others
}
WITH [start] + others AS nodes
UNWIND nodes AS a
OPTIONAL MATCH (a)-[r:${facts}]->(b) WHERE b IN nodes
WITH nodes, collect(r) AS rels
RETURN {
  nodes: [n IN nodes | {id: n.id, labels: [l IN labels(n) WHERE l <> 'Entity'], name: n.name}],
  edges: [r IN rels | {id: ${edgeId('r')}, source: startNode(r).id, target: endNode(r).id, type: type(r)}]
} AS result`;

/** One shortest path over fact edges, of at most 4 hops. */
export const shortestPathCypher = `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH path = shortestPath((a)-[:${facts}*..4]-(b))
RETURN collect({
  length: length(path),
  nodes: [n IN nodes(path) | {id: n.id}],
  edges: [r IN relationships(path) | {id: ${edgeId('r')}, type: type(r)}]
}) AS result`;

/** A filtered page of events, newest first, with the total, each event's actors and its evidence. */
export const eventsPageCypher = `CALL () {
  MATCH (event:Event) WHERE event.type IN $types AND event.endDate >= date($from)
  RETURN count(event) AS total
}
CALL () {
  MATCH (event:Event) WHERE event.type IN $types AND event.endDate >= date($from)
  WITH event ORDER BY event.startDate DESC, event.id LIMIT $first
  RETURN collect(event {
    slug: event.id, .name, startDate: toString(event.startDate),
    actors: [(event)-[:HAS_ACTOR]->(x) | x {slug: x.id, .name}],
    evidence: [(event)-[p:SOURCED_FROM]->() | {quote: p.quote, start: p.quoteStart, end: p.quoteEnd}]
  }) AS events
}
RETURN {total: total, events: events} AS result`;

/** An entity's first events, with their places and every participant (actor, target or other) and role. */
export const timelineCypher = `MATCH (entity:Entity {id: $slug})
CALL (entity) {
  ${entityEventsCypher('entity').replaceAll('\n', '\n  ')}
}
RETURN collect(event {
  slug: event.id, .name,
  places: [(event)-[:OCCURRED_IN]->(x) | x.id],
  participants: [(event)-[p:HAS_ACTOR|HAS_TARGET|HAS_PARTICIPANT]->(x) | x.id]
}) AS result`;
