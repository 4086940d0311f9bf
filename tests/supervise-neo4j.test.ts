/** The supervisor's policy: restart with the same options and backoff, give up after repeated failures. */
import { describe, expect, it } from 'vitest';
import type { ManagedNeo4j, Neo4jExit } from '../src/neo4j/managed-neo4j.js';
import { superviseNeo4j } from '../src/neo4j/supervise-neo4j.js';

/** A stand-in for one launcher process whose death the test decides; the real one is covered by reliability.int.test.ts. */
function instance(pid: number) {
  let exit!: (how: Neo4jExit) => void;
  const exited = new Promise<Neo4jExit>((resolve) => (exit = resolve));
  let stopped = false;
  const neo4j: ManagedNeo4j = {
    uri: 'bolt://127.0.0.1:7999',
    username: 'neo4j',
    password: 'pw',
    pid,
    exited,
    restartOptions: { dataDir: '/data', boltPort: 7999, password: 'pw' },
    stop: async () => {
      stopped = true;
      exit({ expected: true, how: 'exit code 0' });
    },
  };
  return { neo4j, die: (how: string) => exit({ expected: false, how }), isStopped: () => stopped };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('superviseNeo4j', () => {
  it('restarts a dead Neo4j with the same data, port and password, and logs each restart', async () => {
    const first = instance(1);
    const started: ManagedNeo4j['restartOptions'][] = [];
    const second = instance(2);
    const lines: string[] = [];
    const supervisor = superviseNeo4j(first.neo4j, {
      log: (line) => lines.push(line),
      onGiveUp: () => expect.unreachable(),
      backoffMs: [0],
      start: async (options) => {
        started.push(options);
        return second.neo4j;
      },
    });
    first.die('SIGKILL');
    await tick();
    expect(started).toEqual([{ dataDir: '/data', boltPort: 7999, password: 'pw' }]);
    expect(supervisor.current.pid).toBe(2);
    expect(supervisor.restarts).toBe(1);
    expect(lines).toEqual([
      'Neo4j exited unexpectedly (SIGKILL); restart 1 in 0 s on the same data, port and password…',
      'Neo4j is back after restart 1 (pid 2).',
    ]);
    await supervisor.stop();
    expect(second.isStopped()).toBe(true);
  });

  it('gives up with one line after repeated failures within the window', async () => {
    const first = instance(1);
    const given: string[] = [];
    let next = 2;
    const supervisor = superviseNeo4j(first.neo4j, {
      log: () => {},
      onGiveUp: (message) => given.push(message),
      maxFailures: 3,
      windowMs: 60_000,
      backoffMs: [0],
      start: async () => {
        const replacement = instance(next++);
        // Each replacement dies as soon as it is up.
        setTimeout(() => replacement.die('exit code 1'), 1);
        return replacement.neo4j;
      },
    });
    first.die('SIGKILL');
    for (let i = 0; i < 20 && given.length === 0; i++) await tick();
    expect(given).toEqual(['Neo4j failed 3 times within 60 s (last: exit code 1); giving up.']);
    expect(supervisor.restarts).toBe(2);
  });

  it('waits longer after each quick death, and starts again from the first wait after a stable run', async () => {
    for (const [stableMs, expected] of [
      [60_000, ['restart 1 in 0 s', 'restart 2 in 0.02 s', 'restart 3 in 0.04 s']],
      [0, ['restart 1 in 0 s', 'restart 2 in 0 s', 'restart 3 in 0 s']],
    ] as const) {
      const first = instance(1);
      const replacements = [instance(2), instance(3), instance(4)];
      const lines: string[] = [];
      const supervisor = superviseNeo4j(first.neo4j, {
        log: (line) => lines.push(line),
        onGiveUp: () => expect.unreachable(),
        backoffMs: [0, 20, 40],
        stableMs,
        start: async () => replacements[supervisor.restarts - 1]!.neo4j,
      });
      first.die('SIGKILL');
      for (const replacement of replacements.slice(0, 2)) {
        while (supervisor.current !== replacement.neo4j) await tick();
        replacement.die('SIGKILL');
      }
      while (supervisor.current !== replacements[2]!.neo4j) await tick();
      expect(lines.filter((line) => line.startsWith('Neo4j exited')).map((line) => /restart \d+ in [\d.]+ s/.exec(line)![0])).toEqual(expected);
      await supervisor.stop();
    }
  });

  it('does nothing when Neo4j was stopped on purpose', async () => {
    const first = instance(1);
    const supervisor = superviseNeo4j(first.neo4j, { log: () => expect.unreachable(), onGiveUp: () => expect.unreachable(), start: async () => expect.unreachable() });
    await supervisor.stop();
    await tick();
    expect(supervisor.restarts).toBe(0);
  });
});
