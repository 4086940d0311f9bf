/**
 * The HTTP server refuses oversized, unbounded and late bodies before Yoga reads them, answers what Node cannot parse
 * with the API's JSON error, and reports a busy PORT in one line.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
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

/** Writes raw bytes to a server and resolves with everything it answers, once it closes the connection. */
function raw(url: string, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

/** The status line and the body of a raw answer. */
const statusAndBody = (answer: string) => ({ status: answer.split('\r\n', 1)[0], body: JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) });

describe('requests that Yoga never sees whole', () => {
  it('a body that stops arriving is answered 408 with a JSON error once the arrival time is up', async () => {
    const strict = await listen(createCstoYoga({ db }), 0, '127.0.0.1', { arrivalTimeoutMs: 500 });
    try {
      const answer = await raw(strict.url, 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":"{ __typename }"');
      expect(statusAndBody(answer)).toEqual({
        status: 'HTTP/1.1 408 Request Timeout',
        body: { errors: [{ message: 'The request did not arrive whole within 0.5 s.', extensions: { code: 'REQUEST_TIMEOUT' } }] },
      });
    } finally {
      await strict.close();
    }
  });

  it('a request that is not valid HTTP is answered 400 with a JSON error', async () => {
    const answer = await raw(server.url, 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n');
    expect(statusAndBody(answer)).toEqual({
      status: 'HTTP/1.1 400 Bad Request',
      body: { errors: [{ message: 'The request is not valid HTTP/1.1 (HPE_INVALID_CONTENT_LENGTH).', extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('a method other than GET and POST is answered 405, naming the two', async () => {
    const response = await fetch(`${server.url}/graphql`, { method: 'DELETE' });
    expect([response.status, response.statusText, response.headers.get('allow'), await response.json()]).toEqual([
      405,
      'Method Not Allowed',
      'GET, POST',
      { errors: [{ message: 'This method is not allowed here; send GraphQL as POST (application/json) or GET /graphql.', extensions: { code: 'METHOD_NOT_ALLOWED' } }] },
    ]);
  });
});

describe('PORT', () => {
  it('in use is reported in one line before anything starts', async () => {
    await expect(checkPortFree(server.port, '127.0.0.1')).rejects.toThrow(PortInUseError);
    await expect(checkPortFree(server.port, '127.0.0.1')).rejects.toThrow(`PORT ${server.port} on 127.0.0.1 is already in use; set PORT to a free port.`);
  });
});
