/**
 * Keeps a managed Neo4j running under `npm start`: when it exits unexpectedly it is started again, with backoff,
 * on the same data folder, port and password, so the API's driver reconnects by itself. Too many deaths in a
 * short window mean something is wrong that restarting will not fix: the supervisor gives up with one line.
 */
import { firstLine } from '../database/graph-database.js';
import { startManagedNeo4j, type ManagedNeo4j, type Neo4jExit } from './managed-neo4j.js';

export interface SuperviseOptions {
  /** Where restart lines go. */
  log: (line: string) => void;
  /** Called once, with one line, when the supervisor gives up; the caller exits non-zero. */
  onGiveUp: (message: string) => void;
  /** Most unexpected exits within `windowMs` before giving up. Default 5. */
  maxFailures?: number;
  /** The window in which failures are counted, in milliseconds. Default 120000. */
  windowMs?: number;
  /**
   * Waits before restart 1, 2, 3 … within the window; the last one repeats. Default 0, 1, 2, 4, 8 s: a single death
   * (a kill, the OOM killer) is restarted at once, a Neo4j that keeps dying is given room, then given up on.
   */
  backoffMs?: number[];
  /**
   * A Neo4j that ran this long before it died was stable: its death starts the backoff from the first wait again
   * (it still counts towards `maxFailures`). Default 30000.
   */
  stableMs?: number;
  /** Starts the same Neo4j again. Default startManagedNeo4j (tests give their own, on a real Neo4j too). */
  start?: (options: ManagedNeo4j['restartOptions']) => Promise<ManagedNeo4j>;
}

export interface Supervisor {
  /** The Neo4j running now (it changes at each restart). */
  readonly current: ManagedNeo4j;
  /** Unexpected exits so far. */
  readonly restarts: number;
  /** Stops supervising and stops Neo4j. */
  stop(): Promise<void>;
}

export function superviseNeo4j(first: ManagedNeo4j, options: SuperviseOptions): Supervisor {
  const maxFailures = options.maxFailures ?? 5;
  const windowMs = options.windowMs ?? 120_000;
  const backoffMs = options.backoffMs ?? [0, 1_000, 2_000, 4_000, 8_000];
  const start = options.start ?? startManagedNeo4j;
  const stableMs = options.stableMs ?? 30_000;
  const failures: number[] = [];
  /** Deaths since Neo4j last ran for `stableMs`: they choose the wait. */
  let consecutive = 0;
  let upSince = Date.now();
  let current = first;
  let restarts = 0;
  let stopped = false;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** Records one failure; true when there have been too many within the window. */
  const tooMany = (): boolean => {
    const now = Date.now();
    failures.push(now);
    while (failures.length && failures[0]! < now - windowMs) failures.shift();
    return failures.length >= maxFailures;
  };

  const watch = async (exit: Neo4jExit): Promise<void> => {
    let last = exit.how;
    if (Date.now() - upSince >= stableMs) consecutive = 0;
    for (;;) {
      if (stopped) return;
      if (tooMany()) {
        options.onGiveUp(`Neo4j failed ${failures.length} times within ${windowMs / 1000} s (last: ${last}); giving up.`);
        return;
      }
      restarts += 1;
      consecutive += 1;
      const wait = backoffMs[Math.min(consecutive - 1, backoffMs.length - 1)] ?? 1_000;
      options.log(`Neo4j exited unexpectedly (${last}); restart ${restarts} in ${wait / 1000} s on the same data, port and password…`);
      await sleep(wait);
      if (stopped) return;
      try {
        current = await start(current.restartOptions);
        upSince = Date.now();
        if (stopped) return void (await current.stop());
        options.log(`Neo4j is back after restart ${restarts} (pid ${current.pid}).`);
        void current.exited.then((next) => (next.expected ? undefined : watch(next)));
        return;
      } catch (error) {
        last = `restart failed: ${firstLine((error as Error).message)}`;
      }
    }
  };
  void first.exited.then((exit) => (exit.expected ? undefined : watch(exit)));

  return {
    get current() {
      return current;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopped = true;
      wake?.();
      await current.stop();
    },
  };
}
