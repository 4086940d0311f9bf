/** GraphiQL options that make Yoga's GraphiQL open on a given tab, on a first visit and after a reload. */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * Without `query`, Yoga's GraphiQL page passes its welcome text as GraphiQL's `initialQuery`: on a first visit it
 * replaces the first tab's editor, and after a reload it matches no stored tab, so a welcome tab is added. Given the
 * tab's own query and variables (empty for none), GraphiQL shows that tab on a first visit and finds and selects it after
 * a reload. Yoga reads `query` and `variables` at run time but does not declare them in GraphiQLOptions.
 */
export function openOnTab(tab: { query: string; variables?: Record<string, unknown> }): GraphiQLOptions {
  return { query: tab.query, variables: tab.variables ? JSON.stringify(tab.variables, null, 2) : '' } as GraphiQLOptions;
}

/**
 * Runs in the page, on the options before GraphiQL renders: a `?query=` in the address (the explorer's "Open in
 * GraphiQL", or the text Yoga writes there as one edits) opens that query instead of the first example. Yoga's page
 * prefers a configured `query` to the address's, and the page is one fixed body for every address (compressed and
 * cached once), so the address is read here. On a first visit the query is a tab of its own before the examples;
 * after that GraphiQL finds it among the stored tabs, or adds it. Without `variables` GraphiQL keeps the stored ones.
 */
function openAskedQuery(options: { query?: string; variables?: string; defaultTabs?: { query: string; variables?: string | null }[] }) {
  const asked = new URL(location.href).searchParams.get('query');
  if (!asked) return options;
  const opened = { ...options, query: asked, defaultTabs: [{ query: asked, variables: null }, ...(options.defaultTabs ?? [])] };
  delete opened.variables;
  return opened;
}

const renderCall = 'YogaGraphiQL.renderYogaGraphiQL(';

/** The last page made, and the options it was made for. */
let rendered: { key: string; page: string } | undefined;

/**
 * Yoga's GraphiQL page, with `openAskedQuery` applied to its options. Throws at the first request for it if the page
 * no longer calls GraphiQL as this expects (another @graphql-yoga/render-graphiql), rather than serve a page that
 * ignores the address.
 */
export function renderGraphiQLWithAskedQuery(options: GraphiQLOptions | undefined): string {
  // Yoga renders the page for every request, with options that do not change: the 9 MB page is made once for them.
  const key = JSON.stringify(options ?? null);
  if (rendered?.key === key) return rendered.page;
  const page = renderGraphiQL(options);
  const at = page.lastIndexOf(renderCall);
  if (at < 0) throw new Error(`@graphql-yoga/render-graphiql's page has no ${renderCall}…): GraphiQL cannot open the address's ?query=.`);
  const wrapped = `((render) => (root, options) => render(root, (${openAskedQuery.toString()})(options)))(YogaGraphiQL.renderYogaGraphiQL)(`;
  rendered = { key, page: page.slice(0, at) + wrapped + page.slice(at + renderCall.length) };
  return rendered.page;
}
