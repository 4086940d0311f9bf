/** Concurrent first runs of one query text wait for the first, so a cold Neo4j plans each text once. */
import { describe, expect, it } from 'vitest';
import { FirstRunGate } from '../src/database/first-run-gate.js';

/** A task whose settlement the test decides, recording when it started. */
function controlled(log: string[], name: string) {
  let resolve!: (value: string) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<string>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return {
    task: () => {
      log.push(`start ${name}`);
      return promise;
    },
    resolve: () => resolve(name),
    reject: () => reject(new Error(`${name} failed`)),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('FirstRunGate', () => {
  it('runs the first run of a text alone, then the waiting ones together, then new ones at once', async () => {
    const gate = new FirstRunGate();
    const log: string[] = [];
    const [a, b, c] = [controlled(log, 'a'), controlled(log, 'b'), controlled(log, 'c')];
    const runs = [gate.run('MATCH (n) RETURN n', a.task), gate.run('MATCH (n) RETURN n', b.task), gate.run('MATCH (n) RETURN n', c.task)];
    await settle();
    expect(log).toEqual(['start a']);
    a.resolve();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    b.resolve();
    c.resolve();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
    expect(gate.size).toBe(1);

    const d = controlled(log, 'd');
    const later = gate.run('MATCH (n) RETURN n', d.task);
    expect(log.at(-1)).toBe('start d');
    d.resolve();
    expect(await later).toBe('d');
  });

  it('does not make different texts wait for each other', async () => {
    const gate = new FirstRunGate();
    const log: string[] = [];
    const [a, b] = [controlled(log, 'a'), controlled(log, 'b')];
    const runs = [gate.run('RETURN 1', a.task), gate.run('RETURN 2', b.task)];
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    a.resolve();
    b.resolve();
    expect(await Promise.all(runs)).toEqual(['a', 'b']);
  });

  it('makes one waiting run the next first run when the first fails, and passes the failure to its own caller only', async () => {
    const gate = new FirstRunGate();
    const log: string[] = [];
    const [a, b, c] = [controlled(log, 'a'), controlled(log, 'b'), controlled(log, 'c')];
    const first = gate.run('RETURN 1', a.task);
    const second = gate.run('RETURN 1', b.task);
    const third = gate.run('RETURN 1', c.task);
    await settle();
    a.reject();
    await expect(first).rejects.toThrow('a failed');
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    b.resolve();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    c.resolve();
    expect([await second, await third]).toEqual(['b', 'c']);
  });

  it('lets the caller bound the wait, and the waiting run then fails without starting', async () => {
    const gate = new FirstRunGate();
    const log: string[] = [];
    const [a, b] = [controlled(log, 'a'), controlled(log, 'b')];
    const first = gate.run('RETURN 1', a.task);
    const waiting = gate.run('RETURN 1', b.task, () => Promise.reject(new Error('deadline')));
    await expect(waiting).rejects.toThrow('deadline');
    a.resolve();
    expect(await first).toBe('a');
    expect(log).toEqual(['start a']);
  });

  it('forgets every text when told (a restarted Neo4j plans again), and keeps at most `capacity` texts', async () => {
    const gate = new FirstRunGate(2);
    for (const text of ['RETURN 1', 'RETURN 2', 'RETURN 3']) await gate.run(text, async () => text);
    expect(gate.size).toBe(2);
    gate.forget();
    expect(gate.size).toBe(0);

    const log: string[] = [];
    const [a, b] = [controlled(log, 'a'), controlled(log, 'b')];
    const runs = [gate.run('RETURN 1', a.task), gate.run('RETURN 1', b.task)];
    await settle();
    expect(log).toEqual(['start a']);
    a.resolve();
    b.resolve();
    expect(await Promise.all(runs)).toEqual(['a', 'b']);
  });
});
