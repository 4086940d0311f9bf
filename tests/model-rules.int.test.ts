/** The loaded article graph keeps the dyad rules of docs/model.md: the validator finds nothing, and the rules hold as read. */
import { afterAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../src/database/graph-database.js';
import { checkModel } from '../src/loader/check-model.js';
import { describeViolation } from '../src/loader/validate-model.js';
import { openTestDatabase } from './support/test-neo4j.js';

const db = openTestDatabase();
afterAll(() => db.close());

/** Actors, targets and places of one event, as sorted ids. */
async function dyad(id: string) {
  const [row] = await db.read<{ actors: string[]; targets: string[]; places: string[] }>(
    `MATCH (e:Event {id: $id})
     RETURN [(e)-[:HAS_ACTOR]->(x) | x.id] AS actors, [(e)-[:HAS_TARGET]->(x) | x.id] AS targets, [(e)-[:OCCURRED_IN]->(x) | x.id] AS places`,
    { id },
  );
  return { actors: [...row!.actors].sort(), targets: [...row!.targets].sort(), places: [...row!.places].sort() };
}

/** The model check of the graph with these writes made, in a transaction that is then rolled back: the graph stays as loaded. */
async function checkModelWith(...writes: string[]) {
  const session = db.writeSession();
  const tx = session.beginTransaction();
  try {
    for (const write of writes) await tx.run(write);
    // checkModel reads through `read` only: here, inside that transaction.
    const inTransaction = {
      read: async (cypher: string, parameters?: Record<string, unknown>) => (await tx.run(cypher, parameters)).records.map((record) => record.toObject()),
    } as unknown as GraphDatabase;
    return (await checkModel(inTransaction)).violations;
  } finally {
    await tx.rollback();
    await session.close();
  }
}

describe('the dyad rules', () => {
  it('hold for every event of the article graph', async () => {
    expect(await checkModel(db)).toEqual({ events: 38, violations: [] });
  });

  it("report a stored value that the API's enum lacks, which no query could read, with the file that defines it", async () => {
    const violations = await checkModelWith(
      "MATCH (e:Event {id: 'help-request-kyrgyzstan-2010'}) SET e.status = 'HAPPENED', e.datePrecision = 'DECADE'",
      "MATCH (s:Statement {id: 'statement-kyrgyz-politicians-question'}) SET s.kind = 'QUOTES'",
      "MATCH (:State {id: 'armenia'})-[m:MEMBER_OF {id: 'armenia-csto-1992'}]->() SET m.startPrecision = 'ERA'",
      "MATCH (o:Organization {id: 'csto'}) SET o.kind = 'CLUB'",
    );
    expect(violations.map(({ subject, rule, message, file, line }) => [subject.label, subject.id, rule, message, file, line])).toEqual([
      ['Event', 'help-request-kyrgyzstan-2010', 'UNKNOWN_VALUE', 'status "HAPPENED" is not one of CANCELLED, OCCURRED, PLANNED', '13-csto-2022-10-13-events.cypher', 102],
      ['Event', 'help-request-kyrgyzstan-2010', 'UNKNOWN_VALUE', 'datePrecision "DECADE" is not one of DAY, MONTH, YEAR', '13-csto-2022-10-13-events.cypher', 102],
      ['MEMBER_OF', 'armenia-MEMBER_OF->csto#armenia-csto-1992', 'UNKNOWN_VALUE', 'startPrecision "ERA" is not one of DAY, MONTH, YEAR', '12-csto-2022-10-13-memberships-offices.cypher', 16],
      [
        'Organization',
        'csto',
        'UNKNOWN_VALUE',
        'kind "CLUB" is not one of ALLIANCE, ARMED_GROUP, GOVERNMENT_BODY, INFORMAL_GROUP, LEGISLATURE, MEDIA, UNIVERSITY',
        '11-csto-2022-10-13-entities.cypher',
        182,
      ],
      ['Statement', 'statement-kyrgyz-politicians-question', 'UNKNOWN_VALUE', 'kind "QUOTES" is not one of PARAPHRASE, QUOTE', '14-csto-2022-10-13-statements-claims.cypher', 58],
    ]);
  });

  it("report another source's disputed value that the API's enum lacks, which the stored values do not show", async () => {
    const violations = await checkModelWith(
      "MATCH (e:Event {id: 'help-request-kyrgyzstan-2010'}) SET e.disputedProperties = ['status', 'name'], e.disputedValues = ['OCURRED', 'Another name'], e.disputedSourceIds = ['probe-source', 'probe-source']",
    );
    expect(violations.map(({ subject, rule, message, file, line }) => [subject.id, rule, message, file, line])).toEqual([
      [
        'help-request-kyrgyzstan-2010',
        'UNKNOWN_VALUE',
        "status \"OCURRED\", which source 'probe-source' gives, is not one of CANCELLED, OCCURRED, PLANNED (the graph keeps it as a dispute of the value first loaded)",
        '13-csto-2022-10-13-events.cypher',
        102,
      ],
    ]);
  });

  it('report a fact or a thing with no quote at all, which the quote check cannot see', async () => {
    const violations = await checkModelWith(
      "MATCH (a:State {id: 'armenia'}), (b:Organization {id: 'csto'}) CREATE (a)-[:MEMBER_OF {id: 'probe-without-evidence'}]->(b)",
      "CREATE (:Place:Entity {id: 'probe-unsourced-place', name: 'Probe'})",
    );
    expect(violations.map(describeViolation)).toEqual([
      '(no file defines it; remove it with MATCH ()-[r:MEMBER_OF {id: "probe-without-evidence"}]->() DELETE r): relationship armenia-MEMBER_OF->csto#probe-without-evidence: ' +
        'it has no quote: its evidence lists (sourceIds, quotes, quoteStarts, quoteEnds) are empty [NO_EVIDENCE]',
      '(no file defines it; remove it with MATCH (p:Place {id: "probe-unsourced-place"}) DETACH DELETE p): place probe-unsourced-place: it has no SOURCED_FROM, so no quote names it [NO_EVIDENCE]',
    ]);
  });

  it('report a thing without a name, which the API gives for every thing as non-null', async () => {
    const violations = await checkModelWith(
      "MATCH (s:Source {id: 'csto-2022-10-13'}) CREATE (p:Person:Entity {id: 'probe-nameless', nmae: 'Probe'})-[:SOURCED_FROM {quote: 'x', quoteStart: 0, quoteEnd: 1}]->(s)",
    );
    expect(violations.map(describeViolation)).toEqual([
      '(no file defines it; remove it with MATCH (p:Person {id: "probe-nameless"}) DETACH DELETE p): person probe-nameless: it has no name, which the API gives for every thing: every list or answer that reached it would fail [NO_NAME]',
    ]);
  });

  it('give a conflict both parties as actor and target', async () => {
    expect(await dyad('armenia-azerbaijan-clashes-2022-09')).toEqual({
      actors: ['armenia', 'azerbaijan'],
      targets: ['armenia', 'azerbaijan'],
      places: ['armenia-azerbaijan-conflict-zone'],
    });
    expect(await dyad('tajik-kyrgyz-border-conflict-2021')).toEqual({
      actors: ['kyrgyzstan', 'tajikistan'],
      targets: ['kyrgyzstan', 'tajikistan'],
      places: ['tajik-kyrgyz-border'],
    });
  });

  it('give an agreement its signatories as actors', async () => {
    expect(await dyad('csto-treaty-signing-1992')).toEqual({
      actors: ['armenia', 'kazakhstan', 'kyrgyzstan', 'russia', 'tajikistan', 'uzbekistan'],
      targets: ['csto'],
      places: ['tashkent'],
    });
  });

  it('store the support of the demonstrators as a SUPPORT event: supporters as actors, the supported as target', async () => {
    expect(await dyad('simonyan-grigoryan-support-demonstrators-2022-09')).toEqual({
      actors: ['alen-simonyan', 'armen-grigoryan'],
      targets: ['yerevan-demonstrators'],
      places: [],
    });
  });

  it('give a refusal the place of what it concerns, and a help request the place the help was asked for', async () => {
    expect((await dyad('kyrgyzstan-cancels-exercise-2022-10')).places).toEqual(['issyk-kul-region']);
    expect((await dyad('armenia-refuses-exercises-2022-09')).places).toEqual(['kazakhstan']);
    expect((await dyad('help-request-kyrgyzstan-2010')).places).toEqual(['batken', 'osh']);
    expect((await dyad('help-response-csto-kyrgyzstan-2010')).places).toEqual(['batken', 'osh']);
  });
});
