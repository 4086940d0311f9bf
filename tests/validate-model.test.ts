/** The dyad rules of docs/model.md as a pure check: each broken rule is reported with the event id, file and line. */
import { describe, expect, it } from 'vitest';
import { type EventFacts, describeViolation, eventRules, findDefinitions, validateEvents } from '../src/loader/validate-model.js';

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
        eventId: 'request-without-target',
        eventType: 'HELP_REQUEST',
        rule: 'TARGET_REQUIRED',
        file: '13-example-events.cypher',
        line: 5,
        message: 'a HELP_REQUEST needs a target (HAS_TARGET)',
      },
      {
        eventId: 'request-without-target',
        eventType: 'HELP_REQUEST',
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
    expect(validateEvents(events).map(({ eventId, rule }) => [eventId, rule])).toEqual([
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

describe('enum values', () => {
  it('reports a value the enum lacks, beside the other broken rules, and lets an absent one pass', () => {
    const allowed = { status: ['OCCURRED', 'PLANNED', 'CANCELLED'], outcome: ['GRANTED', 'REFUSED', 'PENDING'] };
    const happened: EventFacts = { id: 'happened', type: 'VISIT', actors: [kyrgyzstan], targets: [csto], places: [batken], values: { status: 'HAPPENED', outcome: null } };
    const unknownType: EventFacts = { id: 'party', type: 'PARTY', actors: [], targets: [], places: [], values: { status: 'OCCURRED', outcome: 'WON' } };
    expect(validateEvents([happened, unknownType], new Map(), allowed).map(describeViolation)).toEqual([
      '(no file defines it; remove it with MATCH (e:Event {id: "happened"}) DETACH DELETE e): event happened (VISIT): status "HAPPENED" is not one of OCCURRED, PLANNED, CANCELLED [UNKNOWN_VALUE]',
      '(no file defines it; remove it with MATCH (e:Event {id: "party"}) DETACH DELETE e): event party (PARTY): type "PARTY" is not one of ' +
        `${Object.keys(eventRules).join(', ')} [UNKNOWN_TYPE]`,
      '(no file defines it; remove it with MATCH (e:Event {id: "party"}) DETACH DELETE e): event party (PARTY): outcome "WON" is not one of GRANTED, REFUSED, PENDING [UNKNOWN_VALUE]',
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
