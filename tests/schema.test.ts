import { readFileSync } from 'node:fs';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, validateSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema, schemaFile } from '../src/commands/print-schema.js';
import { parseIsoDate } from '../src/schema/scalars.js';
import { schema } from '../src/schema/index.js';

describe('the GraphQL schema', () => {
  it('is valid', () => {
    expect(validateSchema(schema).map((error) => error.message)).toEqual([]);
  });

  it('matches the committed schema/schema.graphql (run `npm run schema:print` after a change)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(printedSchema());
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('speaks the domain', () => {
    const queryFields = Object.keys(schema.getQueryType()!.getFields()).sort();
    expect(queryFields).toEqual(
      ['claims', 'events', 'facts', 'helpRequests', 'lookup', 'members', 'neighbourhood', 'node', 'nodes', 'offices', 'organizations', 'pathGraph', 'paths', 'people', 'places', 'search', 'statements', 'states', 'thing', 'timeline'].sort(),
    );
    for (const name of ['State', 'Person', 'Organization', 'Place', 'Event', 'Statement', 'Claim', 'Source', 'HelpRequest', 'Membership', 'Office', 'Evidence', 'Dispute', 'Fact', 'Subgraph', 'Path']) {
      expect(schema.getType(name), name).toBeDefined();
    }
  });
});

describe('the Date scalar', () => {
  it('accepts calendar dates and rejects anything else with BAD_USER_INPUT', () => {
    expect(parseIsoDate('2022-09-13')).toBe('2022-09-13');
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2022-13-01', '2022-02-30', '13.10.2022', '2022-9-1', 20220913]) {
      expect(() => parseIsoDate(bad), String(bad)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
    }
  });
});
