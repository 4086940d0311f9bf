/** Date and JSON scalars. */
import { GraphQLError, Kind, print, type ValueNode } from 'graphql';
import { builder } from '../builder.js';
import { badUserInput } from './errors.js';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates a calendar date written YYYY-MM-DD, so that Neo4j's date() never sees a bad one. */
export function parseIsoDate(value: unknown): string {
  const match = typeof value === 'string' ? isoDate.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // Not Date.UTC(year, …): it maps years 0-99 to 1900-1999, so "0001-01-01" would not round-trip.
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return value as string;
  }
  throw badUserInput(`Invalid date ${JSON.stringify(value)}: expected a calendar date written YYYY-MM-DD, such as "2022-09-13".`);
}

/** Refuses a range whose `from` is after its `to`, which would answer [] as if nothing had happened then. */
export function checkDateRange({ from, to }: { from?: string | null; to?: string | null }): void {
  // Checked dates are YYYY-MM-DD with four-digit years, so their text sorts as they do.
  if (from && to && from > to) throw badUserInput(`from (${from}) is after to (${to}): no date is in that range.`, 'to');
}

builder.scalarType('Date', {
  description: 'A calendar date, written YYYY-MM-DD: an RFC 3339 full-date. Typed clients map it to a string.',
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
  serialize: (value) => String(value),
  parseValue: (value) => parseIsoDate(value),
  parseLiteral: (node) => {
    try {
      return parseIsoDate(node.kind === Kind.STRING ? node.value : node.kind === Kind.INT || node.kind === Kind.FLOAT ? Number(node.value) : print(node));
    } catch (error) {
      // graphql-js passes a GraphQLError on as it is: this one carries the literal, so that it points at it.
      throw new GraphQLError((error as GraphQLError).message, { nodes: node, extensions: (error as GraphQLError).extensions });
    }
  },
});

function literalToJson(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map(literalToJson);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalToJson(field.value)]));
    default:
      return null;
  }
}

builder.scalarType('JSON', {
  description: "A JSON object (RFC 8259): the stored properties of a subgraph's node or edge that have no typed field.",
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc8259',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node) => literalToJson(node),
});
