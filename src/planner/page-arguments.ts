/** Checks of paging arguments: sizes within the limit, and cursors that are ours and well formed. */
import { badUserInput } from '../schema/errors.js';
import { limits } from '../limits.js';

/** Rejects a page size over the maximum with a clear error instead of silently cutting it. */
export function checkPageSize(size: number | null | undefined, argument: string): void {
  if (size == null) return;
  if (!Number.isInteger(size) || size < 0 || size > limits.maxPageSize) {
    throw badUserInput(`${argument} must be a whole number from 0 to ${limits.maxPageSize}; got ${size}.`, argument);
  }
}

/** `last` counts back from `before` or from the end of `first`: alone it has no end to count from, as the list's end is not read first. */
export function checkLastHasAnEnd({ first, last, before }: { first?: number | null; last?: number | null; before?: string | null }): void {
  if (last != null && first == null && before == null) {
    throw badUserInput('last counts back from before: pass before (a cursor) or first with it. For the last items of a list, sort it the other way (orderBy) and ask for first.', 'last');
  }
}

const cursorPrefix = 'OffsetConnection:';

/** Most items a cursor may point past: far beyond any page a client can reach, small enough for Cypher's SKIP. */
const maxCursorOffset = 10_000_000;

/** A cursor decoded: its list (absent from cursors of an older form, which no list takes), then its offset. */
const cursorPattern = new RegExp(`^${cursorPrefix}(?:(\\w+):)?(.*)$`, 's');

/** The cursor of the item at `offset` of the list a root field gives: `OffsetConnection:<field>:<offset>`, base64. */
export function listCursor(list: string, offset: number): string {
  return Buffer.from(`${cursorPrefix}${list}:${offset}`, 'utf8').toString('base64');
}

/**
 * The offset a cursor of list `list` stands for; anything that is not a cursor this API gave out for that list is
 * BAD_USER_INPUT (an offset means nothing in another list).
 */
export function decodeOffsetCursor(cursor: string, argument: string, list: string): number {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  const [, of, digits = ''] = cursorPattern.exec(decoded) ?? [];
  const offset = /^(0|[1-9]\d{0,7})$/.test(digits) ? Number(digits) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset > maxCursorOffset || Buffer.from(decoded, 'utf8').toString('base64') !== cursor || of === undefined) {
    throw badUserInput(`${argument} is not a cursor of this list; pass a cursor from its pageInfo or edges.`, argument);
  }
  if (of !== list) throw badUserInput(`${argument} is a cursor of ${of}, not of ${list}; pass a cursor from this list's pageInfo or edges.`, argument);
  return offset;
}
