/** Before anything is timed: does every contender give the same answer as raw Cypher? */
import type { Contender, ContenderId } from './contenders.js';
import type { BenchOperation } from './operations.js';

export interface AnswerCheck {
  check: 'same' | 'mismatch';
  /** One line per contender that failed or differs from raw Cypher. */
  problems: string[];
  /** Contenders that answered with an error: timing them would time the error. */
  failed: Set<ContenderId>;
}

const shown = 5;

/** What differs between two normalised answers, in one line. */
export function describeDifference(actual: unknown, expected: unknown): string {
  if (Array.isArray(actual) && Array.isArray(expected)) {
    const have = new Set(actual.map((item) => JSON.stringify(item)));
    const want = new Set(expected.map((item) => JSON.stringify(item)));
    const extra = [...have].filter((item) => !want.has(item));
    const missing = [...want].filter((item) => !have.has(item));
    const list = (items: string[]) => `${items.slice(0, shown).join(', ')}${items.length > shown ? ` … (${items.length})` : ''}`;
    return [extra.length && `extra ${list(extra)}`, missing.length && `missing ${list(missing)}`].filter(Boolean).join('; ') || 'same items in another order';
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const keys = [...new Set([...Object.keys(actual), ...Object.keys(expected)])];
    const differing = keys.filter((key) => JSON.stringify((actual as Record<string, unknown>)[key]) !== JSON.stringify((expected as Record<string, unknown>)[key]));
    return differing.map((key) => `${key}: ${describeDifference((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key])}`).join('; ');
  }
  return `${JSON.stringify(actual)?.slice(0, 200)} instead of ${JSON.stringify(expected)?.slice(0, 200)}`;
}

/** Asks every contender once and compares each normalised answer with raw Cypher's. */
export async function checkAnswers(contenders: Contender[], operation: BenchOperation): Promise<AnswerCheck> {
  const answers = new Map<ContenderId, unknown>();
  const problems: string[] = [];
  const failed = new Set<ContenderId>();
  for (const contender of contenders) {
    try {
      answers.set(contender.id, await contender.answer(operation));
    } catch (error) {
      failed.add(contender.id);
      problems.push(`${contender.label} failed: ${(error instanceof Error ? error.message : String(error)).slice(0, 300)}`);
    }
  }
  const reference = contenders.find((contender) => contender.id === 'cypher');
  if (reference && answers.has(reference.id)) {
    const expected = answers.get(reference.id);
    for (const contender of contenders) {
      if (contender === reference || !answers.has(contender.id)) continue;
      const actual = answers.get(contender.id);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${contender.label} differs from raw Cypher: ${describeDifference(actual, expected)}`);
    }
  }
  return { check: problems.length ? 'mismatch' : 'same', problems, failed };
}
