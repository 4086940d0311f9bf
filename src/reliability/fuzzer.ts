/**
 * A schema-driven GraphQL fuzzer: it reads the schema by introspection, builds seeded random operations with
 * edge-case argument values (inline or as variables), sends them, and counts the answers by HTTP status and
 * error code. A defect is an error without `extensions.code`, or a masked INTERNAL_SERVER_ERROR: everything a
 * fuzzer sends is either valid or the client's mistake, so neither may happen.
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { createRandom, type Random } from '../bench/random.js';

/** One HTTP exchange: what was sent, and what came back. */
export interface FuzzRequest {
  method: 'GET' | 'POST';
  /** Path and query string, e.g. "/graphql" or "/graphql?query=…". */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzAnswer {
  status: number;
  /** The parsed JSON body, or undefined when the body was not JSON. */
  json?: { data?: unknown; errors?: { message?: string; extensions?: { code?: unknown } }[] };
  text: string;
}

export type Send = (request: FuzzRequest) => Promise<FuzzAnswer>;

export interface Defect {
  /** What is wrong, e.g. "NO_CODE" or "INTERNAL_SERVER_ERROR", with the root field. */
  kind: string;
  /** The root field the operation asked for, or "(http)" for protocol cases. */
  field: string;
  message: string;
  request: FuzzRequest;
  status: number;
}

export interface FuzzReport {
  sent: number;
  /** Requests that differ from every other one sent (a short random query can come up twice). */
  distinct: number;
  /** Answers by HTTP status. */
  byStatus: Record<string, number>;
  /** Errors by extensions.code ("OK" for answers without errors). */
  byCode: Record<string, number>;
  defects: Defect[];
}

const jsonHeaders = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };

const strings = [
  '',
  'csto',
  'kyrgyzstan',
  'Kyrgyzstan',
  'State:kyrgyzstan',
  'Person:putin',
  'ODKB',
  'Balikča',
  'a'.repeat(1001),
  'x'.repeat(200),
  '\u0000',
  '\u0000\u001f\u007f',
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  'CREATE (n:Fuzz) RETURN n',
  'AND OR NOT',
  '*',
  '?~^"[',
  '\\',
  '🙂'.repeat(10),
  '<script>alert(1)</script>',
  // Crafted cursors: offsets that are not numbers, too large, fractional, negative.
  'T2Zmc2V0Q29ubmVjdGlvbjphYmM=',
  Buffer.from('OffsetConnection:9007199254740993').toString('base64'),
  Buffer.from('OffsetConnection:1.5').toString('base64'),
  Buffer.from('OffsetConnection:-1').toString('base64'),
];
const ids = [
  'kyrgyzstan',
  'csto',
  'State:kyrgyzstan',
  'Organization:csto',
  'State:nosuch',
  'State:',
  ':',
  'Event:kyrgyzstan',
  'Foo:x',
  'Entity:kyrgyzstan',
  'nosuch',
  '',
  'T2Zmc2V0Q29ubmVjdGlvbjphYmM=',
  Buffer.from('OffsetConnection:9007199254740993').toString('base64'),
  Buffer.from('OffsetConnection:1.5').toString('base64'),
  Buffer.from('OffsetConnection:-1').toString('base64'),
  Buffer.from('OffsetConnection:2').toString('base64'),
  '%%%',
];
const ints = [0, 1, 2, 3, 5, 10, 100, 101, 500, 501, -1, 2147483647, 2147483648, -2147483649, 1.5, 9007199254740993];
const dates = ['2022-09-13', '1999-01-01', '0001-01-01', '9999-12-31', '2022-02-30', '2024-02-29', '2023-02-29', '13/09/2022', '2022-9-13', ''];
const wrongValues: unknown[] = [{ $ne: null }, [], true, 12, 'text', null, { a: { b: 1 } }];

interface Operation {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

class OperationBuilder {
  private readonly variables: Record<string, unknown> = {};
  private readonly definitions: string[] = [];

  constructor(
    private readonly random: Random,
    private readonly schema: GraphQLSchema,
  ) {}

  build(): Operation {
    const query = this.schema.getQueryType()!;
    const fields = Object.values(query.getFields()).filter((field) => !field.name.startsWith('__'));
    const field = this.random.pick(fields);
    const selection = this.fieldSelection(field, 0, true);
    const header = this.definitions.length ? `query Fuzz(${this.definitions.join(', ')})` : 'query Fuzz';
    return { field: field.name, query: `${header} { ${selection} }`, variables: this.variables };
  }

  private fieldSelection(field: GraphQLField<unknown, unknown>, depth: number, root: boolean): string {
    const args = this.arguments(field.args, root);
    const inner = this.selectionSet(field.type, depth + 1);
    return `${field.name}${args}${inner}`;
  }

  private arguments(args: readonly GraphQLArgument[], asVariables: boolean): string {
    const parts: string[] = [];
    for (const arg of args) {
      const required = isNonNullType(arg.type);
      if (!required && this.random.chance(0.5)) continue;
      // Now and then a required argument is left out: the client's mistake, which must get a code.
      if (required && this.random.chance(0.02)) continue;
      const value = this.value(arg.type, 0);
      if (asVariables && this.random.chance(0.6)) {
        const name = `v${this.definitions.length}`;
        this.definitions.push(`$${name}: ${String(arg.type)}`);
        this.variables[name] = this.random.chance(0.05) ? this.random.pick(wrongValues) : value;
        parts.push(`${arg.name}: $${name}`);
      } else {
        parts.push(`${arg.name}: ${this.literal(arg.type, value)}`);
      }
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  private selectionSet(type: GraphQLOutputType, depth: number): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return '';
    if (depth > 3) return ' { __typename }';
    const parts = ['__typename'];
    if (isObjectType(named) || isInterfaceType(named)) {
      const fields = Object.values(named.getFields());
      for (const field of this.random.sample(fields, this.random.between(1, 3))) {
        if (field.args.some((arg) => isNonNullType(arg.type)) && this.random.chance(0.7)) continue;
        parts.push(this.fieldSelection(field, depth, false));
      }
    }
    if (isInterfaceType(named) || isUnionType(named)) {
      const possible = this.schema.getPossibleTypes(named);
      if (possible.length && this.random.chance(0.6)) {
        const target = this.random.pick(possible);
        const leaves = Object.values(target.getFields()).filter((field) => isLeafType(getNamedType(field.type)) && field.args.length === 0);
        if (leaves.length) parts.push(`... on ${target.name} { ${this.random.pick(leaves).name} }`);
      }
    }
    return ` { ${parts.join(' ')} }`;
  }

  private value(type: GraphQLInputType, depth: number): unknown {
    if (isNonNullType(type)) return this.random.chance(0.02) ? null : this.value(type.ofType, depth);
    if (this.random.chance(0.05)) return null;
    if (isListType(type)) {
      const roll = this.random.next();
      const length = roll < 0.005 ? 100_001 : roll < 0.03 ? 101 : this.random.between(0, 3);
      return Array.from({ length }, () => this.value(type.ofType, depth + 1));
    }
    return this.namedValue(type, depth);
  }

  private namedValue(type: GraphQLNamedType, depth: number): unknown {
    if (isEnumType(type)) {
      return this.random.chance(0.1) ? 'NOT_A_VALUE' : this.random.pick(type.getValues()).value ?? this.random.pick(type.getValues()).name;
    }
    if (isInputObjectType(type)) {
      if (depth > 3) return {};
      const result: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        if (isNonNullType(field.type) || this.random.chance(0.5)) result[field.name] = this.value(field.type, depth + 1);
      }
      return result;
    }
    switch (type.name) {
      case 'String':
        return this.random.pick(strings);
      case 'ID':
        return this.random.pick(ids);
      case 'Int':
        return this.random.pick(ints);
      case 'Float':
        return this.random.pick([...ints, Number.MAX_VALUE, -0.0001]);
      case 'Boolean':
        return this.random.chance(0.05) ? 'true' : this.random.chance(0.5);
      case 'Date':
        return this.random.pick(dates);
      default:
        return this.random.pick([...strings, ...ints, { a: 1 }, []]);
    }
  }

  /** The value as a GraphQL literal; enum names are bare, input object keys unquoted. */
  private literal(type: GraphQLInputType, value: unknown): string {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (value === null || value === undefined) return 'null';
    if (Array.isArray(value)) {
      const itemType = isListType(inner) ? inner.ofType : inner;
      return `[${value.map((item) => this.literal(itemType, item)).join(', ')}]`;
    }
    if (isEnumType(inner) && typeof value === 'string') return /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) ? value : JSON.stringify(value);
    if (typeof value === 'object') {
      const fields = isInputObjectType(inner) ? inner.getFields() : {};
      const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key));
      return `{ ${entries.map(([key, item]) => `${key}: ${this.literal((fields[key]?.type ?? inner) as GraphQLInputType, item)}`).join(', ')} }`;
    }
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
    return JSON.stringify(value);
  }
}

/** Requests at the HTTP edge: malformed bodies and parameters, refused content types. */
function protocolCase(random: Random): FuzzRequest {
  const cases: FuzzRequest[] = [
    { method: 'GET', path: '/graphql?query=%7B__typename%7D&variables=%7Bnot', headers: { 'x-graphql-yoga-csrf': '1' } },
    { method: 'GET', path: '/graphql?query=%7B__typename%7D', headers: {} },
    { method: 'GET', path: '/graphql?query=%7B__typename%7D&extensions=%5B1%5D', headers: { 'x-graphql-yoga-csrf': '1' } },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'multipart/form-data' }, body: '--x--' },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'text/plain' }, body: '{"query":"{__typename}"}' },
    { method: 'POST', path: '/graphql', headers: jsonHeaders, body: '{bad' },
    { method: 'POST', path: '/graphql', headers: jsonHeaders, body: '[]' },
    { method: 'POST', path: '/graphql', headers: jsonHeaders, body: '{"query":42}' },
    { method: 'POST', path: '/graphql', headers: jsonHeaders, body: '{"query":"{ __typename }","variables":"x"}' },
    { method: 'POST', path: '/graphql', headers: { ...jsonHeaders, accept: 'text/csv' }, body: '{"query":"{ __typename }"}' },
    { method: 'POST', path: '/graphql', headers: jsonHeaders, body: `{"query":"{ __typename }","operationName":"${'\\u0000'.repeat(3)}x"}` },
    { method: 'GET', path: '/nowhere', headers: {} },
  ];
  return random.pick(cases);
}

/** Reads the schema by introspection through `send`. */
export async function introspect(send: Send): Promise<GraphQLSchema> {
  const answer = await send({ method: 'POST', path: '/graphql', headers: jsonHeaders, body: JSON.stringify({ query: getIntrospectionQuery() }) });
  if (!answer.json?.data) throw new Error(`Introspection failed with HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
  return buildClientSchema(answer.json.data as IntrospectionQuery);
}

function classify(answer: FuzzAnswer): string[] {
  if (!answer.json) return [answer.status >= 400 ? `NON_JSON_${answer.status}` : 'NON_JSON'];
  const errors = answer.json.errors ?? [];
  return errors.length ? errors.map((error) => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'NO_CODE')) : ['OK'];
}

export interface FuzzOptions {
  send: Send;
  count: number;
  seed: number;
  /**
   * Requests in flight at once. Default 1. The requests are generated in one seeded sequence before they are sent,
   * so a seed gives the same requests, and the same report, at any concurrency.
   */
  concurrency?: number;
  /**
   * Sends only requests `from` (inclusive) to `to` (exclusive) of the `count` planned: parts of one long run, sent
   * at different times, are together exactly that run. Default all of them.
   */
  from?: number;
  to?: number;
  /** Called after each answer, with how many have come back so far, e.g. for progress. */
  onAnswer?: (answered: number) => void;
}

/** One generated request and the root field it asks for ("(http)" for protocol cases). */
interface Planned {
  field: string;
  request: FuzzRequest;
}

/** The `count` requests of `seed`, in order: they depend on the seed and the schema only, never on an answer. */
export function planRequests(schema: GraphQLSchema, seed: number, count: number): Planned[] {
  const random = createRandom(seed);
  const planned: Planned[] = [];
  for (let index = 0; index < count; index++) {
    if (random.chance(0.05)) {
      planned.push({ field: '(http)', request: protocolCase(random) });
    } else {
      const operation = new OperationBuilder(random, schema).build();
      const body = JSON.stringify({ query: operation.query, variables: operation.variables });
      planned.push({ field: operation.field, request: { method: 'POST', path: '/graphql', headers: jsonHeaders, body } });
    }
  }
  return planned;
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const schema = await introspect(options.send);
  const planned = planRequests(schema, options.seed, options.count).slice(options.from ?? 0, options.to ?? options.count);
  const answers: (FuzzAnswer | undefined)[] = new Array(planned.length);
  let next = 0;
  let answered = 0;
  const worker = async () => {
    while (next < planned.length) {
      const index = next++;
      answers[index] = await options.send(planned[index]!.request);
      answered += 1;
      options.onAnswer?.(answered);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));

  // Counted in the order the requests were generated, so the report does not depend on the order answers came in.
  const distinct = new Set(planned.map(({ request }) => `${request.method} ${request.path} ${JSON.stringify(request.headers)} ${request.body ?? ''}`)).size;
  const report: FuzzReport = { sent: 0, distinct, byStatus: {}, byCode: {}, defects: [] };
  planned.forEach(({ field, request }, index) => {
    const answer = answers[index]!;
    report.sent += 1;
    report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
    classify(answer).forEach((code, i) => {
      report.byCode[code] = (report.byCode[code] ?? 0) + 1;
      if (code === 'OK' || (!['NO_CODE', 'INTERNAL_SERVER_ERROR'].includes(code) && !code.startsWith('NON_JSON'))) return;
      const message = answer.json?.errors?.[i]?.message ?? answer.text.slice(0, 200);
      report.defects.push({ kind: code, field, message, request, status: answer.status });
    });
  });
  return report;
}

/** A send function to `baseUrl` (e.g. http://127.0.0.1:4000) through `fetchImpl`: the global fetch, or a yoga's own. */
export function httpSender(baseUrl: string, fetchImpl: (url: string, init: RequestInit) => Response | Promise<Response> = fetch): Send {
  return async (request) => {
    const response = await fetchImpl(new URL(request.path, baseUrl).href, { method: request.method, headers: request.headers, body: request.body });
    const text = await response.text();
    let json: FuzzAnswer['json'];
    try {
      json = JSON.parse(text) as FuzzAnswer['json'];
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text };
  };
}

/** Groups defects by kind, field and message start, so a report lists each problem once with one reproduction. */
export function groupDefects(defects: Defect[]): { defect: Defect; count: number }[] {
  const groups = new Map<string, { defect: Defect; count: number }>();
  for (const defect of defects) {
    const key = `${defect.kind} ${defect.field} ${defect.message.slice(0, 60)}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { defect, count: 1 });
  }
  return [...groups.values()];
}
