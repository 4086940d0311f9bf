/** The fuzzer itself, without a database: its requests depend on the seed only, so concurrency changes nothing. */
import { getIntrospectionQuery, graphqlSync } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fuzz, planRequests, type FuzzAnswer, type FuzzRequest } from '../src/reliability/fuzzer.js';
import { schema } from '../src/schema/index.js';

const introspection = graphqlSync({ schema, source: getIntrospectionQuery() });

/**
 * Answers introspection from the real schema; any other request gets an answer that depends on the request only
 * (a coded error, a code-less one, or data), after a delay that scrambles the order in which answers come back.
 */
function fakeApi(): (request: FuzzRequest) => Promise<FuzzAnswer> {
  return async (request) => {
    if (request.body?.includes('__schema')) return { status: 200, json: introspection as FuzzAnswer['json'], text: '' };
    const hash = [...`${request.path}${request.body ?? ''}`].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 7);
    await new Promise((resolve) => setTimeout(resolve, hash % 3));
    if (hash % 5 === 0) return { status: 200, json: { errors: [{ message: 'no code' }] }, text: '' };
    if (hash % 5 === 1) return { status: 400, json: { errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }] }, text: '' };
    return { status: 200, json: { data: {} }, text: '' };
  };
}

describe('the fuzzer', () => {
  it('plans the same requests for the same seed and other requests for another seed', () => {
    const first = planRequests(schema, 42, 300);
    expect(planRequests(schema, 42, 300)).toEqual(first);
    const other = planRequests(schema, 43, 300).map(({ request }) => request.body);
    expect(other.filter((body, index) => body === first[index]!.request.body).length).toBeLessThan(30);
    // The first requests of a longer run are the shorter run's.
    expect(planRequests(schema, 42, 400).slice(0, 300)).toEqual(first);
  });

  it('gives the same report at any concurrency, with the defects in the order the requests were made', async () => {
    const one = await fuzz({ send: fakeApi(), count: 300, seed: 7, concurrency: 1 });
    const eight = await fuzz({ send: fakeApi(), count: 300, seed: 7, concurrency: 8 });
    expect(eight).toEqual(one);
    expect(one.sent).toBe(300);
    expect(one.byStatus['200']! + (one.byStatus['400'] ?? 0)).toBe(300);
    expect(one.defects.length).toBe(one.byCode.NO_CODE);
    expect(one.defects.every((defect) => defect.kind === 'NO_CODE' && defect.message === 'no code')).toBe(true);
    expect(one.distinct).toBeLessThanOrEqual(300);
  });

  it('sends parts of a run that together are the whole run', async () => {
    const sent: string[][] = [[], [], []];
    const recording = (into: string[]) => {
      const api = fakeApi();
      return async (request: FuzzRequest) => {
        if (!request.body?.includes('__schema')) into.push(`${request.path} ${request.body}`);
        return api(request);
      };
    };
    const whole = await fuzz({ send: recording(sent[0]!), count: 200, seed: 3 });
    const first = await fuzz({ send: recording(sent[1]!), count: 200, seed: 3, to: 120 });
    const second = await fuzz({ send: recording(sent[2]!), count: 200, seed: 3, from: 120 });
    expect([...sent[1]!, ...sent[2]!]).toEqual(sent[0]);
    expect(first.sent + second.sent).toBe(whole.sent);
    expect(first.defects.length + second.defects.length).toBe(whole.defects.length);
  });
});
