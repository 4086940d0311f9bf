import { describe, expect, it } from 'vitest';
import { createsOnly, planCreatesOnly } from '../src/loader/quote-scope.js';

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

  it('reads the whole plan: any other write operator makes a statement more than creating', () => {
    const merge = plan('Merge', 'CREATE (s:Source {id: $autostring_0}), ON CREATE SET s.name = $autostring_1', [plan('NodeUniqueIndexSeek(Locking)', 'UNIQUE s:Source(id)')]);
    expect(planCreatesOnly(plan('ProduceResults', '', [plan('EmptyResult', '', [merge])]))).toBe(true);
    const foreach = plan('Foreach', '_ IN CASE WHEN … END, SET s.text = $sourceText', [merge]);
    expect(planCreatesOnly(plan('ProduceResults', '', [plan('EmptyResult', '', [foreach])]))).toBe(false);
    expect(planCreatesOnly(plan('EmptyResult', '', [plan('SetProperty', 'n.searchKeys = derived', [plan('NodeByLabelScan')])]))).toBe(false);
    expect(planCreatesOnly(plan('EmptyResult', '', [plan('DetachDelete', 'n', [plan('AllNodesScan')])]))).toBe(false);
    expect(planCreatesOnly(plan('ProduceResults', 'x', [plan('ProcedureCall', 'db.labels()')]))).toBe(false);
  });
});
