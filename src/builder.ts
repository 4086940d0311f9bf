/** The one SchemaBuilder and its plugins. Fields declare their graph patterns; src/planner/ composes the queries. */
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from './context.js';
import { limits } from './limits.js';
import { badUserInput } from './schema/errors.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    Date: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Readable global ids ("State:kyrgyzstan") instead of base64: analysts type them, and they are stable.
    encodeGlobalID: (typename, id) => `${typename}:${id}`,
    decodeGlobalID: (globalID) => {
      const colon = globalID.indexOf(':');
      if (colon <= 0) throw badUserInput(`Invalid global id '${globalID}': expected "<Kind>:<slug>", e.g. "State:kyrgyzstan".`, 'id');
      return { typename: globalID.slice(0, colon), id: globalID.slice(colon + 1) };
    },
    idFieldOptions: { description: 'Global id: the kind and the slug, e.g. "State:kyrgyzstan". Stable across reloads.' },
    nodeTypeOptions: { description: 'Anything that can be fetched by its global id.' },
    pageInfoTypeOptions: { description: 'Where a page stands in the whole list.' },
    // node and nodes are planned like every other root field (src/schema/things.ts), not loaded by the plugin.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    defaultEdgeTypeOptions: { description: 'An item of a page, with its cursor.' },
    cursorFieldOptions: { description: 'Where this item stands; pass it as `after` or `before`.' },
    nodeFieldOptions: { description: 'The item.' },
    edgesFieldOptions: { description: 'The items of this page, with cursors.' },
    pageInfoFieldOptions: { description: 'Whether there are more pages, and the cursors to reach them.' },
    hasNextPageFieldOptions: { description: 'True when a later page exists.' },
    hasPreviousPageFieldOptions: { description: 'True when an earlier page exists.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of this page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of this page.' },
    firstArgOptions: { description: `Page size from the start or from \`after\`. Default ${limits.defaultPageSize}, at most ${limits.maxPageSize}.` },
    lastArgOptions: { description: `Page size from the end or before \`before\`, at most ${limits.maxPageSize}.` },
    afterArgOptions: { description: 'Return items after this cursor.' },
    beforeArgOptions: { description: 'Return items before this cursor.' },
  },
});

/** The builder's type parameters, for helpers that take a field builder. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

builder.queryType({ description: 'Questions about the CSTO article graph: entities, events, statements, claims and how they connect.' });
