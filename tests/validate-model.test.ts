/** The dyad rules of docs/model.md and the API's enums as a pure check: each broken rule is reported with the id, file and line. */
import { describe, expect, it } from 'vitest';
import {
  type EventFacts,
  type ValueFacts,
  describeViolation,
  eventRules,
  findDefinitions,
  validateDisputedValues,
  validateEvents,
  validateValues,
} from '../src/loader/validate-model.js';

const kyrgyzstan = { id: 'kyrgyzstan', label: 'State' } as const;
const csto = { id: 'csto', label: 'Organization' } as const;
const batken = { id: 'batken', label: 'Place' } as const;

const eventsFile = {
  name: '13-example-events.cypher',
  text: `MATCH (s:Source {id: 'example'})
UNWIND [
  {id: 'request-ok', name: 'A request', type: 'HELP_REQUEST',
   prov: []},
  {id: 'request-without-target', name: 'A request to no one', type: 'HELP_REQUEST',
   prov: []}
] AS row
MERGE (n:Event {id: row.id});
UNWIND [
  {from: 'request-ok', to: 'csto', quote: 'x', quoteStart: 0, quoteEnd: 1}
] AS row
MATCH (a:Event {id: row.from}), (b:Organization {id: row.to})
MERGE (a)-[r:HAS_TARGET]->(b);
`,
};

describe('validateEvents', () => {
  it('passes an event that keeps its rules and reports each broken one with the event id, file and line', () => {
    const events: EventFacts[] = [
      { id: 'request-ok', type: 'HELP_REQUEST', actors: [kyrgyzstan], targets: [csto], places: [batken] },
      { id: 'request-without-target', type: 'HELP_REQUEST', actors: [kyrgyzstan], targets: [], places: [] },
    ];
    const violations = validateEvents(events, findDefinitions([eventsFile]));
    expect(violations).toEqual([
      {
        subject: { label: 'Event', id: 'request-without-target', type: 'HELP_REQUEST' },
        rule: 'TARGET_REQUIRED',
        file: '13-example-events.cypher',
        line: 5,
        message: 'a HELP_REQUEST needs a target (HAS_TARGET)',
      },
      {
        subject: { label: 'Event', id: 'request-without-target', type: 'HELP_REQUEST' },
        rule: 'PLACE_REQUIRED',
        file: '13-example-events.cypher',
        line: 5,
        message: 'a HELP_REQUEST needs a place (OCCURRED_IN)',
      },
    ]);
    expect(violations.map(describeViolation)).toEqual([
      '13-example-events.cypher:5: event request-without-target (HELP_REQUEST): a HELP_REQUEST needs a target (HAS_TARGET) [TARGET_REQUIRED]',
      '13-example-events.cypher:5: event request-without-target (HELP_REQUEST): a HELP_REQUEST needs a place (OCCURRED_IN) [PLACE_REQUIRED]',
    ]);
  });

  it('reports a conflict with its parties only as participants: no actor, no target', () => {
    const conflict: EventFacts = { id: 'border-conflict', type: 'ARMED_CONFLICT', actors: [], targets: [], places: [batken] };
    expect(validateEvents([conflict]).map(describeViolation)).toEqual([
      '(no file defines it; remove it with MATCH (e:Event {id: "border-conflict"}) DETACH DELETE e): event border-conflict (ARMED_CONFLICT): a ARMED_CONFLICT needs an actor (HAS_ACTOR) [ACTOR_REQUIRED]',
      '(no file defines it; remove it with MATCH (e:Event {id: "border-conflict"}) DETACH DELETE e): event border-conflict (ARMED_CONFLICT): a ARMED_CONFLICT needs a target (HAS_TARGET) [TARGET_REQUIRED]',
    ]);
  });

  it('reports an endpoint of the wrong kind and an unknown type', () => {
    const events: EventFacts[] = [
      { id: 'joins-a-city', type: 'ACCESSION', actors: [kyrgyzstan], targets: [batken], places: [] },
      { id: 'signs-in-an-alliance', type: 'TREATY_SIGNING', actors: [kyrgyzstan], targets: [csto], places: [csto] },
      { id: 'something', type: 'PARTY', actors: [], targets: [], places: [] },
    ];
    expect(validateEvents(events).map(({ subject, rule }) => [subject.id, rule])).toEqual([
      ['joins-a-city', 'TARGET_KIND'],
      ['signs-in-an-alliance', 'PLACE_KIND'],
      ['something', 'UNKNOWN_TYPE'],
    ]);
  });

  it('lets a dissolution have no target and a support no place', () => {
    const events: EventFacts[] = [
      { id: 'ussr-dissolution', type: 'DISSOLUTION', actors: [{ id: 'ussr', label: 'State' }], targets: [], places: [] },
      { id: 'support', type: 'SUPPORT', actors: [{ id: 'putin', label: 'Person' }], targets: [{ id: 'tokayev', label: 'Person' }], places: [] },
    ];
    expect(validateEvents(events)).toEqual([]);
  });
});

describe('validateValues', () => {
  const allowed = {
    Event: { status: ['OCCURRED', 'PLANNED', 'CANCELLED'], outcome: ['GRANTED', 'REFUSED', 'PENDING'] },
    Statement: { kind: ['QUOTE', 'PARAPHRASE'] },
    MEMBER_OF: { startPrecision: ['DAY', 'MONTH', 'YEAR'] },
  };
  const factsFile = {
    name: '50-sources/example/3-facts.cypher',
    text: "UNWIND [\n  {id: 'said', text: 'x', kind: 'QUOTES'}\n] AS row\nMERGE (s:Statement {id: row.id});\nUNWIND [\n  {from: 'armenia', to: 'csto', id: 'armenia-csto-1992', startPrecision: 'DECADE'}\n] AS row\nMATCH (a {id: row.from}), (b {id: row.to}) MERGE (a)-[:MEMBER_OF {id: row.id}]->(b);\n",
  };

  it('reports each value its enum lacks, on events, other nodes and relationships, where the file defines them', () => {
    const subjects: ValueFacts[] = [
      { label: 'Event', id: 'happened', type: 'VISIT', values: { status: 'HAPPENED', outcome: null } },
      { label: 'Event', id: 'fine', type: 'VISIT', values: { status: 'OCCURRED' } },
      { label: 'Statement', id: 'said', values: { kind: 'QUOTES' } },
      { label: 'MEMBER_OF', id: 'armenia-MEMBER_OF->csto#armenia-csto-1992', relationshipId: 'armenia-csto-1992', values: { startPrecision: 'DECADE' } },
      { label: 'MEMBER_OF', id: 'russia-MEMBER_OF->csto', relationshipId: null, values: { startPrecision: 7 } },
    ];
    expect(validateValues(subjects, allowed, findDefinitions([factsFile])).map(describeViolation)).toEqual([
      '(no file defines it; remove it with MATCH (e:Event {id: "happened"}) DETACH DELETE e): event happened (VISIT): status "HAPPENED" is not one of OCCURRED, PLANNED, CANCELLED [UNKNOWN_VALUE]',
      '50-sources/example/3-facts.cypher:2: statement said: kind "QUOTES" is not one of QUOTE, PARAPHRASE [UNKNOWN_VALUE]',
      '50-sources/example/3-facts.cypher:6: relationship armenia-MEMBER_OF->csto#armenia-csto-1992: startPrecision "DECADE" is not one of DAY, MONTH, YEAR [UNKNOWN_VALUE]',
      '(no file defines it): relationship russia-MEMBER_OF->csto: startPrecision 7 is not one of DAY, MONTH, YEAR [UNKNOWN_VALUE]',
    ]);
  });

  it('names the Cypher that removes a relationship no file defines any more', () => {
    const gone: ValueFacts = { label: 'MEMBER_OF', id: 'georgia-MEMBER_OF->csto#georgia-csto-1993', relationshipId: 'georgia-csto-1993', values: { startPrecision: 'ERA' } };
    expect(validateValues([gone], allowed).map(describeViolation)).toEqual([
      '(no file defines it; remove it with MATCH ()-[r:MEMBER_OF {id: "georgia-csto-1993"}]->() DELETE r): relationship georgia-MEMBER_OF->csto#georgia-csto-1993: startPrecision "ERA" is not one of DAY, MONTH, YEAR [UNKNOWN_VALUE]',
    ]);
  });
});

describe('validateDisputedValues', () => {
  const allowed = { Event: { status: ['OCCURRED', 'PLANNED', 'CANCELLED'] }, MEMBER_OF: { startPrecision: ['DAY', 'MONTH', 'YEAR'] } };
  const secondSource = {
    name: '50-sources/second/3-facts.cypher',
    text: "UNWIND [\n  {id: 'visit', status: 'OCURRED'},\n  {from: 'armenia', to: 'csto', id: 'armenia-csto-1992', startPrecision: 'DECADE'}\n] AS row\n",
  };

  it("reports a later source's disputed value that the enum lacks, at the row that gives it, and leaves other disputes alone", () => {
    const violations = validateDisputedValues(
      [
        { label: 'Event', id: 'visit', type: 'VISIT', disputes: [{ property: 'status', value: 'OCURRED', sourceId: 'second' }, { property: 'name', value: 'Another name', sourceId: 'second' }, { property: 'status', value: 'PLANNED', sourceId: 'third' }] },
        { label: 'MEMBER_OF', id: 'armenia-MEMBER_OF->csto#armenia-csto-1992', relationshipId: 'armenia-csto-1992', disputes: [{ property: 'startPrecision', value: 'DECADE', sourceId: 'second' }] },
        { label: 'Event', id: 'elsewhere', type: 'VISIT', disputes: [{ property: 'status', value: 'DONE', sourceId: 'fourth' }] },
      ],
      allowed,
      [secondSource],
    );
    expect(violations.map(describeViolation)).toEqual([
      "50-sources/second/3-facts.cypher:2: event visit (VISIT): status \"OCURRED\", which source 'second' gives, is not one of OCCURRED, PLANNED, CANCELLED (the graph keeps it as a dispute of the value first loaded) [UNKNOWN_VALUE]",
      "50-sources/second/3-facts.cypher:3: relationship armenia-MEMBER_OF->csto#armenia-csto-1992: startPrecision \"DECADE\", which source 'second' gives, is not one of DAY, MONTH, YEAR (the graph keeps it as a dispute of the value first loaded) [UNKNOWN_VALUE]",
      "(no file defines it; remove it with MATCH (e:Event {id: \"elsewhere\"}) DETACH DELETE e): event elsewhere (VISIT): status \"DONE\", which source 'fourth' gives, is not one of OCCURRED, PLANNED, CANCELLED (the graph keeps it as a dispute of the value first loaded) [UNKNOWN_VALUE]",
    ]);
  });
});

describe('findDefinitions', () => {
  it('finds node rows only, at their first definition', () => {
    const later = { name: '14-example.cypher', text: "UNWIND [\n  {id: 'request-ok', name: 'restated'}\n] AS row\n" };
    expect(Object.fromEntries(findDefinitions([eventsFile, later]))).toEqual({
      'request-ok': { file: '13-example-events.cypher', line: 3 },
      'request-without-target': { file: '13-example-events.cypher', line: 5 },
    });
  });

  it('finds an event written in place by a MERGE or CREATE, but not a MATCH of another label', () => {
    const inPlace = {
      name: '50-sources/example/3-facts.cypher',
      text: "MATCH (s:Source {id: 'example'})\nMERGE (e:Event {id: 'merged-event'}) SET e.type = 'MEETING';\nCREATE (:Event:Extra {id: 'created-event'});\n",
    };
    expect(Object.fromEntries(findDefinitions([inPlace]))).toEqual({
      'merged-event': { file: '50-sources/example/3-facts.cypher', line: 2 },
      'created-event': { file: '50-sources/example/3-facts.cypher', line: 3 },
    });
  });
});

describe('eventRules', () => {
  it('covers every event type of docs/model.md', () => {
    expect(Object.keys(eventRules).sort()).toEqual([
      'ACCESSION',
      'ARMED_CONFLICT',
      'DEPLOYMENT',
      'DISSOLUTION',
      'EXERCISE',
      'EXERCISE_CANCELLATION',
      'HELP_REQUEST',
      'HELP_RESPONSE',
      'INVASION',
      'MEETING',
      'PROTEST',
      'SUPPORT',
      'TREATY_SIGNING',
      'VISIT',
      'WITHDRAWAL',
    ]);
  });
});
