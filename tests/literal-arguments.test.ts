/** Which argument a position in a document stands in: the innermost argument or input field around it. */
import { GraphQLError, type IntValueNode, Kind, parse, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import { argumentAt, withArgument } from '../src/api/literal-arguments.js';

const source = '{ events(filter: { from: "2022-02-30", types: [HELP] }, first: 2) { totalCount } }';
const document = parse(source);
const at = (text: string) => source.indexOf(text);

describe('argumentAt', () => {
  it('names the innermost argument or input field around an offset, and nothing outside them', () => {
    expect(argumentAt(document, at('"2022-02-30"'))).toBe('from');
    expect(argumentAt(document, at('HELP'))).toBe('types');
    expect(argumentAt(document, at('{ from'))).toBe('filter');
    expect(argumentAt(document, at('2)'))).toBe('first');
    expect(argumentAt(document, at('totalCount'))).toBeUndefined();
  });
});

describe('withArgument', () => {
  it('adds the argument to an error located in one, and leaves an argument already named or an error outside them alone', () => {
    let literal: IntValueNode | undefined;
    visit(document, { [Kind.INT]: (node: IntValueNode) => void (literal = node) });
    const located = new GraphQLError('first refused', { nodes: literal, extensions: { code: 'BAD_USER_INPUT' } });
    expect(withArgument(located, document).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
    const named = new GraphQLError('named', { nodes: literal, extensions: { argument: 'to' } });
    expect(withArgument(named, document)).toBe(named);
    const unlocated = new GraphQLError('nowhere');
    expect(withArgument(unlocated, document)).toBe(unlocated);
  });
});
