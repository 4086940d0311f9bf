/**
 * One first run per query text. Neo4j plans a query the first time it sees its text and caches the plan, but it
 * does not make concurrent first runs of one text wait for each other: each plans it again. On a freshly started
 * (or restarted) Neo4j with a cold JVM, 50 requests of one kind arriving together then cost 50 plans of a second or
 * more each, and all of them missed the 10 s deadline (measured: 50 × the shortest-path question, 21 s of Neo4j CPU,
 * every answer QUERY_TIMEOUT; one first, then 49: 1.4 s, all answered).
 *
 * So while a text's first run is under way, later runs of the same text wait for it; once one has succeeded, the
 * text is known and runs never wait again. If the first run fails, one of the waiting runs becomes the next
 * first run. `forget()` (Neo4j went down, and comes back with an empty plan cache) makes every text unknown again.
 * Known texts are kept by a hash, at most `capacity` of them (Neo4j's own plan cache holds 1,000 by default), the
 * least recently used going first, so the gate's memory is bounded whatever queries clients send.
 */
import { createHash } from 'node:crypto';

export class FirstRunGate {
  private readonly known = new Map<string, true>();
  private readonly firstRuns = new Map<string, Promise<unknown>>();

  constructor(private readonly capacity = 1000) {}

  /** How many texts are known to have run once (for tests and diagnostics). */
  get size(): number {
    return this.known.size;
  }

  /**
   * Runs `task` for `text`, after waiting for a first run of the same text that is under way. `wait` bounds that
   * waiting: it gets the first run's promise and must resolve or reject by the caller's deadline.
   */
  async run<T>(text: string, task: () => Promise<T>, wait: (firstRun: Promise<unknown>) => Promise<unknown> = (first) => first): Promise<T> {
    const key = createHash('sha256').update(text).digest('base64');
    for (;;) {
      if (this.known.has(key)) {
        // Most recently used last, so the first key is the one to drop.
        this.known.delete(key);
        this.known.set(key, true);
        return task();
      }
      const firstRun = this.firstRuns.get(key);
      if (!firstRun) break;
      await wait(firstRun.then(
        () => undefined,
        () => undefined,
      ));
    }
    const run = task();
    this.firstRuns.set(key, run);
    try {
      const result = await run;
      this.remember(key);
      return result;
    } finally {
      if (this.firstRuns.get(key) === run) this.firstRuns.delete(key);
    }
  }

  /** Every text becomes unknown: the next run of each is a first run again. Runs under way are not affected. */
  forget(): void {
    this.known.clear();
  }

  private remember(key: string): void {
    this.known.delete(key);
    this.known.set(key, true);
    if (this.known.size > this.capacity) this.known.delete(this.known.keys().next().value!);
  }
}
