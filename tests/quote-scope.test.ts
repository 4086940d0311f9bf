import { describe, expect, it } from 'vitest';
import { createsOnly, planWrites, quotedTargets } from '../src/loader/quote-scope.js';

interface Plan {
  operatorType: string;
  arguments: { Details: string };
  children: Plan[];
}

const plan = (operatorType: string, Details = '', children: Plan[] = []): Plan => ({ operatorType: `${operatorType}@neo4j`, arguments: { Details }, children });

describe('which statements only create', () => {
  it('accepts MERGE whose ON CREATE SET sets what it creates', () => {
    expect(createsOnly('Merge', 'CREATE (n:State:Entity {id: row.id}), ON CREATE SET n.name = row.name, n.aliases = row.aliases')).toBe(true);
    expect(createsOnly('LockingMerge', 'CREATE (n)-[r:SOURCED_FROM {quoteStart: p.quoteStart, quoteEnd: p.quoteEnd}]->(s), ON CREATE SET r.quote = p.quote, LOCK(n, s)')).toBe(true);
    expect(createsOnly('Merge', 'CREATE (a)-[r:HAS_ACTOR]->(b)')).toBe(true);
    expect(createsOnly('Create', '(n:Event {id: row[0]})')).toBe(true);
  });

  it('refuses ON MATCH, and ON CREATE SET on a node that existed', () => {
    expect(createsOnly('Merge', 'CREATE (n:X {id: row.id}), ON MATCH SET n.seen = true')).toBe(false);
    // n and s are bound: only r is created, so n.touched would write on an existing node.
    expect(createsOnly('LockingMerge', 'CREATE (n)-[r:SOURCED_FROM]->(s), ON CREATE SET n.touched = true, LOCK(n, s)')).toBe(false);
    expect(createsOnly('Merge', 'CREATE (n:X {id: 1}), ON CREATE SET s.text = $text')).toBe(false);
  });

  it('reads the whole plan: any other write operator makes a statement more than the scope can follow', () => {
    const merge = plan('Merge', 'CREATE (s:Source {id: $autostring_0}), ON CREATE SET s.name = $autostring_1', [plan('NodeUniqueIndexSeek(Locking)', 'UNIQUE s:Source(id)')]);
    expect(planWrites(plan('ProduceResults', '', [plan('EmptyResult', '', [merge])]))).toEqual({});
    const foreach = plan('Foreach', '_ IN CASE WHEN … END, SET s.text = $sourceText', [merge]);
    // cypher/10's FOREACH that writes a changed text, in the last clause: followed, by the variable it SETs.
    expect(planWrites(plan('ProduceResults', '', [plan('EmptyResult', '', [foreach])]))).toEqual({ tracked: 's' });
    expect(planWrites(plan('ProduceResults', '', [plan('EmptyResult', '', [plan('Foreach', 'x IN $list, SET x.text = $t', [merge])])]))).toBeUndefined();
    expect(planWrites(plan('ProduceResults', '', [plan('EmptyResult', '', [plan('Foreach', 'x IN $list, CREATE (n {id: x})', [merge])])]))).toBeUndefined();
    expect(planWrites(plan('ProduceResults', '', [plan('Filter', '', [foreach])]))).toBeUndefined();
    // A SET of a property no quote reads is harmless; of one a quote reads, outside a last clause, it is not.
    expect(planWrites(plan('EmptyResult', '', [plan('SetProperty', 'n.searchKeys = derived', [plan('NodeByLabelScan')])]))).toEqual({});
    expect(planWrites(plan('EmptyResult', '', [plan('SetProperty', 'n.id = derived', [plan('NodeByLabelScan')])]))).toBeUndefined();
    expect(planWrites(plan('EmptyResult', '', [plan('DetachDelete', 'n', [plan('AllNodesScan')])]))).toBeUndefined();
    expect(planWrites(plan('ProduceResults', 'x', [plan('ProcedureCall', 'db.labels()')]))).toBeUndefined();
  });

  it('follows a SET of quoted properties only in the last clause, on one variable', () => {
    const merge = plan('Merge', 'CREATE (a)-[r:HAS_ACTOR]->(b), ON CREATE SET r.sourceIds = $autolist_0, r.quotes = $autolist_1', [plan('Filter', 'x')]);
    const append = (child: Plan) =>
      plan('ProduceResults', '', [plan('EmptyResult', '', [plan('SetProperties', 'r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote', [child])])]);
    expect(planWrites(append(plan('Filter', 'NOT any(…)', [merge])))).toEqual({ tracked: 'r' });
    // A quoted SET below the last clause (here, under an Apply) is refused; a SET of other properties is harmless anywhere.
    const disputes = (details: string) => plan('Apply', '', [merge, plan('SetProperties', details, [plan('Argument')])]);
    expect(planWrites(append(disputes('r.disputedProperties = coalesce(r.disputedProperties, []) + disputed, r.disputedValues = [k IN disputed | toString(row[k])]')))).toEqual({ tracked: 'r' });
    expect(planWrites(append(disputes('r.quotes = []')))).toBeUndefined();
    // A statement that returns rows of its own cannot take the appended RETURN.
    expect(planWrites(plan('ProduceResults', 'r', [plan('SetProperty', 'r.quotes = []', [merge])]))).toBeUndefined();
    // Two variables, a map, a dynamic key: refused.
    expect(planWrites(append(plan('SetProperty', 's.text = $t', [merge])))).toBeUndefined();
    expect(planWrites(plan('ProduceResults', '', [plan('EmptyResult', '', [plan('SetPropertiesFromMap', 'r = row', [merge])])]))).toBeUndefined();
    expect(quotedTargets('n.aliases = n.aliases + added')).toEqual(new Set());
    expect(quotedTargets('r.quotes = r.quotes + row.quote, r.sourceIds = r.sourceIds + sourceId')).toEqual(new Set(['r']));
    expect(quotedTargets('r[k] = 1')).toBeUndefined();
    expect(quotedTargets("r.quote = 'a, b', n.name = f(x, y)")).toEqual(new Set(['r']));
    expect(quotedTargets('r.quote = f(x, ...')).toBeUndefined();
  });
});
