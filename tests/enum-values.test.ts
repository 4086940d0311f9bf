/** Values a file's rows give for a property the API reads through an enum: checked against the enum before anything is sent. */
import { describe, expect, it } from 'vitest';
import { allowedValues, describeOutsideEnumRows } from '../src/loader/enum-values.js';
import { outgoingStatements } from '../src/loader/load-cypher.js';

const sent = (script: string) => outgoingStatements({ script, parameters: {} });

const events = (status: string) => `MATCH (s:Source {id: 'src'})
UNWIND [
  {id: 'summit', name: 'Summit', type: 'MEETING', status: 'OCCURRED', datePrecision: 'DAY'},
  {id: 'visit', name: 'Visit', type: 'VISIT', status: ${status}, datePrecision: null}
] AS row
MERGE (n:Event {id: row.id})
ON CREATE SET n.name = row.name, n.type = row.type, n.status = row.status, n.datePrecision = row.datePrecision;`;

describe('describeOutsideEnumRows', () => {
  it("passes the enum's values and null", async () => {
    const allowed = await allowedValues();
    expect(describeOutsideEnumRows(sent(events("'PLANNED'")), allowed)).toBeUndefined();
    expect(describeOutsideEnumRows(sent(events('null')), allowed)).toBeUndefined();
  });

  it("names a node row's value outside the enum, the value it most likely meant, and the row's line", async () => {
    expect(describeOutsideEnumRows(sent(events("'OCURRED'")), await allowedValues())).toEqual({
      line: 4,
      reason:
        "the row of 'visit' gives status \"OCURRED\" (did you mean OCCURRED?), which is not one of CANCELLED, OCCURRED, PLANNED: " +
        'the API reads Event.status through that enum, so every query that reached it would fail',
    });
  });

  it("checks a relationship row's values on the relationship type its statement writes, and leaves other labels alone", async () => {
    const allowed = await allowedValues();
    const membership = `UNWIND [
  {from: 'armenia', to: 'csto', id: 'armenia-csto-1992', startPrecision: 'DECADE'}
] AS row
MATCH (a:State {id: row.from}), (b:Organization {id: row.to})
MERGE (a)-[r:MEMBER_OF {id: row.id}]->(b) ON CREATE SET r.startPrecision = row.startPrecision;`;
    expect(describeOutsideEnumRows(sent(membership), allowed)?.reason).toMatch(/^the row from 'armenia' to 'csto' \(id 'armenia-csto-1992'\) gives startPrecision "DECADE", which is not one of DAY, MONTH, YEAR: the API reads MEMBER_OF\.startPrecision/);
    // A State has no enum-read property called status.
    expect(describeOutsideEnumRows(sent("UNWIND [{id: 'x', status: 'ANY'}] AS row MERGE (n:State:Entity {id: row.id}) SET n.status = row.status;"), allowed)).toBeUndefined();
  });
});
