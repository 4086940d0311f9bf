/** Sources and evidence: every fact the API returns can say which quote of which source it rests on. */
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { badUserInput } from './errors.js';
import { type EdgeShape, groupByKey, type KeyedRow, loadNodesBySlug, type NodeShape } from './shapes.js';

/** A quote of a source document and where it stands in that document's text. */
export interface EvidenceShape {
  sourceId: string;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
}

export const SourceRef = builder.loadableNode('Source', {
  description: 'A source document the graph is built from, with its full text.',
  id: { resolve: (source: NodeShape) => source.id },
  load: (ids: string[], ctx) => loadNodesBySlug(ctx, 'Source', ids),
  fields: (t) => ({
    slug: t.string({ description: 'The stable, readable id of the source, e.g. "csto-2022-10-13".', resolve: (node) => node.id }),
    name: t.string({ description: "The document's title.", resolve: (node) => node.name }),
    published: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day the document was published.',
      resolve: (source) => (source.published as string | undefined) ?? null,
    }),
    language: t.string({ nullable: true, description: 'The language of the text (BCP 47).', resolve: (source) => (source.language as string | undefined) ?? null }),
    text: t.string({ description: 'The full text, byte-for-byte as received. Quote offsets index into it (UTF-16 code units).', resolve: (source) => source.text as string }),
    excerpt: t.string({
      description: 'A part of the text, by the same offsets that evidence uses.',
      args: {
        start: t.arg.int({ required: true, description: 'Offset of the first character (inclusive).' }),
        end: t.arg.int({ required: true, description: 'Offset after the last character (exclusive).' }),
      },
      resolve: (source, { start, end }) => {
        const text = source.text as string;
        if (start < 0 || end < start || end > text.length) {
          throw badUserInput(`start and end must satisfy 0 <= start <= end <= ${text.length}.`, 'start');
        }
        return text.slice(start, end);
      },
    }),
  }),
});

export const EvidenceRef = builder.objectRef<EvidenceShape>('Evidence').implement({
  description: 'Where a fact comes from (PROV-O wasDerivedFrom): a verbatim quote of a source and its offsets in the source text.',
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: 'The source document.', resolve: (evidence) => evidence.sourceId }),
    quote: t.string({ description: 'The verbatim quote the fact rests on.', resolve: (node) => node.quote }),
    start: t.exposeInt('quoteStart', { description: 'Offset of the quote in the source text (UTF-16 code units, inclusive).' }),
    end: t.exposeInt('quoteEnd', { description: 'Offset just after the quote (exclusive).' }),
  }),
});

/** The evidence a relationship carries in its own properties. */
export function edgeEvidence(edge: EdgeShape): EvidenceShape | null {
  if (edge.sourceId === undefined || edge.quote === undefined || edge.quoteStart === undefined || edge.quoteEnd === undefined) return null;
  return { sourceId: edge.sourceId, quote: edge.quote, quoteStart: edge.quoteStart, quoteEnd: edge.quoteEnd };
}

/** Loads the SOURCED_FROM evidence of many nodes (by slug) in one round trip. */
export async function loadNodeEvidence(keys: readonly string[], ctx: Context): Promise<EvidenceShape[][]> {
  const rows = await ctx.db.read<KeyedRow & EvidenceShape>(
    `UNWIND $ids AS key
     CALL {
       WITH key MATCH (n:Entity {id: key}) RETURN n
       UNION WITH key MATCH (n:Event {id: key}) RETURN n
       UNION WITH key MATCH (n:Statement {id: key}) RETURN n
       UNION WITH key MATCH (n:Claim {id: key}) RETURN n
     }
     MATCH (n)-[p:SOURCED_FROM]->(s:Source)
     RETURN key, s.id AS sourceId, p.quote AS quote, p.quoteStart AS quoteStart, p.quoteEnd AS quoteEnd
     ORDER BY key, quoteStart`,
    { ids: keys },
  );
  return groupByKey(keys, rows, ({ sourceId, quote, quoteStart, quoteEnd }) => ({ sourceId, quote, quoteStart, quoteEnd }));
}
