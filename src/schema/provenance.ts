/**
 * Sources and evidence: every fact the API returns says which quotes of which sources it rests on, how many
 * sources state it, and which values other sources give differently (docs/model.md, "Evidence from many sources").
 */
import { builder, type BuilderTypes } from '../builder.js';
import { propertyPlan, relatedPlan, type Scope, valuePlan } from '../planner/field-plan.js';
import { readPlanned } from '../planner/resolvers.js';
import { badUserInput } from './errors.js';
import type { Row } from './shapes.js';

export const SourceRef = builder.node(builder.objectRef<Row>('Source'), {
  description: 'A source document the graph is built from, with its full text.',
  id: { resolve: readPlanned, extensions: propertyPlan('id') },
  fields: (t) => ({
    slug: t.string({ description: 'The stable, readable id of the source, e.g. "csto-2022-10-13".', extensions: propertyPlan('id'), resolve: readPlanned }),
    name: t.string({ description: "The document's title.", extensions: propertyPlan('name'), resolve: readPlanned }),
    published: t.field({ type: 'Date', nullable: true, description: 'The day the document was published.', extensions: propertyPlan('published'), resolve: readPlanned }),
    language: t.string({ nullable: true, description: 'The language of the text (BCP 47).', extensions: propertyPlan('language'), resolve: readPlanned }),
    text: t.string({ description: 'The full text, byte-for-byte as received. Quote offsets index into it (UTF-16 code units).', extensions: propertyPlan('text'), resolve: readPlanned }),
    excerpt: t.string({
      description: 'A part of the text, by the same offsets that evidence uses.',
      args: {
        start: t.arg.int({ required: true, description: 'Offset of the first character (inclusive).' }),
        end: t.arg.int({ required: true, description: 'Offset after the last character (exclusive).' }),
      },
      extensions: propertyPlan('text'),
      // Offsets are UTF-16 code units, as in JavaScript; the text is sliced here, where they mean that.
      resolve: (source, { start, end }, ctx, info) => {
        const text = readPlanned(source, {}, ctx, info) as string;
        if (start < 0 || end < start || end > text.length) {
          // The argument to change: start when it is out of range on its own, else end.
          throw badUserInput(`start and end must satisfy 0 <= start <= end <= ${text.length}.`, start < 0 || start > text.length ? 'start' : 'end');
        }
        return text.slice(start, end);
      },
    }),
  }),
});

/** The Source whose slug is `scope.sourceId`: the source of one evidence item or of one disputed value. */
const sourceOfItem = relatedPlan({
  match: (scope, { node }) => `MATCH (${node}:Source {id: ${scope.sourceId}})`,
  item: ({ node }) => ({ node }),
  orderBy: ({ node }) => `${node}.id`,
  single: true,
  rows: () => 1,
});

/** Evidence's scope: the quote, its offsets and its source's slug, as Cypher expressions. */
const evidenceScope = (quote: string, start: string, end: string, sourceId: string): Scope => ({ quote, start, end, sourceId });

export const EvidenceRef = builder.objectRef<Row>('Evidence').implement({
  description: 'Where a fact comes from (PROV-O wasDerivedFrom): a verbatim quote of a source and its offsets in the source text.',
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: 'The source document.', extensions: sourceOfItem, resolve: readPlanned }),
    quote: t.string({ description: 'The verbatim quote the fact rests on.', extensions: valuePlan((scope) => scope.quote!), resolve: readPlanned }),
    start: t.int({ description: 'Offset of the quote in the source text (UTF-16 code units, inclusive).', extensions: valuePlan((scope) => scope.start!), resolve: readPlanned }),
    end: t.int({ description: 'Offset just after the quote (exclusive).', extensions: valuePlan((scope) => scope.end!), resolve: readPlanned }),
  }),
});

export const DisputeRef = builder.objectRef<Row>('Dispute').implement({
  description:
    'A value that a later source gives differently from the one the graph keeps (the first source\'s). Both are kept: the fact\'s own field has the first, this the other, with its source.',
  fields: (t) => ({
    property: t.string({ description: 'The stored property, e.g. "startDate" or "iso3".', extensions: valuePlan((scope) => scope.property!), resolve: readPlanned }),
    value: t.string({ description: 'The value the other source gives, as text (dates as YYYY-MM-DD).', extensions: valuePlan((scope) => scope.value!), resolve: readPlanned }),
    source: t.field({ type: SourceRef, description: 'The source that gives it.', extensions: sourceOfItem, resolve: readPlanned }),
  }),
});

/**
 * Items stored as parallel lists on one node or relationship `fact` (Neo4j properties cannot hold maps), as one
 * map per index bound to `item`: `fields` maps each key to its list property.
 */
export const parallelItems = (fact: string, fields: Record<string, string>, item: string) => {
  const [first] = Object.values(fields);
  const index = `${item}Index`;
  const map = Object.entries(fields).map(([key, list]) => `${key}: ${fact}.${list}[${index}]`).join(', ');
  return `UNWIND [${index} IN range(0, size(coalesce(${fact}.${first}, [])) - 1) | {${map}}] AS ${item}`;
};

/** The plan of a node's evidence: its SOURCED_FROM relationships, by source and then in the order of its text. */
export const nodeEvidencePlan = (role = 'node') =>
  relatedPlan({
    match: (scope, { node, edge }) => `MATCH (${scope[role]})-[${edge}:SOURCED_FROM]->(${node}:Source)`,
    item: ({ node, edge }) => evidenceScope(`${edge}.quote`, `${edge}.quoteStart`, `${edge}.quoteEnd`, `${node}.id`),
    orderBy: ({ node, edge }) => `${node}.id, ${edge}.quoteStart, ${edge}.quoteEnd`,
    rows: () => 3,
  });

/** A relationship's evidence lists, by the key of the evidence item each gives. */
export const evidenceLists = { quote: 'quotes', start: 'quoteStarts', end: 'quoteEnds', sourceId: 'sourceIds' };

/** A fact's disputed values, by the key of the dispute item each gives. */
export const disputeLists = { property: 'disputedProperties', value: 'disputedValues', sourceId: 'disputedSourceIds' };

/** The plan of a relationship's evidence, kept in its parallel lists sourceIds, quotes, quoteStarts, quoteEnds. */
export const edgeEvidencePlan = (role = 'edge') =>
  relatedPlan({
    match: (scope, { node }) => parallelItems(scope[role]!, evidenceLists, node),
    item: ({ node }) => evidenceScope(`${node}.quote`, `${node}.start`, `${node}.end`, `${node}.sourceId`),
    orderBy: ({ node }) => `${node}.sourceId, ${node}.start, ${node}.end`,
    // Most relationships rest on one quote; the estimate counts that one.
    rows: () => 1,
  });

/** The plan of the values other sources dispute, kept in the parallel lists disputedProperties, disputedValues, disputedSourceIds. */
const disputesPlan = (role: string) =>
  relatedPlan({
    match: (scope, { node }) => parallelItems(scope[role]!, disputeLists, node),
    item: ({ node }) => ({ property: `${node}.property`, value: `${node}.value`, sourceId: `${node}.sourceId` }),
    orderBy: ({ node }) => `${node}.property, ${node}.sourceId, ${node}.value`,
    rows: () => 1,
  });

/** How many distinct sources a node states, through its SOURCED_FROM relationships. */
export const nodeSourceCount = (node: string) => `size(COLLECT { MATCH (${node})-[:SOURCED_FROM]->(${node}Source:Source) RETURN DISTINCT ${node}Source.id })`;

/** How many distinct sources a relationship's evidence names. */
export const edgeSourceCount = (edge: string) =>
  `size(reduce(${edge}Seen = [], ${edge}Id IN coalesce(${edge}.sourceIds, []) | CASE WHEN ${edge}Id IN ${edge}Seen THEN ${edge}Seen ELSE ${edge}Seen + ${edge}Id END))`;

type FieldBuilder = PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Row> | PothosSchemaTypes.InterfaceFieldBuilder<BuilderTypes, Row>;

/**
 * The provenance every fact-backed type shares: `evidence` (from every source that states it), `sourceCount` and
 * `disputes`. `role` names the node or relationship in the type's scope; `evidenceDescription` says what the quotes say.
 */
export function provenanceFields(t: FieldBuilder, backing: 'node' | 'edge', evidenceDescription: string, role: string = backing) {
  return {
    evidence: t.field({
      type: [EvidenceRef],
      description: `${evidenceDescription} One item per quote, from every source that states it, by source and offset.`,
      extensions: backing === 'node' ? nodeEvidencePlan(role) : edgeEvidencePlan(role),
      resolve: readPlanned,
    }),
    sourceCount: t.int({
      description: 'How many sources state this fact: 1 when it rests on one source, 2 or more when sources corroborate it.',
      extensions: valuePlan((scope) => (backing === 'node' ? nodeSourceCount(scope[role]!) : edgeSourceCount(scope[role]!))),
      resolve: readPlanned,
    }),
    disputes: t.field({
      type: [DisputeRef],
      description: 'Values that later sources give differently, each with its source; empty when the sources agree.',
      extensions: disputesPlan(role),
      resolve: readPlanned,
    }),
  };
}
