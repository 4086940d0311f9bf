/** The HTTP server refuses oversized and unbounded bodies before Yoga reads them, and a busy PORT in one line. */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphDatabase } from '../src/database/graph-database.js';
import { checkPortFree, listen, PortInUseError, type RunningServer } from '../src/server.js';
import { createCstoYoga } from '../src/yoga.js';

const db = new GraphDatabase({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'unused', log: () => {} });
let server: RunningServer;
beforeAll(async () => {
  server = await listen(createCstoYoga({ db }), 0, '127.0.0.1', { maxBodyBytes: 1024 * 1024 });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

/** Sends raw headers and body; resolves with the status and the body text. */
function send(headers: Record<string, string | number>, body: Buffer | string, chunked = false): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/graphql`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    // The server may close the connection before the whole body is written: that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (chunked) req.write(body);
    req.end(chunked ? undefined : body);
  });
}

describe('request bodies', () => {
  it('over 1 MiB are refused with 413 and a GraphQL-style JSON error', async () => {
    const body = Buffer.alloc(2 * 1024 * 1024, 'a');
    const answer = await send({ 'content-type': 'application/json', 'content-length': body.length }, body);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      errors: [{ message: 'The request body has 2097152 bytes; at most 1048576 are accepted.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('without a Content-Length (chunked) are refused with 411', async () => {
    const answer = await send({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, '{"query":"{ __typename }"}', true);
    expect(answer.status).toBe(411);
    expect(JSON.parse(answer.body).errors[0].extensions).toEqual({ code: 'LENGTH_REQUIRED' });
  });

  it('within the limit are served', async () => {
    const body = '{"query":"{ __typename }"}';
    const answer = await send({ 'content-type': 'application/json', 'content-length': body.length }, body);
    expect(answer).toEqual({ status: 200, body: '{"data":{"__typename":"Query"},"extensions":{"cost":{"estimatedRows":0,"budget":25000}}}' });
  });
});

describe('PORT', () => {
  it('in use is reported in one line before anything starts', async () => {
    await expect(checkPortFree(server.port, '127.0.0.1')).rejects.toThrow(PortInUseError);
    await expect(checkPortFree(server.port, '127.0.0.1')).rejects.toThrow(`PORT ${server.port} on 127.0.0.1 is already in use; set PORT to a free port.`);
  });
});
