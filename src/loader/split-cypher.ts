/** Splits a Cypher script into statements on `;` the way cypher-shell does, keeping each statement's first line. */

export interface CypherStatement {
  /** The statement's text, from just after the previous `;` up to (not including) its own `;`. */
  text: string;
  /** 1-based line in the file where `text` begins, so a Neo4j error's line can be mapped back to the file. */
  line: number;
}

/** A piece of script without its comments and surrounding white space (a comment-like text inside a string goes too). */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '').trim();
}

/** True when a piece of script holds nothing but white space and comments. */
const isBlank = (text: string) => withoutComments(text) === '';

/** What a scan of Cypher text is told of: each character in code, each string literal's opening quote, and each comment's first `/`. */
export interface CypherVisitor {
  code?(index: number): void;
  stringStart?(index: number): void;
  commentStart?(index: number): void;
}

/** The next quote or backslash of a string literal, by its quote (global patterns: set `lastIndex` first). */
export const stringStops = { "'": /['\\]/g, '"': /["\\]/g };

/** Where a string literal opened at `start` ends (just after its closing quote), or the text's end when it does not close. */
function stringEnd(text: string, start: number): number {
  const stops = stringStops[text[start] as "'" | '"'];
  stops.lastIndex = start + 1;
  for (let stop = stops.exec(text); stop; stop = stops.exec(text)) {
    if (stop[0] !== '\\') return stop.index + 1;
    // An escape: the character after the backslash is part of the string, whatever it is.
    stops.lastIndex = stop.index + 2;
  }
  return text.length;
}

/**
 * Where the comment that opens at `at` (`//` or `/*`) ends: a line comment at its newline (or the text's end), a
 * block comment just after the star and slash that close it; undefined when a block comment does not close. The star
 * of the opening `/*` cannot also close it.
 */
export function commentEnd(text: string, at: number): number | undefined {
  if (text[at + 1] === '/') {
    const newline = text.indexOf('\n', at + 2);
    return newline < 0 ? text.length : newline;
  }
  const close = text.indexOf('*/', at + 2);
  return close < 0 ? undefined : close + 2;
}

/** Where the piece of text that opens at `at` with a quote, a backtick, `//` or `/*` ends; undefined for code. */
function skippedEnd(text: string, at: number): number | undefined {
  const char = text[at];
  if (char === "'" || char === '"') return stringEnd(text, at);
  if (char === '`') {
    const close = text.indexOf('`', at + 1);
    return close < 0 ? text.length : close + 1;
  }
  if (char === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) return commentEnd(text, at) ?? text.length;
  return undefined;
}

/**
 * Reads Cypher text as its lexer does: code, strings (with escapes), `names` and comments, calling the visitor.
 * Strings, names and comments are skipped with searches, not a character at a time: most of a file of literal rows
 * is strings.
 */
export function scanCypher(text: string, visitor: CypherVisitor): void {
  for (let i = 0; i < text.length; ) {
    const end = skippedEnd(text, i);
    if (end === undefined) {
      visitor.code?.(i);
      i++;
      continue;
    }
    if (text[i] === "'" || text[i] === '"') visitor.stringStart?.(i);
    else if (text[i] === '/') visitor.commentStart?.(i);
    i = end;
  }
}

/** The newlines of `text` from `from` up to (not including) `to`. */
function newlinesBetween(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

export function splitCypher(script: string): CypherStatement[] {
  const statements: CypherStatement[] = [];
  let start = 0;
  let startLine = 1;
  const add = (end: number) => {
    const text = script.slice(start, end);
    if (!isBlank(text)) statements.push({ text, line: startLine });
  };
  scanCypher(script, {
    code: (i) => {
      if (script[i] !== ';') return;
      add(i);
      startLine += newlinesBetween(script, start, i + 1);
      start = i + 1;
    },
  });
  add(script.length);
  return statements;
}
