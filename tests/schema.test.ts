import { readFileSync } from 'node:fs';
import { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, validateSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema, schemaFile } from '../src/commands/print-schema.js';
import { enumProperties } from '../src/loader/enum-values.js';
import { type FieldPlan, planKey } from '../src/planner/field-plan.js';
import { Parameters } from '../src/planner/parameters.js';
import { parseIsoDate } from '../src/schema/scalars.js';
import { schema } from '../src/schema/index.js';

describe('the GraphQL schema', () => {
  it("has the loader's model check cover every stored property a field reads through an enum", () => {
    // The object types whose rows are a node of another label, or a relationship.
    const storedAs: Record<string, string> = { HelpRequest: 'Event', Membership: 'MEMBER_OF' };
    const read: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        const plan = field.extensions?.[planKey] as FieldPlan | undefined;
        if (!isEnumType(named) || plan?.kind !== 'value') continue;
        // A stored property, also behind a default; a computed value (type(edge)) is no stored one.
        const property = /^(?:coalesce\()?(?:node|edge)\.(\w+)\b/.exec(plan.cypher({ node: 'node', edge: 'edge' }, {}, new Parameters()))?.[1];
        if (property) read.push(`${storedAs[type.name] ?? type.name}.${property}: ${named.name}`);
      }
    }
    const checked = enumProperties.map((entry) => `${'label' in entry ? entry.label : entry.relationshipType}.${entry.property}: ${entry.enumName}`);
    // An event's type is checked by the dyad rules instead.
    expect([...new Set(read)].sort()).toEqual([...checked, 'Event.type: EventType'].sort());
  });

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
