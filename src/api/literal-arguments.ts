/**
 * Names the argument a validation error stands in: a value written in the document that its type refuses (a bad
 * Date, an unknown enum value, a string where a number goes) gets `extensions.argument`, as the resolvers' own
 * BAD_USER_INPUT errors do, so that a client can point at its input whether the value came as a literal or not.
 */
import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The name of the innermost argument or input field whose written value holds `offset`; undefined outside every argument. */
export function argumentAt(document: DocumentNode, offset: number): string | undefined {
  let name: string | undefined;
  const within = (node: { loc?: { start: number; end: number } }) => node.loc !== undefined && node.loc.start <= offset && offset < node.loc.end;
  visit(document, {
    enter(node) {
      if (!within(node)) return false;
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) name = node.name.value;
      return undefined;
    },
  });
  return name;
}

/** The error with `extensions.argument` added when it stands in an argument's value and names none yet. */
export function withArgument(error: GraphQLError, document: DocumentNode): GraphQLError {
  const offset = error.nodes?.[0]?.loc?.start;
  if (offset === undefined || error.extensions.argument !== undefined) return error;
  const argument = argumentAt(document, offset);
  if (argument === undefined) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, argument },
  });
}

export function useLiteralArguments(): Plugin {
  return {
    onValidate({ params }) {
      return ({ result, setResult }) => {
        if (result.length) setResult(result.map((error) => (error instanceof GraphQLError ? withArgument(error, params.documentAST) : error)));
      };
    },
  };
}
