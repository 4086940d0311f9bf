/**
 * The loader's queries run without the caller stack the driver formats for every query
 * (src/database/driver-caller-stack.ts): a failure still arrives, coded, with no frames of the caller.
 */
import { Neo4jError } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { runWithoutCallerStack } from '../src/database/driver-caller-stack.js';
import { openTestDatabase } from './support/test-neo4j.js';

const db = openTestDatabase();
afterAll(() => db.close());

/** The error of a query that fails at run time (a division by zero), run by `run` in a read transaction. */
async function failureOf(run: (tx: Parameters<typeof runWithoutCallerStack>[0]) => Promise<unknown>): Promise<Neo4jError> {
  const session = db.driver.session({ defaultAccessMode: 'READ' });
  try {
    const error = await session.executeRead((tx) => run(tx)).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    if (!(error instanceof Neo4jError)) throw new Error(`expected a Neo4jError, got ${String(error)}`);
    return error;
  } finally {
    await session.close();
  }
}

const thisFile = 'driver-caller-stack.int.test.ts';
const query = 'UNWIND [1, 0] AS d RETURN 1 / d AS q';

describe("the driver's caller stack", () => {
  it('is what a plain run gives its failure, so the driver still formats it', async () => {
    const error = await failureOf(async (tx) => (await tx.run(query)).records);
    expect(error.code).toBe('Neo.ClientError.Statement.ArithmeticError');
    expect(error.stack).toContain(thisFile);
  });

  it('is left out by runWithoutCallerStack, which restores the stack limit', async () => {
    const limit = Error.stackTraceLimit;
    const error = await failureOf(async (tx) => (await runWithoutCallerStack(tx, query)).records);
    expect(error.code).toBe('Neo.ClientError.Statement.ArithmeticError');
    expect(error.message).toBe('/ by zero');
    expect(error.stack).not.toContain(thisFile);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('restores the stack limit when the run throws', () => {
    const limit = Error.stackTraceLimit;
    const throwing = {
      run(): never {
        throw new Error(`stack limit ${Error.stackTraceLimit}`);
      },
    };
    expect(() => runWithoutCallerStack(throwing, 'RETURN 1')).toThrow('stack limit 0');
    expect(Error.stackTraceLimit).toBe(limit);
  });
});
