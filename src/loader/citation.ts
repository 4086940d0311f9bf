/** Citations: where a quote sits in a source's text, in the offsets the quotes of cypher/ use. */
import { fileURLToPath } from 'node:url';
import { cypherStringLiteral } from './param-files.js';

/** The project's source texts: `cypher/sources/<source-id>.txt`. */
export const defaultSourcesDirectory = fileURLToPath(new URL('../../cypher/sources/', import.meta.url));

export interface Citation {
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  /** 1-based: which occurrence of the quote in the text this is. */
  occurrence: number;
  /** How many times the quote occurs in the text. */
  occurrences: number;
}

/** A quote that cannot be cited as asked; the message says why and what to do. */
export class CitationError extends Error {
  override name = 'CitationError';
}

/** Every start offset of `quote` in `text`, overlapping ones included. */
function occurrencesOf(text: string, quote: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) starts.push(at);
  return starts;
}

/** White space a terminal shows as a plain space, named: a no-break space looks the same as the space the user typed. */
const whiteSpaceNames: Record<string, string> = { '\u00a0': 'a no-break space (U+00A0)', '\n': 'a line break', '\r': 'a carriage return', '\t': 'a tab' };

/** `with a no-break space (U+00A0) in place of the quote's white space`, or `with other white space` when the text's is plain spaces. */
function describeWhiteSpace(found: string): string {
  const odd = [...new Set(found.match(/[^\S ]/gu) ?? [])];
  if (odd.length === 0) return 'with other white space';
  const names = odd.map((char) => whiteSpaceNames[char] ?? `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return `with ${names.join(' and ')} in place of the quote's white space`;
}

/** Where `quote` sits in `text`; `occurrence` (1-based) picks one when it occurs more than once. */
export function cite(text: string, quote: string, occurrence?: number): Citation {
  if (quote === '') throw new CitationError('The quote is empty.');
  const starts = occurrencesOf(text, quote);
  if (starts.length === 0) {
    // The usual causes: the text has a no-break space (U+00A0) or a line break where the quote has a plain space,
    // or other capitals ("the CSTO" typed as "the csto").
    const words = quote.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
    const spaced = [...text.matchAll(new RegExp(words, 'gu'))];
    const near = spaced.length ? spaced : [...text.matchAll(new RegExp(words, 'giu'))];
    const [first] = near;
    if (!first) throw new CitationError('The quote does not occur in the text.');
    const odd = first[0].replace(/\s+/g, ' ') !== first[0];
    const how = spaced.length ? describeWhiteSpace(first[0]) : odd ? `with other capitals, and ${describeWhiteSpace(first[0])}` : 'with other capitals';
    const where = near.length === 1 ? `at ${first.index}: quote it exactly as` : `${near.length} times, at ${near.map((match) => match.index).join(', ')}: quote one exactly, e.g.`;
    throw new CitationError(`The quote does not occur in the text. It does occur ${how} ${where} ${JSON.stringify(first[0])}.`);
  }
  if (occurrence === undefined && starts.length > 1) {
    throw new CitationError(
      `The quote occurs ${starts.length} times, at ${starts.join(', ')}: choose one with --occurrence 1 to ${starts.length}, or quote more of the sentence.`,
    );
  }
  const chosen = occurrence ?? 1;
  if (!Number.isInteger(chosen) || chosen < 1 || chosen > starts.length) {
    throw new CitationError(`--occurrence must be from 1 to ${starts.length}, got ${chosen}.`);
  }
  const quoteStart = starts[chosen - 1]!;
  return { quote, quoteStart, quoteEnd: quoteStart + quote.length, occurrence: chosen, occurrences: starts.length };
}

/**
 * Where a quote that missed its offsets is in the text, for the loader's error: the offsets to write, or what `npm
 * run cite` would answer (several places, or none but one with other white space).
 */
export function whereQuoteIs(text: string, quote: string): string {
  try {
    const { quoteStart, quoteEnd } = cite(text, quote);
    return `the quote is in the source at [${quoteStart}, ${quoteEnd})`;
  } catch (error) {
    if (!(error instanceof CitationError)) throw error;
    return `npm run cite says: ${error.message}`;
  }
}

/** The quote's part of a row map of cypher/: `quote: '…', quoteStart: 1, quoteEnd: 9`. */
export function rowMapFields(citation: Citation): string {
  return `quote: ${cypherStringLiteral(citation.quote)}, quoteStart: ${citation.quoteStart}, quoteEnd: ${citation.quoteEnd}`;
}
