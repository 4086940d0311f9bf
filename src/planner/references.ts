/**
 * Arguments that name a thing: a slug, a global id, a name or an alias, resolved as `lookup` resolves them, inside
 * the root field's own query. An exact id wins over names; a name shared by several things, one that names
 * nothing, or a thing of a kind the argument does not take (`ofKind`), is the client's error, which says so with
 * the candidates or the nearest matches (of the kinds it takes).
 */
import distance from 'damerau-levenshtein';
import { withArticle } from '../counted.js';
import { badUserInput, notFound } from '../schema/errors.js';
import { kindOfGlobalId, matchThingsBySlug, type NodeLabel, searchKey, slugOf } from '../schema/shapes.js';
import { nodeTypename } from './compile-selection.js';
import type { Parameters } from './parameters.js';

/** An argument that must name a thing of one of these kinds (labels, e.g. 'Organization'). */
export interface KindedReference {
  value: string | null | undefined;
  kinds: readonly NodeLabel[];
}

/** `members(organization:)` names an Organization: a State there is the client's error, not an empty answer. */
export const ofKind = (value: string | null | undefined, ...kinds: readonly NodeLabel[]): KindedReference => ({ value, kinds });

/** The references of one root field: argument path (e.g. "filter.participant") to the client's value, of any kind or of some. */
export type References = Record<string, string | null | undefined | KindedReference>;

interface Candidate {
  id: string;
  name: string;
  kind: string;
}

/** Full-text hits a misspelt name is compared with; the nearest three are suggested. */
const suggestionPool = 10;
const suggested = 3;

/** A text's words as search keys compare them: `Nikol Pashinyan` and `nikol-pashinyan` both give `['nikol', 'pashinyan']`. */
const wordsOf = (text: string) => searchKey(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The hits nearest to what was typed, in edits (a swap of two letters is one): by their nearest id, name, alias or
 * word of one, then by their nearest id, name or alias as a whole, then in Lucene's order. Lucene's scores alone put
 * "CSTO peacekeeping forces" before the CSTO for `CTSO`, as both contain a word one edit away.
 */
export function nearestHits(typed: string, hits: (Candidate & { aliases?: string[] | null })[]): Candidate[] {
  const words = wordsOf(typed);
  const whole = words.join(' ');
  const ranked = hits.map((hit, order) => {
    const names = [hit.id, hit.name, ...(hit.aliases ?? [])].map(wordsOf);
    const asWhole = Math.min(...names.map((name) => distance(whole, name.join(' ')).steps));
    const byWord = Math.min(...names.flat().flatMap((word) => words.map((typedWord) => distance(typedWord, word).steps)));
    return { hit: { id: hit.id, name: hit.name, kind: hit.kind }, nearest: Math.min(asWhole, byWord), asWhole, order };
  });
  ranked.sort((a, b) => a.nearest - b.nearest || a.asWhole - b.asWhole || a.order - b.order);
  // A hit more edits away than a third of the longest word typed (two at least) is no likely meaning of it.
  const farthest = Math.max(2, Math.floor(Math.max(0, ...words.map((word) => word.length)) / 3));
  return ranked.filter(({ nearest }) => nearest <= farthest).slice(0, suggested).map(({ hit }) => hit);
}

export interface ReferenceResolution {
  /** CALL clauses that bind, for each reference, `ref<i>` (the one id, or null) and `candidates<i>`. */
  clauses: string;
  /** Each reference's Cypher variable holding its resolved id. */
  variables: Record<string, string>;
  /** Columns to return, so that the answer can be checked. */
  columns: string[];
  /** Throws the client's error if a reference names nothing, or several things. */
  check(row: Record<string, unknown>): void;
}

/** A Lucene phrase over the stored search keys; the exact key is compared after, so the phrase only narrows. */
const phrase = (key: string) => `searchKeys:"${key.replace(/["\\]/g, (char) => `\\${char}`)}"`;

/**
 * Words matched up to two edits off: a misspelt name is a few words, and each such word expands to up to 50 Lucene
 * clauses, where a query may have 1,024 (130 four-digit words failed the whole search with TooManyClauses).
 */
const maxFuzzyWords = 8;

/** Lucene words for suggestions and search's second try: each term as itself, the first few also as a fuzzy match. */
export const fuzzy = (text: string) =>
  wordsOf(text)
    // Up to two edits from a word of one or two letters is nearly every short word.
    .map((term, index) => (term.length > 2 && index < maxFuzzyWords ? `${term} ${term}~` : term))
    .join(' ') || 'none';

/** Resolution of the given references; null when the field has none. */
export function resolveReferences(references: References, q: Parameters): ReferenceResolution | null {
  const given = Object.entries(references)
    .map(([path, reference]) => ({ path, ...(typeof reference === 'object' && reference !== null ? reference : { value: reference, kinds: undefined }) }))
    .filter((reference): reference is { path: string; value: string; kinds: readonly NodeLabel[] | undefined } => typeof reference.value === 'string');
  if (!given.length) return null;
  const variables: Record<string, string> = {};
  const clauses: string[] = [];
  const columns: string[] = [];
  given.forEach(({ path, value, kinds }, index) => {
    variables[path] = `ref${index}`;
    // The candidates of the kinds the argument takes; of any kind, the candidates themselves.
    const fitting = kinds ? `fitting${index}` : `candidates${index}`;
    const kindList = kinds && q.param([...kinds]);
    columns.push(`candidates${index}`, `suggestions${index}`, ...(kinds ? [fitting] : []));
    const kind = nodeTypename('x');
    // Names are looked up only when no slug matches: an exact id wins, and costs only index seeks.
    // A global id names its kind too: `Person:kyrgyzstan` is no id of the State kyrgyzstan.
    const namedKind = kindOfGlobalId(value);
    const ofNamedKind = namedKind ? ` WITH x WHERE ${kind} = ${q.param(namedKind)}` : '';
    clauses.push(`CALL { ${matchThingsBySlug('x', q.param([slugOf(value)]))}${ofNamedKind} RETURN collect(x {.id, .name, kind: ${kind}}) AS exact${index} }
CALL {
  WITH exact${index} WITH exact${index} WHERE size(exact${index}) = 0
  CALL db.index.fulltext.queryNodes('search', ${q.param(phrase(searchKey(value)))}) YIELD node AS x
  WITH x WHERE ${q.param(searchKey(value))} IN x.searchKeys
  WITH x ORDER BY x.id
  RETURN collect(x {.id, .name, kind: ${kind}}) AS named${index}
}
WITH *, CASE WHEN size(exact${index}) > 0 THEN exact${index} ELSE named${index} END AS candidates${index}
${kindList ? `WITH *, [c IN candidates${index} WHERE c.kind IN ${kindList}] AS ${fitting}
` : ''}WITH *, CASE WHEN size(${fitting}) = 1 THEN ${fitting}[0].id END AS ref${index}
CALL {
  WITH candidates${index} WITH candidates${index} WHERE size(candidates${index}) = 0
  CALL db.index.fulltext.queryNodes('search', ${q.param(fuzzy(slugOf(value)))}) YIELD node AS x, score
  ${kindList ? `WITH x, score WHERE ${kind} IN ${kindList}\n  ` : ''}WITH x ORDER BY score DESC, x.id LIMIT ${suggestionPool}
  RETURN collect(x {.id, .name, .aliases, kind: ${kind}}) AS suggestions${index}
}`);
  });
  return {
    clauses: clauses.join('\n'),
    variables,
    columns,
    check: (row) =>
      given.forEach(({ path, value, kinds }, index) => {
        const candidates = (row[`candidates${index}`] ?? []) as Candidate[];
        const fitting = (kinds ? (row[`fitting${index}`] ?? []) : candidates) as Candidate[];
        const argument = path.split('.').at(-1)!;
        const excerpt = value.length > 80 ? `${value.slice(0, 80)}…` : value;
        const list = (things: Candidate[]) => things.map((thing) => `${thing.name} (${thing.kind}:${thing.id})`).join(', ');
        if (fitting.length > 1) {
          throw badUserInput(`${path} '${excerpt}' names ${fitting.length} things: ${list(fitting)}. Pass one of their ids.`, argument);
        }
        if (fitting.length === 0 && candidates.length > 0) {
          throw badUserInput(`${path} '${excerpt}' names ${list(candidates)}, but it must name ${kinds!.map(withArticle).join(' or ')}.`, argument);
        }
        if (candidates.length === 0) {
          const suggestions = nearestHits(slugOf(value), (row[`suggestions${index}`] ?? []) as Candidate[]);
          // Global ids only: messages stay short enough to reach the client whole.
          const nearest = suggestions.map((thing) => `${thing.kind}:${thing.id}`);
          const listed = nearest.length ? ` Nearest matches: ${nearest.join(', ')}.` : '';
          throw notFound(`${path}: no thing has the id, name or alias '${excerpt}'.${listed} Search finds things by any word.`, argument, nearest);
        }
      }),
  };
}
