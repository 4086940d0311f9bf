/** Errors a client is meant to see: each is a GraphQLError with a code in `extensions.code`. */
import { GraphQLError } from 'graphql';

/** The argument an error concerns goes in `extensions.argument`, so that a client can point at its input. */
function clientError(code: string, message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(argument ? { argument } : {}) } });
}

export function badUserInput(message: string, argument?: string): GraphQLError {
  return clientError('BAD_USER_INPUT', message, argument);
}

export function notFound(message: string, argument?: string): GraphQLError {
  return clientError('NOT_FOUND', message, argument);
}
