/** GraphiQL options that make Yoga's GraphiQL open on a given tab, on a first visit and after a reload. */
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
