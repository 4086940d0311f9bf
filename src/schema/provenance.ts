/** Sources and evidence: every fact the API returns can say which quote of which source it rests on. */
import { builder } from '../builder.js';
import { propertyPlan, relatedPlan, sameRowPlan, type Scope, valuePlan } from '../planner/field-plan.js';
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
          throw badUserInput(`start and end must satisfy 0 <= start <= end <= ${text.length}.`, 'start');
        }
        return text.slice(start, end);
      },
    }),
  }),
});

/** Evidence's scope: the quote, its offsets and its source's slug, as Cypher expressions. */
const evidenceScope = (quote: string, start: string, end: string, sourceId: string): Scope => ({ quote, start, end, sourceId });

export const EvidenceRef = builder.objectRef<Row>('Evidence').implement({
  description: 'Where a fact comes from (PROV-O wasDerivedFrom): a verbatim quote of a source and its offsets in the source text.',
  fields: (t) => ({
    source: t.field({
      type: SourceRef,
      description: 'The source document.',
      extensions: relatedPlan({
        match: (scope, { node }) => `MATCH (${node}:Source {id: ${scope.sourceId}})`,
        item: ({ node }) => ({ node }),
        orderBy: ({ node }) => `${node}.id`,
        single: true,
        rows: () => 1,
      }),
      resolve: readPlanned,
    }),
    quote: t.string({ description: 'The verbatim quote the fact rests on.', extensions: valuePlan((scope) => scope.quote!), resolve: readPlanned }),
    start: t.int({ description: 'Offset of the quote in the source text (UTF-16 code units, inclusive).', extensions: valuePlan((scope) => scope.start!), resolve: readPlanned }),
    end: t.int({ description: 'Offset just after the quote (exclusive).', extensions: valuePlan((scope) => scope.end!), resolve: readPlanned }),
  }),
});

/** The plan of a node's evidence: its SOURCED_FROM relationships, in the order of the source text. */
export const nodeEvidencePlan = (role = 'node') =>
  relatedPlan({
    match: (scope, { node, edge }) => `MATCH (${scope[role]})-[${edge}:SOURCED_FROM]->(${node}:Source)`,
    item: ({ node, edge }) => evidenceScope(`${edge}.quote`, `${edge}.quoteStart`, `${edge}.quoteEnd`, `${node}.id`),
    orderBy: ({ edge }) => `${edge}.quoteStart, ${edge}.quoteEnd`,
    rows: () => 3,
  });

/** The plan of the evidence a relationship carries in its own properties; null when it has none. */
export const edgeEvidencePlan = (role = 'edge') =>
  sameRowPlan(
    (scope) => evidenceScope(`${scope[role]}.quote`, `${scope[role]}.quoteStart`, `${scope[role]}.quoteEnd`, `${scope[role]}.sourceId`),
    (scope) => `${scope[role]}.quote IS NULL`,
  );
