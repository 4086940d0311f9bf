/**
 * `UNWIND [ …literal rows… ] AS row` sent as `UNWIND $param AS row`: the same statement, but Neo4j parses and plans
 * it once for every file of the same shape instead of once per file. A statement of a few hundred literal rows
 * costs Neo4j about a second to parse and plan (its parser and rewriters walk every literal), and the plan cannot
 * be reused, since Neo4j only turns simple literals into parameters; sent as a parameter, the rows cost almost
 * nothing and the plan is cached.
 *
 * Only lists made of plain literals move: strings, numbers, booleans, null, lists, maps and `date('YYYY-MM-DD')`.
 * Anything else (another function, an expression, a parameter, an escape this parser does not know) leaves the
 * list in the text, where Neo4j evaluates it as before, with its own errors.
 */
import neo4j from 'neo4j-driver';
import { commentEnd, scanCypher, stringStops } from './split-cypher.js';

export interface LiteralRowsStatement {
  /** The statement with each moved list replaced by `$<name>`. */
  text: string;
  /** The moved lists, by parameter name. */
  parameters: Record<string, unknown>;
  /** A 1-based line and column of `text` (as Neo4j's errors give them) as the line and column of the original statement. */
  originalPosition(line: number, column: number): { line: number; column: number };
}

/** The parameters' names: `$<prefix><n>`, a name no file is expected to use. */
export const literalRowsPrefix = 'cstoLiteralRows';

/** Sticky patterns, matched where the parser stands (`lastIndex`) instead of on a slice of the text. */
const whiteSpace = /\s+/y;
const identifier = /[A-Za-z_][A-Za-z0-9_]*/y;
const numberLiteral = /-?\s*(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?(?![0-9A-Za-z_.])/y;

/** A sticky pattern's match at `at`: its text and where it ends; undefined when it does not match there. */
function matchAt(pattern: RegExp, text: string, at: number): { text: string; end: number } | undefined {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match ? { text: match[0], end: at + match[0].length } : undefined;
}

/** Thrown inside the parser when a list is not made of plain literals; the list then stays in the text. */
class NotALiteral extends Error {}

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/** Parses one literal value starting at `start`; returns it and where it ends. */
class LiteralParser {
  constructor(private readonly text: string) {}

  /** White space and comments, as Cypher allows between tokens. */
  skip(at: number): number {
    const text = this.text;
    for (;;) {
      at = matchAt(whiteSpace, text, at)?.end ?? at;
      if (!text.startsWith('//', at) && !text.startsWith('/*', at)) return at;
      const end = commentEnd(text, at);
      if (end === undefined) throw new NotALiteral();
      at = end;
    }
  }

  value(at: number): { value: unknown; end: number } {
    at = this.skip(at);
    const char = this.text[at];
    if (char === '[') return this.list(at);
    if (char === '{') return this.map(at);
    if (char === "'" || char === '"') return this.string(at);
    if (char === '-' || (char !== undefined && /[0-9]/.test(char))) return this.number(at);
    const word = matchAt(identifier, this.text, at)?.text;
    if (word === undefined) throw new NotALiteral();
    const after = at + word.length;
    const lower = word.toLowerCase();
    if (lower === 'true') return { value: true, end: after };
    if (lower === 'false') return { value: false, end: after };
    if (lower === 'null') return { value: null, end: after };
    if (lower === 'date') return this.date(after);
    throw new NotALiteral();
  }

  private list(at: number): { value: unknown[]; end: number } {
    const items: unknown[] = [];
    at = this.skip(at + 1);
    if (this.text[at] === ']') return { value: items, end: at + 1 };
    for (;;) {
      const item = this.value(at);
      items.push(item.value);
      at = this.skip(item.end);
      if (this.text[at] === ',') at++;
      else if (this.text[at] === ']') return { value: items, end: at + 1 };
      else throw new NotALiteral();
    }
  }

  private map(at: number): { value: Record<string, unknown>; end: number } {
    const map: Record<string, unknown> = {};
    at = this.skip(at + 1);
    if (this.text[at] === '}') return { value: map, end: at + 1 };
    for (;;) {
      at = this.skip(at);
      let key: string;
      if (this.text[at] === '`') {
        const end = this.text.indexOf('`', at + 1);
        // A doubled backtick escapes one; rare enough to leave to Neo4j.
        if (end < 0 || this.text[end + 1] === '`') throw new NotALiteral();
        key = this.text.slice(at + 1, end);
        at = end + 1;
      } else {
        const word = matchAt(identifier, this.text, at)?.text;
        if (word === undefined) throw new NotALiteral();
        key = word;
        at += word.length;
      }
      if (Object.hasOwn(map, key)) throw new NotALiteral();
      at = this.skip(at);
      if (this.text[at] !== ':') throw new NotALiteral();
      const item = this.value(at + 1);
      map[key] = item.value;
      at = this.skip(item.end);
      if (this.text[at] === ',') at++;
      else if (this.text[at] === '}') return { value: map, end: at + 1 };
      else throw new NotALiteral();
    }
  }

  private string(at: number): { value: string; end: number } {
    const quote = this.text[at]!;
    const stops = stringStops[quote as "'" | '"'];
    let value = '';
    for (let i = at + 1; i < this.text.length; i++) {
      // The characters up to the next quote or backslash are the string's as they are.
      stops.lastIndex = i;
      const stop = stops.exec(this.text);
      if (!stop) break;
      value += this.text.slice(i, stop.index);
      i = stop.index;
      if (stop[0] === quote) return { value, end: i + 1 };
      const escape = this.text[++i];
      const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (escape !== undefined && escape in simple) {
        value += simple[escape];
      } else if (escape === 'u' || escape === 'U') {
        const digits = escape === 'u' ? 4 : 8;
        const hex = this.text.slice(i + 1, i + 1 + digits);
        if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) throw new NotALiteral();
        const code = Number.parseInt(hex, 16);
        if (code > 0x10ffff) throw new NotALiteral();
        value += String.fromCodePoint(code);
        i += digits;
      } else {
        throw new NotALiteral();
      }
    }
    throw new NotALiteral();
  }

  private number(at: number): { value: unknown; end: number } {
    numberLiteral.lastIndex = at;
    const match = numberLiteral.exec(this.text);
    if (!match) throw new NotALiteral();
    const token = match[0].replace(/\s+/g, '');
    const end = at + match[0].length;
    if (match[1] !== undefined || match[2] !== undefined) {
      const value = Number(token);
      if (!Number.isFinite(value)) throw new NotALiteral();
      // A JavaScript number travels as a Cypher FLOAT, as the literal would be.
      return { value, end };
    }
    // Up to 15 digits are exact as a JavaScript number, and neo4j.int reads a number faster than a string.
    if (token.replace('-', '').length <= 15) return { value: neo4j.int(Number(token)), end };
    const value = BigInt(token);
    if (value < int64Min || value > int64Max) throw new NotALiteral();
    return { value: neo4j.int(token), end };
  }

  /** `date('YYYY-MM-DD')`, `at` just after the word. */
  private date(at: number): { value: unknown; end: number } {
    at = this.skip(at);
    if (this.text[at] !== '(') throw new NotALiteral();
    const argument = this.value(at + 1);
    const end = this.skip(argument.end);
    if (this.text[end] !== ')' || typeof argument.value !== 'string') throw new NotALiteral();
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(argument.value);
    if (!match) throw new NotALiteral();
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth) throw new NotALiteral();
    return { value: new neo4j.types.Date(year, month, day), end: end + 1 };
  }
}

/** Where each `UNWIND` at the top level of the code (not in a string, name or comment) starts, each string literal, and each comment. */
function unwindKeywords(text: string, strings: number[] = [], comments: number[] = []): number[] {
  const found: number[] = [];
  scanCypher(text, {
    stringStart: (i) => strings.push(i),
    commentStart: (i) => comments.push(i),
    code: (i) => {
      // The first letter first: slicing and matching at every character of code cost more than the rest of the scan.
      if ((text[i] === 'u' || text[i] === 'U') && /^unwind\b/i.test(text.slice(i, i + 7)) && (i === 0 || !/[A-Za-z0-9_$]/.test(text[i - 1]!))) found.push(i);
    },
  });
  return found;
}

/** 1-based line and column of an offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: (before.match(/\n/g)?.length ?? 0) + 1, column: offset - lineStart + 1 };
}

/** The offset of a 1-based line and column (clamped to the text). */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

/** The prefix of the parameters that carry a statement's other string literals (`$cstoLiteralString1` …). */
export const literalStringPrefix = 'cstoLiteralString';

/** Statements whose string literals can all be parameters: reads and writes of data, not schema or admin commands. */
const dataStatement = /^(MATCH|OPTIONAL|MERGE|UNWIND|WITH)\b/i;

function isDataStatement(parser: LiteralParser, statement: string): boolean {
  try {
    return dataStatement.test(statement.slice(parser.skip(0)));
  } catch (error) {
    if (error instanceof NotALiteral) return false;
    throw error;
  }
}

/** What `moveLiteralRows` does besides moving `UNWIND [literal list]`s. */
export interface MoveOptions {
  /** Also send a data statement's other string literals as parameters. Default false. */
  strings?: boolean;
  /** Also drop comments, and the white space before and after the statement. Default false. */
  comments?: boolean;
}

/**
 * Moves every `UNWIND [literal list]` of a statement into a parameter (names `$cstoLiteralRows1` …, numbered
 * from `first`). With `strings`, a statement that starts with MATCH, OPTIONAL MATCH, MERGE, UNWIND or WITH also
 * sends its other string literals as parameters (`$cstoLiteralString1` …): the source id that each file of the
 * merge templates writes into its text (`MATCH (s:Source {id: '…'})`, `'…' AS sourceId`) then no longer makes
 * the text differ between files, so Neo4j finds it in its query cache instead of parsing it again. With
 * `comments`, comments go too: Neo4j's query cache is keyed by the whole text, comments included, so a file's
 * header comment (`// Synthetic cluster 500 …`) made its first statement a new query, parsed and planned, in every
 * file. Returns undefined when nothing changes.
 */
export function moveLiteralRows(statement: string, first = 1, options: MoveOptions = {}): LiteralRowsStatement | undefined {
  const parser = new LiteralParser(statement);
  /** Spans of the statement and what replaces them: a parameter (`$name`), or text (a dropped comment). */
  const moved: { start: number; end: number; name?: string; value?: unknown; replacement?: string }[] = [];
  const strings: number[] = [];
  const comments: number[] = [];
  const keywords = unwindKeywords(statement, strings, comments);
  for (const keyword of keywords) {
    if (moved.length && keyword < moved.at(-1)!.end) continue;
    const start = parser.skip(keyword + 'UNWIND'.length);
    if (statement[start] !== '[') continue;
    try {
      const { value, end } = parser.value(start);
      // The list must be followed by AS: anything else (an index, a concatenation) is an expression.
      if (!/^as\b/i.test(statement.slice(parser.skip(end), parser.skip(end) + 3))) continue;
      moved.push({ start, end, name: `${literalRowsPrefix}${first + moved.length}`, value });
    } catch (error) {
      if (!(error instanceof NotALiteral)) throw error;
    }
  }
  // Strings and comments inside the moved rows travel with them.
  const rows = [...moved];
  const inRows = (at: number) => rows.some((row) => at >= row.start && at < row.end);
  // LOAD CSV's FIELDTERMINATOR takes only a literal.
  if (options.strings && isDataStatement(parser, statement) && !/\bFIELDTERMINATOR\b/i.test(statement)) {
    let count = 0;
    for (const start of strings.filter((at) => !inRows(at))) {
      try {
        const { value, end } = parser.value(start);
        moved.push({ start, end, name: `${literalStringPrefix}${first + count++}`, value });
      } catch (error) {
        if (!(error instanceof NotALiteral)) throw error;
      }
    }
  }
  if (options.comments) {
    for (const start of comments.filter((at) => !inRows(at))) {
      const end = commentEnd(statement, start);
      // An unclosed block comment is left for Neo4j to report.
      if (end === undefined) continue;
      // A block comment becomes one space, so that the tokens around it stay apart; a line comment keeps its newline.
      moved.push({ start, end, replacement: statement[start + 1] === '/' ? '' : ' ' });
    }
  }
  moved.sort((a, b) => a.start - b.start);
  let text = '';
  let from = 0;
  // Offsets of each replacement in the new text, to map Neo4j's positions back.
  const placed: { start: number; end: number; originalStart: number; originalEnd: number }[] = [];
  for (const { start, end, name, replacement } of moved) {
    text += statement.slice(from, start);
    const placeholder = replacement ?? `$${name}`;
    placed.push({ start: text.length, end: text.length + placeholder.length, originalStart: start, originalEnd: end });
    text += placeholder;
    from = end;
  }
  text += statement.slice(from);
  // The white space left before the statement counts in Neo4j's positions no more: `leading` adds it back.
  const leading = options.comments ? text.length - text.trimStart().length : 0;
  if (options.comments) text = text.trim();
  if (text === statement) return undefined;
  return {
    text,
    parameters: Object.fromEntries(moved.flatMap(({ name, value }) => (name === undefined ? [] : [[name, value]]))),
    originalPosition(line, column) {
      const offset = offsetOf(text, line, column) + leading;
      let shift = 0;
      for (const place of placed) {
        if (offset < place.start) break;
        if (offset < place.end) return positionOf(statement, place.originalStart);
        shift = place.originalEnd - place.end;
      }
      return positionOf(statement, offset + shift);
    },
  };
}
