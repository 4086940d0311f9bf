/**
 * Every argument that names a thing, found by introspection, takes a slug, a global id, a name or an alias, and
 * answers a name that names nothing, or several things, the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCstoYoga } from '../src/yoga.js';
import { execute, query } from './support/graphql-client.js';
import { openTestDatabase } from './support/test-neo4j.js';

const db = openTestDatabase();
const yoga = createCstoYoga({ db });

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}

const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type);

/** Each Query argument (or input field of one) typed ID, but node(id:) and nodes(ids:), which take global ids only, and facts(source:), which names a source. */
async function thingArguments(): Promise<{ field: string; path: string; required: InputValue[] }[]> {
  const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
  const data = await query(
    yoga,
    `{ __schema { queryType { fields { name args { name type { ${typeRef} } } } } types { name inputFields { name type { ${typeRef} } } } } }`,
  );
  const inputs = new Map<string, InputValue[]>(data.__schema.types.filter((type: { inputFields: unknown }) => type.inputFields).map((type: { name: string; inputFields: InputValue[] }) => [type.name, type.inputFields]));
  const found: { field: string; path: string; required: InputValue[] }[] = [];
  for (const field of data.__schema.queryType.fields as { name: string; args: InputValue[] }[]) {
    if (field.name === 'node' || field.name === 'nodes') continue;
    const required = field.args.filter((arg) => arg.type.kind === 'NON_NULL');
    for (const arg of field.args) {
      const type = named(arg.type);
      if (type.name === 'ID' && !(field.name === 'facts' && arg.name === 'source')) found.push({ field: field.name, path: arg.name, required });
      for (const input of inputs.get(type.name ?? '') ?? []) if (named(input.type).name === 'ID') found.push({ field: field.name, path: `${arg.name}.${input.name}`, required });
    }
  }
  return found;
}

/** `{ field(path: value, …other required ids) { __typename } }`. */
function operation({ field, path, required }: { field: string; path: string; required: InputValue[] }, value: string): string {
  const [argument, inner] = path.split('.');
  const literal = JSON.stringify(value);
  const args = [inner ? `${argument}: { ${inner}: ${literal} }` : `${argument}: ${literal}`];
  // The other required ends of a path must be another thing.
  for (const other of required) if (other.name !== argument) args.push(`${other.name}: "csto"`);
  return `{ ${field}(${args.join(', ')}) { __typename } }`;
}

beforeAll(async () => {
  // Two things that share an alias, as Georgia the state and Georgia the US state would; removed after.
  const session = db.writeSession();
  await session.run(`UNWIND ['test-shared-name-a', 'test-shared-name-b'] AS id
    CREATE (:Place:Entity {id: id, name: 'Shared Name ' + id, aliases: ['Testville'], searchKeys: ['testville', 'shared name ' + id]})`);
  await session.close();
});

afterAll(async () => {
  const session = db.writeSession();
  await session.run(`MATCH (n:Place) WHERE n.id STARTS WITH 'test-shared-name-' DETACH DELETE n`);
  await session.close();
  await db.close();
});

describe('arguments that name a thing', () => {
  it('are found by introspection: every one of them', async () => {
    expect((await thingArguments()).map(({ field, path }) => `${field}(${path})`).sort()).toEqual([
      'claims(about)',
      'claims(claimant)',
      'events(filter.participant)',
      'events(filter.place)',
      'helpRequests(addressee)',
      'helpRequests(requester)',
      'members(organization)',
      'neighbourhood(id)',
      'offices(holder)',
      'offices(within)',
      'pathGraph(from)',
      'pathGraph(to)',
      'paths(from)',
      'paths(to)',
      'places(within)',
      'statements(filter.about)',
      'statements(filter.speaker)',
      'states(memberOf)',
      'thing(id)',
      'timeline(id)',
    ]);
  });

  it('take a slug, a global id, a name or an alias, ignoring case and diacritics', async () => {
    for (const argument of await thingArguments()) {
      for (const value of ['kyrgyzstan', 'State:kyrgyzstan', 'Kyrgyzstan', 'KYRGYZ REPUBLIC']) {
        const result = await execute(yoga, operation(argument, value));
        expect(result.errors, `${argument.field}(${argument.path}: ${value})`).toBeUndefined();
      }
    }
  });

  it('answer a name that names nothing with NOT_FOUND naming the argument, the value and the nearest matches', async () => {
    for (const argument of await thingArguments()) {
      const result = await execute(yoga, operation(argument, 'Kyrgystan'));
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
      // The nearest match comes first; the ones after it move with Lucene's scores, which the index's history shifts.
      const message = result.errors![0]!.message;
      expect(message.startsWith(`${argument.path}: no thing has the id, name or alias 'Kyrgystan'. Nearest matches: State:kyrgyzstan, `), message).toBe(true);
      expect(message.endsWith('. Search finds things by any word.'), message).toBe(true);
    }
  });

  it('answer a name shared by several things with BAD_USER_INPUT listing them', async () => {
    for (const argument of await thingArguments()) {
      const result = await execute(yoga, operation(argument, 'testville'));
      expect(result.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
        [
          'BAD_USER_INPUT',
          `${argument.path} 'testville' names 2 things: Shared Name test-shared-name-a (Place:test-shared-name-a), Shared Name test-shared-name-b (Place:test-shared-name-b). Pass one of their ids.`,
        ],
      ]);
    }
  });

  it('answer the questions that used to come back empty', async () => {
    const data = await query(
      yoga,
      `{ refused: helpRequests(addressee: "ODKB", outcome: REFUSED) { requester { slug } }
         speaker: statements(filter: { speaker: "Peskov" }) { totalCount }
         members: states(memberOf: "CSTO", at: "2022-10-13") { totalCount }
         claims(claimant: "Tokayev") { slug }
         offices(holder: "Peskov") { title } }`,
    );
    expect(data).toEqual({
      refused: [{ requester: { slug: 'kyrgyzstan' } }, { requester: { slug: 'kyrgyzstan' } }, { requester: { slug: 'kyrgyzstan' } }, { requester: { slug: 'armenia' } }],
      speaker: { totalCount: 1 },
      members: { totalCount: 6 },
      claims: [{ slug: 'claim-tokayev-20000-foreign-terrorists' }],
      offices: [{ title: 'Press Secretary of the President of the Russian Federation' }],
    });
  });
});
