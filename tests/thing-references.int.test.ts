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

/** The kinds an argument takes, where it does not take any thing (docs/model.md's ends of each relationship). */
const kindsOf: Record<string, string[]> = {
  'claims(claimant)': ['Person', 'Organization'],
  'events(filter.participant)': ['State', 'Person', 'Organization'],
  'events(filter.place)': ['Place', 'State'],
  'helpRequests(addressee)': ['State', 'Person', 'Organization'],
  'helpRequests(requester)': ['State', 'Person', 'Organization'],
  'members(organization)': ['Organization'],
  'offices(holder)': ['Person'],
  'offices(within)': ['State', 'Organization'],
  'places(within)': ['Place', 'State'],
  'states(memberOf)': ['Organization'],
  'statements(filter.speaker)': ['Person', 'Organization'],
  'timeline(id)': ['State', 'Person', 'Organization', 'Place'],
};

/** One thing of each kind as a slug, a global id, a name and an alias in other letter cases. */
const namesOf: Record<string, string[]> = {
  State: ['kyrgyzstan', 'State:kyrgyzstan', 'Kyrgyzstan', 'KYRGYZ REPUBLIC'],
  Organization: ['csto', 'Organization:csto', 'ODKB', 'collective security treaty'],
  Person: ['dmitry-peskov', 'Person:dmitry-peskov', 'Peskov', 'DMYTRO PESKOV'],
  Place: ['batken', 'Place:batken', 'Batken', 'BATKEN'],
  Event: ['help-request-kyrgyzstan-2010', 'Event:help-request-kyrgyzstan-2010', 'Kyrgyzstan asks the CSTO for help (2010)', 'KYRGYZSTAN ASKS THE CSTO FOR HELP (2010)'],
};

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
  // A place and an organisation that share a name, as Georgia the state and a Georgia party would.
  await session.run(`CREATE (:Place:Entity {id: 'test-shared-name-place', name: 'Sharedtown', aliases: [], searchKeys: ['sharedtown']}),
    (:Organization:Entity {id: 'test-shared-name-org', name: 'Sharedtown', aliases: [], searchKeys: ['sharedtown']})`);
  await session.close();
});

afterAll(async () => {
  const session = db.writeSession();
  await session.run(`MATCH (n:Entity) WHERE n.id STARTS WITH 'test-shared-name-' DETACH DELETE n`);
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
      const kind = (kindsOf[`${argument.field}(${argument.path})`] ?? ['State'])[0]!;
      for (const value of namesOf[kind]!) {
        const result = await execute(yoga, operation(argument, value));
        expect(result.errors, `${argument.field}(${argument.path}: ${value})`).toBeUndefined();
      }
    }
  });

  it('answer a thing of another kind than the argument takes with BAD_USER_INPUT saying which kinds it takes', async () => {
    const refusals: string[] = [];
    for (const argument of await thingArguments()) {
      const kinds = kindsOf[`${argument.field}(${argument.path})`];
      if (!kinds) continue;
      const other = Object.keys(namesOf).find((kind) => !kinds.includes(kind))!;
      const result = await execute(yoga, operation(argument, namesOf[other]![2]!));
      expect(result.errors?.map((error) => error.extensions?.code), argument.path).toEqual(['BAD_USER_INPUT']);
      refusals.push(`${argument.field}: ${result.errors![0]!.message}`);
    }
    expect(refusals.sort()).toEqual([
      "claims: claimant 'Kyrgyzstan' names Kyrgyzstan (State:kyrgyzstan), but it must name a Person or an Organization.",
      "events: filter.participant 'Batken' names Batken (Place:batken), but it must name a State or a Person or an Organization.",
      "events: filter.place 'ODKB' names Collective Security Treaty Organization (Organization:csto), but it must name a Place or a State.",
      "helpRequests: addressee 'Batken' names Batken (Place:batken), but it must name a State or a Person or an Organization.",
      "helpRequests: requester 'Batken' names Batken (Place:batken), but it must name a State or a Person or an Organization.",
      "members: organization 'Kyrgyzstan' names Kyrgyzstan (State:kyrgyzstan), but it must name an Organization.",
      "offices: holder 'Kyrgyzstan' names Kyrgyzstan (State:kyrgyzstan), but it must name a Person.",
      "offices: within 'Peskov' names Dmitry Peskov (Person:dmitry-peskov), but it must name a State or an Organization.",
      "places: within 'ODKB' names Collective Security Treaty Organization (Organization:csto), but it must name a Place or a State.",
      "statements: filter.speaker 'Kyrgyzstan' names Kyrgyzstan (State:kyrgyzstan), but it must name a Person or an Organization.",
      "states: memberOf 'Kyrgyzstan' names Kyrgyzstan (State:kyrgyzstan), but it must name an Organization.",
      "timeline: id 'Kyrgyzstan asks the CSTO for help (2010)' names Kyrgyzstan asks the CSTO for help (2010) (Event:help-request-kyrgyzstan-2010), but it must name a State or a Person or an Organization or a Place.",
    ]);
  });

  it('take the one thing of the kind asked when a name is shared across kinds', async () => {
    const data = await query(yoga, `{ members(organization: "Sharedtown") { __typename } places(within: "Sharedtown") { totalCount } }`);
    expect(data).toEqual({ members: [], places: { totalCount: 0 } });
    const anyKind = await execute(yoga, `{ thing(id: "Sharedtown") { id } }`);
    expect(anyKind.errors?.map((error) => error.message)).toEqual([
      "id 'Sharedtown' names 2 things: Sharedtown (Organization:test-shared-name-org), Sharedtown (Place:test-shared-name-place). Pass one of their ids.",
    ]);
  });

  it('answer a name that names nothing with NOT_FOUND naming the argument, the value and the nearest matches of the kinds it takes', async () => {
    for (const argument of await thingArguments()) {
      const result = await execute(yoga, operation(argument, 'Kyrgystan'));
      expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.argument])).toEqual([['NOT_FOUND', argument.path.split('.').at(-1)]]);
      const message = result.errors![0]!.message;
      const [, path, nearest] = /^(.+?): no thing has the id, name or alias 'Kyrgystan'\.(?: Nearest matches: (.+)\.)? Search finds things by any word\.$/.exec(message) ?? [];
      expect(path, message).toBe(argument.path);
      // The same ids, in the same order, for a client to offer without reading the message.
      expect(result.errors![0]!.extensions?.nearest, message).toEqual(nearest?.split(', ') ?? []);
      const kinds = kindsOf[`${argument.field}(${argument.path})`];
      // The nearest match comes first; the ones after it move with Lucene's scores, which the index's history shifts.
      if (!kinds || kinds.includes('State')) expect(nearest?.split(', ')[0], message).toBe('State:kyrgyzstan');
      else expect((nearest?.split(', ') ?? []).filter((id) => !kinds.includes(id.split(':')[0]!)), message).toEqual([]);
    }
    const misspelt = await execute(yoga, '{ members(organization: "CTSO") { __typename } }');
    // Only organisations, the nearest in edits first: the CSTO is one swap away, its peacekeeping forces many more.
    // The two after it tie on edits and keep Lucene's order, which the index's history shifts.
    expect(misspelt.errors?.[0]?.message).toMatch(/^organization: no thing has the id, name or alias 'CTSO'\. Nearest matches: Organization:csto, Organization:[a-z0-9-]+, Organization:[a-z0-9-]+\. Search finds things by any word\.$/);
  });

  it("leaves a global id's kind out of the nearest matches: State:narnia is not near the United States", async () => {
    const result = await execute(yoga, '{ thing(id: "State:narnia") { id } }');
    expect(result.errors?.map((error) => [error.message, error.extensions?.nearest])).toEqual([["id: no thing has the id, name or alias 'State:narnia'. Search finds things by any word.", []]]);
  });

  it("take a global id's kind at its word: Person:kyrgyzstan names no thing, and suggests the State", async () => {
    const result = await execute(yoga, '{ thing(id: "Person:kyrgyzstan") { id } right: thing(id: "State:kyrgyzstan") { id } }');
    expect(result.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      [
        "id: no thing has the id, name or alias 'Person:kyrgyzstan'. Nearest matches: State:kyrgyzstan, Event:help-request-kyrgyzstan-1999, Event:help-request-kyrgyzstan-2010. " +
          'Search finds things by any word.',
        'NOT_FOUND',
      ],
    ]);
  });

  it('answer a name shared by several things with BAD_USER_INPUT listing them', async () => {
    const both = 'Shared Name test-shared-name-a (Place:test-shared-name-a), Shared Name test-shared-name-b (Place:test-shared-name-b)';
    for (const argument of await thingArguments()) {
      const result = await execute(yoga, operation(argument, 'testville'));
      const kinds = kindsOf[`${argument.field}(${argument.path})`];
      // Where places are not what the argument takes, neither place is a candidate.
      const message = !kinds || kinds.includes('Place') ? `names 2 things: ${both}. Pass one of their ids.` : `names ${both}, but it must name `;
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.message.startsWith(`${argument.path} 'testville' ${message}`), result.errors![0]!.message).toBe(true);
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
